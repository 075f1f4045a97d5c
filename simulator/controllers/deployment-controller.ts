/**
 * The Deployment controller: one ReplicaSet per pod template (`<deploy>-<pod-template-hash>`), RollingUpdate and
 * Recreate roll-outs, revision annotations, history clean-up, and the status/conditions `oc` shows, following
 * pkg/controller/deployment of Kubernetes 1.25.
 */
import type { Condition, KObject } from '../api/types'
import { rfc3339 } from '../core/time'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, cmp, computeHash, controllerRef, emit, getCondition, ms, omitEmpty, ownedBy, ownerKey, ownerRefTo, scaled, templatesEqual } from './util'

const SOURCE = { component: 'deployment-controller' }
const REV = 'deployment.kubernetes.io/revision'
const DESIRED = 'deployment.kubernetes.io/desired-replicas'
const MAX = 'deployment.kubernetes.io/max-replicas'
/** Annotations a Deployment does not copy onto its ReplicaSets. */
const SKIP = new Set([REV, DESIRED, MAX, 'deployment.kubernetes.io/revision-history', 'kubectl.kubernetes.io/last-applied-configuration', 'deprecated.deployment.rollback.to'])

/** maxSurge (rounded up) and maxUnavailable (rounded down) of a RollingUpdate deployment (ResolveFenceposts). */
export function fenceposts(d: KObject): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1
  if (d.spec?.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 }
  const ru = d.spec?.strategy?.rollingUpdate ?? {}
  const maxSurge = scaled(ru.maxSurge, replicas, true, '25%')
  let maxUnavailable = scaled(ru.maxUnavailable, replicas, false, '25%')
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) }
}

const replicasOf = (rs: KObject) => rs.spec?.replicas ?? 0
const sum = (list: KObject[], f: (rs: KObject) => number) => list.reduce((n, rs) => n + f(rs), 0)
const revisionOf = (rs: KObject) => Number(rs.metadata.annotations?.[REV] ?? 0) || 0

function scaleRS(ctx: ControllerContext, d: KObject, rs: KObject, to: number): KObject {
  const { maxSurge } = fenceposts(d)
  const replicas = d.spec?.replicas ?? 1
  const next = clone(rs)
  const from = replicasOf(rs)
  next.spec.replicas = to
  const ann = (next.metadata.annotations ??= {})
  ann[DESIRED] = String(replicas)
  ann[MAX] = String(replicas + maxSurge)
  const out = ctx.api.update('replicasets.apps', next)
  if (from !== to) emit(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to}`, SOURCE)
  return out
}

/** The Deployment's new ReplicaSet, created when missing (getNewReplicaSet); also syncs the revision annotations. */
function newReplicaSet(ctx: ControllerContext, d: KObject, all: KObject[], initialReplicas: (d: KObject, all: KObject[]) => number, create: boolean): KObject | undefined {
  const template = d.spec?.template ?? {}
  const existing = all.filter((rs) => templatesEqual(rs.spec?.template, template)).sort((a, b) => ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || cmp(a.metadata.name, b.metadata.name))[0]
  const old = all.filter((rs) => rs !== existing)
  const maxOld = Math.max(0, ...old.map(revisionOf))
  const revision = String(maxOld + 1)
  if (existing) {
    if (existing.metadata.annotations?.[REV] === revision || revisionOf(existing) > maxOld) return existing
    const next = clone(existing)
    ;(next.metadata.annotations ??= {})[REV] = revision
    return ctx.api.update('replicasets.apps', next)
  }
  if (!create) return undefined
  let collisions = d.status?.collisionCount ?? 0
  for (;;) {
    const hash = computeHash(template, collisions)
    const name = `${d.metadata.name}-${hash}`
    const clash = ctx.api.tryGet('replicasets.apps', d.metadata.namespace, name)
    if (clash && !templatesEqual(clash.spec?.template, template)) {
      collisions++
      continue
    }
    const { maxSurge } = fenceposts(d)
    const replicas = initialReplicas(d, all)
    const annotations: Record<string, string> = {}
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP.has(k)) annotations[k] = v
    annotations[DESIRED] = String(d.spec?.replicas ?? 1)
    annotations[MAX] = String((d.spec?.replicas ?? 1) + maxSurge)
    annotations[REV] = revision
    const t = clone(template)
    t.metadata = { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), 'pod-template-hash': hash } }
    const sel = clone(d.spec?.selector ?? {})
    sel.matchLabels = { ...(sel.matchLabels ?? {}), 'pod-template-hash': hash }
    const rs = ctx.api.create('replicasets.apps', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: t.metadata.labels, annotations, ownerReferences: [ownerRefTo(d)] },
      spec: { replicas, minReadySeconds: d.spec?.minReadySeconds, selector: sel, template: t },
    })
    if (replicas > 0) emit(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`, SOURCE)
    if (collisions !== (d.status?.collisionCount ?? 0)) d.status = { ...(d.status ?? {}), collisionCount: collisions }
    setDeployCondition(d, ctx.now(), { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${name}"` })
    return rs
  }
}

