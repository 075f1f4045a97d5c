/** A port of client-go `util/jsonpath/parser.go`: Kubernetes JSONPath templates to a node tree. */

/** A slice bound as client-go keeps it. */
export interface SliceParam {
  value: number
  known: boolean
  derived: boolean
}

/** A parsed template node (client-go node types). */
export type JPNode =
  | { type: 'list'; nodes: JPNode[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: JPList; right: JPList; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: JPList[] }
  | { type: 'identifier'; name: string }

/** A list node (the template root and every `{…}` action). */
export type JPList = Extract<JPNode, { type: 'list' }>

/** A template syntax error; `message` is client-go's reason (`unterminated array`, `unclosed action`…). */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathError'
  }
}

const EOF = -1
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/

const isDigit = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r))
const isLetter = (r: number) => r >= 0 && /\p{L}/u.test(String.fromCodePoint(r))
const isAlphaNumeric = (r: number) => r === 0x5f || isLetter(r) || isDigit(r)
const isEndOfLine = (r: number) => r === 0x0d || r === 0x0a
const isTerminator = (r: number) =>
  r === 0x20 || r === 0x09 || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r))

/** Go's `%#U` verb: `U+0027 '''`. */
function formatRune(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0')
  const ch = String.fromCodePoint(r)
  return r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch) ? `${hex} '${ch}'` : hex
}

const GO_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** client-go `UnquoteExtend`: strconv.Unquote that also accepts single-quoted strings. */
export function unquoteExtend(s: string): string | null {
  if (s.length < 2) return null
  const quote = s[0]
  if ((quote !== '"' && quote !== "'") || s[s.length - 1] !== quote) return null
  const body = s.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; ) {
    const c = body[i]
    if (c === quote) return null
    if (c !== '\\') {
      out += c
      i++
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return null
    if (GO_ESCAPES[e] !== undefined) {
      out += GO_ESCAPES[e]
      i += 2
    } else if (e === quote) {
      out += e
      i += 2
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i + 2, i + 2 + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return null
      const cp = parseInt(hex, 16)
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null
      out += String.fromCodePoint(cp)
      i += 2 + n
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i + 1, i + 4)
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return null
      out += String.fromCodePoint(parseInt(oct, 8))
      i += 4
    } else return null
  }
  return out
}

class Parser {
  root: JPList = { type: 'list', nodes: [] }
  private pos = 0
  private start = 0
  private width = 0

  constructor(private readonly input: string) {}

  parse(): JPList {
    this.parseText(this.root)
    return this.root
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = this.input.codePointAt(this.pos)!
    this.width = r > 0xffff ? 2 : 1
    this.pos += this.width
    return r
  }

  private peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private rest(): string {
    return this.input.slice(this.pos)
  }

  private parseText(cur: JPList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        return this.parseLeftDelim(cur)
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
  }

  private parseLeftDelim(cur: JPList): void {
    this.pos += 1
    this.consumeText()
    const node: JPList = { type: 'list', nodes: [] }
    cur.nodes.push(node)
    this.parseInsideAction(node)
  }

  private parseInsideAction(cur: JPList): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consumeText()
        return this.parseText(this.root)
      }
      if (rest.startsWith('[?(')) return this.parseFilter(cur)
      if (rest.startsWith('..')) return this.parseRecursive(cur)
      const r = this.next()
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError('unclosed action')
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        this.consumeText()
        continue
      }
      if (r === 0x5b) return this.parseArray(cur)
      if (r === 0x22 || r === 0x27) return this.parseQuote(cur, r)
      if (r === 0x2e) return this.parseField(cur)
      if (r === 0x2b || r === 0x2d || isDigit(r)) {
        this.backup()
        return this.parseNumber(cur)
      }
      if (isAlphaNumeric(r)) {
        this.backup()
        return this.parseIdentifier(cur)
      }
      throw new JsonPathError(`unrecognized character in action: ${formatRune(r)}`)
    }
  }

  private parseIdentifier(cur: JPList): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
    this.parseInsideAction(cur)
  }

  private parseRecursive(cur: JPList): void {
    const last = cur.nodes[cur.nodes.length - 1]
    if (last && last.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) return this.parseField(cur)
    this.parseInsideAction(cur)
  }

  private parseNumber(cur: JPList): void {
    const r = this.peek()
    if (r === 0x2b || r === 0x2d) this.next()
    for (;;) {
      const c = this.next()
      if (c !== 0x2e && !isDigit(c)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (/^[+-]?[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) {
      cur.nodes.push({ type: 'int', value: Number(value) })
    } else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) })
    } else throw new JsonPathError(`cannot parse number ${value}`)
    this.parseInsideAction(cur)
  }

  private parseArray(cur: JPList): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated array')
      if (r === 0x5d) break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      const union = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`))
      cur.nodes.push({ type: 'union', nodes: union })
      return this.parseInsideAction(cur)
    }
    const dict = DICT_KEY.exec(text)
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes)
      return this.parseInsideAction(cur)
    }
    const m = SLICE.exec(text)
    if (!m) throw new JsonPathError(`invalid array index ${text}`)
    const params: SliceParam[] = []
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params.push({ value: 0, known: false, derived: false })
        else {
          if (!/^[+-]?[0-9]+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`)
          params.push({ value: Number(v), known: true, derived: false })
        }
      } else if (i === 1) params.push({ value: params[0].value + 1, known: true, derived: true })
      else params.push({ value: 0, known: false, derived: false })
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] })
    this.parseInsideAction(cur)
  }

  private parseFilter(cur: JPList): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = 0
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated filter')
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === 0x29 && begin === end) break
    }
    if (this.next() !== 0x5d) throw new JsonPathError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const m = FILTER.exec(text)
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' })
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] })
    this.parseInsideAction(cur)
  }

  private parseQuote(cur: JPList, end: number): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) throw new JsonPathError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const s = unquoteExtend(value)
    if (s === null) throw new JsonPathError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ type: 'text', text: s })
    this.parseInsideAction(cur)
  }

  private parseField(cur: JPList): void {
    this.consumeText()
    for (;;) {
      const r = this.next()
      if (r === 0x5c) this.next()
      else if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') })
    this.parseInsideAction(cur)
  }
}

function parseAction(text: string): JPList {
  return new Parser(`{${text}}`).parse().nodes[0] as JPList
}

/** Parses a JSONPath template (`{.items[*].metadata.name}`, text outside braces is literal); throws JsonPathError. */
export function parseJsonPathTemplate(template: string): JPList {
  return new Parser(template).parse()
}
