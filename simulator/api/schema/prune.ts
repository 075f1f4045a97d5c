/** Structural pruning: drops fields the schema does not know, reporting their paths. */
import type { Schema } from './types'
import { childPath, defineKey, indexPath, isPlainObject, own } from './jsontypes'

/** The pruned value and the dotted paths of the dropped fields (`spec.requests.read.maxrunning`). */
export interface PruneResult {
  value: unknown
  unknownFields: string[]
}

const EMBEDDED_KEYS = new Set(['apiVersion', 'kind', 'metadata'])

function pruneAt(s: Schema, v: unknown, path: string, unknown: string[]): unknown {
  if (Array.isArray(v)) {
    if (s.type !== 'array' || !s.items) return v
    let changed = false
    const out = v.map((x, i) => {
      const y = pruneAt(s.items!, x, indexPath(path, i), unknown)
      if (y !== x) changed = true
      return y
    })
    return changed ? out : v
  }
  if (!isPlainObject(v)) return v
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true
  if (s.type !== 'object' && !(s.type === undefined && !preserve && s.properties)) return v
  const props = s.properties
  const add = s.additionalProperties
  // The copy is made only once something changes (most objects are kept as they are): the keys before that
  // point are copied as they were.
  let out: Record<string, unknown> | undefined
  const keys = Object.keys(v)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const x = v[k]
    const ps = own(props, k)
    let y: unknown
    let keep = true
    if (ps) y = pruneAt(ps, x, childPath(path, k), unknown)
    else if (add && typeof add === 'object') y = pruneAt(add, x, childPath(path, k), unknown)
    else if (add === true || preserve || (s['x-kubernetes-embedded-resource'] && EMBEDDED_KEYS.has(k))) y = x
    else {
      unknown.push(childPath(path, k))
      keep = false
    }
    if (out === undefined && (!keep || y !== x)) {
      out = {}
      for (let j = 0; j < i; j++) defineKey(out, keys[j], v[keys[j]])
    }
    if (out !== undefined && keep) defineKey(out, k, y)
  }
  return out ?? v
}

/** Drops fields unknown to the schema (kept under x-kubernetes-preserve-unknown-fields); never mutates `obj`. */
export function pruneUnknownFields(schema: Schema, obj: unknown, path = ''): PruneResult {
  const unknownFields: string[] = []
  const value = pruneAt(schema, obj, path, unknownFields)
  return { value, unknownFields }
}

function nullsAt(s: Schema | undefined, v: unknown): unknown {
  if (!s) return v
  if (Array.isArray(v)) {
    if (!s.items) return v
    let changed = false
    const out = v.map((x) => {
      const y = nullsAt(s.items, x)
      if (y !== x) changed = true
      return y
    })
    return changed ? out : v
  }
  if (!isPlainObject(v)) return v
  let changed = false
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) {
    const ks = own(s.properties, k) ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined)
    if (x === null && ks && !ks.nullable && ks.default === undefined) {
      changed = true
      continue
    }
    const y = nullsAt(ks, x)
    if (y !== x) changed = true
    defineKey(out, k, y)
  }
  return changed ? out : v
}

/** Drops `null` object fields that are neither nullable nor defaulted, as the CRD decoder does (list items stay). */
export function pruneNonNullableNulls<T>(schema: Schema, obj: T): T {
  return nullsAt(schema, obj) as T
}