/** SetDeploymentCondition: same status and reason is a no-op; otherwise replace (moved to the end). */
function setDeployCondition(d: KObject, now: number, c: Condition): void {
  const status = (d.status ??= {})
  const list: Condition[] = (status.conditions ??= [])
  const cur = list.find((x) => x.type === c.type)
  if (cur && cur.status === c.status && cur.reason === c.reason) return
  const at = rfc3339(now)
  const next = { type: c.type, status: c.status, lastUpdateTime: at, lastTransitionTime: cur && cur.status === c.status ? cur.lastTransitionTime : at, reason: c.reason, message: c.message }
  status.conditions = [...list.filter((x) => x.type !== c.type), next]
}

function rollingReplicas(d: KObject, all: KObject[]): number {
  const replicas = d.spec?.replicas ?? 1
  const { maxSurge } = fenceposts(d)
  const current = sum(all, replicasOf)
  return Math.max(0, Math.min(replicas + maxSurge - current, replicas))
}

function rolloutRolling(ctx: ControllerContext, d: KObject, all: KObject[]): void {
  const newRS = newReplicaSet(ctx, d, all, rollingReplicas, true)!
  const olds = all.filter((rs) => rs.metadata.uid !== newRS.metadata.uid)
  const replicas = d.spec?.replicas ?? 1
  const { maxSurge, maxUnavailable } = fenceposts(d)
  // Scale up the new ReplicaSet within maxSurge.
  const cur = replicasOf(newRS)
  if (cur > replicas) return void scaleRS(ctx, d, newRS, replicas)
  if (cur < replicas) {
    const total = sum(olds, replicasOf) + cur
    const up = Math.min(replicas + maxSurge - total, replicas - cur)
    if (up > 0) return void scaleRS(ctx, d, newRS, cur + up)
  }
  // Scale down old ReplicaSets within maxUnavailable.
  const oldCount = sum(olds, replicasOf)
  if (oldCount === 0) return
  const minAvailable = replicas - maxUnavailable
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0)
  let budget = sum(all.map((rs) => (rs.metadata.uid === newRS.metadata.uid ? newRS : rs)), replicasOf) - minAvailable - newUnavailable
  if (budget <= 0) return
  const byAge = [...olds].sort((a, b) => ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || cmp(a.metadata.name, b.metadata.name))
  const updated = new Map<string, KObject>()
  // First the unhealthy replicas of old sets (cleanupUnhealthyReplicas)...
  for (const rs of byAge) {
    if (budget <= 0) break
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0)
    if (unhealthy <= 0) continue
    const down = Math.min(unhealthy, budget)
    updated.set(rs.metadata.uid!, scaleRS(ctx, d, rs, replicasOf(rs) - down))
    budget -= down
  }
  // ...then available ones while enough pods stay available.
  const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0)
  let total = available - minAvailable
  for (const rs0 of byAge) {
    if (total <= 0) break
    const rs = updated.get(rs0.metadata.uid!) ?? rs0
    if (replicasOf(rs) === 0) continue
    const down = Math.min(replicasOf(rs), total)
    scaleRS(ctx, d, rs, replicasOf(rs) - down)
    total -= down
  }
}

