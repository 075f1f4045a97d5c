/**
 * The garbage collector: deletes dependents whose owners are all gone, runs foreground deletion (dependents
 * first, then the owner's `foregroundDeletion` finalizer is dropped) and orphaning (`orphan` finalizer), and,
 * as the pod GC does, removes pods bound to nodes that no longer exist.
 * Keys: `dep:<resource>|<ns>|<name>` (check one dependent), `own:<resource>|<ns>|<name>` (an owner being deleted),
 * `podgc`.
 */
import type { WatchEvent } from '../api/server'
import { RESOURCE_TYPES } from '../api/resources'
import type { KObject } from '../api/types'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { clone } from './util'

const ref = (kind: 'dep' | 'own', resource: string, ns: string | undefined, name: string) => `${kind}:${resource}|${ns ?? ''}|${name}`

function lookup(ctx: ControllerContext, key: string): { resource: string; ns: string; obj: KObject | undefined } {
  const [resource, ns, name] = key.slice(4).split('|')
  return { resource, ns, obj: ctx.api.store.get(resource, ns, name) }
}

function ownerOf(ctx: ControllerContext, uid: string): KObject | undefined {
  const r = ctx.api.store.refByUid(uid)
  return r && ctx.api.store.get(r.resource, r.namespace, r.name)
}

function dropFinalizer(ctx: ControllerContext, resource: string, obj: KObject, f: string): void {
  const next = clone(obj)
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((x) => x !== f)
  ctx.api.update(resource, next)
}

function checkDependent(ctx: ControllerContext, key: string): void {
  const { resource, ns, obj } = lookup(ctx, key)
  if (!obj || obj.metadata.deletionTimestamp) return
  const refs = obj.metadata.ownerReferences ?? []
  if (!refs.length) return
  const owners = refs.map((r) => ownerOf(ctx, r.uid))
  if (owners.every((o) => !o)) {
    ctx.api.delete(resource, ns || undefined, obj.metadata.name, { propagationPolicy: 'Background' })
    return
  }
  // An owner deleted in the foreground takes its blocking dependents with it.
  const fg = refs.some((r, i) => r.blockOwnerDeletion && owners[i]?.metadata.deletionTimestamp && owners[i]!.metadata.finalizers?.includes('foregroundDeletion'))
  if (fg) {
    const hasDeps = ctx.api.store.dependentsOf(obj.metadata.uid!).length > 0
    ctx.api.delete(resource, ns || undefined, obj.metadata.name, hasDeps ? { propagationPolicy: 'Foreground' } : {})
    return
  }
  if (owners.some((o) => !o)) {
    const next = clone(obj)
    next.metadata.ownerReferences = refs.filter((_, i) => owners[i])
    ctx.api.update(resource, next)
  }
}

function processOwner(ctx: ControllerContext, key: string): void {
  const { resource, obj } = lookup(ctx, key)
  if (!obj?.metadata.deletionTimestamp) return
  const deps = ctx.api.store.dependentsOf(obj.metadata.uid!).map((d) => ({ ...d, obj: ctx.api.store.get(d.resource, d.namespace, d.name) })).filter((d) => d.obj)
  if (obj.metadata.finalizers?.includes('orphan')) {
    for (const d of deps) {
      const next = clone(d.obj!)
      next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== obj.metadata.uid)
      ctx.api.update(d.resource, next)
    }
    return dropFinalizer(ctx, resource, ctx.api.store.get(resource, obj.metadata.namespace ?? '', obj.metadata.name)!, 'orphan')
  }
  if (!obj.metadata.finalizers?.includes('foregroundDeletion')) return
  let blocking = 0
  for (const d of deps) {
    const r = d.obj!.metadata.ownerReferences?.find((x) => x.uid === obj.metadata.uid)
    if (r?.blockOwnerDeletion) blocking++
    if (!d.obj!.metadata.deletionTimestamp) checkDependent(ctx, ref('dep', d.resource, d.namespace, d.name))
  }
  if (blocking === 0) dropFinalizer(ctx, resource, obj, 'foregroundDeletion')
}

function podGC(ctx: ControllerContext): void {
  const nodes = new Set(ctx.api.store.list('nodes').map((n) => n.metadata.name))
  for (const p of ctx.api.store.list('pods')) if (p.spec?.nodeName && !nodes.has(p.spec.nodeName)) ctx.api.finalizeDeletion('pods', p.metadata.namespace, p.metadata.name)
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  if (key === 'podgc') return podGC(ctx)
  if (key.startsWith('dep:')) return checkDependent(ctx, key)
  if (key.startsWith('own:')) return processOwner(ctx, key)
}

function keys(e: WatchEvent, ctx: ControllerContext): string[] {
  const o = e.object
  const out: string[] = []
  if (e.type === 'DELETED') {
    for (const d of ctx.api.store.dependentsOf(o.metadata.uid!)) out.push(ref('dep', d.resource, d.namespace, d.name))
    if (e.resource === 'nodes') out.push('podgc')
  } else {
    if (o.metadata.ownerReferences?.length && e.type === 'ADDED') out.push(ref('dep', e.resource, o.metadata.namespace, o.metadata.name))
    if (o.metadata.deletionTimestamp && (o.metadata.finalizers?.includes('foregroundDeletion') || o.metadata.finalizers?.includes('orphan'))) out.push(ref('own', e.resource, o.metadata.namespace, o.metadata.name))
  }
  // A dependent going away may unblock an owner waiting in the foreground.
  if (e.type === 'DELETED' || o.metadata.deletionTimestamp) {
    for (const r of o.metadata.ownerReferences ?? []) {
      const owner = ctx.api.store.refByUid(r.uid)
      if (owner) out.push(ref('own', owner.resource, owner.namespace, owner.name))
    }
  }
  return out
}

/** The garbage collector (kube-controller-manager `garbage-collector-controller`, plus pod GC). */
export const garbageCollector: Controller = {
  name: 'garbage-collector',
  watches: RESOURCE_TYPES.filter((r) => !r.viewOf && r.key !== 'events').map((r) => ({ resource: r.key, keys })),
  reconcile,
}
