/** jq's builtin functions, keyed `name/arity`; each takes its argument filters and returns a filter. */
import { identity, pathFilter, pathsOf, type Filter, type Vars } from './filter'
import { allPaths, delpaths, getpath, setpath, type Path } from './paths'
import { arithmetic, compare, describe, isObject, iterate, JqError, truthy, typeOf, type Json } from './values'

type Fn = (args: Filter[]) => Filter

/** A function of the input alone. */
const unary =
  (f: (v: Json) => Json): Fn =>
  () =>
  (v) => [f(v)]

/** A function of the input and each value of its one argument (evaluated on the same input). */
const withArg =
  (f: (v: Json, a: Json) => Json): Fn =>
  ([a]) =>
  (v, vars) => a(v, vars).map((x) => f(v, x))

const str = (v: Json, what: string): string => {
  if (typeof v !== 'string') throw new JqError(`${describe(v)} ${what}`)
  return v
}

function length(v: Json): Json {
  if (v === null) return 0
  if (typeof v === 'boolean') throw new JqError(`boolean (${v}) has no length`)
  if (typeof v === 'number') return Math.abs(v)
  if (typeof v === 'string') return [...v].length
  return Array.isArray(v) ? v.length : Object.keys(v).length
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i)
  if (isObject(v)) return sorted ? Object.keys(v).sort() : Object.keys(v)
  throw new JqError(`${describe(v)} has no keys`)
}

function add(v: Json): Json {
  return iterate(v).reduce((acc: Json, x) => (acc === null ? x : arithmetic('+', acc, x)), null)
}

function flatten(v: Json, depth: number): Json {
  if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${describe(v)}`)
  if (depth < 0) throw new JqError('flatten depth must not be negative')
  return v.flatMap((x) => (Array.isArray(x) && depth > 0 ? (flatten(x, depth - 1) as Json[]) : [x]))
}

function toEntries(v: Json): Json {
  if (!isObject(v) && !Array.isArray(v)) throw new JqError(`${describe(v)} has no keys`)
  return Object.entries(v).map(([key, value]) => ({ key: Array.isArray(v) ? Number(key) : key, value }))
}

function fromEntries(v: Json): Json {
  const out: { [k: string]: Json } = {}
  for (const e of iterate(v)) {
    if (!isObject(e)) throw new JqError(`Cannot index ${typeOf(e)} with "key"`)
    const k = [e.key, e.k, e.name, e.Name, e.K, e.Key].find((x) => x !== undefined && x !== null && x !== false) ?? null
    if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') throw new JqError(`Cannot use ${describe(k)} as object key`)
    out[String(k)] = 'value' in e ? e.value : (e.v ?? null)
  }
  return out
}

/** Sorts by the key each element gets from `f` (stable, like jq). */
function byKey(f: Filter, v: Json, vars: Vars): { x: Json; key: Json }[] {
  if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`)
  return v.map((x) => ({ x, key: f(x, vars) as Json })).sort((a, b) => compare(a.key, b.key))
}

function groups(f: Filter, v: Json, vars: Vars): Json[][] {
  const out: Json[][] = []
  let last: Json | undefined
  for (const { x, key } of byKey(f, v, vars)) {
    if (last !== undefined && compare(last, key) === 0) out[out.length - 1].push(x)
    else out.push([x])
    last = key
  }
  return out
}

function regex(re: Json, flags: Json = null): RegExp {
  const source = str(re, 'cannot be matched, as it is not a string')
  const f = typeof flags === 'string' ? flags.replace(/[^gimsx]/g, '').replace('x', '') : ''
  try {
    return new RegExp(source, f)
  } catch {
    throw new JqError(`${source} (at offset 0) is not a valid regex`)
  }
}

