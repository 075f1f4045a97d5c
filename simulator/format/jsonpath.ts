/** Kubernetes JSONPath for `oc get -o jsonpath=…`, `-o custom-columns=…` and lab checks. */
import { toCompactJson } from './json'
import { formatGoFloatG } from './gofloat'
import { JsonPathError, parseJsonPathTemplate, type JPList } from './jsonpath-parser'
import { JsonPathRunner, goSprintV } from './jsonpath-eval'

export { JsonPathError, parseJsonPathTemplate, type JPList, type JPNode } from './jsonpath-parser'
export { JsonPathExecError, goSprintV } from './jsonpath-eval'

/** Execution options; kubectl's `--allow-missing-template-keys` defaults to true. */
export interface JsonPathOptions {
  allowMissingKeys?: boolean
}

function parsed(template: string | JPList): JPList {
  return typeof template === 'string' ? parseJsonPathTemplate(template) : template
}

/** client-go `FindResults`: one list of values per top-level template node. */
export function findJsonPathResults(template: string | JPList, data: unknown, opts: JsonPathOptions = {}): unknown[][] {
  const root = parsed(template)
  return new JsonPathRunner(opts.allowMissingKeys ?? true).findResults(data, root.nodes)
}

function printValue(v: unknown): string {
  if (v !== null && typeof v === 'object') return toCompactJson(v)
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatGoFloatG(v)
  return String(v)
}

/**
 * Renders a template like `oc get -o jsonpath=…`: several values of one expression joined by a space, maps and
 * arrays as compact JSON, no trailing newline. Throws JsonPathError (syntax) or JsonPathExecError.
 */
export function executeJsonPath(template: string | JPList, data: unknown, opts: JsonPathOptions = {}): string {
  return findJsonPathResults(template, data, opts)
    .map((results) => results.map(printValue).join(' '))
    .join('')
}

/** kubectl's text for a template syntax error: `error parsing jsonpath {.items[}, unterminated array`. */
export function jsonPathParseErrorMessage(template: string, err: Error): string {
  return `error parsing jsonpath ${template}, ${err.message}`
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** kubectl `RelaxedJSONPathExpression`: `metadata.name`, `.metadata.name`, `{metadata.name}` → `{.metadata.name}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr.length === 0) return expr
  const m = RELAXED.exec(expr)
  if (!m) {
    throw new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    )
  }
  return `{.${m[1] || m[2]}}`
}

/** Plain values selected by an expression (template or relaxed path), flattened; missing keys give []. */
export function evaluateJsonPath(expr: string, data: unknown): unknown[] {
  const template = expr.includes('{') ? expr : relaxedJsonPath(expr)
  return findJsonPathResults(template, data).flat()
}

/** One `-o custom-columns` cell: values joined by `,` in Go `%v` form, `<none>` when nothing matches. */
export function customColumnValue(expr: string | JPList, data: unknown): string {
  const template = typeof expr === 'string' ? relaxedJsonPath(expr) : expr
  const values = findJsonPathResults(template, data)
  const out: string[] = []
  if (values.length === 0 || values[0].length === 0) out.push('<none>')
  for (const list of values) for (const v of list) out.push(goSprintV(v))
  return out.join(',')
}
