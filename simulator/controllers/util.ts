/**
 * Helpers shared by the core controllers: cloning frozen store objects, owner references, conditions, pod
 * readiness, int-or-percent values and the deterministic hashes that stand in for Kubernetes' fnv hashes.
 */
import { cloneJson } from '../api/store'
import type { Condition, KObject, OwnerReference } from '../api/types'
import { parseTime, rfc3339 } from '../core/time'
import type { ControllerContext } from './types'
import { hash16, type EventSource } from './events'

/** A mutable deep copy of a (frozen) stored object. */
export function clone<T>(o: T): T {
  return cloneJson(o)
}

/** The controller owner reference of `obj`, if any. */
export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller)
}

/** An owner reference naming `owner` as the managing controller (blockOwnerDeletion, as the controllers set it). */
export function ownerRefTo(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true }
}

/** Objects of `resource` controlled by `owner` (through the store's dependents index, never a full listing). */
export function ownedBy(ctx: ControllerContext, owner: KObject, resource: string): KObject[] {
  const out: KObject[] = []
  for (const ref of ctx.api.store.dependentsOf(owner.metadata.uid!)) {
    if (ref.resource !== resource) continue
    const o = ctx.api.store.get(ref.resource, ref.namespace, ref.name)
    if (o && controllerRef(o)?.uid === owner.metadata.uid) out.push(o)
  }
  return out.sort((a, b) => cmp(a.metadata.name, b.metadata.name))
}

