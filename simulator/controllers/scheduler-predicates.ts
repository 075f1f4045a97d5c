/**
 * The scheduler's filter plugins, in the default profile's order (NodeUnschedulable, TaintToleration,
 * NodeAffinity, NodeResourcesFit, VolumeBinding, InterPodAffinity), each returning the kube-scheduler 1.25
 * reason strings that end up in `FailedScheduling` messages.
 */
import type { KObject } from '../api/types'
import { selectorFromObject, type LabelSelector } from '../api/selectors'
import { parseQuantity } from '../format/quantity'
import { isPodActive, podRequest } from './util'

/** Per-node usage computed once per scheduling pass. */
export interface NodeUsage {
  cpu: number
  memory: number
  pods: number
  /** active pods on the node (for inter-pod anti-affinity) */
  list: KObject[]
}

/** A filter result: undefined when the node fits, else the reasons and whether preemption could help. */
export interface FilterFailure {
  reasons: string[]
  resolvable: boolean
}

/** Parsed quantities: the same few strings (allocatable, requests) are parsed for every node of every pass. */
const parsed = new Map<string, number>()

const q = (s: string) => {
  let v = parsed.get(s)
  if (v !== undefined) return v
  try {
    v = parseQuantity(s)
  } catch {
    v = 0
  }
  if (parsed.size > 4096) parsed.clear()
  parsed.set(s, v)
  return v
}

/** Parsed selectors of stored (frozen, so never changing) label selector objects. */
const selectorMemo = new WeakMap<object, LabelSelector>()

function selectorOf(ls: any): LabelSelector {
  if (typeof ls !== 'object' || ls === null || !Object.isFrozen(ls)) return selectorFromObject(ls)
  let sel = selectorMemo.get(ls)
  if (!sel) selectorMemo.set(ls, (sel = selectorFromObject(ls)))
  return sel
}

/** cpu and memory requests of stored (frozen) pods, computed once per pod object */
const requestMemo = new WeakMap<object, { cpu: number; memory: number }>()

function requestsOf(pod: KObject): { cpu: number; memory: number } {
  const frozen = Object.isFrozen(pod)
  let r = frozen ? requestMemo.get(pod) : undefined
  if (!r) {
    r = { cpu: podRequest(pod, 'cpu', q), memory: podRequest(pod, 'memory', q) }
    if (frozen) requestMemo.set(pod, r)
  }
  return r
}

export function tolerates(tolerations: any[] | undefined, taint: any): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.operator === 'Exists') return !t.key || t.key === taint.key
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
  })
}

function matchExpr(e: any, value: string | undefined): boolean {
  const vals: string[] = e.values ?? []
  switch (e.operator) {
    case 'In':
      return value !== undefined && vals.includes(value)
    case 'NotIn':
      return value === undefined || !vals.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
      return value !== undefined && Number(value) > Number(vals[0])
    case 'Lt':
      return value !== undefined && Number(value) < Number(vals[0])
  }
  return false
}