function rolloutRecreate(ctx: ControllerContext, d: KObject, all: KObject[]): void {
  const existingNew = newReplicaSet(ctx, d, all, () => 0, false)
  const olds = all.filter((rs) => rs.metadata.uid !== existingNew?.metadata.uid)
  let scaled = false
  for (const rs of olds) if (replicasOf(rs) > 0) {
    scaleRS(ctx, d, rs, 0)
    scaled = true
  }
  if (scaled) return
  // Wait until no pod of an old ReplicaSet is left running.
  const running = olds.some((rs) => ownedBy(ctx, rs, 'pods').some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'))
  if (running) return
  const newRS = existingNew ?? newReplicaSet(ctx, d, all, () => 0, true)!
  const replicas = d.spec?.replicas ?? 1
  if (replicasOf(newRS) !== replicas) scaleRS(ctx, d, newRS, replicas)
}

function cleanup(ctx: ControllerContext, d: KObject, olds: KObject[]): void {
  const limit = d.spec?.revisionHistoryLimit ?? 10
  const dead = olds.filter((rs) => replicasOf(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp).sort((a, b) => revisionOf(a) - revisionOf(b))
  for (const rs of dead.slice(0, Math.max(0, dead.length - limit))) ctx.api.delete('replicasets.apps', rs.metadata.namespace, rs.metadata.name)
}

function syncStatus(ctx: ControllerContext, d: KObject, all: KObject[], newRS: KObject | undefined): ReconcileResult | void {
  const now = ctx.now()
  const replicas = d.spec?.replicas ?? 1
  const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0)
  const status: KObject['status'] = { ...omitEmpty({
    observedGeneration: d.metadata.generation,
    replicas: sum(all, (rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sum(all, replicasOf) - available),
  }), conditions: clone(d.status?.conditions ?? []) }
  if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount
  const { maxUnavailable } = fenceposts(d)
  const minAvail = d.spec?.strategy?.type === 'Recreate' || replicas === 0 ? replicas : replicas - maxUnavailable
  if (available >= minAvail) setDeployCondition({ status } as KObject, now, { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' })
  else setDeployCondition({ status } as KObject, now, { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
  let requeue: number | undefined
  const deadline = d.spec?.progressDeadlineSeconds
  if (deadline !== undefined && deadline !== 2147483647 && !d.spec?.paused) {
    const cur = getCondition(status, 'Progressing')
    const rsName = newRS?.metadata.name
    const old = d.status ?? {}
    const complete = (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
    const progressing = (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0) || (old.replicas ?? 0) - (old.updatedReplicas ?? 0) > (status.replicas ?? 0) - (status.updatedReplicas ?? 0)
    const wasComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && cur?.reason === 'NewReplicaSetAvailable'
    if (complete) {
      setDeployCondition({ status } as KObject, now, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.` })
    } else if (progressing) {
      const at = rfc3339(now)
      status.conditions = [...status.conditions.filter((c: Condition) => c.type !== 'Progressing'), { type: 'Progressing', status: 'True', lastUpdateTime: at, lastTransitionTime: cur?.status === 'True' ? cur.lastTransitionTime : at, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` }]
    } else if (!wasComplete && cur) {
      const timedOut = cur.reason === 'ProgressDeadlineExceeded' || ms(cur.lastUpdateTime) + deadline * 1000 < now
      if (timedOut) setDeployCondition({ status } as KObject, now, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` })
      else requeue = ms(cur.lastUpdateTime) + deadline * 1000 - now + 1000
    }
  }
  const current = ctx.api.tryGet('deployments.apps', d.metadata.namespace, d.metadata.name)
  if (current && JSON.stringify(current.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus('deployments.apps', { ...current, status })
  if (requeue !== undefined) return { requeueAfter: Math.max(requeue, 0) }
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  let d = ctx.api.tryGet('deployments.apps', namespace, name)
  if (!d) return
  const list = () => ownedBy(ctx, d!, 'replicasets.apps').filter((rs) => !rs.metadata.deletionTimestamp)
  if (d.metadata.deletionTimestamp) return void syncStatus(ctx, d, list(), undefined)
  const stored = d
  d = clone(d)
  // The stored (frozen) template instead of its copy: the same content, read only, and its hash is remembered.
  if (d.spec?.template !== undefined && stored.spec?.template !== undefined) d.spec.template = stored.spec.template
  const before = JSON.stringify(d.status ?? {})
  if (!d.spec?.paused) {
    if (d.spec?.strategy?.type === 'Recreate') rolloutRecreate(ctx, d, list())
    else rolloutRolling(ctx, d, list())
  }
  const all = list()
  const newRS = all.find((rs) => templatesEqual(rs.spec?.template, d!.spec?.template))
  // The Deployment carries the revision of its newest ReplicaSet; writing it does not change the generation.
  const rev = newRS?.metadata.annotations?.[REV]
  if (rev && d.metadata.annotations?.[REV] !== rev) {
    const cur = clone(ctx.api.get('deployments.apps', namespace, name))
    ;(cur.metadata.annotations ??= {})[REV] = rev
    ctx.api.update('deployments.apps', cur)
  }
  if (newRS && !getCondition(d.status, 'Progressing') && d.spec?.progressDeadlineSeconds !== undefined) {
    setDeployCondition(d, ctx.now(), { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${newRS.metadata.name}"` })
  }
  if (JSON.stringify(d.status ?? {}) !== before) {
    const cur = ctx.api.get('deployments.apps', namespace, name)
    d = ctx.api.updateStatus('deployments.apps', { ...cur, status: d.status })
  }
  const olds = all.filter((rs) => rs !== newRS)
  const r = syncStatus(ctx, ctx.api.get('deployments.apps', namespace, name), all, newRS)
  const done = ctx.api.get('deployments.apps', namespace, name)
  if (getCondition(done.status, 'Progressing')?.reason === 'NewReplicaSetAvailable') cleanup(ctx, done, olds)
  return r
}

/** Maps a pod event to its ReplicaSet's Deployment (Recreate waits for old pods to be gone). */
function podToDeployment(e: { object: KObject }, ctx: ControllerContext): string[] {
  const r = controllerRef(e.object)
  if (r?.kind !== 'ReplicaSet') return []
  const rs = ctx.api.tryGet('replicasets.apps', e.object.metadata.namespace, r.name)
  const d = rs && controllerRef(rs)
  return d?.kind === 'Deployment' ? [`${e.object.metadata.namespace}/${d.name}`] : []
}

/** The Deployment controller (kube-controller-manager `deployment-controller`). */
export const deploymentController: Controller = {
  name: 'deployment-controller',
  watches: [
    { resource: 'deployments.apps' },
    { resource: 'replicasets.apps', keys: ownerKey('Deployment') },
    { resource: 'pods', keys: (e, ctx) => (e.type === 'DELETED' ? podToDeployment(e, ctx) : []) },
  ],
  reconcile,
}

