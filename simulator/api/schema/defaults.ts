/** Structural defaulting: fills `default` values where the parent object exists. */
import type { Schema } from './types'
import { cloneJson, defineKey, isPlainObject } from './jsontypes'

function defaultAt(s: Schema, v: unknown): unknown {
  if (Array.isArray(v)) {
    if (s.type !== 'array' || !s.items) return v
    let changed = false
    const out = v.map((x) => {
      const y = defaultAt(s.items!, x)
      if (y !== x) changed = true
      return y
    })
    return changed ? out : v
  }
  if (!isPlainObject(v) || (s.type !== undefined && s.type !== 'object')) return v
  let out: Record<string, unknown> | undefined
  const set = (k: string, y: unknown) => {
    if (!out) {
      out = {}
      for (const [kk, xx] of Object.entries(v)) defineKey(out, kk, xx)
    }
    defineKey(out, k, y)
  }
  const props = s.properties ?? {}
  for (const k of Object.keys(props)) {
    const ps = props[k]
    const has = Object.prototype.hasOwnProperty.call(v, k)
    const x = has ? v[k] : undefined
    if (ps.default !== undefined && (!has || x === undefined || (x === null && !ps.nullable))) {
      set(k, defaultAt(ps, cloneJson(ps.default)))
    } else if (has) {
      const y = defaultAt(ps, x)
      if (y !== x) set(k, y)
    }
  }
  const add = s.additionalProperties
  if (add && typeof add === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (Object.prototype.hasOwnProperty.call(props, k)) continue
      const y = defaultAt(add, x)
      if (y !== x) set(k, y)
    }
  }
  return out ?? v
}

/** Returns `obj` with schema defaults applied (a new object when anything changed; `obj` is never mutated). */
export function applyDefaults<T>(schema: Schema, obj: T): T {
  return defaultAt(schema, obj) as T
}
