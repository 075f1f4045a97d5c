/**
 * kube-scheduler: binds pending pods to nodes through the filters of `scheduler-predicates.ts`, scores the
 * feasible nodes deterministically (spread pods of the same owner, then least requested, then name), handles
 * PersistentVolumeClaims (unbound Immediate claims block, WaitForFirstConsumer claims get a selected node), and
 * reports failures with the exact aggregated `FailedScheduling` message. Unschedulable pods are retried when
 * nodes, pods or claims change and every 5 minutes.
 */
import type { KObject } from '../api/types'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, cmp, controllerRef, emit, getCondition, ms, now3339, setCondition } from './util'
import type { ObjectStore } from '../api/store'
import { filterNode, nodeUsage, requestedFraction, type NodeUsage } from './scheduler-predicates'

const SOURCE = { component: 'default-scheduler' }
/** podMaxInUnschedulablePodsDuration */
const RETRY_MS = 5 * 60 * 1000
const SELECTED_NODE = 'volume.kubernetes.io/selected-node'

function wantsScheduling(p: KObject): boolean {
  return !p.spec?.nodeName && !p.metadata.deletionTimestamp && (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'
}

/** The 1.25 FitError text: `0/N nodes are available: <sorted "count reason" list>. preemption: ...`. */
export function fitErrorMessage(total: number, failures: { reasons: string[]; resolvable: boolean }[]): string {
  const counts = new Map<string, number>()
  for (const f of failures) for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  const list = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  let msg = `0/${total} nodes are available:`
  if (list.length) msg += ` ${list.join(', ')}.`
  const helpless = failures.filter((f) => !f.resolvable).length
  const victimless = failures.length - helpless
  const pre = [victimless ? `${victimless} No preemption victims found for incoming pod` : '', helpless ? `${helpless} Preemption is not helpful for scheduling` : ''].filter(Boolean).sort()
  msg += ` preemption: 0/${total} nodes are available: ${pre.join(', ')}.`
  return msg
}

interface Pass {
  nodes: KObject[]
  byName: Map<string, KObject>
  usage: Map<string, NodeUsage>
}

/**
 * Per-node usage, cached per store and node and recomputed only when a pod bound to that node was written
 * (the store's node → pods index versions). Entries are shared between passes and never changed: a pass that
 * binds a pod replaces its node's entry in its own map.
 */
const usageCache = new WeakMap<ObjectStore, Map<string, { version: number | undefined; usage: NodeUsage | undefined }>>()

function cachedUsage(store: ObjectStore, node: string): NodeUsage | undefined {
  let byNode = usageCache.get(store)
  if (!byNode) usageCache.set(store, (byNode = new Map()))
  const version = store.nodePodsVersion(node)
  const hit = byNode.get(node)
  if (hit && hit.version === version) return hit.usage
  // The pods in store order (namespace, then name), so the sums add up exactly as over a full listing.
  const pods: KObject[] = []
  for (const r of store.podsOnNode(node).sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.name, b.name))) {
    const p = store.get('pods', r.namespace, r.name)
    if (p) pods.push(p)
  }
  const usage = nodeUsage(pods).get(node)
  byNode.set(node, { version, usage })
  return usage
}

function newPass(ctx: ControllerContext): Pass {
  const store = ctx.api.store
  const nodes = store.list('nodes')
  const usage = new Map<string, NodeUsage>()
  // Only nodes that exist are ever looked up (anti-affinity ignores usage entries of unknown nodes).
  for (const n of nodes) {
    const u = cachedUsage(store, n.metadata.name)
    if (u) usage.set(n.metadata.name, u)
  }
  return { nodes, byName: new Map(nodes.map((n) => [n.metadata.name, n])), usage }
}

