/** `oc label` and `oc annotate`: `key=value` and `key-` updates, `--overwrite`, `--all`, `-l`, `--list`. */
import { ApiError } from '../../api/errors'
import type { ResourceType } from '../../api/resources'
import type { Invocation, Verb } from '../env'
import { CliError, formatApiError } from '../errors'
import type { FlagSpec } from '../flags'
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, namedTargets, nsFor, refOf, reportAggregate } from '../mutate-helpers'

type Mode = 'label' | 'annotate'

function flagsFor(mode: Mode): FlagSpec[] {
  const what = mode === 'label' ? 'labels' : 'annotations'
  return [
    { name: 'overwrite', type: 'bool', usage: `If true, allow ${what} to be overwritten, otherwise reject ${mode === 'label' ? 'label' : 'annotation'} updates that overwrite existing ${what}.` },
    { name: 'list', type: 'bool', usage: `If true, display the ${what} for a given resource.` },
    { name: 'all', type: 'bool', usage: `Select all resources, in the namespace of the specified resource types` },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)." },
    { name: 'filename', short: 'f', type: 'stringArray', usage: `Filename, directory, or URL to files identifying the resource to update the ${what}`, notSimulated: 'name the objects as TYPE NAME or TYPE/NAME' },
    { name: 'resource-version', type: 'string', usage: 'If non-empty, the update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.', notSimulated: 'there is no precondition on the resource version' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    DRY_RUN_FLAG,
  ]
}

/** Splits `TYPE NAME key=v key-` into resource arguments and updates, like GetResourcesAndPairs. */
function splitArgs(args: string[], mode: Mode): { resources: string[]; set: Record<string, string>; remove: string[] } {
  const resources: string[] = []
  const set: Record<string, string> = {}
  const remove: string[] = []
  let pairs = false
  for (const a of args) {
    if (a.includes('=') || a.endsWith('-')) {
      pairs = true
      if (a.includes('=')) {
        const i = a.indexOf('=')
        const key = a.slice(0, i)
        if (!key || (mode === 'label' && !/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key))) {
          throw new CliError(`invalid ${mode === 'label' ? 'label' : 'annotation'} spec: ${a}`)
        }
        set[key] = a.slice(i + 1)
      } else remove.push(a.slice(0, -1))
    } else {
      if (pairs) throw new CliError(`all resources must be specified before ${mode === 'label' ? 'label' : 'annotation'} changes: ${a}`)
      resources.push(a)
    }
  }
  return { resources, set, remove }
}

async function runUpdate(inv: Invocation, mode: Mode): Promise<number> {
  const { cluster, cmd, flags } = inv
  const field = mode === 'label' ? 'labels' : 'annotations'
  const { resources, set, remove } = splitArgs(inv.positional, mode)
  const selector = flags.selector as string | undefined
  if (flags.all && selector) throw new CliError('cannot set --all and --selector at the same time')
  if (resources.length === 0) throw new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (Object.keys(set).length === 0 && remove.length === 0 && !flags.list) throw new CliError(`at least one ${mode === 'label' ? 'label' : 'annotation'} update is required`)
  const dry = dryRunOf(inv)
  const objs: { rt: ResourceType; name: string; namespace?: string }[] = []
  for (const t of namedTargets(inv, resources, mode)) {
    if (t.name) objs.push({ rt: t.rt, name: t.name, namespace: nsFor(inv, t.rt) })
    else {
      if (!flags.all && !selector) throw new CliError('resource(s) were provided, but no name was specified')
      const ns = t.rt.namespaced && !flags['all-namespaces'] ? inv.namespace : undefined
      for (const o of cluster.api.list(t.rt.key, { namespace: ns, labelSelector: selector })) objs.push({ rt: t.rt, name: o.metadata.name, namespace: o.metadata.namespace })
    }
  }
  const errors: string[] = []
  for (const o of objs) {
    try {
      const live = cluster.api.get(o.rt.key, o.namespace, o.name)
      const current: Record<string, string> = (live.metadata[field] as Record<string, string> | undefined) ?? {}
      if (flags.list) {
        if (mode === 'label') cmd.stdout.write(`Listing labels for ${o.rt.kind}.${o.rt.group}/${o.name}:\n`)
        for (const [k, v] of Object.entries(current).sort(([a], [b]) => (a < b ? -1 : 1))) cmd.stdout.write(` ${k}=${v}\n`)
        continue
      }
      if (!flags.overwrite) {
        const clash = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v)
        if (clash.length > 0) {
          if (mode === 'label') {
            for (const [k] of clash) errors.push(`'${k}' already has a value (${current[k]}), and --overwrite is false`)
          } else {
            errors.push(`--overwrite is false but found the following declared annotation(s): ${clash.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`)
          }
          continue
        }
      }
      for (const k of remove) if (!(k in current) && mode === 'label') cmd.stdout.write(`label "${k}" not found.\n`)
      const patch: Record<string, string | null> = { ...set }
      for (const k of remove) patch[k] = null
      const r = cluster.api.patch(o.rt.key, o.namespace, o.name, 'merge', { metadata: { [field]: patch } }, { dryRun: dry !== 'none' })
      let msg = mode === 'label' ? 'labeled' : 'annotated'
      if (mode === 'label' && !r.changed) msg = 'not labeled'
      else if (mode === 'label' && !flags.overwrite && Object.keys(set).length === 0 && remove.length > 0) msg = 'unlabeled'
      cmd.stdout.write(flags.output === 'name' ? `${refOf(o.rt, o.name)}\n` : `${refOf(o.rt, o.name)} ${msg}${dryRunSuffix(dry)}\n`)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(formatApiError(e))
    }
  }
  return reportAggregate(inv, errors)
}

/** `oc label`. */
export const labelVerb: Verb = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [flags] [options]',
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  oc label pods foo unhealthy=true

  # Remove a label named 'bar' if it exists
  oc label pods foo bar-
`,
  group: 'Application Management Commands',
  flags: flagsFor('label'),
  run: (inv) => runUpdate(inv, 'label'),
}

/** `oc annotate`. */
export const annotateVerb: Verb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [flags] [options]',
  example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  oc annotate pods foo description='my frontend'

  # Remove an annotation named 'description' if it exists
  oc annotate pods foo description-
`,
  group: 'Application Management Commands',
  flags: flagsFor('annotate'),
  run: (inv) => runUpdate(inv, 'annotate'),
}
