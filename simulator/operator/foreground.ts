/**
 * Foreground deletion of the registry Deployment while the cluster has no garbage collector: the Deployment
 * (finalizer `foregroundDeletion`) waits for its ReplicaSets, which wait for their pods, as the real GC does.
 * Scoped to the registry namespace; it stands aside once a garbage-collector controller is registered.
 */
import type { KObject } from '../api/types'
import type { Controller, ControllerContext } from '../controllers/types'
import { clone, ownedBy } from '../controllers/util'
import { NS, REGISTRY } from './names'

const FG = 'foregroundDeletion'

/** Drops the foregroundDeletion finalizer (the server then removes the object). */
function release(ctx: ControllerContext, resource: string, o: KObject): void {
  const next = clone(o)
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f: string) => f !== FG)
  ctx.api.update(resource, next)
}

function reconcile(_key: string, ctx: ControllerContext): void {
  const d = ctx.api.tryGet('deployments.apps', NS, REGISTRY)
  if (!d?.metadata.deletionTimestamp || !d.metadata.finalizers?.includes(FG)) return
  const sets = ownedBy(ctx, d, 'replicasets.apps')
  for (const rs of sets) {
    const pods = ownedBy(ctx, rs, 'pods')
    for (const p of pods) if (!p.metadata.deletionTimestamp) ctx.api.delete('pods', NS, p.metadata.name)
    if (!rs.metadata.deletionTimestamp) {
      if (pods.length) ctx.api.delete('replicasets.apps', NS, rs.metadata.name, { propagationPolicy: 'Foreground' })
      else ctx.api.delete('replicasets.apps', NS, rs.metadata.name)
    } else if (pods.length === 0 && rs.metadata.finalizers?.includes(FG)) release(ctx, 'replicasets.apps', rs)
  }
  if (ownedBy(ctx, d, 'replicasets.apps').length === 0) release(ctx, 'deployments.apps', d)
}

/** The stand-in garbage collector for the registry Deployment. */
export const registryForegroundDeletion: Controller = {
  name: 'image-registry-foreground-deletion',
  watches: ['deployments.apps', 'replicasets.apps', 'pods'].map((resource) => ({ resource, keys: (e) => (e.object.metadata.namespace === NS ? ['registry'] : []) })),
  reconcile,
}
