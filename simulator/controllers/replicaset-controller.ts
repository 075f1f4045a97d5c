/**
 * The ReplicaSet controller: keeps `spec.replicas` active pods from the template (`<rs>-<5 chars>`), deletes the
 * least valuable pods first when scaling down, and reports replicas/ready/available counts.
 */
import type { KObject } from '../api/types'
import { selectorFromObject } from '../api/selectors'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, cmp, emit, getCondition, isPodActive, isPodAvailable, isPodReady, ms, omitEmpty, ownedBy, ownerKey, ownerRefTo } from './util'

const SOURCE = { component: 'replicaset-controller' }

/** Builds a pod from a workload's template, owned by `owner` (controller.GetPodFromTemplate). */
export function podFromTemplate(owner: KObject, template: any, generateName: string): KObject {
  const t = clone(template ?? {})
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName,
      namespace: owner.metadata.namespace,
      labels: t.metadata?.labels ?? {},
      ownerReferences: [ownerRefTo(owner)],
    },
    spec: t.spec ?? {},
  }
  if (t.metadata?.annotations) pod.metadata.annotations = t.metadata.annotations
  if (t.metadata?.finalizers) pod.metadata.finalizers = t.metadata.finalizers
  return pod
}

/** Deletion rank (controller.ActivePods ordering): lower sorts first and is deleted first. */
export function deletionOrder(a: KObject, b: KObject): number {
  const assigned = (p: KObject) => (p.spec?.nodeName ? 1 : 0)
  const phase = (p: KObject) => ({ Pending: 0, Unknown: 1, Running: 2 } as Record<string, number>)[p.status?.phase ?? 'Pending'] ?? 0
  const ready = (p: KObject) => (isPodReady(p) ? 1 : 0)
  const restarts = (p: KObject) => (p.status?.containerStatuses ?? []).reduce((n: number, c: any) => n + (c.restartCount ?? 0), 0)
  return (
    assigned(a) - assigned(b) ||
    phase(a) - phase(b) ||
    ready(a) - ready(b) ||
    ms(getCondition(b.status, 'Ready')?.lastTransitionTime) - ms(getCondition(a.status, 'Ready')?.lastTransitionTime) ||
    restarts(b) - restarts(a) ||
    ms(b.metadata.creationTimestamp) - ms(a.metadata.creationTimestamp) ||
    cmp(b.metadata.name, a.metadata.name)
  )
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  const rs = ctx.api.tryGet('replicasets.apps', namespace, name)
  if (!rs) return
  const pods = ownedBy(ctx, rs, 'pods')
  let active = pods.filter(isPodActive)
  const want = rs.spec?.replicas ?? 1
  if (!rs.metadata.deletionTimestamp) {
    const diff = active.length - want
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const pod = ctx.api.create('pods', podFromTemplate(rs, rs.spec?.template, `${rs.metadata.name}-`))
        emit(ctx, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE)
        active.push(pod)
      }
    } else if (diff > 0) {
      const victims = [...active].sort(deletionOrder).slice(0, diff)
      for (const p of victims) {
        ctx.api.delete('pods', p.metadata.namespace, p.metadata.name)
        emit(ctx, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE)
      }
      const gone = new Set(victims.map((p) => p.metadata.name))
      active = active.filter((p) => !gone.has(p.metadata.name))
    }
  }
  return writeStatus(ctx, rs, active)
}

function writeStatus(ctx: ControllerContext, rs: KObject, active: KObject[]): ReconcileResult | void {
  const now = ctx.now()
  const minReady = rs.spec?.minReadySeconds ?? 0
  const tmplLabels = selectorFromObject({ matchLabels: rs.spec?.template?.metadata?.labels ?? {} })
  const status: Record<string, unknown> = omitEmpty({
    replicas: active.length,
    fullyLabeledReplicas: active.filter((p) => tmplLabels.matches(p.metadata.labels)).length,
    readyReplicas: active.filter(isPodReady).length,
    availableReplicas: active.filter((p) => isPodAvailable(p, minReady, now)).length,
  })
  status.replicas = active.length
  status.observedGeneration = rs.metadata.generation
  const current = ctx.api.tryGet('replicasets.apps', rs.metadata.namespace, rs.metadata.name)!
  if (JSON.stringify(current.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus('replicasets.apps', { ...current, status })
  // Pods that are ready but not yet available become available when minReadySeconds have passed.
  let next = Infinity
  for (const p of active) {
    if (!isPodReady(p) || isPodAvailable(p, minReady, now)) continue
    next = Math.min(next, ms(getCondition(p.status, 'Ready')?.lastTransitionTime) + minReady * 1000 - now)
  }
  if (next !== Infinity) return { requeueAfter: Math.max(next, 0) }
}

/** The ReplicaSet controller (kube-controller-manager `replicaset-controller`). */
export const replicaSetController: Controller = {
  name: 'replicaset-controller',
  watches: [{ resource: 'replicasets.apps' }, { resource: 'pods', keys: ownerKey('ReplicaSet') }],
  reconcile,
}
