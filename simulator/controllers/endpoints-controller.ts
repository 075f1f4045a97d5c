/**
 * The Endpoints controller: for every Service with a selector, an Endpoints object of the same name whose subset
 * lists ready pod IPs as `addresses` and the others as `notReadyAddresses`, with the resolved target ports.
 */
import type { KObject } from '../api/types'
import { selectorFromObject } from '../api/selectors'
import type { Controller, ControllerContext } from './types'
import { splitKey } from './types'
import { clone, isPodReady, now3339 } from './util'

function targetPort(svcPort: any, pod: KObject | undefined): number {
  const t = svcPort.targetPort ?? svcPort.port
  if (typeof t === 'number') return t
  if (/^\d+$/.test(String(t))) return Number(t)
  for (const c of pod?.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t) return p.containerPort
  return svcPort.port
}

function address(p: KObject): Record<string, unknown> {
  return { ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid } }
}

function reconcile(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key)
  const svc = ctx.api.tryGet('services', namespace, name)
  const existing = ctx.api.tryGet('endpoints', namespace, name)
  if (!svc) {
    if (existing) ctx.api.delete('endpoints', namespace, name)
    return
  }
  if (!svc.spec?.selector || svc.spec.type === 'ExternalName') return
  const sel = selectorFromObject({ matchLabels: svc.spec.selector })
  const publish = !!svc.spec.publishNotReadyAddresses
  // Candidates through the store's label index (one equality term of the selector), in listing order; the
  // whole selector is still checked below.
  const first = Object.keys(svc.spec.selector)[0] as string | undefined
  const firstValue = first === undefined ? undefined : svc.spec.selector[first]
  const candidates = typeof firstValue === 'string' && namespace !== undefined ? ctx.api.store.listByLabel('pods', namespace, first!, firstValue) : ctx.api.store.list('pods', namespace)
  const pods = candidates.filter((p) => sel.matches(p.metadata.labels) && p.status?.podIP && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (publish || !p.metadata.deletionTimestamp))
  const byIp = (a: any, b: any) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0)
  const ready = pods.filter((p) => publish || isPodReady(p)).map(address).sort(byIp)
  const notReady = pods.filter((p) => !publish && !isPodReady(p)).map(address).sort(byIp)
  const ports = (svc.spec.ports ?? []).map((sp: any) => ({ ...(sp.name ? { name: sp.name } : {}), port: targetPort(sp, pods[0]), protocol: sp.protocol ?? 'TCP' }))
  const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined
  const labels = { ...(svc.metadata.labels ?? {}) }
  if (existing) {
    if (JSON.stringify(existing.subsets) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)) return
    const next = clone(existing)
    next.subsets = subsets
    if (!subsets) delete next.subsets
    next.metadata.labels = labels
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': now3339(ctx) }
    ctx.api.update('endpoints', next)
    return
  }
  ctx.api.create('endpoints', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now3339(ctx) } }, ...(subsets ? { subsets } : {}) })
}

/** Services of the pod's namespace whose selector matches the pod now or matched it before. */
function podToServices(e: { object: KObject; old?: KObject }, ctx: ControllerContext): string[] {
  const ns = e.object.metadata.namespace
  return ctx.api.store
    .list('services', ns)
    .filter((s) => s.spec?.selector && [e.object, e.old].some((p) => p && selectorFromObject({ matchLabels: s.spec.selector }).matches(p.metadata.labels)))
    .map((s) => `${ns}/${s.metadata.name}`)
}

/** The Endpoints controller (kube-controller-manager `endpoint-controller`). */
export const endpointsController: Controller = {
  name: 'endpoint-controller',
  watches: [{ resource: 'services' }, { resource: 'pods', keys: podToServices }, { resource: 'endpoints', keys: (e) => (e.type === 'DELETED' ? [`${e.object.metadata.namespace}/${e.object.metadata.name}`] : []) }],
  reconcile,
}
