/**
 * Create-or-update of the operator's objects (library-go resourceapply in spirit): an object is rewritten only
 * when a field the operator sets differs from what is stored (server defaults do not count) or when the caller
 * forces it (a Deployment whose generation moved behind the operator's back). Every write is logged.
 */
import type { KObject } from '../api/types'
import type { ControllerContext } from '../controllers/types'
import { cloneJson } from '../api/store'
import { clone } from '../controllers/util'
import { diff, dump, oplog } from './oplog'

/** `*v1.Deployment`-style type names used in the operator's log lines. */
const GO_TYPES: Record<string, string> = {
  'deployments.apps': '*v1.Deployment',
  'daemonsets.apps': '*v1.DaemonSet',
  services: '*v1.Service',
  secrets: '*v1.Secret',
  configmaps: '*v1.ConfigMap',
  serviceaccounts: '*v1.ServiceAccount',
  'clusterroles.rbac.authorization.k8s.io': '*v1.ClusterRole',
  'clusterrolebindings.rbac.authorization.k8s.io': '*v1.ClusterRoleBinding',
  'poddisruptionbudgets.policy': '*v1.PodDisruptionBudget',
  'routes.route.openshift.io': '*v1.Route',
  persistentvolumeclaims: '*v1.PersistentVolumeClaim',
  'cronjobs.batch': '*v1.CronJob',
}

/** `*v1.Route, Namespace=ns, Name=n` as the operator prints objects. */
export function describeObject(resource: string, namespace: string | undefined, name: string): string {
  const t = GO_TYPES[resource] ?? '*unstructured.Unstructured'
  return namespace ? `${t}, Namespace=${namespace}, Name=${name}` : `${t}, Name=${name}`
}

/** Whether every field of `want` is present with the same value in `have` (arrays: same length, elementwise). */
export function isSubset(want: unknown, have: unknown): boolean {
  if (want === null || typeof want !== 'object') return want === have
  if (Array.isArray(want)) return Array.isArray(have) && have.length === want.length && want.every((w, i) => isSubset(w, have[i]))
  if (have === null || typeof have !== 'object' || Array.isArray(have)) return false
  return Object.entries(want as Record<string, unknown>).every(([k, v]) => (v === undefined ? true : isSubset(v, (have as Record<string, unknown>)[k])))
}

/** `have` cut down to the shape of `want` (for readable update diffs). */
function project(want: unknown, have: unknown): unknown {
  if (want === null || typeof want !== 'object' || have === null || typeof have !== 'object') return have
  if (Array.isArray(want)) return Array.isArray(have) ? have.map((h, i) => (i < want.length ? project(want[i], h) : h)) : have
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(want as object)) if ((have as Record<string, unknown>)[k] !== undefined) out[k] = project((want as any)[k], (have as any)[k])
  return out
}

/** Merges `want` onto `have`: maps recursively, everything else (arrays included) replaced. */
function merge(have: any, want: any): any {
  if (want === null || typeof want !== 'object' || Array.isArray(want) || have === null || typeof have !== 'object' || Array.isArray(have)) return clone(want)
  const out = { ...have }
  for (const [k, v] of Object.entries(want)) out[k] = v === undefined ? out[k] : merge(have[k], v)
  return out
}

/** The part of an object the operator manages (metadata labels/annotations/owners plus the body). */
function managed(o: KObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, status: _s, metadata, ...body } = o
  const meta: Record<string, unknown> = {}
  if (metadata.labels) meta.labels = metadata.labels
  if (metadata.annotations) meta.annotations = metadata.annotations
  if (metadata.ownerReferences) meta.ownerReferences = metadata.ownerReferences
  return Object.keys(meta).length ? { metadata: meta, ...body } : body
}

export type ApplyAction = 'created' | 'updated' | 'unchanged'

/**
 * Creates or updates `want`. `replaceSpec` swaps the whole spec (Deployments/DaemonSets, so a manual edit of any
 * field is reverted); otherwise the operator's fields are merged over the stored object.
 */
export function applyObject(ctx: ControllerContext, resource: string, want: KObject, opts: { force?: boolean; replaceSpec?: boolean } = {}): { object: KObject; action: ApplyAction } {
  const ns = want.metadata.namespace
  const name = want.metadata.name
  const existing = ctx.api.tryGet(resource, ns, name)
  if (!existing) {
    const created = ctx.api.create(resource, want)
    oplog(ctx, 'I', 'generator.go:62', `object ${describeObject(resource, ns, name)} created: ${dump(stripUndefined(managed(want)))}`)
    return { object: created, action: 'created' }
  }
  const wantM = managed(want)
  if (!opts.force && isSubset(stripUndefined(wantM), managed(existing))) return { object: existing, action: 'unchanged' }
  const next = clone(existing)
  next.metadata.labels = { ...(existing.metadata.labels ?? {}), ...(want.metadata.labels ?? {}) }
  next.metadata.annotations = { ...(existing.metadata.annotations ?? {}), ...(want.metadata.annotations ?? {}) }
  if (!Object.keys(next.metadata.labels).length) delete next.metadata.labels
  if (!Object.keys(next.metadata.annotations).length) delete next.metadata.annotations
  if (want.metadata.ownerReferences) next.metadata.ownerReferences = want.metadata.ownerReferences
  for (const [k, v] of Object.entries(want)) {
    if (k === 'metadata' || k === 'apiVersion' || k === 'kind' || k === 'status') continue
    next[k] = k === 'spec' && opts.replaceSpec ? clone(v) : merge(existing[k], v)
  }
  const updated = ctx.api.update(resource, next)
  oplog(ctx, 'I', 'generator.go:62', `object ${describeObject(resource, ns, name)} updated: ${diff(project(wantM, managed(existing)), wantM)}`)
  return { object: updated, action: updated === existing ? 'unchanged' : 'updated' }
}

/** Deletes an object if present, logging it; foreground deletion for workloads so their pods go first. */
export function deleteObject(ctx: ControllerContext, resource: string, namespace: string | undefined, name: string): boolean {
  const existing = ctx.api.tryGet(resource, namespace, name)
  if (!existing) return false
  if (existing.metadata.deletionTimestamp) return true
  ctx.api.delete(resource, namespace, name, { propagationPolicy: 'Foreground', gracePeriodSeconds: 0 })
  oplog(ctx, 'I', 'generator.go:95', `object ${describeObject(resource, namespace, name)} deleted`)
  return true
}

/** `JSON.parse(JSON.stringify(v))` (undefined fields dropped), through the store's equivalent deep copy. */
function stripUndefined<T>(v: T): T {
  return cloneJson(v)
}
