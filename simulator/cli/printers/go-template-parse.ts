/**
 * The subset of Go's text/template that `oc get -o go-template` supports here: text, `{{.field.path}}`, `$`,
 * string/number/bool literals, `range`, `if`, `with`, `else`, `end`, comments, trim markers (`{{-`, `-}}`) and the
 * functions `index`, `len`, `eq`, `ne`, `not`, `and`, `or`. Syntax errors read like Go's (`template: output:1:
 * unclosed action`); anything else Go accepts (pipes, variables, printf...) is refused with GoTemplateUnsupported.
 */

/** A syntax error with Go's text, e.g. `template: output:1: unexpected EOF`. */
export class GoTemplateParseError extends Error {}

/** A construct Go supports and this simulator does not; the message names it. */
export class GoTemplateUnsupported extends Error {}

export type GtArg =
  | { t: 'field'; base: 'dot' | 'root'; names: string[]; pos: number }
  | { t: 'string'; value: string; text: string; pos: number }
  | { t: 'number'; value: number; float: boolean; text: string; pos: number }
  | { t: 'bool'; value: boolean; pos: number }

/** One command: a single operand, or a function applied to operands. */
export interface GtCommand {
  fn?: string
  args: GtArg[]
  pos: number
}

export type GtNode =
  | { t: 'text'; text: string }
  | { t: 'print'; cmd: GtCommand }
  | { t: 'range' | 'if' | 'with'; cmd: GtCommand; body: GtNode[]; elseBody?: GtNode[]; src: string }

export const GT_FUNCTIONS = ['index', 'len', 'eq', 'ne', 'not', 'and', 'or']
const GO_BUILTINS_NOT_SIMULATED = ['print', 'printf', 'println', 'html', 'js', 'urlquery', 'slice', 'call', 'lt', 'le', 'gt', 'ge']
const NOT_SIMULATED_KEYWORDS = ['define', 'template', 'block', 'break', 'continue']

export function unsupported(what: string): GoTemplateUnsupported {
  return new GoTemplateUnsupported(
    `${what} is not supported by the go-template printer of this workshop simulator (it supports fields, $, literals, range, if, with, else, end, index, len, eq, ne, not, and, or)`,
  )
}

type Tok =
  | { k: 'field'; base: 'dot' | 'root'; names: string[]; pos: number }
  | { k: 'string'; value: string; text: string; pos: number }
  | { k: 'number'; value: number; float: boolean; text: string; pos: number }
  | { k: 'ident'; name: string; pos: number }

