/**
 * The DaemonSet controller: one pod `<ds>-<5 chars>` per eligible node (nodeSelector, affinity, taints vs
 * tolerations), pinned to its node by a required `matchFields metadata.name` node affinity and bound by the
 * scheduler; RollingUpdate of changed templates within maxUnavailable; the status counters `oc get ds` shows.
 */
import type { KObject } from '../api/types'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, cmp, computeHash, emit, isPodAvailable, isPodReady, ownedBy, ownerKey, scaled } from './util'
import { podFromTemplate } from './replicaset-controller'
import { matchesNodeAffinity, tolerates } from './scheduler-predicates'

const SOURCE = { component: 'daemonset-controller' }
const HASH = 'controller-revision-hash'

/** Tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations). */
const DAEMON_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]

/** Whether a daemon pod of `ds` should run on `node` (NodeShouldRunDaemonPod). */
export function shouldRun(ds: KObject, node: KObject): boolean {
  const pod = { metadata: { name: '' }, spec: ds.spec?.template?.spec ?? {} } as KObject
  if (!matchesNodeAffinity(pod, node)) return false
  const tolerations = [...(pod.spec.tolerations ?? []), ...DAEMON_TOLERATIONS]
  return (node.spec?.taints ?? []).every((t: any) => (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') || tolerates(tolerations, t))
}

/**
 * shouldRun depends only on the template's nodeSelector, node affinity and tolerations and on the node; node
 * objects are immutable (a change is a new object), so the answer is cached per node object and per those fields.
 */
const eligibility = new Map<string, WeakMap<KObject, boolean>>()

function eligibleNodes(ds: KObject, nodes: KObject[]): KObject[] {
  const spec = ds.spec?.template?.spec ?? {}
  const key = JSON.stringify([spec.nodeSelector ?? null, spec.affinity?.nodeAffinity ?? null, spec.tolerations ?? null])
  let byNode = eligibility.get(key)
  if (!byNode) {
    if (eligibility.size > 256) eligibility.clear()
    eligibility.set(key, (byNode = new WeakMap()))
  }
  const out: KObject[] = []
  for (const n of nodes) {
    let ok = byNode.get(n)
    if (ok === undefined) byNode.set(n, (ok = shouldRun(ds, n)))
    if (ok) out.push(n)
  }
  return out
}

function nodeOf(pod: KObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name') return f.values?.[0]
  return undefined
}

function daemonPod(ds: KObject, node: string, hash: string): KObject {
  const pod = podFromTemplate(ds, ds.spec?.template, `${ds.metadata.name}-`)
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [HASH]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) }
  const spec = pod.spec
  const affinity = (spec.affinity = clone(spec.affinity ?? {}))
  const na = (affinity.nodeAffinity ??= {})
  na.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] }
  const tol: any[] = (spec.tolerations = [...(spec.tolerations ?? [])])
  for (const t of [...DAEMON_TOLERATIONS, ...(spec.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : [])]) {
    if (!tol.some((x) => x.key === t.key && x.effect === t.effect && x.operator === 'Exists')) tol.push(t)
  }
  return pod
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  const ds = ctx.api.tryGet('daemonsets.apps', namespace, name)
  if (!ds) return
  const now = ctx.now()
  const hash = computeHash(ds.spec?.template)
  const minReady = ds.spec?.minReadySeconds ?? 0
  const nodes = ctx.api.store.list('nodes')
  const pods = ownedBy(ctx, ds, 'pods')
  const byNode = new Map<string, KObject[]>()
  for (const p of pods) {
    const n = nodeOf(p)
    if (!n) continue
    const list = byNode.get(n) ?? []
    list.push(p)
    byNode.set(n, list)
  }
  const desired = eligibleNodes(ds, nodes)
  const desiredNames = new Set(desired.map((n) => n.metadata.name))
  if (!ds.metadata.deletionTimestamp) {
    // Pods on nodes that should not run them, and failed pods, go; nodes without a pod get one.
    for (const [node, list] of byNode) {
      for (const p of list) {
        if (p.metadata.deletionTimestamp) continue
        if (!desiredNames.has(node) || p.status?.phase === 'Failed') {
          ctx.api.delete('pods', p.metadata.namespace, p.metadata.name)
          emit(ctx, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE)
        }
      }
    }
    for (const n of desired) {
      const list = byNode.get(n.metadata.name) ?? []
      if (list.some((p) => p.metadata.deletionTimestamp || p.status?.phase !== 'Failed')) continue
      const pod = ctx.api.create('pods', daemonPod(ds, n.metadata.name, hash))
      emit(ctx, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE)
    }
    if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(ctx, ds, desired, byNode, hash, minReady, now)
  }
  return writeStatus(ctx, ds, desired, hash, minReady, now)
}

