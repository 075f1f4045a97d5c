/** `oc replace -f`: PUT of whole objects (`replaced`), Conflict on a stale resourceVersion, `--force` recreates. */
import { CREATE_COMMON_FLAGS, eachManifestObject, printResult, withLastApplied } from '../create-common'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import { dryRunOf, reportAggregate } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'

const REPLACE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'The files that contain the configurations to replace.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' },
  { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
  { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.' },
  { name: 'wait', type: 'bool', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ...CREATE_COMMON_FLAGS,
]

async function runReplace(inv: Invocation): Promise<number> {
  const { cluster, flags } = inv
  const files = flags.filename as string[]
  if (files.length === 0) throw new CliError('must specify --filename to replace', 'replace')
  const dry = dryRunOf(inv)
  if (flags.output) outputFormatOf(inv)
  const { errors } = eachManifestObject(inv, files, () => 'replacing', (item, input) => {
    const obj = flags['save-config'] ? withLastApplied(input) : input
    let out
    if (flags.force) {
      if (dry === 'none') cluster.api.delete(item.rt.key, item.namespace, obj.metadata.name, { gracePeriodSeconds: 0 })
      cluster.settle()
      delete obj.metadata.resourceVersion
      out = dry === 'client' ? obj : cluster.api.create(item.rt.key, obj, { dryRun: dry === 'server' })
    } else {
      if (dry === 'client') cluster.api.get(item.rt.key, item.namespace, obj.metadata.name)
      out = dry === 'client' ? obj : cluster.api.update(item.rt.key, obj, { dryRun: dry === 'server' })
    }
    printResult(inv, item.rt, out, 'replaced', dry)
  })
  return reportAggregate(inv, errors)
}

/** `oc replace`. */
export const replaceVerb: Verb = {
  name: 'replace',
  short: 'Replace a resource by filename or stdin',
  long: 'Replace a resource by filename or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided.',
  use: 'replace -f FILENAME [flags] [options]',
  example: `  # Replace a pod using the data in pod.json
  oc replace -f ./pod.json

  # Force replace, delete and then re-create the resource
  oc replace --force -f ./pod.json
`,
  group: 'Advanced Commands',
  flags: REPLACE_FLAGS,
  run: runReplace,
}