/** Watch key mapper: the `namespace/name` of the changed object's controller when it has kind `kind`. */
export function ownerKey(kind: string) {
  return (e: { object: KObject }): string[] => {
    const r = controllerRef(e.object)
    return r && r.kind === kind ? [`${e.object.metadata.namespace}/${r.name}`] : []
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Epoch ms of an RFC 3339 timestamp (0 when missing). */
export function ms(t: string | undefined): number {
  const v = parseTime(t)
  return Number.isNaN(v) ? 0 : v
}

export function now3339(ctx: ControllerContext): string {
  return rfc3339(ctx.now())
}

/** Records an event, ignoring refusals (a namespace being terminated takes no new events). */
export function emit(ctx: ControllerContext, obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
  try {
    ctx.events.record(obj, type, reason, message, source, fieldPath)
  } catch {
    // The real recorders drop events the API server refuses, too.
  }
}

/** Whether the recorder already wrote this event (its name is a hash of object, reason, message and source). */
export function eventExists(ctx: ControllerContext, obj: KObject, reason: string, message: string, component: string, fieldPath?: string): boolean {
  const name = `${obj.metadata.name}.${hash16(`${obj.metadata.uid}|${reason}|${message}|${component}|${fieldPath ?? ''}`)}`
  return !!ctx.api.store.get('events', obj.metadata.namespace ?? 'default', name)
}

export function getCondition(status: { conditions?: Condition[] } | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/**
 * Sets a pod/workload condition in place: lastTransitionTime changes only when status changes; the condition
 * keeps its position (pods) unless `moveToEnd` (Deployments re-append the condition, as SetDeploymentCondition does).
 */
export function setCondition(status: { conditions?: Condition[] }, c: Condition, at: string, opts: { moveToEnd?: boolean; updateTime?: boolean } = {}): void {
  const list = (status.conditions ??= [])
  const i = list.findIndex((x) => x.type === c.type)
  const old = i >= 0 ? list[i] : undefined
  const next: Condition = { ...c }
  if (opts.updateTime) next.lastUpdateTime = old && old.status === c.status && old.reason === c.reason && old.message === c.message ? old.lastUpdateTime : at
  next.lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : at
  if (i < 0) list.push(next)
  else if (opts.moveToEnd) {
    list.splice(i, 1)
    list.push(next)
  } else list[i] = next
}

/** A pod counts as active until it has terminated or is being deleted (controller.IsPodActive). */
export function isPodActive(p: KObject): boolean {
  return p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp
}

export function isPodReady(p: KObject): boolean {
  return getCondition(p.status, 'Ready')?.status === 'True'
}

/** Ready for at least `minReadySeconds` (podutil.IsPodAvailable). */
export function isPodAvailable(p: KObject, minReadySeconds: number, now: number): boolean {
  const c = getCondition(p.status, 'Ready')
  if (c?.status !== 'True') return false
  return minReadySeconds <= 0 || ms(c.lastTransitionTime) + minReadySeconds * 1000 <= now
}

/** Resolves an int-or-percent against `total`, rounding up or down (intstr.GetScaledValueFromIntOrPercent). */
export function scaled(v: number | string | undefined, total: number, roundUp: boolean, dflt: string): number {
  const x = v ?? dflt
  if (typeof x === 'number') return x
  const m = /^(\d+)%$/.exec(x)
  if (!m) return Number(x) || 0
  const f = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(f) : Math.floor(f)
}

/** 32-bit FNV-1a over a string. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/** JSON with sorted keys, so equal objects hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v)
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789'

/** rand.SafeEncodeString of the decimal hash: how pod-template-hash and controller-revision names look. */
export function safeEncode(n: number): string {
  return String(n).split('').map((c) => SAFE[c.charCodeAt(0) % SAFE.length]).join('')
}

/** The pod-template-hash of a template (controller.ComputeHash: fnv over the template plus the collision count). */
export function computeHash(template: unknown, collisionCount?: number): string {
  // Stored (frozen) templates never change, so their hash is remembered.
  const frozen = typeof template === 'object' && template !== null && Object.isFrozen(template)
  const memoKey = collisionCount ? `#${collisionCount}` : ''
  let memo = frozen ? hashMemo.get(template as object) : undefined
  const hit = memo?.get(memoKey)
  if (hit !== undefined) return hit
  const h = computeHashUncached(template, collisionCount)
  if (frozen) {
    if (!memo) hashMemo.set(template as object, (memo = new Map()))
    memo.set(memoKey, h)
  }
  return h
}

const hashMemo = new WeakMap<object, Map<string, string>>()

function computeHashUncached(template: unknown, collisionCount?: number): string {
  const t = clone(template) as KObject
  if (t?.metadata?.labels) delete t.metadata.labels['pod-template-hash']
  return safeEncode(fnv32a(canonicalJson(t) + (collisionCount ? `#${collisionCount}` : '')))
}

/** A deterministic pseudo-random integer in [0, n) from a seed string (for per-object delays). */
export function hashInt(seed: string, n: number): number {
  return fnv32a(seed) % n
}

/** murmur3's finalizer: spreads fnv's similar outputs for similar inputs. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35) >>> 0
  h ^= h >>> 16
  return h >>> 0
}

/** A deterministic lower-case hex string of `len` digits from a seed string. */
export function hashHex(seed: string, len: number): string {
  let out = ''
  let i = 0
  while (out.length < len) out += fmix32(fnv32a(`${i++}#${seed}`)).toString(16).padStart(8, '0')
  return out.slice(0, len)
}

/** Pod template equality ignoring the pod-template-hash label (EqualIgnoreHash). */
export function templatesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  return computeHash(a) === computeHash(b)
}

/** Removes keys whose value is 0, undefined or empty (Go `omitempty` on integer status fields). */
export function omitEmpty<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === 0 || o[k] === undefined) delete o[k]
  return o
}

/** Sum of container requests for one resource, in base units (cpu in cores). */
export function podRequest(pod: KObject, resource: 'cpu' | 'memory', parse: (q: string) => number): number {
  let sum = 0
  for (const c of pod.spec?.containers ?? []) {
    const q = c.resources?.requests?.[resource]
    if (q !== undefined) sum += parse(String(q))
  }
  let init = 0
  for (const c of pod.spec?.initContainers ?? []) {
    const q = c.resources?.requests?.[resource]
    if (q !== undefined) init = Math.max(init, parse(String(q)))
  }
  return Math.max(sum, init)
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of the UTF-8 bytes of `s` (no Buffer: this code also runs in the browser). */
export function b64encode(s: string): string {
  const bytes = new TextEncoder().encode(s)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

/** Decodes base64 to a UTF-8 string. */
export function b64decode(s: string): string {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '')
  const bytes: number[] = []
  for (let i = 0; i < clean.length; i += 4) {
    const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1]) << 12) | ((B64.indexOf(clean[i + 2] ?? 'A') & 63) << 6) | (B64.indexOf(clean[i + 3] ?? 'A') & 63)
    bytes.push((n >> 16) & 255)
    if (i + 2 < clean.length) bytes.push((n >> 8) & 255)
    if (i + 3 < clean.length) bytes.push(n & 255)
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}