function rollingUpdate(ctx: ControllerContext, ds: KObject, desired: KObject[], byNode: Map<string, KObject[]>, hash: string, minReady: number, now: number): void {
  const max = scaled(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable, desired.length, true, '1') || 1
  let unavailable = 0
  const oldAvailable: KObject[] = []
  for (const n of desired) {
    const live = (byNode.get(n.metadata.name) ?? []).filter((p) => !p.metadata.deletionTimestamp)
    const pod = live[0]
    if (!pod || !isPodAvailable(pod, minReady, now)) {
      unavailable++
      if (pod && pod.metadata.labels?.[HASH] !== hash) del(ctx, ds, pod)
      continue
    }
    if (pod.metadata.labels?.[HASH] !== hash) oldAvailable.push(pod)
  }
  for (const p of oldAvailable.sort((a, b) => cmp(nodeOf(a)!, nodeOf(b)!))) {
    if (unavailable >= max) break
    del(ctx, ds, p)
    unavailable++
  }
}

function del(ctx: ControllerContext, ds: KObject, p: KObject): void {
  ctx.api.delete('pods', p.metadata.namespace, p.metadata.name)
  emit(ctx, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, SOURCE)
}

function writeStatus(ctx: ControllerContext, ds: KObject, desired: KObject[], hash: string, minReady: number, now: number): ReconcileResult | void {
  const pods = ownedBy(ctx, ds, 'pods').filter((p) => !p.metadata.deletionTimestamp)
  const desiredNames = new Set(desired.map((n) => n.metadata.name))
  const scheduled = new Set<string>()
  let mis = 0
  let ready = 0
  let available = 0
  let updated = 0
  for (const p of pods) {
    const n = p.spec?.nodeName
    if (!n) continue
    if (!desiredNames.has(n)) {
      mis++
      continue
    }
    scheduled.add(n)
    if (isPodReady(p)) ready++
    if (isPodAvailable(p, minReady, now)) available++
    if (p.metadata.labels?.[HASH] === hash) updated++
  }
  const status: Record<string, unknown> = {
    currentNumberScheduled: scheduled.size,
    desiredNumberScheduled: desired.length,
    numberMisscheduled: mis,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
  }
  if (available) status.numberAvailable = available
  if (desired.length - available > 0) status.numberUnavailable = desired.length - available
  if (updated) status.updatedNumberScheduled = updated
  const cur = ctx.api.tryGet('daemonsets.apps', ds.metadata.namespace, ds.metadata.name)!
  if (JSON.stringify(cur.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus('daemonsets.apps', { ...cur, status })
  if (minReady > 0 && ready > available) return { requeueAfter: minReady * 1000 }
}

/** The DaemonSet controller (kube-controller-manager `daemonset-controller`). */
export const daemonSetController: Controller = {
  name: 'daemonset-controller',
  watches: [
    { resource: 'daemonsets.apps' },
    { resource: 'pods', keys: ownerKey('DaemonSet') },
    { resource: 'nodes', keys: (_e, ctx) => ctx.api.store.list('daemonsets.apps').map((d) => `${d.metadata.namespace}/${d.metadata.name}`) },
  ],
  reconcile,
}
