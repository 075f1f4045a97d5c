/**
 * The default IngressController's route admission: the oldest route claiming a host is admitted (status.ingress
 * with `Admitted: True` and the router's canonical hostname); a younger route in another namespace (or with the
 * same path) is refused with `HostAlreadyClaimed`.
 */
import type { KObject } from '../api/types'
import type { Controller, ControllerContext } from './types'
import { splitKey } from './types'
import { clone, cmp, ms, now3339 } from './util'
import { clusterInfoOf } from './admission'

function older(a: KObject, b: KObject): number {
  return ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || cmp(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`)
}

function reconcile(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key)
  const route = ctx.api.tryGet('routes.route.openshift.io', namespace, name)
  if (!route || route.metadata.deletionTimestamp) return
  const host: string = route.spec?.host ?? ''
  const domain = clusterInfoOf(ctx.api)?.appsDomain ?? 'apps.example.com'
  const rivals = ctx.api.store
    .list('routes.route.openshift.io')
    .filter((r) => r.metadata.uid !== route.metadata.uid && r.spec?.host === host && !r.metadata.deletionTimestamp)
    .filter((r) => r.metadata.namespace !== namespace || (r.spec?.path ?? '') === (route.spec?.path ?? ''))
    .filter((r) => older(r, route) < 0)
    .sort(older)
  const prev = route.status?.ingress?.find((i: any) => i.routerName === 'default')
  const cond = rivals.length
    ? { type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed', message: `route ${rivals[0].metadata.name} already exposes ${host} and is older` }
    : { type: 'Admitted', status: 'True' }
  const old = prev?.conditions?.find((c: any) => c.type === 'Admitted')
  const lastTransitionTime = old && old.status === cond.status && old.reason === (cond as any).reason ? old.lastTransitionTime : now3339(ctx)
  const ingress = { host, routerName: 'default', conditions: [{ ...cond, lastTransitionTime }], wildcardPolicy: route.spec?.wildcardPolicy ?? 'None', routerCanonicalHostname: `router-default.${domain}` }
  const status = { ingress: [ingress, ...(route.status?.ingress ?? []).filter((i: any) => i.routerName !== 'default')] }
  if (JSON.stringify(route.status) === JSON.stringify(status)) return
  ctx.api.updateStatus('routes.route.openshift.io', { ...clone(route), status })
}

/** Routes sharing the changed route's host (or the host it had). */
function sameHost(e: { object: KObject; old?: KObject }, ctx: ControllerContext): string[] {
  const hosts = new Set([e.object.spec?.host, e.old?.spec?.host].filter(Boolean))
  return ctx.api.store
    .list('routes.route.openshift.io')
    .filter((r) => hosts.has(r.spec?.host))
    .map((r) => `${r.metadata.namespace}/${r.metadata.name}`)
}

/** The router's route admission (openshift-ingress `router-default`). */
export const routeController: Controller = {
  name: 'openshift-router',
  watches: [{ resource: 'routes.route.openshift.io', keys: sameHost }],
  reconcile,
}
