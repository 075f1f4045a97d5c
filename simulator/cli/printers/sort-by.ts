/**
 * `oc get --sort-by=<jsonpath>`, as kubectl sorts: tables (the default and `-o wide`) through its TableSorter,
 * one server table per listed type or per named object (so named objects keep their order), other formats
 * through SortObjects over the whole client-side list. Each path has its own error words; a field that no object
 * has is an error (`couldn't find any field with path "{.foo}" in the list of objects`).
 */
import type { KObject } from '../../api/types'
import { findJsonPathResults, JsonPathError, JsonPathExecError, parseJsonPathTemplate, relaxedJsonPath, type JPList } from '../../format/jsonpath'
import { compareQuantities, parseQuantityExact } from '../../format/quantity'
import { CliError } from '../errors'
import { goQuote } from '../mutate-helpers'

type Keyed = { obj: KObject; value: unknown; found: boolean }

function keyed(parsed: JPList, objs: KObject[], onExecError: (msg: string) => CliError): Keyed[] {
  return objs.map((obj) => {
    let results: unknown[][]
    try {
      results = findJsonPathResults(parsed, obj)
    } catch (e) {
      if (e instanceof JsonPathExecError) throw onExecError(e.message)
      throw e
    }
    const found = results.length > 0 && results[0].length > 0
    return { obj, value: found ? results[0][0] : undefined, found }
  })
}

function notFound(field: string): CliError {
  return new CliError(`couldn't find any field with path ${goQuote(field)} in the list of objects`)
}

/** The server tables of one `oc get`, sorted in place: `groups` are the objects of each table. */
export function sortTables(groups: KObject[][], sortBy: string): KObject[][] {
  let field: string
  try {
    field = relaxedJsonPath(sortBy)
  } catch {
    field = sortBy
  }
  let parsed: JPList
  try {
    parsed = parseJsonPathTemplate(field)
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(`sorting error: ${e.message}`)
    throw e
  }
  return groups.map((objs) => {
    // Go's %#v of the (nil) results and of the *errors.errorString the evaluator returned
    const rows = keyed(parsed, objs, (msg) => new CliError(`Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(msg)}})`))
    if (rows.length > 0 && !rows.some((r) => r.found)) throw notFound(field)
    return stableSort(rows).map((r) => r.obj)
  })
}

/** The client-side list of a non-table `-o` format, sorted (SortObjects); an empty list is left alone. */
export function sortList(objs: KObject[], sortBy: string): KObject[] {
  if (objs.length === 0) return objs
  let field: string
  let parsed: JPList
  try {
    field = relaxedJsonPath(sortBy)
    parsed = parseJsonPathTemplate(field)
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(e.message)
    throw e
  }
  const rows = keyed(parsed, objs, (msg) => new CliError(msg))
  if (!rows.some((r) => r.found)) throw notFound(field)
  return stableSort(rows).map((r) => r.obj)
}

function stableSort(rows: Keyed[]): Keyed[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compare(a.r, b.r) || a.i - b.i)
    .map((x) => x.r)
}

/** kubectl's isLess: missing values first, numbers by value, quantities by size, other strings naturally. */
function compare(a: Keyed, b: Keyed): number {
  if (!a.found || !b.found) return a.found === b.found ? 0 : a.found ? 1 : -1
  const x = a.value
  const y = b.value
  if (typeof x === 'number' && typeof y === 'number') return x - y
  if (typeof x === 'string' && typeof y === 'string') {
    if (isQuantity(x) && isQuantity(y)) return compareQuantities(x, y)
    return naturalCompare(x, y)
  }
  return naturalCompare(String(x), String(y))
}

function isQuantity(s: string): boolean {
  try {
    parseQuantityExact(s)
    return true
  } catch {
    return false
  }
}

/** github.com/fvbommel/sortorder NaturalLess: runs of digits compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? []
  const ca = chunks(a)
  const cb = chunks(b)
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const p = ca[i]
    const q = cb[i]
    if (p === q) continue
    const pd = /^\d/.test(p)
    const qd = /^\d/.test(q)
    if (pd && qd) {
      const pn = p.replace(/^0+/, '')
      const qn = q.replace(/^0+/, '')
      if (pn.length !== qn.length) return pn.length - qn.length
      if (pn !== qn) return pn < qn ? -1 : 1
      return p.length - q.length
    }
    return p < q ? -1 : 1
  }
  return ca.length - cb.length
}
