/** `oc describe`: TYPE [NAME_PREFIX], TYPE/NAME, `-l`, `-A`; objects separated by two empty lines. */
import { isApiError } from '../../api/errors'
import type { KObject } from '../../api/types'
import { formatApiError, CliError } from '../errors'
import type { Invocation, Verb } from '../env'
import { parseTargets, refuseNamesAcrossNamespaces } from '../resource-args'
import { describeContext, describeObject } from '../describe'

async function runDescribe(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  if (inv.positional.length === 0) {
    cmd.stderr.write(`You must specify the type of resource to describe. Use "${inv.binary} api-resources" for a complete list of supported resources.\n\n`)
    throw new CliError(`Required resource not specified.`, 'describe')
  }
  const targets = parseTargets(inv.positional, inv.profile, inv.binary, 'describe')
  const allNs = flags['all-namespaces'] === true
  refuseNamesAcrossNamespaces(targets, allNs)
  const ctx = describeContext(cluster)
  const chunks: string[] = []
  const errors: string[] = []
  const prefixChunks: string[] = []
  for (const t of targets) {
    const ns = t.rt.namespaced ? inv.namespace : undefined
    if (!t.names) {
      const objs = cluster.api.list(t.rt.key, { namespace: allNs ? undefined : ns, labelSelector: flags.selector as string | undefined })
      for (const o of objs) chunks.push(describeObject(t.rt.key, o, ctx))
      if (objs.length === 0 && targets.length === 1) {
        const where = t.rt.namespaced && !allNs && inv.profile !== '4.0' ? ` in ${inv.namespace} namespace` : ''
        cmd.stderr.write(inv.profile === '4.0' ? 'No resources found.\n' : `No resources found${where}.\n`)
      }
      continue
    }
    for (const name of t.names) {
      try {
        const o = cluster.api.get(t.rt.key, ns, name)
        chunks.push(describeObject(t.rt.key, o, ctx))
      } catch (e) {
        if (!isApiError(e) || e.reason !== 'NotFound') throw e
        // kubectl falls back to every object whose name starts with the argument
        const matches: KObject[] = cluster.api.query(t.rt.key, { namespace: ns }).filter((o) => o.metadata.name.startsWith(name))
        if (matches.length === 0 || inv.positional.some((a) => a.includes('/'))) errors.push(formatApiError(e))
        else for (const m of matches) prefixChunks.push(describeObject(t.rt.key, m, ctx) + '\n')
      }
    }
  }
  cmd.stdout.write(prefixChunks.join(''))
  cmd.stdout.write(chunks.join('\n\n'))
  for (const e of errors) cmd.stderr.write(e + '\n')
  return errors.length ? 1 : 0
}

export const describeVerb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [flags] [options]',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.', notSimulated: 'events are always shown' },
    { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files containing the resource to describe', notSimulated: 'name the objects as TYPE NAME or TYPE/NAME' },
  ],
  run: runDescribe,
}
