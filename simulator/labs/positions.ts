/** Maps a path inside a parsed YAML document to the 1-based line it starts on, for error messages. */
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml'
import type { JsonPathKey } from './schema-check'

/** A parsed YAML file with its line counter, its value, and its syntax errors with lines. */
export interface ParsedYaml {
  doc: Document
  value: unknown
  syntaxErrors: { line: number; message: string }[]
  lineOf(path: JsonPathKey[]): number
}

/** Parses YAML text keeping node positions. */
export function parseYamlWithLines(text: string): ParsedYaml {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  const syntaxErrors = doc.errors.map((e) => ({ line: counter.linePos(e.pos[0]).line, message: e.message.split('\n')[0] }))
  const lineOf = (path: JsonPathKey[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
        // a value's line; for a key whose value is a collection on later lines, the key line is the one before
        const pair = n > 0 && isCollection(doc.getIn(path.slice(0, n - 1), true)) ? findKeyLine(doc, path.slice(0, n), counter) : undefined
        return pair ?? counter.linePos(node.range[0]).line
      }
    }
    return 1
  }
  let value: unknown
  if (syntaxErrors.length === 0) {
    try {
      value = doc.toJS()
    } catch (e) {
      // e.g. an alias to an anchor defined later: the document parses but has no value
      syntaxErrors.push({ line: 1, message: e instanceof Error ? e.message : String(e) })
    }
  }
  return { doc, value, syntaxErrors, lineOf }
}

function findKeyLine(doc: Document, path: JsonPathKey[], counter: LineCounter): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key?: { range?: number[]; value?: unknown } }[] } | undefined
  const last = path[path.length - 1]
  if (typeof last !== 'string' || !parent?.items) return undefined
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | undefined)?.value === last)
  const r = pair?.key?.range
  return r ? counter.linePos(r[0]).line : undefined
}
