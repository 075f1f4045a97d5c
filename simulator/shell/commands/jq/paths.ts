/** Paths into jq values (`path(f)`, `del`, `|=`, `=`): reading, setting and deleting by path. */
import { index, isObject, JqError, typeOf, type Json } from './values'

export type Path = (string | number)[]

export function getpath(v: Json, path: Path): Json {
  let cur = v
  for (const key of path) {
    if (cur === null) return null
    cur = index(cur, key)
  }
  return cur
}

export function setpath(v: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value
  const [key, ...rest] = path
  if (typeof key === 'string') {
    if (v !== null && !isObject(v)) throw new JqError(`Cannot index ${typeOf(v)} with "${key}"`)
    const obj = v ?? {}
    return { ...obj, [key]: setpath(obj[key] ?? null, rest, value) }
  }
  if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`)
  const arr = [...(v ?? [])]
  const at = key < 0 ? arr.length + key : key
  if (at < 0) throw new JqError('Out of bounds negative array index')
  // an absurd index would allocate a huge array (jq has a limit too)
  if (at > 10_000_000) throw new JqError('Array index too large')
  while (arr.length < at) arr.push(null)
  arr[at] = setpath(arr[at] ?? null, rest, value)
  return arr
}

/** Deletes every path; the longest and last ones first, so earlier indices stay valid. */
export function delpaths(v: Json, paths: Path[]): Json {
  const sorted = [...paths].sort((a, b) => comparePaths(b, a))
  let out = v
  for (const p of sorted) out = deletePath(out, p)
  return out
}

function deletePath(v: Json, path: Path): Json {
  if (path.length === 0) return null
  if (v === null) return null
  const [key, ...rest] = path
  if (rest.length > 0) {
    const child = index(v, key)
    if (child === null) return v
    return setpath(v, [key], deletePath(child, rest))
  }
  if (typeof key === 'string' && isObject(v)) {
    const { [key]: _, ...others } = v
    return others
  }
  if (typeof key === 'number' && Array.isArray(v)) {
    const at = key < 0 ? v.length + key : key
    return v.filter((_, i) => i !== at)
  }
  throw new JqError(`Cannot delete field at ${typeof key === 'string' ? 'object' : 'array'} index of ${typeOf(v)}`)
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue
    if (typeof a[i] === typeof b[i]) return a[i] < b[i] ? -1 : 1
    return typeof a[i] === 'number' ? -1 : 1
  }
  return a.length - b.length
}

/** Every path in `v`, depth first, parents before children (`..`, `paths`). */
export function allPaths(v: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix]
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...allPaths(x, [...prefix, i])))
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) out.push(...allPaths(x, [...prefix, k]))
  return out
}