function substitute(global: boolean): Fn {
  return ([re, replacement, flags]) =>
    (v, vars) => {
      const s = str(v, 'cannot be matched, as it is not a string')
      return re(v, vars).flatMap((r) => {
        const pattern = regex(r, flags ? (flags(v, vars)[0] ?? null) : global ? 'g' : '')
        const g = global || pattern.global
        const rx = new RegExp(pattern.source, pattern.flags.replace('g', '') + (g ? 'g' : ''))
        // the replacement sees the named captures as an object, as in jq
        return [s.replace(rx, (...m) => {
          const named = typeof m[m.length - 1] === 'object' ? (m[m.length - 1] as Record<string, string>) : {}
          const out = replacement({ ...named }, vars)[0]
          return typeof out === 'string' ? out : str(out ?? null, 'cannot be added to a string')
        })]
      })
    }
}

function recurse(f: Filter): Filter {
  const go = (v: Json, vars: Vars): Json[] => [v, ...f(v, vars).flatMap((x) => go(x, vars))]
  return go
}

/** Paths reached by `..` (all of them, parents first). */
export const recurseAll: Filter = pathFilter((v) => allPaths(v))

function select(cond: Filter): Filter {
  return pathFilter((v, vars) => (cond(v, vars).some(truthy) ? [[]] : []))
}

function typeFilter(...types: string[]): Fn {
  return () => select((v) => [types.includes(typeOf(v))])
}

const range = (from: number, to: number, by = 1): Json[] => {
  const out: number[] = []
  if (by === 0) return out
  for (let n = from; by > 0 ? n < to : n > to; n += by) {
    out.push(n)
    if (out.length > 1_000_000) throw new JqError('range too long')
  }
  return out
}

const num = (v: Json, what: string): number => {
  if (typeof v !== 'number') throw new JqError(`${describe(v)} ${what}`)
  return v
}

const math = (f: (n: number) => number): Fn => unary((v) => f(num(v, 'number required')))

