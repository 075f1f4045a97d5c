/** jq's values and the operations on them that can fail with jq's runtime errors. */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** A runtime error; `value` is what `error(v)` raised (a `catch` receives it). */
export class JqError extends Error {
  constructor(
    message: string,
    readonly value: Json = message,
  ) {
    super(message)
  }
}

export const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v)
export const describe = (v: Json): string => `${typeOf(v)} (${JSON.stringify(v).slice(0, 11)})`
export const truthy = (v: Json): boolean => v !== null && v !== false
export const isObject = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v)

/** `.[key]` */
export function index(v: Json, key: Json): Json {
  if (v === null) return null
  if (typeof key === 'string' && isObject(v)) return v[key] ?? null
  if (typeof key === 'number' && Array.isArray(v)) return v[Math.floor(key < 0 ? v.length + key : key)] ?? null
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeof key === 'string' ? `"${key}"` : typeOf(key)}`)
}

/** `.[from:to]` on arrays and strings */
export function slice(v: Json, from: Json, to: Json): Json {
  if (v === null) return null
  if (typeof v !== 'string' && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with object`)
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number')) {
    throw new JqError('Start and end indices of an array slice must be numbers')
  }
  const clamp = (n: number): number => Math.floor(n < 0 ? Math.max(0, v.length + n) : n)
  return v.slice(from === null ? 0 : clamp(from), to === null ? v.length : clamp(to))
}

/** `.[]` */
export function iterate(v: Json): Json[] {
  if (Array.isArray(v)) return v
  if (isObject(v)) return Object.values(v)
  throw new JqError(`Cannot iterate over ${v === null ? 'null' : describe(v)}`)
}

/** jq's total order: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: Json, b: Json): number {
  const rank = (v: Json): number => (v === null ? 0 : v === false ? 1 : v === true ? 2 : ['number', 'string', 'array', 'object'].indexOf(typeOf(v)) + 3)
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i])
      if (c !== 0) return c
    }
    return a.length - b.length
  }
  if (isObject(a) && isObject(b)) {
    const c = compare(Object.keys(a).sort(), Object.keys(b).sort())
    if (c !== 0) return c
    for (const k of Object.keys(a).sort()) {
      const d = compare(a[k], b[k])
      if (d !== 0) return d
    }
  }
  return 0
}

/** `+ - * / %` */
export function arithmetic(op: string, x: Json, y: Json): Json {
  if (typeof x === 'number' && typeof y === 'number') {
    if ((op === '/' || op === '%') && y === 0) throw new JqError(`${describe(x)} and ${describe(y)} cannot be divided because the divisor is zero`)
    if (op === '+') return x + y
    if (op === '-') return x - y
    if (op === '*') return x * y
    if (op === '/') return x / y
    return Math.trunc(x) % Math.trunc(y)
  }
  if (op === '+') {
    if (x === null) return y
    if (y === null) return x
    if (typeof x === 'string' && typeof y === 'string') return x + y
    if (Array.isArray(x) && Array.isArray(y)) return [...x, ...y]
    if (isObject(x) && isObject(y)) return { ...x, ...y }
  }
  if (op === '-' && Array.isArray(x) && Array.isArray(y)) return x.filter((a) => !y.some((b) => compare(a, b) === 0))
  if (op === '*' && isObject(x) && isObject(y)) return deepMerge(x, y)
  if (op === '/' && typeof x === 'string' && typeof y === 'string') return x.split(y)
  const verb = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' }[op]
  throw new JqError(`${describe(x)} and ${describe(y)} cannot be ${verb}`)
}

function deepMerge(a: { [k: string]: Json }, b: { [k: string]: Json }): Json {
  const out = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k]
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v
  }
  return out
}
