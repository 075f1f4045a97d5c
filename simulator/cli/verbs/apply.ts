/** `oc apply -f`: created / configured / unchanged, keeping the last-applied annotation (simplified 3-way merge). */
import { ApiError } from '../../api/errors'
import { structuredCloneJson } from '../../api/patch'
import type { KObject } from '../../api/types'
import { fromYaml } from '../../format/yaml'
import { CREATE_COMMON_FLAGS, LAST_APPLIED, createAndPrint, eachManifestObject, lastAppliedOf, printResult } from '../create-common'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import { dryRunOf, printWarnings, reportAggregate } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'
import { diffMergePatch } from './edit'

const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'The files that contain the configurations to apply.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' },
  { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
  { name: 'prune', type: 'bool', usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.', notSimulated: 'delete the objects with oc delete' },
  { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.', notSimulated: 'apply runs client-side' },
  { name: 'overwrite', type: 'bool', default: true, usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
  ...CREATE_COMMON_FLAGS.filter((f) => f.name !== 'save-config'),
]

/** The warning printed when the live object has no last-applied annotation. */
function missingAnnotation(inv: Invocation, plural: string, name: string): string {
  if (inv.profile === '4.0') return `Warning: ${inv.binary} apply should be used on resource created by either ${inv.binary} create --save-config or ${inv.binary} apply\n`
  const b = inv.binary
  return `Warning: resource ${plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by ${b} apply. ${b} apply should only be used on resources created declaratively by either ${b} create --save-config or ${b} apply. The missing annotation will be patched automatically.\n`
}

async function runApply(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  const files = flags.filename as string[]
  if (files.length === 0) throw new CliError('must specify one of -f and -k', 'apply')
  if (inv.positional.length > 0) throw new CliError(`Unexpected args: [${inv.positional.join(' ')}]`, 'apply')
  const dry = dryRunOf(inv)
  if (flags.output) outputFormatOf(inv)
  const { errors } = eachManifestObject(inv, files, (e) => (live(e) ? 'patching' : 'creating'), (item, obj) => {
    const applied = lastAppliedOf(obj)
    const current = cluster.api.tryGet(item.rt.key, item.namespace, obj.metadata.name)
    if (!current) {
      const withAnn = structuredCloneJson(obj)
      withAnn.metadata.annotations = { ...(withAnn.metadata.annotations ?? {}), [LAST_APPLIED]: applied }
      createAndPrint({ ...inv, flags: { ...flags, 'save-config': false } }, item.rt, withAnn, dry)
      return
    }
    const prevText = current.metadata.annotations?.[LAST_APPLIED]
    if (prevText === undefined) cmd.stderr.write(missingAnnotation(inv, item.rt.plural, obj.metadata.name))
    const prev = prevText ? (safeJson(prevText) as KObject) : undefined
    const patch = (prev ? diffMergePatch(prev, obj) : structuredCloneJson(obj)) as KObject
    patch.metadata = { ...(patch.metadata ?? {}), annotations: { ...((patch.metadata?.annotations as object) ?? {}), [LAST_APPLIED]: applied } } as KObject['metadata']
    const warnings: string[] = []
    const r = cluster.api.patch(item.rt.key, item.namespace, obj.metadata.name, 'merge', patch, { dryRun: dry !== 'none', warnings })
    printWarnings(inv, warnings)
    printResult(inv, item.rt, r.object, r.changed ? 'configured' : 'unchanged', dry)
  })
  return reportAggregate(inv, errors)
}

/** Which request an error came from: everything but AlreadyExists/NotFound of create is a patch here. */
function live(e: ApiError): boolean {
  return e.reason !== 'AlreadyExists'
}

function safeJson(text: string): unknown {
  try {
    return fromYaml(text)
  } catch {
    return undefined
  }
}

/** `oc apply`. */
export const applyVerb: Verb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: 'Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet. To use \'apply\', always create the resource initially with either \'apply\' or \'create --save-config\'.\n\n JSON and YAML formats are accepted.',
  use: 'apply (-f FILENAME | -k DIRECTORY) [flags] [options]',
  example: `  # Apply the configuration in pod.json to a pod
  oc apply -f ./pod.json

  # Apply the JSON passed into stdin to a pod
  cat pod.json | oc apply -f -
`,
  group: 'Advanced Commands',
  flags: APPLY_FLAGS,
  run: runApply,
}
