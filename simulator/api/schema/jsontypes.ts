/** JSON-level helpers shared by the validator, pruner and defaulter. */
import type { Schema } from './types'

/** True for a plain JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The JSON Schema type name of a value: string, integer, number, boolean, object, array or null. */
export function jsonTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v)) return 'array'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number'
    case 'bigint':
      return 'integer'
    case 'boolean':
      return 'boolean'
    default:
      return 'object'
  }
}

/** True when the schema accepts an integer or a string. */
export function isIntOrString(s: Schema): boolean {
  return s['x-kubernetes-int-or-string'] === true || s.format === 'int-or-string' || s.format === 'quantity'
}

/** The type list the schema declares, for messages (`integer`, `integer,string`); undefined when untyped. */
export function declaredType(s: Schema): string | undefined {
  if (isIntOrString(s)) return 'integer,string'
  return s.type
}

/** Whether a non-null value has a type the schema accepts. */
export function typeMatches(s: Schema, v: unknown): boolean {
  const t = jsonTypeName(v)
  if (isIntOrString(s)) return t === 'integer' || t === 'string'
  switch (s.type) {
    case undefined:
      return true
    case 'number':
      return t === 'integer' || t === 'number'
    default:
      return t === s.type
  }
}

/** Own-property lookup that ignores the prototype chain (`__proto__`, `constructor` keys are data). */
export function own<T>(rec: Record<string, T> | undefined, key: string): T | undefined {
  return rec && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined
}

/** Dotted child path (`spec.replicas`). */
export function childPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key
}

/** Indexed child path (`spec.routes[0]`). */
export function indexPath(parent: string, i: number): string {
  return `${parent}[${i}]`
}

/** Deep copy of JSON data. */
export function cloneJson<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneJson) as T
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) defineKey(out, k, cloneJson(x))
    return out as T
  }
  return v
}

/** Sets a key as an own data property, even for `__proto__`. */
export function defineKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

/** Go-style %q quoting of a string (close enough: JSON quoting). */
export function goQuote(s: string): string {
  return JSON.stringify(s)
}

/** Renders a value the way field.Invalid prints it: strings quoted, numbers and booleans bare. */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return 'null'
  return JSON.stringify(v)
}
