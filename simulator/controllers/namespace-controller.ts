/**
 * The Namespace controller: a namespace with a deletionTimestamp is Terminating; all its namespaced objects are
 * deleted (pods gracefully), and once nothing is left the `kubernetes` finalizer goes and the namespace with it.
 */
import { RESOURCE_TYPES } from '../api/resources'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { clone } from './util'

const NAMESPACED = RESOURCE_TYPES.filter((r) => r.namespaced && !r.viewOf).map((r) => r.key)

function reconcile(name: string, ctx: ControllerContext): ReconcileResult | void {
  const ns = ctx.api.tryGet('namespaces', undefined, name)
  if (!ns?.metadata.deletionTimestamp) return
  if (ns.status?.phase !== 'Terminating') ctx.api.updateStatus('namespaces', { ...clone(ns), status: { ...(ns.status ?? {}), phase: 'Terminating' } })
  let left = 0
  for (const resource of NAMESPACED) {
    for (const o of ctx.api.store.list(resource, name)) {
      left++
      if (!o.metadata.deletionTimestamp) ctx.api.delete(resource, name, o.metadata.name)
    }
  }
  if (left > 0) {
    // Objects still finalizing (terminating pods, finalizers) are waited for; check again shortly.
    const remaining = NAMESPACED.some((r) => ctx.api.store.list(r, name).length > 0)
    if (remaining) return { requeueAfter: 2000 }
  }
  const cur = clone(ctx.api.get('namespaces', undefined, name))
  if (cur.metadata.finalizers?.length) {
    cur.metadata.finalizers = []
    ctx.api.update('namespaces', cur)
    if (ctx.api.tryGet('namespaces', undefined, name)?.metadata.finalizers?.length) return { requeueAfter: 2000 }
  }
  ctx.api.finalizeDeletion('namespaces', undefined, name)
}

/** The Namespace controller (kube-controller-manager `namespace-controller`). */
export const namespaceController: Controller = {
  name: 'namespace-controller',
  watches: [{ resource: 'namespaces' }],
  reconcile,
}
