/** `oc patch`: strategic, merge and JSON patches of one or more objects, with kubectl's words for every failure. */
import { ApiError } from '../../api/errors'
import type { PatchType } from '../../api/patch'
import { fromYaml, YamlSyntaxError } from '../../format/yaml'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import { formatApiError } from '../errors'
import type { FlagSpec } from '../flags'
import { readManifests } from '../manifest-input'
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, goQuote, namedTargets, nsFor, printWarnings, refOf } from '../mutate-helpers'
import { outputFormatOf, writeObjects } from '../printers/output'
import type { ResourceType } from '../../api/resources'

const PATCH_TYPES: Record<string, PatchType> = { json: 'json', merge: 'merge', strategic: 'strategic' }

/** Flags of `oc patch`. */
export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
  { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
  { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to update' },
  { name: 'local', type: 'bool', usage: 'If true, patch will operate on the content of the file, not the server-side resource.', notSimulated: 'patches are always sent to the server' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  DRY_RUN_FLAG,
  { name: 'subresource', type: 'string', usage: "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is alpha and may change in the future.", notSimulated: 'patch the object itself' },
  { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command.', hidden: true, notSimulated: 'no change-cause annotation is written' },
]

/** Turns the `-p` text into JSON the way `yaml.ToJSON` does; a syntax error is kubectl's `unable to parse`. */
export function parsePatchText(text: string): unknown {
  try {
    return fromYaml(text)
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new CliError(`unable to parse ${goQuote(text)}: ${e.message}`)
    throw e
  }
}

async function runPatch(inv: Invocation): Promise<number> {
  const { flags, cmd, cluster } = inv
  const era40 = inv.profile === '4.0'
  let text = (flags.patch as string | undefined) ?? ''
  const file = flags['patch-file'] as string | undefined
  if (text && file) throw new CliError('cannot specify --patch and --patch-file together')
  if (!text && !file) throw new CliError(era40 ? 'must specify -p to patch' : 'must specify --patch or --patch-file containing the contents of the patch')
  const typed = String(flags.type ?? 'strategic')
  const type = PATCH_TYPES[typed.toLowerCase()]
  if (typed !== '' && !type) throw new CliError(`--type must be one of [json merge strategic], not ${goQuote(typed)}`)
  const dry = dryRunOf(inv)
  const format = flags.output ? outputFormatOf(inv) : undefined
  if (file) {
    const path = cmd.fs.resolve(cmd.cwd, file)
    if (!cmd.fs.isFile(path)) throw new CliError(`open ${file}: no such file or directory`)
    text = cmd.fs.readFile(path)
  }
  const body = parsePatchText(text)
  const targets: { rt: ResourceType; name?: string; namespace?: string }[] = []
  const files = flags.filename as string[]
  if (files.length > 0) {
    for (const m of readManifests(inv, files)) for (const o of m.objects) targets.push({ rt: o.rt, name: o.obj.metadata?.name, namespace: o.namespace })
  }
  if (inv.positional.length === 0 && files.length === 0) {
    throw new CliError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  }
  for (const t of namedTargets(inv, inv.positional, 'patch')) {
    if (!t.name) throw new CliError('resource(s) were provided, but no name was specified')
    targets.push({ ...t, namespace: nsFor(inv, t.rt) })
  }
  const errors: string[] = []
  for (const t of targets) {
    const name = t.name ?? ''
    try {
      const warnings: string[] = []
      let obj
      let changed: boolean
      if (dry === 'client') {
        obj = cluster.api.get(t.rt.key, t.namespace, name)
        const r = cluster.api.patch(t.rt.key, t.namespace, name, type, body, { dryRun: true, warnings })
        changed = r.changed
        obj = r.object
      } else {
        const r = cluster.api.patch(t.rt.key, t.namespace, name, type, body, { dryRun: dry === 'server', warnings })
        obj = r.object
        changed = r.changed
      }
      printWarnings(inv, warnings)
      if (format && format.kind !== 'name') {
        writeObjects(cmd.stdout, format, [{ rt: t.rt, obj }], true, inv.profile)
        continue
      }
      const ref = refOf(t.rt, name)
      if (format?.kind === 'name') cmd.stdout.write(`${ref}\n`)
      else cmd.stdout.write(`${ref} ${changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(dry)}\n`)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(formatApiError(e))
    }
  }
  for (const e of errors) cmd.stderr.write(e + '\n')
  return errors.length > 0 ? 1 : 0
}

/** `oc patch`. */
export const patchVerb: Verb = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.\n\n JSON and YAML formats are accepted.',
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [flags] [options]',
  example: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  oc patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

  # Update a container's image using a JSON patch with positional arrays
  oc patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'

  # Update the registry configuration using a merge patch
  oc patch configs.imageregistry.operator.openshift.io/cluster --type merge -p '{"spec":{"managementState":"Managed"}}'
`,
  group: 'Advanced Commands',
  flags: PATCH_FLAGS,
  run: runPatch,
}
