/**
 * `fromYaml` / `fromYamlAll`: YAML text to plain JSON values with go-yaml v2 (YAML 1.1) scalar resolution,
 * using the `yaml` package for the structure and mapping its errors to go-yaml-like messages.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { Document, Node as YamlNode, YAMLError } from 'yaml'
import { formatGoFloatG } from './gofloat'
import { resolvePlain } from './yaml-resolve'

/** A YAML syntax error; `message` reads like go-yaml's (`yaml: line 3: could not find expected ':'`). */
export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line reported in the message, or 0 when the message has none. */
    readonly line: number,
  ) {
    super(message)
    this.name = 'YamlSyntaxError'
  }
}

const TAG = 'tag:yaml.org,2002:'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

class Converter {
  private anchors = new Map<string, Json>()

  node(n: unknown): Json {
    if (n === null || n === undefined) return null
    if (isAlias(n)) {
      const name = n.source
      if (!this.anchors.has(name)) throw new YamlSyntaxError(`yaml: unknown anchor '${name}' referenced`, 0)
      return this.anchors.get(name)!
    }
    let out: Json
    if (isScalar(n)) out = this.scalar(n.value, n.type, n.tag)
    else if (isSeq(n)) out = n.items.map((item) => this.node(item))
    else if (isMap(n)) {
      const obj: { [k: string]: Json } = {}
      for (const pair of n.items) {
        const key = this.node(pair.key)
        const value = this.node(pair.value)
        if (key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
          this.merge(obj, value)
          continue
        }
        setKey(obj, keyString(key), value)
      }
      out = obj
    } else out = null
    const anchor = (n as YamlNode).anchor
    if (anchor) this.anchors.set(anchor, out)
    return out
  }

  private merge(obj: { [k: string]: Json }, value: Json): void {
    const sources = Array.isArray(value) ? value : [value]
    for (const src of sources) {
      if (src === null || typeof src !== 'object' || Array.isArray(src)) {
        throw new YamlSyntaxError('yaml: map merge requires map or sequence of maps as the value', 0)
      }
      for (const [k, v] of Object.entries(src)) if (!Object.prototype.hasOwnProperty.call(obj, k)) setKey(obj, k, v)
    }
  }

  private scalar(value: unknown, type: string | undefined, tag: string | undefined): Json {
    const text = typeof value === 'string' ? value : String(value)
    if (tag && tag !== '!') {
      const short = tag.startsWith(TAG) ? tag.slice(TAG.length) : tag.replace(/^!!/, '')
      if (short === 'str' || short === 'binary' || short === 'timestamp') return text
      if (['int', 'float', 'bool', 'null'].includes(short)) {
        const r = resolvePlain(text)
        return r.tag === short ? r.value : text
      }
      return text
    }
    if (type !== 'PLAIN') return text
    // `<<` resolves to a string; the decoder treats a plain `<<` key as a merge (see node()).
    return resolvePlain(text).value
  }
}

/** Assigns an own property even for keys like `__proto__`. */
function setKey(obj: { [k: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
}

function keyString(key: Json): string {
  if (typeof key === 'string') return key
  if (typeof key === 'number') return Number.isInteger(key) ? String(key) : formatGoFloatG(key)
  if (key === null) return 'null'
  if (typeof key === 'boolean') return key ? 'true' : 'false'
  return JSON.stringify(key)
}

interface Mapped {
  reason: string
  scanner: boolean
}

/** Maps a `yaml` package error to go-yaml wording; `scanner` errors report 1-based lines, parser errors the line before. */
function mapError(e: YAMLError): Mapped {
  const msg = e.message
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/Nested mappings/.test(msg)) return { reason: 'mapping values are not allowed in this context', scanner: true }
      return { reason: 'did not find expected key', scanner: false }
    case 'MULTILINE_IMPLICIT_KEY':
      return { reason: "could not find expected ':'", scanner: true }
    case 'MISSING_CHAR':
      if (/Implicit map keys need to be followed/.test(msg)) return { reason: "could not find expected ':'", scanner: true }
      if (/Flow map/.test(msg)) return { reason: "did not find expected ',' or '}'", scanner: false }
      if (/Flow sequence/.test(msg)) return { reason: "did not find expected ',' or ']'", scanner: false }
      if (/quote/.test(msg)) return { reason: 'found unexpected end of stream', scanner: true }
      return { reason: 'did not find expected node content', scanner: false }
    case 'BAD_INDENT':
      if (/Flow sequence/.test(msg)) return { reason: "did not find expected ',' or ']'", scanner: false }
      if (/Flow map/.test(msg)) return { reason: "did not find expected ',' or '}'", scanner: false }
      return { reason: 'did not find expected key', scanner: false }
    case 'BLOCK_IN_FLOW':
      return { reason: "did not find expected ',' or '}'", scanner: true }
    case 'TAB_AS_INDENT':
      return { reason: 'found character that cannot start any token', scanner: true }
    case 'UNEXPECTED_TOKEN':
      if (/flow|[\]}]/.test(msg)) return { reason: 'did not find expected node content', scanner: false }
      return { reason: "did not find expected '-' indicator", scanner: false }
    case 'BAD_ALIAS':
    case 'BAD_DIRECTIVE':
    case 'BAD_DQ_ESCAPE':
      return { reason: 'found unknown escape character while parsing a quoted scalar', scanner: true }
    default:
      return { reason: 'did not find expected node content', scanner: false }
  }
}

function toSyntaxError(e: YAMLError, text: string): YamlSyntaxError {
  const { reason, scanner } = mapError(e)
  let offset = Math.min(e.pos?.[0] ?? 0, text.length)
  if (reason === 'mapping values are not allowed in this context') {
    const idx = text.slice(offset).search(/:(?=[ \t\r\n]|$)/)
    if (idx >= 0) offset += idx
  }
  const line1 = text.slice(0, offset).split('\n').length
  let line: number
  if (scanner) {
    const lines = text.split('\n')
    const pointsPastKey = reason === "could not find expected ':'" && line1 < lines.length
    line = pointsPastKey ? line1 + 1 : line1
  } else line = line1 - 1
  return new YamlSyntaxError(line > 0 ? `yaml: line ${line}: ${reason}` : `yaml: ${reason}`, line)
}

function parseDocs(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false })
  if (!Array.isArray(docs)) return []
  for (const doc of docs) if (doc.errors.length > 0) throw toSyntaxError(doc.errors[0], text)
  return docs
}

function isEmptyDocument(d: Document.Parsed): boolean {
  const c = d.contents
  return c === null || (isScalar(c) && c.type === 'PLAIN' && c.value === '' && !c.tag && !c.anchor)
}

/** Parses the first YAML document into a JSON value (null for empty input); throws YamlSyntaxError. */
export function fromYaml(text: string): unknown {
  const docs = parseDocs(text)
  if (docs.length === 0) return null
  return new Converter().node(docs[0].contents)
}

/** Parses every document of a `---`-separated stream, skipping empty documents like kubectl does. */
export function fromYamlAll(text: string): unknown[] {
  return parseDocs(text)
    .filter((d) => !isEmptyDocument(d))
    .map((d) => new Converter().node(d.contents))
}