/** An action's tokens and where it sits in the template. */
interface Action {
  toks: Tok[]
  pos: number
  /** where `{{` starts and where the action ends (after `}}`) */
  start: number
  end: number
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n'
const isIdentStart = (c: string) => /[\p{L}_]/u.test(c)
const isIdentChar = (c: string) => /[\p{L}\p{Nd}_]/u.test(c)

/** Go's `%#U`: `U+007D '}'`. */
function goRune(c: string): string {
  const cp = c.codePointAt(0)!
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}${/[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c) ? ` '${c}'` : ''}`
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" }

class Lexer {
  constructor(
    private readonly src: string,
    private readonly fail: (pos: number, msg: string) => never,
  ) {}

  /** Tokens of the action whose body starts at `i`; returns them and the index just after `}}`. */
  action(i: number): { toks: Tok[]; end: number; trimRight: boolean } {
    const s = this.src
    const toks: Tok[] = []
    for (;;) {
      const c = s[i]
      if (c === undefined) this.fail(i, 'unclosed action')
      if (s.startsWith('}}', i)) return { toks, end: i + 2, trimRight: false }
      if (isSpace(c)) {
        let j = i
        while (j < s.length && isSpace(s[j])) j++
        if (s.startsWith('-}}', j)) return { toks, end: j + 3, trimRight: true }
        i = j
        continue
      }
      if (c === '.' && /\d/.test(s[i + 1] ?? '')) {
        // `.5` is a number, as in Go's lexer
        const num = /^\.\d+(?:[eE][+-]?\d+)?/.exec(s.slice(i))![0]
        toks.push({ k: 'number', value: Number(num), float: true, text: num, pos: i })
        i += num.length
        continue
      }
      if (c === '.' || c === '$') {
        const start = i
        if (c === '$') {
          i++
          if (i < s.length && isIdentStart(s[i])) throw unsupported('a template variable ($name)')
        }
        const names: string[] = []
        while (s[i] === '.') {
          let j = i + 1
          while (j < s.length && isIdentChar(s[j])) j++
          if (j === i + 1) {
            if (names.length > 0 || c === '$') this.fail(i, `bad character ${goRune(s[j] ?? ' ')}`)
            i = j
            break
          }
          names.push(s.slice(i + 1, j))
          i = j
        }
        toks.push({ k: 'field', base: c === '$' ? 'root' : 'dot', names, pos: start })
        continue
      }
      if (c === '"' || c === '`') {
        const start = i
        let value = ''
        i++
        for (;;) {
          const ch = s[i]
          if (ch === undefined || (c === '"' && ch === '\n')) this.fail(start, c === '"' ? 'unterminated quoted string' : 'unterminated raw quoted string')
          if (ch === c) break
          if (c === '"' && ch === '\\') {
            const e = s[i + 1]
            const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0
            if (hex) {
              const digits = s.slice(i + 2, i + 2 + hex)
              const cp = /^[0-9a-fA-F]+$/.test(digits) && digits.length === hex ? parseInt(digits, 16) : NaN
              if (Number.isNaN(cp) || cp > 0x10ffff) this.fail(start, 'invalid syntax')
              value += String.fromCodePoint(cp)
              i += 2 + hex
              continue
            }
            if (e !== undefined && /[0-7]/.test(e)) {
              const oct = s.slice(i + 1, i + 4)
              if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) this.fail(start, 'invalid syntax')
              value += String.fromCharCode(parseInt(oct, 8))
              i += 4
              continue
            }
            if (e === undefined || !(e in ESCAPES) || e === "'") this.fail(start, 'invalid syntax')
            value += ESCAPES[e]
            i += 2
            continue
          }
          value += ch
          i++
        }
        i++
        toks.push({ k: 'string', value, text: s.slice(start, i), pos: start })
        continue
      }
      if (/\d/.test(c) || c === '-' || c === '+') {
        const num = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)?/.exec(s.slice(i))![0]
        const after = s[i + num.length] ?? ''
        if (isIdentChar(after)) this.fail(i, `bad number syntax: "${num}${after}"`)
        if (!/\d/.test(num)) this.fail(i, `illegal number syntax: "${num}"`)
        toks.push({ k: 'number', value: Number(num), float: /[.eE]/.test(num), text: num, pos: i })
        i += num.length
        continue
      }
      if (isIdentStart(c)) {
        let j = i + 1
        while (j < s.length && isIdentChar(s[j])) j++
        toks.push({ k: 'ident', name: s.slice(i, j), pos: i })
        i = j
        continue
      }
      if (c === '|') throw unsupported('a pipeline (|)')
      if (c === '(' || c === ')') throw unsupported('a parenthesized command')
      if (c === ':' || c === '=') throw unsupported('a variable declaration')
      if (c === "'") throw unsupported('a character constant')
      // Go's lexer passes other printable ASCII through as a character item, which the parser then rejects
      if (c.charCodeAt(0) < 0x7f && c >= ' ') this.fail(i, `unexpected "${c === '"' || c === '\\' ? '\\' + c : c}" in ${toks.length === 0 ? 'command' : 'operand'}`)
      this.fail(i, `unrecognized character in action: ${goRune(c)}`)
    }
  }
}

