/** `oc delete`: by name, `TYPE/NAME`, `-f`, `-l`, `--all`; graceful or forced, waiting on the virtual clock. */
import { ApiError } from '../../api/errors'
import type { ResourceType } from '../../api/resources'
import type { Invocation, Verb } from '../env'
import { CliError, formatApiError } from '../errors'
import type { FlagSpec } from '../flags'
import { readManifests } from '../manifest-input'
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, namedTargets, nsFor } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'
import { parseTargets, refuseNamesAcrossNamespaces } from '../resource-args'

/** Flags of `oc delete`. */
export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'containing the resource to delete.' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, not including uninitialized ones." },
  { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
  { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
  { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
  { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
  { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
  { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
  DRY_RUN_FLAG,
]

interface Victim {
  rt: ResourceType
  name: string
  namespace?: string
  source?: string
}

/** `pod "x"`, `deployment.apps "x"`. */
function deletedRef(rt: ResourceType, name: string): string {
  const k = rt.kind.toLowerCase()
  return `${rt.group ? `${k}.${rt.group}` : k} "${name}"`
}

const RESOURCES_REQUIRED = `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`

async function runDelete(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  const files = flags.filename as string[]
  const selector = flags.selector as string | undefined
  const all = flags.all === true
  const dry = dryRunOf(inv)
  const format = flags.output ? outputFormatOf(inv) : undefined
  if (format && format.kind !== 'name') throw new CliError(`unexpected -o output mode: ${flags.output}. We only support '-o name'`)
  let grace = flags['grace-period'] as number
  const force = flags.force === true
  if (flags.now) grace = 1
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  if (inv.positional.length === 0 && files.length === 0) throw new CliError(RESOURCES_REQUIRED)
  if (all && selector) throw new CliError('cannot set --all and --selector at the same time')
  const ignoreNotFound = flags['ignore-not-found'] === true || (all && !inv.changed.has('ignore-not-found'))
  const victims: Victim[] = []
  let queried = false
  const errors: string[] = []
  for (const f of readManifests(inv, files)) {
    for (const item of f.items) {
      if ('error' in item) errors.push(item.error)
      else victims.push({ rt: item.rt, name: item.obj.metadata.name, namespace: item.namespace, source: item.source })
    }
  }
  if (inv.positional.length > 0) {
    refuseNamesAcrossNamespaces(parseTargets(inv.positional, inv.profile, inv.binary, 'delete'), flags['all-namespaces'] === true)
    const targets = namedTargets(inv, inv.positional, 'delete')
    for (const t of targets) {
      if (t.name) {
        victims.push({ rt: t.rt, name: t.name, namespace: nsFor(inv, t.rt) })
        continue
      }
      if (!all && !selector && !flags['field-selector']) throw new CliError('resource(s) were provided, but no name was specified')
      queried = true
      const ns = t.rt.namespaced && !flags['all-namespaces'] ? inv.namespace : undefined
      for (const o of cluster.api.list(t.rt.key, { namespace: ns, labelSelector: selector, fieldSelector: flags['field-selector'] as string | undefined })) {
        victims.push({ rt: t.rt, name: o.metadata.name, namespace: o.metadata.namespace })
      }
    }
  }
  if (force && grace === 0) {
    cmd.stderr.write(`${inv.profile === '4.0' ? 'warning' : 'Warning'}: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n`)
  }
  const gone: { v: Victim; uid?: string }[] = []
  const policy = String(flags.cascade) === 'orphan' || String(flags.cascade) === 'false' ? 'Orphan' : String(flags.cascade) === 'foreground' ? 'Foreground' : 'Background'
  for (const v of victims) {
    try {
      const before = cluster.api.tryGet(v.rt.key, v.namespace, v.name)
      if (dry === 'client') {
        cluster.api.get(v.rt.key, v.namespace, v.name)
      } else {
        cluster.api.delete(v.rt.key, v.namespace, v.name, { dryRun: dry === 'server', gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy: policy })
      }
      if (format?.kind === 'name') cmd.stdout.write(`${deletedRef(v.rt, v.name).replace(/ "(.*)"$/, '/$1')}\n`)
      else cmd.stdout.write(`${deletedRef(v.rt, v.name)} ${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dry)}\n`)
      gone.push({ v, uid: before?.metadata.uid })
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      if (e.reason === 'NotFound' && ignoreNotFound) continue
      errors.push(v.source ? `Error from server (${e.reason}): error when deleting "${v.source}": ${e.message}` : formatApiError(e))
    }
  }
  if (victims.length === 0 && errors.length === 0 && queried) cmd.stdout.write('No resources found\n')
  if (flags.wait === true && dry === 'none') await waitGone(inv, gone)
  for (const e of errors) cmd.stderr.write(e + '\n')
  return errors.length > 0 ? 1 : 0
}

/** Waits (virtual time) until every deleted object is gone or replaced by a new one with another uid. */
async function waitGone(inv: Invocation, gone: { v: Victim; uid?: string }[]): Promise<void> {
  const { cluster, cmd } = inv
  const present = () =>
    gone.filter(({ v, uid }) => {
      const o = cluster.api.tryGet(v.rt.key, v.namespace, v.name)
      return o !== undefined && o.metadata.uid === uid
    })
  cluster.settle()
  while (present().length > 0 && !cmd.signal.aborted) {
    try {
      await cmd.sleep(1000, { endless: true })
    } catch {
      return
    }
    cluster.settle()
  }
}

/** `oc delete`. */
export const deleteVerb: Verb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [flags] [options]',
  example: `  # Delete a pod using the type and name specified in pod.json
  oc delete -f ./pod.json

  # Delete pods and services with same names "baz" and "foo"
  oc delete pod,service baz foo

  # Delete pods and services with label name=myLabel
  oc delete pods,services -l name=myLabel

  # Delete a pod with minimal delay
  oc delete pod foo --now

  # Force delete a pod on a dead node
  oc delete pod foo --force
`,
  group: 'Basic Commands',
  flags: DELETE_FLAGS,
  run: runDelete,
}
