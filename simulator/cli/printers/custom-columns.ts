/**
 * `-o custom-columns=HDR:path,...` and `-o custom-columns-file=FILE`, as kubectl's CustomColumnsPrinter: paths are
 * relaxed (`metadata.name` → `{.metadata.name}`), the header is printed as given (even for an empty list, unless
 * `--no-headers`), a missing value prints `<none>`, and a JSONPath error stops the table after the rows already
 * written, with the parser's or evaluator's own words.
 */
import { customColumnValue, JsonPathError, JsonPathExecError, parseJsonPathTemplate, relaxedJsonPath, type JPList } from '../../format/jsonpath'
import { formatTable, GET_TABLE } from '../../format/tabwriter'
import type { KObject } from '../../api/types'
import { CliError } from '../errors'

export interface Column {
  header: string
  /** the relaxed JSONPath template, e.g. `{.metadata.name}` */
  path: string
}

/** Output already written when a printer failed; the caller prints `partial`, then reports `error`. */
export class PartialOutputError extends Error {
  constructor(
    readonly partial: string,
    readonly error: CliError,
  ) {
    super(error.message)
  }
}

/** The `-o custom-columns=` spec (NewCustomColumnsPrinterFromSpec). */
export function parseColumnsSpec(spec: string): Column[] {
  if (spec === '') throw new CliError('custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const i = part.indexOf(':')
    if (i < 0) throw new CliError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return { header: part.slice(0, i), path: relaxed(part.slice(i + 1)) }
  })
}

/** A `-o custom-columns-file=` template: one line of headers, one line of paths (NewCustomColumnsPrinterFromTemplate). */
export function parseColumnsFile(text: string): Column[] {
  const lines = text.split('\n')
  const words = (l: string | undefined) => (l ?? '').split(/\s+/).filter((w) => w !== '')
  if (lines.length < 1 || (lines.length === 1 && lines[0] === '')) {
    throw new CliError('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.')
  }
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) {
    throw new CliError('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.')
  }
  const headers = words(lines[0])
  const specs = words(lines[1])
  if (headers.length !== specs.length) throw new CliError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  return headers.map((header, i) => ({ header, path: relaxed(specs[i]) }))
}

function relaxed(path: string): string {
  try {
    return relaxedJsonPath(path)
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(e.message)
    throw e
  }
}

/** The table; throws PartialOutputError (header and rows so far) when a path cannot be parsed or evaluated. */
export function printCustomColumns(columns: Column[], objs: KObject[], noHeaders: boolean): string {
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)]
  const done = () => (rows.length ? formatTable(rows, GET_TABLE) : '')
  let parsed: JPList[]
  try {
    parsed = columns.map((c) => parseJsonPathTemplate(c.path))
  } catch (e) {
    if (e instanceof JsonPathError) throw new PartialOutputError(done(), new CliError(e.message))
    throw e
  }
  for (const o of objs) {
    try {
      // kubectl prints each value with Go's %v (maps as map[k:v], lists as [a b]) and joins them with ','
      rows.push(parsed.map((p) => customColumnValue(p, o)))
    } catch (e) {
      if (e instanceof JsonPathExecError) throw new PartialOutputError(done(), new CliError(e.message))
      throw e
    }
  }
  return done()
}