export const FUNCTIONS: Record<string, Fn> = {
  'empty/0': () => () => [],
  'not/0': unary((v) => !truthy(v)),
  'true/0': unary(() => true),
  'false/0': unary(() => false),
  'null/0': unary(() => null),
  'length/0': unary(length),
  'utf8bytelength/0': unary((v) => new TextEncoder().encode(str(v, 'only strings have UTF-8 byte length')).length),
  'type/0': unary(typeOf),
  'keys/0': unary((v) => keys(v, true)),
  'keys_unsorted/0': unary((v) => keys(v, false)),
  'values/0': () => select((v) => [v !== null]),
  'has/1': withArg((v, k) => {
    if (isObject(v) && typeof k === 'string') return k in v
    if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length
    throw new JqError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`)
  }),
  'add/0': unary(add),
  'any/0': unary((v) => iterate(v).some(truthy)),
  'all/0': unary((v) => iterate(v).every(truthy)),
  'any/1': ([f]) => (v, vars) => [iterate(v).some((x) => f(x, vars).some(truthy))],
  'all/1': ([f]) => (v, vars) => [iterate(v).every((x) => f(x, vars).every(truthy))],
  'flatten/0': unary((v) => flatten(v, 1e9)),
  'flatten/1': withArg((v, d) => flatten(v, num(d, 'is not a valid depth'))),
  'floor/0': math(Math.floor),
  'ceil/0': math(Math.ceil),
  'round/0': math(Math.round),
  'sqrt/0': math(Math.sqrt),
  'tostring/0': unary((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  'tonumber/0': unary((v) => {
    if (typeof v === 'number') return v
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
    if (Number.isNaN(n)) throw new JqError(`Cannot parse '${typeof v === 'string' ? v : JSON.stringify(v)}' as JSON`)
    return n
  }),
  'tojson/0': unary((v) => JSON.stringify(v)),
  'fromjson/0': unary((v) => {
    try {
      return JSON.parse(str(v, 'only strings can be parsed')) as Json
    } catch (e) {
      if (e instanceof JqError) throw e
      throw new JqError(`${String(v)} (while parsing '${String(v)}')`)
    }
  }),
  'ascii_downcase/0': unary((v) => str(v, 'cannot be ascii_downcased').replace(/[A-Z]/g, (c) => c.toLowerCase())),
  'ascii_upcase/0': unary((v) => str(v, 'cannot be ascii_upcased').replace(/[a-z]/g, (c) => c.toUpperCase())),
  'to_entries/0': unary(toEntries),
  'from_entries/0': unary(fromEntries),
  'with_entries/1': ([f]) => (v, vars) => [fromEntries((toEntries(v) as Json[]).flatMap((e) => f(e, vars)))],
  'reverse/0': unary((v) => (typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : [...iterate(v)].reverse())),
  'sort/0': unary((v) => byKey(identity, v, {}).map((e) => e.x)),
  'sort_by/1': ([f]) => (v, vars) => [byKey(f, v, vars).map((e) => e.x)],
  'group_by/1': ([f]) => (v, vars) => [groups(f, v, vars)],
  'unique/0': unary((v) => groups(identity, v, {}).map((g) => g[0])),
  'unique_by/1': ([f]) => (v, vars) => [groups(f, v, vars).map((g) => g[0])],
  'min/0': unary((v) => byKey(identity, v, {})[0]?.x ?? null),
  'max/0': unary((v) => byKey(identity, v, {}).pop()?.x ?? null),
  'min_by/1': ([f]) => (v, vars) => [byKey(f, v, vars)[0]?.x ?? null],
  'max_by/1': ([f]) => (v, vars) => [byKey(f, v, vars).pop()?.x ?? null],
  'first/0': unary((v) => getpath(v, [0])),
  'last/0': unary((v) => getpath(v, [-1])),
  'first/1': ([f]) => (v, vars) => f(v, vars).slice(0, 1),
  'last/1': ([f]) => (v, vars) => f(v, vars).slice(-1),
  'limit/2': ([n, f]) => (v, vars) => n(v, vars).flatMap((k) => f(v, vars).slice(0, Math.max(0, num(k, 'is not a valid limit')))),
  'range/1': ([to]) => (v, vars) => to(v, vars).flatMap((t) => range(0, num(t, 'Range bounds must be numeric'))),
  'range/2': ([from, to]) => (v, vars) =>
    from(v, vars).flatMap((a) => to(v, vars).flatMap((b) => range(num(a, 'Range bounds must be numeric'), num(b, 'Range bounds must be numeric')))),
  'select/1': ([f]) => select(f),
  'map/1': ([f]) => (v, vars) => [iterate(v).flatMap((x) => f(x, vars))],
  'map_values/1': ([f]) => (v, vars) => {
    if (Array.isArray(v)) return [v.flatMap((x) => f(x, vars).slice(0, 1))]
    if (!isObject(v)) throw new JqError(`Cannot iterate over ${describe(v)}`)
    const out: { [k: string]: Json } = {}
    for (const [k, x] of Object.entries(v)) {
      const [y] = f(x, vars)
      if (y !== undefined) out[k] = y
    }
    return [out]
  },
  'contains/1': withArg((v, x) => contains(v, x)),
  'inside/1': withArg((v, x) => contains(x, v)),
  'startswith/1': withArg((v, s) => str(v, 'startswith() requires string inputs').startsWith(str(s, 'startswith() requires string inputs'))),
  'endswith/1': withArg((v, s) => str(v, 'endswith() requires string inputs').endsWith(str(s, 'endswith() requires string inputs'))),
  'ltrimstr/1': withArg((v, s) => (typeof v === 'string' && typeof s === 'string' && v.startsWith(s) ? v.slice(s.length) : v)),
  'rtrimstr/1': withArg((v, s) => (typeof v === 'string' && typeof s === 'string' && v.endsWith(s) && s !== '' ? v.slice(0, -s.length) : v)),
  'split/1': withArg((v, s) => str(v, 'cannot be split').split(str(s, 'is not a valid separator'))),
  'join/1': withArg((v, sep) =>
    iterate(v)
      .map((x) => {
        if (x === null) return ''
        if (typeof x === 'object') throw new JqError(`Cannot join with ${typeOf(x)}`)
        return String(x)
      })
      .join(str(sep, 'is not a valid separator')),
  ),
  'test/1': withArg((v, re) => regex(re).test(str(v, 'cannot be matched, as it is not a string'))),
  'test/2': ([re, flags]) => (v, vars) =>
    re(v, vars).flatMap((r) => flags(v, vars).map((f) => regex(r, f).test(str(v, 'cannot be matched, as it is not a string')))),
  'sub/2': substitute(false),
  'sub/3': substitute(false),
  'gsub/2': substitute(true),
  'gsub/3': substitute(true),
  'index/1': withArg((v, s) => {
    if (v === null) return null
    const at = str(v, 'cannot be searched').indexOf(str(s, 'cannot be searched for'))
    return at < 0 ? null : at
  }),
  'recurse/0': () => recurseAll,
  'recurse/1': ([f]) => recurse(f),
  'env/0': () => (_, vars) => [vars.ENV ?? {}],
  'error/0': () => (v) => {
    throw new JqError(typeof v === 'string' ? v : `${JSON.stringify(v)} (not a string)`, v)
  },
  'error/1': ([f]) => (v, vars) =>
    f(v, vars).flatMap((m) => {
      throw new JqError(typeof m === 'string' ? m : `${JSON.stringify(m)} (not a string)`, m)
    }),
  'arrays/0': typeFilter('array'),
  'objects/0': typeFilter('object'),
  'iterables/0': typeFilter('array', 'object'),
  'booleans/0': typeFilter('boolean'),
  'numbers/0': typeFilter('number'),
  'strings/0': typeFilter('string'),
  'nulls/0': typeFilter('null'),
  'scalars/0': typeFilter('null', 'boolean', 'number', 'string'),
  'path/1': ([f]) => (v, vars) => pathsOf(f, v, vars),
  'paths/0': () => (v) => allPaths(v).slice(1),
  'paths/1': ([f]) => (v, vars) => allPaths(v).slice(1).filter((p) => f(getpath(v, p), vars).some(truthy)),
  'leaf_paths/0': () => (v) => allPaths(v).slice(1).filter((p) => { const x = getpath(v, p); return x === null || typeof x !== 'object' }),
  'getpath/1': ([f]) => pathFilter((v, vars) => f(v, vars).map((p) => asPath(p))),
  'setpath/2': ([p, x]) => (v, vars) => p(v, vars).flatMap((path) => x(v, vars).map((val) => setpath(v, asPath(path), val))),
  'delpaths/1': withArg((v, ps) => delpaths(v, iterate(ps).map(asPath))),
  'del/1': ([f]) => (v, vars) => [delpaths(v, pathsOf(f, v, vars))],
  'splits/1': ([re]) => (v, vars) => re(v, vars).flatMap((r) => str(v, 'cannot be matched, as it is not a string').split(regex(r))),
  'tostream/0': () => (v) => allPaths(v).filter((p) => { const x = getpath(v, p); return x === null || typeof x !== 'object' }).map((p) => [p, getpath(v, p)]),
  'isempty/1': ([f]) => (v, vars) => [f(v, vars).length === 0],
  'pick/1': ([f]) => (v, vars) => [pathsOf(f, v, vars).reduce((acc: Json, p) => setpath(acc, p, getpath(v, p)), null)],
  'abs/0': unary((v) => Math.abs(num(v, 'has no absolute value'))),
}

/** A path value (`["a", 0]`) checked the way jq does. */
function asPath(p: Json): Path {
  if (!Array.isArray(p) || !p.every((k) => typeof k === 'string' || typeof k === 'number')) throw new JqError('Path must be specified as an array')
  return p as Path
}

function contains(a: Json, b: Json): boolean {
  if (typeOf(a) !== typeOf(b)) throw new JqError(`${describe(a)} and ${describe(b)} cannot have their containment checked`)
  if (typeof a === 'string') return a.includes(b as string)
  if (Array.isArray(a)) return (b as Json[]).every((y) => a.some((x) => typeOf(x) === typeOf(y) && contains(x, y)))
  if (isObject(a)) return Object.entries(b as object).every(([k, y]) => k in a && typeOf(a[k]) === typeOf(y as Json) && contains(a[k], y as Json))
  return compare(a, b) === 0
}
