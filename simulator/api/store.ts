/**
 * The object store: one snapshot of every object, indexed by resource, namespace and name, so a lookup costs the
 * same whatever the cluster's size and a namespace listing touches only that namespace. Objects are deep-frozen;
 * the maps that index them are copied on write, but only once per snapshot: a map created or copied since the
 * last `snapshot()`/`restore()` is owned by the store and written in place, so a write costs O(1) instead of a
 * copy of every object of its namespace (which made building a 1000-node cluster take 40 s). A snapshot taken
 * earlier is never changed. Every commit yields immer-style patches (for whoever subscribes).
 */
import { enablePatches, freeze, type Patch } from 'immer'
import type { KObject } from './types'

enablePatches()

export interface StoreState {
  /** resource key → namespace ('' for cluster-scoped) → name → object */
  objects: Record<string, Record<string, Record<string, KObject>>>
}

export interface Commit {
  resource: string
  namespace: string
  name: string
  before: KObject | undefined
  after: KObject | undefined
  patches: Patch[]
  inversePatches: Patch[]
}

export class ObjectStore {
  private state: StoreState = { objects: {} }
  /** maps created or copied since the last snapshot: nobody else holds them, so they may be written in place */
  private owned = new WeakSet<object>()
  /** owner uid → dependents ("resource\u0000namespace\u0000name") */
  private dependents = new Map<string, Set<string>>()
  /** uid → "resource\u0000namespace\u0000name" */
  private byUid = new Map<string, string>()

  get(resource: string, namespace: string, name: string): KObject | undefined {
    return this.state.objects[resource]?.[namespace]?.[name]
  }

  /** Objects of one namespace, or of all namespaces when `namespace` is undefined; sorted like etcd keys. */
  list(resource: string, namespace?: string): KObject[] {
    const byNs = this.state.objects[resource]
    if (!byNs) return []
    const namespaces = namespace === undefined ? Object.keys(byNs).sort() : [namespace]
    const out: KObject[] = []
    for (const ns of namespaces) {
      const items = byNs[ns]
      if (!items) continue
      for (const name of Object.keys(items).sort()) out.push(items[name])
    }
    return out
  }

  /** Namespaces that hold at least one object of `resource`. */
  namespacesOf(resource: string): string[] {
    return Object.keys(this.state.objects[resource] ?? {})
  }

  count(resource: string): number {
    let n = 0
    for (const items of Object.values(this.state.objects[resource] ?? {})) n += Object.keys(items).length
    return n
  }

  /** Writes (or, with `undefined`, removes) one object and returns the commit record. */
  put(resource: string, namespace: string, name: string, obj: KObject | undefined): Commit {
    const before = this.get(resource, namespace, name)
    const path = ['objects', resource, namespace, name]
    if (obj === undefined && before === undefined) return { resource, namespace, name, before, after: undefined, patches: [], inversePatches: [] }
    if (obj !== undefined) freeze(obj, true)
    const state = (this.state = this.own(this.state))
    const objects = (state.objects = this.own(state.objects))
    const byNs = (objects[resource] = this.own(objects[resource] ?? {}))
    const items = (byNs[namespace] = this.own(byNs[namespace] ?? {}))
    let patches: Patch[]
    let inversePatches: Patch[]
    if (obj === undefined) {
      delete items[name]
      patches = [{ op: 'remove', path }]
      inversePatches = [{ op: 'add', path, value: before }]
      let empty = true
      for (const _ in items) {
        empty = false
        break
      }
      if (empty) delete byNs[namespace]
    } else {
      items[name] = obj
      patches = [{ op: before ? 'replace' : 'add', path, value: obj }]
      inversePatches = before ? [{ op: 'replace', path, value: before }] : [{ op: 'remove', path }]
    }
    const after = this.get(resource, namespace, name)
    this.reindex(resource, namespace, name, before, after)
    return { resource, namespace, name, before, after, patches, inversePatches }
  }

  /** `map` itself when the store owns it, else a shallow copy that the store owns from now on. */
  private own<T extends object>(map: T): T {
    if (this.owned.has(map)) return map
    const copy = { ...map }
    this.owned.add(copy)
    return copy
  }

  /** Keys of the objects that name `uid` in their ownerReferences. */
  dependentsOf(uid: string): { resource: string; namespace: string; name: string }[] {
    return [...(this.dependents.get(uid) ?? [])].map(splitRef)
  }

  refByUid(uid: string): { resource: string; namespace: string; name: string } | undefined {
    const r = this.byUid.get(uid)
    return r ? splitRef(r) : undefined
  }

  /** The current state; it never changes afterwards (the next write copies what it touches). */
  snapshot(): StoreState {
    this.owned = new WeakSet()
    return this.state
  }

  /** Brings back a state; the store copies before writing, so `state` itself is never changed. */
  restore(state: StoreState): void {
    this.owned = new WeakSet()
    for (const byNs of Object.values(state.objects)) for (const items of Object.values(byNs)) for (const obj of Object.values(items)) freeze(obj, true)
    this.state = state
    this.dependents.clear()
    this.byUid.clear()
    for (const [resource, byNs] of Object.entries(state.objects)) {
      for (const [ns, items] of Object.entries(byNs)) {
        for (const [name, obj] of Object.entries(items)) this.reindex(resource, ns, name, undefined, obj)
      }
    }
  }

  private reindex(resource: string, namespace: string, name: string, before: KObject | undefined, after: KObject | undefined): void {
    const ref = `${resource}\u0000${namespace}\u0000${name}`
    for (const o of before?.metadata.ownerReferences ?? []) this.dependents.get(o.uid)?.delete(ref)
    if (before?.metadata.uid) this.byUid.delete(before.metadata.uid)
    for (const o of after?.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(o.uid)
      if (!set) this.dependents.set(o.uid, (set = new Set()))
      set.add(ref)
    }
    if (after?.metadata.uid) this.byUid.set(after.metadata.uid, ref)
  }
}

function splitRef(r: string): { resource: string; namespace: string; name: string } {
  const [resource, namespace, name] = r.split('\u0000')
  return { resource, namespace, name }
}