/** Claims of the pod: a blocking reason (for every node), and the unbound WaitForFirstConsumer claims. */
function claimsOf(ctx: ControllerContext, pod: KObject): { block?: string; delayed: KObject[] } {
  const delayed: KObject[] = []
  for (const v of pod.spec?.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName
    if (!name) continue
    const claim = ctx.api.tryGet('persistentvolumeclaims', pod.metadata.namespace, name)
    if (!claim) return { block: `persistentvolumeclaim "${name}" not found`, delayed }
    if (claim.metadata.deletionTimestamp) return { block: `persistentvolumeclaim "${name}" is being deleted`, delayed }
    if (claim.status?.phase === 'Bound' || claim.spec?.volumeName) continue
    const sc = claim.spec?.storageClassName ? ctx.api.tryGet('storageclasses.storage.k8s.io', undefined, claim.spec.storageClassName) : undefined
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer') delayed.push(claim)
    else return { block: 'pod has unbound immediate PersistentVolumeClaims', delayed }
  }
  return { delayed }
}

function fail(ctx: ControllerContext, pod: KObject, message: string): void {
  const next = clone(pod)
  const status = (next.status ??= {})
  status.phase ??= 'Pending'
  setCondition(status, { type: 'PodScheduled', status: 'False', lastProbeTime: null, reason: 'Unschedulable', message }, now3339(ctx))
  if (JSON.stringify(status) !== JSON.stringify(pod.status)) ctx.api.updateStatus('pods', next)
  emit(ctx, pod, 'Warning', 'FailedScheduling', message, SOURCE)
}

/** The only node names a pod's required node affinity admits, when every term names nodes by metadata.name. */
function pinnedNames(pod: KObject): Set<string> | undefined {
  const terms: any[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms?.length) return undefined
  const names = new Set<string>()
  for (const t of terms) {
    const f = (t.matchFields ?? []).find((x: any) => x.key === 'metadata.name' && x.operator === 'In')
    if (!f) return undefined
    for (const v of f.values ?? []) names.add(v)
  }
  return names
}

/**
 * Controller uid → number of pods of a node's usage list. Lists are never changed once a pass looks at them (a
 * pass that binds a pod gives its node a new list), so the counts are remembered per list.
 */
const ownerCountMemo = new WeakMap<KObject[], Map<string, number>>()

function ownerCounts(list: KObject[]): Map<string, number> {
  let counts = ownerCountMemo.get(list)
  if (!counts) {
    counts = new Map()
    for (const p of list) {
      const uid = controllerRef(p)?.uid
      if (uid !== undefined) counts.set(uid, (counts.get(uid) ?? 0) + 1)
    }
    ownerCountMemo.set(list, counts)
  }
  return counts
}

