/** `oc wait --for=condition=X[=value]|delete` on the virtual clock, with kubectl's messages. */
import { isApiError } from '../../api/errors'
import { kindPrefix } from '../../api/resources'
import type { KObject } from '../../api/types'
import { parseGoDuration } from '../../format/duration'
import { CliError } from '../errors'
import type { Invocation, Verb } from '../env'
import { parseTargets } from '../resource-args'

interface Cond { kind: 'condition'; type: string; value: string }
type ForSpec = Cond | { kind: 'delete' }

function parseFor(v: string | undefined): ForSpec {
  if (!v) throw new CliError('--for must be set')
  if (v.toLowerCase() === 'delete') return { kind: 'delete' }
  if (v.startsWith('jsonpath=')) throw new CliError('--for=jsonpath=... is not available in this workshop simulator (use --for=condition=TYPE or --for=delete)')
  const m = v.match(/^condition=([^=]+)(?:=(.*))?$/)
  if (m) return { kind: 'condition', type: m[1], value: m[2] ?? 'true' }
  throw new CliError(`unrecognized condition: "${v}"`)
}

function met(obj: KObject, c: Cond): boolean {
  return (obj.status?.conditions ?? []).some((x: any) => String(x.type).toLowerCase() === c.type.toLowerCase() && String(x.status).toLowerCase() === c.value.toLowerCase())
}

/** A GET that says whether the object is there (the request, failed or not, is audited like the real one). */
function exists(inv: Invocation, key: string, ns: string | undefined, name: string): boolean {
  try {
    inv.cluster.api.get(key, ns, name)
    return true
  } catch (e) {
    if (isApiError(e) && e.reason === 'NotFound') return false
    throw e
  }
}

async function runWait(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  const spec = parseFor(flags.for as string | undefined)
  let timeout: number
  try {
    timeout = parseGoDuration(String(flags.timeout))
  } catch {
    throw new CliError(`invalid argument "${flags.timeout}" for "--timeout" flag: time: invalid duration "${flags.timeout}"`)
  }
  if (timeout < 0) timeout = 7 * 24 * 3600_000
  if (!inv.positional.length) throw new CliError('resource(s) were provided, but no name was specified')
  const targets = parseTargets(inv.positional, inv.profile, inv.binary, 'wait')
  const items: { key: string; ns?: string; name: string; prefix: string; plural: string }[] = []
  for (const t of targets) {
    const ns = t.rt.namespaced ? inv.namespace : undefined
    let names = t.names
    if (!names) {
      if (!flags.all && !flags.selector) throw new CliError('resource(s) were provided, but no name was specified')
      names = cluster.api.list(t.rt.key, { namespace: ns, labelSelector: flags.selector as string | undefined }).map((o) => o.metadata.name)
    }
    for (const name of names) {
      // --for=delete ignores objects that are already gone (kubectl's visitor skips NotFound)
      if (spec.kind === 'delete' && !exists(inv, t.rt.key, ns, name)) continue
      items.push({ key: t.rt.key, ns, name, prefix: kindPrefix(t.rt), plural: t.rt.plural })
    }
  }
  if (!items.length) {
    if (spec.kind === 'delete') return 0
    throw new CliError('no matching resources found')
  }
  const deadline = cluster.now() + timeout
  let code = 0
  for (const it of items) {
    for (;;) {
      let obj: KObject | undefined
      try {
        obj = cluster.api.get(it.key, it.ns, it.name)
      } catch (e) {
        if (!isApiError(e) || e.reason !== 'NotFound') throw e
        if (spec.kind !== 'delete') throw e
      }
      if (spec.kind === 'delete' ? !obj : met(obj!, spec)) {
        cmd.stdout.write(`${it.prefix}/${it.name} condition met\n`)
        break
      }
      if (cluster.now() >= deadline) {
        cmd.stderr.write(`error: timed out waiting for the condition on ${it.plural}/${it.name}\n`)
        code = 1
        break
      }
      try {
        await cmd.sleep(Math.min(1000, deadline - cluster.now()))
      } catch {
        return 130
      }
    }
  }
  return code
}

export const waitVerb: Verb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'=value] [flags] [options]",
  group: 'Advanced Commands',
  flags: [
    { name: 'for', type: 'string', usage: "The condition to wait on: [delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=JSONPath Condition]." },
    { name: 'timeout', type: 'string', default: '30s', usage: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2)' },
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
  ],
  run: runWait,
}
