/** Finding the pod and container behind `POD` or `TYPE/NAME` for logs, exec and rsh, with oc's messages. */
import { ApiError } from '../../api/errors'
import { resolveResource } from '../../api/resources'
import type { KObject } from '../../api/types'
import { parseLabelSelector } from '../../api/selectors'
import { CliError } from '../errors'
import type { Invocation } from '../env'

/** The pod named by `arg` (`pod`, `pod/x`, `deploy/x`, `rs/x`, `ds/x`, `job/x`); `several` reports how many matched. */
export function resolvePod(inv: Invocation, arg: string): { pod: KObject; several: number } {
  const api = inv.cluster.api
  const ns = inv.namespace
  if (!arg.includes('/')) return { pod: api.get('pods', ns, arg), several: 1 }
  const [type, name] = arg.split('/', 2)
  const rt = resolveResource(type, inv.profile)
  if (rt.key === 'pods') return { pod: api.get('pods', ns, name), several: 1 }
  const owner = api.get(rt.key, ns, name)
  const sel = owner.spec?.selector
  const match = sel?.matchLabels || sel?.matchExpressions ? sel.matchLabels ?? {} : sel ?? {}
  const text = Object.entries(match).map(([k, v]) => `${k}=${v}`).join(',')
  const selector = parseLabelSelector(text)
  const pods = api.query('pods', { namespace: ns }).filter((p) => selector.matches(p.metadata.labels) && !p.metadata.deletionTimestamp)
  if (!pods.length) throw new CliError(`timed out waiting for the condition`)
  const rank = (p: KObject) => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2)
  pods.sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))
  return { pod: pods[0], several: pods.length }
}

/** The container to use: `-c`, the default-container annotation, or the first one (with oc's notice). */
export function pickContainer(inv: Invocation, pod: KObject, requested: string | undefined, verb: 'logs' | 'exec'): string {
  const containers: string[] = (pod.spec?.containers ?? []).map((c: any) => c.name)
  const inits: string[] = (pod.spec?.initContainers ?? []).map((c: any) => c.name)
  if (requested) {
    if (containers.includes(requested) || inits.includes(requested)) return requested
    if (verb === 'logs') throw new ApiError('BadRequest', `container ${requested} is not valid for pod ${pod.metadata.name}`)
    throw new CliError(`container ${requested} not found in pod ${pod.metadata.name}`)
  }
  if (containers.length === 1) return containers[0]
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (verb === 'logs' && inv.profile === '4.0') {
    const initText = inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : ''
    throw new CliError(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]${initText}`)
  }
  const chosen = annotated && containers.includes(annotated) ? annotated : containers[0]
  if (inv.profile === '4.0') {
    inv.cmd.stderr.write(`Defaulting container name to ${chosen}.\nUse '${inv.binary} describe pod/${pod.metadata.name} -n ${pod.metadata.namespace}' to see all of the containers in this pod.\n`)
  } else {
    const all = [...containers, ...inits.map((n) => `${n} (init)`)]
    if (!annotated) inv.cmd.stderr.write(`Defaulted container "${chosen}" out of: ${all.join(', ')}\n`)
  }
  return chosen
}

/** The status entry of a container (regular or init). */
export function containerStatus(pod: KObject, name: string): any {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s: any) => s.name === name)
}