/** One scheduling attempt; returns the chosen node when the pod was bound. */
function scheduleOne(ctx: ControllerContext, pod: KObject, pass: Pass): ReconcileResult | void {
  const total = pass.nodes.length
  const claims = claimsOf(ctx, pod)
  if (claims.block) {
    fail(ctx, pod, fitErrorMessage(total, pass.nodes.map(() => ({ reasons: [claims.block!], resolvable: false }))))
    return { requeueAfter: RETRY_MS }
  }
  const pinned = claims.delayed.map((c) => c.metadata.annotations?.[SELECTED_NODE]).find(Boolean)
  const failures: { reasons: string[]; resolvable: boolean }[] = []
  const feasible: KObject[] = []
  const empty: NodeUsage = { cpu: 0, memory: 0, pods: 0, list: [] }
  // Pods pinned to named nodes (daemon pods): other nodes cannot pass, so only those are filtered first; the
  // full loop runs only to explain a failure, with the same reasons as before.
  const names = pinnedNames(pod)
  if (names) {
    for (const node of pass.nodes) {
      if (!names.has(node.metadata.name)) continue
      if (pinned && node.metadata.name !== pinned) continue
      if (!filterNode(pod, node, pass.usage.get(node.metadata.name) ?? empty, pass.usage, pass.byName)) feasible.push(node)
    }
  }
  if (!feasible.length) for (const node of pass.nodes) {
    const f = pinned && node.metadata.name !== pinned
      ? { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false }
      : filterNode(pod, node, pass.usage.get(node.metadata.name) ?? empty, pass.usage, pass.byName)
    if (f) failures.push(f)
    else feasible.push(node)
  }
  if (!feasible.length) {
    fail(ctx, pod, fitErrorMessage(total, failures))
    return { requeueAfter: RETRY_MS }
  }
  const owner = controllerRef(pod)?.uid
  const sameOwner = (n: KObject) => {
    if (!owner) return 0
    const list = pass.usage.get(n.metadata.name)?.list
    return list ? ownerCounts(list).get(owner) ?? 0 : 0
  }
  // The head of the list sorted by (spread, used, name): a linear scan for the minimum, as names are unique (a
  // NaN fraction, which would make the order inconsistent, takes the sort itself).
  const scored = feasible.map((n) => ({ n, spread: sameOwner(n), used: requestedFraction(n, pass.usage.get(n.metadata.name)) }))
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) => a.spread - b.spread || a.used - b.used || cmp(a.n.metadata.name, b.n.metadata.name)
  let top = scored[0]
  if (scored.some((c) => Number.isNaN(c.used))) top = scored.sort(order)[0]
  else for (const c of scored) if (order(c, top) < 0) top = c
  const best = top.n
  const nodeName = best.metadata.name
  // WaitForFirstConsumer: the chosen node goes on the claims; binding waits until the provisioner bound them.
  for (const c of claims.delayed) {
    if (c.metadata.annotations?.[SELECTED_NODE] === nodeName) continue
    const next = clone(c)
    ;(next.metadata.annotations ??= {})[SELECTED_NODE] = nodeName
    ctx.api.update('persistentvolumeclaims', next)
  }
  if (claims.delayed.length) return { requeueAfter: RETRY_MS }
  const bound = clone(pod)
  bound.spec.nodeName = nodeName
  const updated = ctx.api.update('pods', bound)
  const withStatus = clone(updated)
  setCondition((withStatus.status ??= {}), { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now3339(ctx))
  const cond = getCondition(withStatus.status, 'PodScheduled')!
  delete cond.reason
  delete cond.message
  withStatus.status.phase ??= 'Pending'
  ctx.api.updateStatus('pods', withStatus)
  emit(ctx, pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE)
  const prev = pass.usage.get(nodeName)
  const u: NodeUsage = prev ? { ...prev, list: [...prev.list] } : { cpu: 0, memory: 0, pods: 0, list: [] }
  pass.usage.set(nodeName, u)
  const again = nodeUsage([updated]).get(nodeName)!
  u.cpu += again.cpu
  u.memory += again.memory
  u.pods++
  u.list.push(updated)
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  if (key.startsWith('retry:')) {
    const ns = key.slice(6)
    const pods = ctx.api.store.list('pods', ns === '*' ? undefined : ns).filter(wantsScheduling)
    pods.sort((a, b) => (b.spec?.priority ?? 0) - (a.spec?.priority ?? 0) || ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || cmp(a.metadata.name, b.metadata.name))
    if (!pods.length) return
    const pass = newPass(ctx)
    for (const p of pods) scheduleOne(ctx, ctx.api.tryGet('pods', p.metadata.namespace, p.metadata.name) ?? p, pass)
    return
  }
  const { namespace, name } = splitKey(key)
  const pod = ctx.api.tryGet('pods', namespace, name)
  if (!pod || !wantsScheduling(pod)) return
  return scheduleOne(ctx, pod, newPass(ctx))
}

/** Pod changes: new pending pods are scheduled; pods leaving a node free room for the unschedulable ones. */
function podKeys(e: { type: string; object: KObject; old?: KObject }): string[] {
  const p = e.object
  const key = `${p.metadata.namespace}/${p.metadata.name}`
  if (e.type !== 'DELETED' && wantsScheduling(p)) {
    // Status writes of an already-failed pod are not new information; the retries below cover real changes.
    const failed = getCondition(p.status, 'PodScheduled')?.status === 'False'
    const specChanged = e.old && JSON.stringify(e.old.spec) !== JSON.stringify(p.spec)
    return !failed || specChanged || !e.old ? [key] : []
  }
  if (p.spec?.nodeName && (e.type === 'DELETED' || (p.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp) || ((p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') && e.old?.status?.phase !== p.status?.phase))) return ['retry:*']
  return []
}

/** The default scheduler. */
export const scheduler: Controller = {
  name: 'default-scheduler',
  watches: [
    { resource: 'pods', keys: podKeys },
    { resource: 'nodes', keys: () => ['retry:*'] },
    { resource: 'persistentvolumeclaims', keys: (e) => [`retry:${e.object.metadata.namespace}`] },
  ],
  reconcile,
}
