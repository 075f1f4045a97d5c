/** The value tests shared by `jsonpath`, `count` and `where`: equals, matches, contains, compare. */
import { jsonEqual } from '../api/patch'
import { evaluateJsonPath, executeJsonPath, relaxedJsonPath } from '../format/jsonpath'
import type { ValueTest } from './types'

const COMPARE = /^\s*(<=|>=|==|!=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/

/** Parses `">= 3"` (or a bare number, meaning `==`); undefined when malformed. */
export function parseCompare(c: string | number): { op: string; value: number } | undefined {
  if (typeof c === 'number') return { op: '==', value: c }
  const m = COMPARE.exec(c)
  return m ? { op: m[1], value: Number(m[2]) } : undefined
}

/** Applies a parsed comparison to a number. */
export function compareNumber(n: number, c: { op: string; value: number }): boolean {
  switch (c.op) {
    case '<': return n < c.value
    case '<=': return n <= c.value
    case '>': return n > c.value
    case '>=': return n >= c.value
    case '!=': return n !== c.value
    default: return n === c.value
  }
}

/** The template form of a check's path: `{.spec.x}` stays, `.spec.x` / `spec.x` become `{.spec.x}`. */
export function templateOf(path: string): string {
  return path.includes('{') ? path : relaxedJsonPath(path)
}

/** The values a path selects in `data` (missing keys give none). */
export function valuesAt(path: string, data: unknown): unknown[] {
  return evaluateJsonPath(templateOf(path), data)
}

/** What `oc get -o jsonpath=PATH` would print for `data`. */
export function printedAt(path: string, data: unknown): string {
  return executeJsonPath(templateOf(path), data)
}

/** The outcome of a value test: passed, and a short description of the value seen. */
export function testValue(t: ValueTest, path: string, data: unknown): { passed: boolean; seen: string } {
  const values = valuesAt(path, data)
  const printed = printedAt(path, data)
  const seen = values.length === 0 ? 'nothing (not set)' : JSON.stringify(values.length === 1 ? values[0] : values)
  let passed = true
  if (t.equals !== undefined) {
    const actual = values.length === 1 ? values[0] : values
    passed &&= values.length > 0 && (jsonEqual(actual, t.equals) || (typeof t.equals !== 'object' && String(actual) === String(t.equals)))
  }
  if (t.matches !== undefined) passed &&= values.length > 0 && new RegExp(t.matches).test(printed)
  if (t.contains !== undefined) {
    const arr = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values.length > 1 ? values : undefined
    passed &&= arr ? arr.some((v) => jsonEqual(v, t.contains)) : typeof t.contains === 'string' && printed.includes(t.contains)
  }
  if (t.compare !== undefined) {
    const c = parseCompare(t.compare)
    const n = Number(printed)
    passed &&= c !== undefined && values.length === 1 && printed.trim() !== '' && !Number.isNaN(n) && compareNumber(n, c)
  }
  return { passed, seen }
}

/** A readable form of the test, e.g. `equals "Managed"`, `>= 3`. */
export function describeTest(t: ValueTest): string {
  const parts: string[] = []
  if (t.equals !== undefined) parts.push(`equals ${JSON.stringify(t.equals)}`)
  if (t.matches !== undefined) parts.push(`matches /${t.matches}/`)
  if (t.contains !== undefined) parts.push(`contains ${JSON.stringify(t.contains)}`)
  if (t.compare !== undefined) parts.push(typeof t.compare === 'number' ? `== ${t.compare}` : t.compare.trim())
  return parts.join(' and ')
}
