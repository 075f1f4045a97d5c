/** `oc explain` in the legacy layout of oc ≤4.13 (kubectl's proto-model printer). */
import type { Schema } from './types'
import { isIntOrString, own } from './jsontypes'

/** What to explain: the resource, its schema, a field path below the root and whether to recurse. */
export interface ExplainRequest {
  resourceKey: string
  kind: string
  group: string
  version: string
  schema: Schema
  path: string[]
  recursive: boolean
}

const WRAP = 80
const DESC_INDENT = 5
const FIELD_INDENT = 3

/** The type name printed between angle brackets (`Object`, `[]Object`, `map[string]string`, `integer`). */
export function explainTypeName(s: Schema): string {
  if (s['x-go-type']) return s['x-go-type']
  if (isIntOrString(s)) return 'string'
  switch (s.type) {
    case 'array':
      return `[]${s.items ? explainTypeName(s.items) : 'Object'}`
    case 'object':
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object')
        return `map[string]${explainTypeName(s.additionalProperties)}`
      return 'Object'
    case undefined:
      return 'Object'
    default:
      return s.type
  }
}

/** Greedy word wrap at `width` columns, keeping blank lines and 4-space indented lines as is. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = []
  let cur: string[] = []
  let len = 0
  const flush = () => {
    if (cur.length) out.push(cur.join(' '))
    cur = []
    len = 0
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush()
      out.push(line)
      continue
    }
    if (line.trim() === '') {
      if (out.length || cur.length) {
        flush()
        out.push('')
      }
      continue
    }
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const next = len === 0 ? word.length : len + 1 + word.length
      if (len !== 0 && next > width) flush()
      cur.push(word)
      len = len === 0 ? word.length : len + 1 + word.length
    }
  }
  flush()
  return out
}

function wrapped(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent)
  return wrapText(text, WRAP - indent).map((l) => (l ? pad + l : ''))
}

/** Object schema whose fields are listed (arrays are unwrapped to their items). */
function fieldsOf(s: Schema): Schema | undefined {
  const t = s.type === 'array' && s.items ? s.items : s
  if (t.type === 'object' && !(t.additionalProperties && typeof t.additionalProperties === 'object' && !t.properties)) return t
  if (t.type === undefined && t.properties) return t
  return undefined
}

function sortedKeys(s: Schema): string[] {
  return Object.keys(s.properties ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function regularFields(s: Schema, lines: string[]): void {
  const pad = ' '.repeat(FIELD_INDENT)
  const req = new Set(s.required ?? [])
  for (const k of sortedKeys(s)) {
    const f = s.properties![k]
    lines.push(`${pad}${k}\t<${explainTypeName(f)}>${req.has(k) ? ' -required-' : ''}`)
    lines.push(...wrapped(f.description ?? '', DESC_INDENT))
    lines.push('')
  }
}

function recursiveFields(s: Schema, indent: number, lines: string[]): void {
  for (const k of sortedKeys(s)) {
    const f = s.properties![k]
    lines.push(`${' '.repeat(indent)}${k}\t<${explainTypeName(f)}>`)
    const sub = fieldsOf(f)
    if (sub) recursiveFields(sub, indent + FIELD_INDENT, lines)
  }
}

function descriptionBlock(s: Schema): string[] {
  const parts = [s.description ?? '']
  if (s.type === 'array' && s.items?.description) parts.push(s.items.description)
  const texts = parts.filter((p) => p !== '')
  const lines = ['DESCRIPTION:']
  if (!texts.length) return [...lines, ...wrapped('<empty>', DESC_INDENT)]
  texts.forEach((t, i) => {
    if (i) lines.push('')
    lines.push(...wrapped(t, DESC_INDENT))
  })
  return lines
}

/** Renders `oc explain <resource>[.path] [--recursive]`; throws Error(`field "x" does not exist`) for a bad path. */
export function renderExplain(req: ExplainRequest): string {
  let s = req.schema
  for (const seg of req.path) {
    const holder = fieldsOf(s)
    const next = holder ? own(holder.properties, seg) : undefined
    if (!next) throw new Error(`field "${seg}" does not exist`)
    s = next
  }
  const gv = req.group ? `${req.group}/${req.version}` : req.version
  const lines = [`KIND:     ${req.kind}`, `VERSION:  ${gv}`, '']
  const name = req.path[req.path.length - 1]
  const fields = fieldsOf(s)
  if (!fields) {
    lines.push(`FIELD:    ${name} <${explainTypeName(s)}>`, '', ...descriptionBlock(s))
    return lines.join('\n') + '\n'
  }
  if (name !== undefined) lines.push(`RESOURCE: ${name} <${explainTypeName(s)}>`, '')
  lines.push(...descriptionBlock(s), '', 'FIELDS:')
  if (req.recursive) recursiveFields(fields, FIELD_INDENT, lines)
  else regularFields(fields, lines)
  return lines.join('\n') + '\n'
}
