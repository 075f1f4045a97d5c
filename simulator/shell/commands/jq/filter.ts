/**
 * Compiled jq filters: a function from one input to its outputs. Filters that are path expressions (`.a`,
 * `.[]`, `..`, pipes and commas of them, `select`) also say which paths they reach, for `path`, `del`, `|=`.
 */
import { getpath, type Path } from './paths'
import type { Json } from './values'
import { JqError } from './values'

/** `$name` bindings in scope */
export type Vars = { readonly [name: string]: Json }

export interface Filter {
  (input: Json, vars: Vars): Json[]
  paths?: (input: Json, vars: Vars) => Path[]
}

/** A filter defined by the paths it reaches; its values are read along them. */
export function pathFilter(paths: (input: Json, vars: Vars) => Path[]): Filter {
  return Object.assign((v: Json, vars: Vars) => paths(v, vars).map((p) => getpath(v, p)), { paths })
}

/** The paths of `f` on `v`, or jq's error when `f` is not a path expression. */
export function pathsOf(f: Filter, v: Json, vars: Vars): Path[] {
  if (f.paths) return f.paths(v, vars)
  const [first] = f(v, vars)
  if (first === undefined) return []
  throw new JqError(`Invalid path expression with result ${JSON.stringify(first).slice(0, 11)}`)
}

export const identity: Filter = pathFilter(() => [[]])

export const constant = (value: Json): Filter => () => [value]

export function pipe(a: Filter, b: Filter): Filter {
  const f: Filter = (v, vars) => a(v, vars).flatMap((x) => b(x, vars))
  if (a.paths && b.paths) {
    const [pa, pb] = [a.paths, b.paths]
    f.paths = (v, vars) => pa(v, vars).flatMap((p) => pb(getpath(v, p), vars).map((q) => [...p, ...q]))
  }
  return f
}

export function comma(parts: Filter[]): Filter {
  const f: Filter = (v, vars) => parts.flatMap((p) => p(v, vars))
  if (parts.every((p) => p.paths)) f.paths = (v, vars) => parts.flatMap((p) => p.paths!(v, vars))
  return f
}

/** `f?` and `try f`: errors end the outputs silently (or go to `handler` with the error's value). */
export function attempt(body: Filter, handler?: Filter): Filter {
  const f: Filter = (v, vars) => {
    try {
      return body(v, vars)
    } catch (e) {
      if (!(e instanceof JqError)) throw e
      return handler ? handler(e.value, vars) : []
    }
  }
  if (body.paths && !handler) {
    const paths = body.paths
    f.paths = (v, vars) => {
      try {
        return paths(v, vars)
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        return []
      }
    }
  }
  return f
}