/** Parses `src` into nodes; throws GoTemplateParseError (Go's words) or GoTemplateUnsupported. */
export function parseGoTemplate(src: string): GtNode[] {
  const lineOf = (pos: number) => 1 + (src.slice(0, pos).match(/\n/g)?.length ?? 0)
  const fail = (pos: number, msg: string): never => {
    throw new GoTemplateParseError(`template: output:${lineOf(pos)}: ${msg}`)
  }
  const lexer = new Lexer(src, fail)
  type Item = { kind: 'text'; text: string } | { kind: 'action'; a: Action }
  const items: Item[] = []
  let i = 0
  let trimNext = false
  while (i < src.length) {
    const open = src.indexOf('{{', i)
    let text = open < 0 ? src.slice(i) : src.slice(i, open)
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '')
    trimNext = false
    if (open < 0) {
      if (text) items.push({ kind: 'text', text })
      break
    }
    const start = open
    let body = open + 2
    if (/^-[ \t\r\n]/.test(src.slice(body, body + 2))) {
      text = text.replace(/[ \t\r\n]+$/, '')
      body += 2
    }
    if (text) items.push({ kind: 'text', text })
    const comment = /^[ \t\r\n]*\/\*/.exec(src.slice(body))
    if (comment) {
      const close = src.indexOf('*/', body + comment[0].length)
      if (close < 0) fail(body, 'unclosed comment')
      const after = src.slice(close + 2)
      const end = /^([ \t\r\n]+-)?}}/.exec(after)
      if (!end) fail(close, 'comment ends before closing delimiter')
      trimNext = !!end![1]
      i = close + 2 + end![0].length
      continue
    }
    const { toks, end, trimRight } = lexer.action(body)
    items.push({ kind: 'action', a: { toks, pos: body, start, end } })
    trimNext = trimRight
    i = end
  }
  let at = 0
  const list = (inBlock: boolean): { nodes: GtNode[]; stop?: 'end' | 'else'; end: number } => {
    const nodes: GtNode[] = []
    while (at < items.length) {
      const it = items[at++]
      if (it.kind === 'text') {
        nodes.push({ t: 'text', text: it.text })
        continue
      }
      const [first, ...rest] = it.a.toks
      if (!first) fail(it.a.pos, 'missing value for command')
      if (first.k === 'ident' && (first.name === 'end' || first.name === 'else')) {
        if (first.name === 'else' && rest.length > 0) throw unsupported(`"else ${rest[0].k === 'ident' ? rest[0].name : '...'}"`)
        if (rest.length > 0) fail(it.a.pos, `unexpected ${describe(rest[0])} in ${first.name}`)
        if (!inBlock) fail(it.a.pos, `unexpected {{${first.name}}}`)
        return { nodes, stop: first.name, end: it.a.end }
      }
      if (first.k === 'ident' && (first.name === 'range' || first.name === 'if' || first.name === 'with')) {
        if (rest.length === 0) fail(it.a.pos, `missing value for ${first.name}`)
        const cmd = command(rest, fail)
        const body = list(true)
        if (!body.stop) fail(src.length, 'unexpected EOF')
        let elseBody: GtNode[] | undefined
        let end = body.end
        if (body.stop === 'else') {
          const e = list(true)
          if (e.stop !== 'end') fail(src.length, e.stop === 'else' ? 'expected end; found {{else}}' : 'unexpected EOF')
          elseBody = e.nodes
          end = e.end
        }
        nodes.push({ t: first.name, cmd, body: body.nodes, elseBody, src: src.slice(it.a.start, end) })
        continue
      }
      if (first.k === 'ident' && NOT_SIMULATED_KEYWORDS.includes(first.name)) throw unsupported(`{{${first.name}}}`)
      nodes.push({ t: 'print', cmd: command(it.a.toks, fail) })
    }
    return { nodes, end: src.length }
  }
  const top = list(false)
  return top.nodes
}

function describe(t: Tok): string {
  if (t.k === 'ident') return `<${t.name}>`
  if (t.k === 'string') return `quoted string`
  if (t.k === 'number') return `number`
  return `<${t.base === 'root' ? '$' : ''}${t.names.map((n) => '.' + n).join('') || '.'}>`
}

function operand(t: Tok, fail: (pos: number, msg: string) => never): GtArg {
  switch (t.k) {
    case 'field':
      return { t: 'field', base: t.base, names: t.names, pos: t.pos }
    case 'string':
      return { t: 'string', value: t.value, text: t.text, pos: t.pos }
    case 'number':
      return { t: 'number', value: t.value, float: t.float, text: t.text, pos: t.pos }
    case 'ident':
      if (t.name === 'true' || t.name === 'false') return { t: 'bool', value: t.name === 'true', pos: t.pos }
      if (t.name === 'nil') throw unsupported('nil')
      if (GT_FUNCTIONS.includes(t.name)) throw unsupported(`"${t.name}" as an argument`)
      return fail(t.pos, `function "${t.name}" not defined`)
  }
}

function command(toks: Tok[], fail: (pos: number, msg: string) => never): GtCommand {
  const [first, ...rest] = toks
  if (first.k === 'ident' && !['true', 'false', 'nil'].includes(first.name)) {
    if (GO_BUILTINS_NOT_SIMULATED.includes(first.name)) throw unsupported(`the function "${first.name}"`)
    if (!GT_FUNCTIONS.includes(first.name)) fail(first.pos, `function "${first.name}" not defined`)
    return { fn: first.name, args: rest.map((t) => operand(t, fail)), pos: first.pos }
  }
  if (rest.length > 0) throw unsupported('arguments after a value that is not a function')
  return { args: [operand(first, fail)], pos: first.pos }
}

/** Go's rendering of an argument, as `executing "output" at <...>` shows it. */
export function argString(a: GtArg): string {
  switch (a.t) {
    case 'field':
      return a.base === 'root' ? `$${a.names.map((n) => '.' + n).join('')}` : a.names.length ? a.names.map((n) => '.' + n).join('') : '.'
    case 'string':
      return a.text
    case 'number':
      return a.text
    case 'bool':
      return String(a.value)
  }
}