/** nodeSelector plus required node affinity (terms ORed; expressions and fields ANDed within a term). */
export function matchesNodeAffinity(pod: KObject, node: KObject): boolean {
  const labels = node.metadata.labels ?? {}
  const nodeSelector = pod.spec?.nodeSelector
  if (nodeSelector) for (const k of Object.keys(nodeSelector)) if (labels[k] !== nodeSelector[k]) return false
  const terms: any[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (!terms?.length) return true
  return terms.some((t) => {
    const exprs: any[] = t.matchExpressions ?? []
    const fields: any[] = t.matchFields ?? []
    if (!exprs.length && !fields.length) return false
    return exprs.every((e) => matchExpr(e, labels[e.key])) && fields.every((e) => matchExpr(e, e.key === 'metadata.name' ? node.metadata.name : undefined))
  })
}

/** The hostname-scoped required anti-affinity terms of the pods of a usage list (lists never change once built). */
const hostnameTermsMemo = new WeakMap<KObject[], { namespaces: string[]; labelSelector: any }[]>()

function hostnameTermsOf(list: KObject[]): { namespaces: string[]; labelSelector: any }[] {
  let terms = hostnameTermsMemo.get(list)
  if (!terms) {
    terms = []
    for (const p of list) {
      for (const t of p.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
        if (t.topologyKey !== 'kubernetes.io/hostname') continue
        terms.push({ namespaces: t.namespaces?.length ? t.namespaces : [p.metadata.namespace], labelSelector: t.labelSelector })
      }
    }
    hostnameTermsMemo.set(list, terms)
  }
  return terms
}

function anyPodMatches(u: NodeUsage, namespaces: string[], sel: LabelSelector): boolean {
  for (const p of u.list) if (namespaces.includes(p.metadata.namespace!) && sel.matches(p.metadata.labels)) return true
  return false
}

/** Required pod anti-affinity of `pod` against pods in the node's topology domain (and theirs against `pod`). */
function antiAffinityConflict(pod: KObject, node: KObject, usage: NodeUsage, all: Map<string, NodeUsage>, nodesByName: Map<string, KObject>): string | undefined {
  const terms: any[] = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []
  for (const t of terms) {
    const key = t.topologyKey
    const value = node.metadata.labels?.[key]
    if (value === undefined) continue
    const sel = selectorOf(t.labelSelector)
    const namespaces: string[] = t.namespaces?.length ? t.namespaces : [pod.metadata.namespace]
    let hit = false
    if (key === 'kubernetes.io/hostname') hit = anyPodMatches(usage, namespaces, sel)
    else for (const [n, u] of all) if (nodesByName.get(n)?.metadata.labels?.[key] === value && anyPodMatches(u, namespaces, sel)) {
      hit = true
      break
    }
    if (hit) return "node(s) didn't match pod anti-affinity rules"
  }
  for (const t of hostnameTermsOf(usage.list)) {
    if (t.namespaces.includes(pod.metadata.namespace!) && selectorOf(t.labelSelector).matches(pod.metadata.labels)) return "node(s) didn't satisfy existing pods anti-affinity rules"
  }
  return undefined
}

/** Runs the filters for one node; the first failing plugin decides the reasons, as in kube-scheduler. */
export function filterNode(pod: KObject, node: KObject, usage: NodeUsage, all: Map<string, NodeUsage>, nodesByName: Map<string, KObject>): FilterFailure | undefined {
  const tolerations = pod.spec?.tolerations
  if (node.spec?.unschedulable && !tolerates(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return { reasons: ['node(s) were unschedulable'], resolvable: false }
  }
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!tolerates(tolerations, taint)) return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], resolvable: false }
  }
  if (!matchesNodeAffinity(pod, node)) return { reasons: ["node(s) didn't match Pod's node affinity/selector"], resolvable: false }
  const alloc = node.status?.allocatable ?? {}
  const reasons: string[] = []
  if (alloc.pods !== undefined && usage.pods + 1 > q(String(alloc.pods))) reasons.push('Too many pods')
  const { cpu, memory: mem } = requestsOf(pod)
  if (alloc.cpu !== undefined && cpu > 0 && usage.cpu + cpu > q(String(alloc.cpu)) + 1e-9) reasons.push('Insufficient cpu')
  if (alloc.memory !== undefined && mem > 0 && usage.memory + mem > q(String(alloc.memory))) reasons.push('Insufficient memory')
  if (reasons.length) return { reasons, resolvable: true }
  const anti = antiAffinityConflict(pod, node, usage, all, nodesByName)
  if (anti) return { reasons: [anti], resolvable: true }
  return undefined
}

/** Sums what the active pods bound to each node request. */
export function nodeUsage(pods: KObject[]): Map<string, NodeUsage> {
  const out = new Map<string, NodeUsage>()
  for (const p of pods) {
    const n = p.spec?.nodeName
    if (!n || !isPodActive(p)) continue
    let u = out.get(n)
    if (!u) out.set(n, (u = { cpu: 0, memory: 0, pods: 0, list: [] }))
    const r = requestsOf(p)
    u.cpu += r.cpu
    u.memory += r.memory
    u.pods++
    u.list.push(p)
  }
  return out
}

/** The fraction of allocatable cpu+memory requested (for least-requested scoring). */
export function requestedFraction(node: KObject, usage: NodeUsage | undefined): number {
  const alloc = node.status?.allocatable ?? {}
  const cpu = alloc.cpu ? (usage?.cpu ?? 0) / q(String(alloc.cpu)) : 0
  const mem = alloc.memory ? (usage?.memory ?? 0) / q(String(alloc.memory)) : 0
  return (cpu + mem) / 2
}
