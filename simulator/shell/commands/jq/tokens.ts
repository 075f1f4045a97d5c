/** The jq lexer: a program's text as tokens, with string interpolation (`"\(.a)"`) lexed recursively. */
import { JqSyntaxError } from './errors'

export type Token =
  | { t: 'field'; name: string }
  | { t: 'ident'; name: string }
  | { t: 'num'; value: number }
  | { t: 'str'; segments: (string | Token[])[] }
  | { t: 'var'; name: string }
  | { t: 'format'; name: string }
  | { t: 'op'; op: string }
  | { t: 'eof' }

/** Operators, longest first. */
const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', '.', '[', ']', '{', '}', '(', ')', '|', ',', ':', ';', '?', '=', '<', '>', '+', '-', '*', '/', '%']
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

/** How bison names a token in "syntax error, unexpected ..." (jq 1.7). */
export function tokenName(tok: Token): string {
  switch (tok.t) {
    case 'eof':
      return 'end of file'
    case 'field':
      return 'FIELD'
    case 'ident':
      return KEYWORDS.has(tok.name) ? tok.name : 'IDENT'
    case 'num':
      return 'LITERAL'
    case 'str':
      return 'QQSTRING_START'
    case 'var':
      return 'BINDING'
    case 'format':
      return 'FORMAT'
    default:
      return tok.op.length === 1 ? `'${tok.op}'` : tok.op
  }
}

export const KEYWORDS = new Set(['and', 'or', 'if', 'then', 'elif', 'else', 'end', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__'])

/** Splits `src` into tokens; `JqSyntaxError` for characters jq does not know or an unterminated string. */
export function tokenize(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const rest = src.slice(i)
    const m =
      /^\.[A-Za-z_][A-Za-z0-9_]*/.exec(rest) ??
      /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest) ??
      /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest) ??
      /^\$(?:__loc__|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest) ??
      /^@[A-Za-z0-9_]+/.exec(rest)
    if (m) {
      const text = m[0]
      if (text[0] === '.' && /[A-Za-z_]/.test(text[1] ?? '')) out.push({ t: 'field', name: text.slice(1) })
      else if (/^[\d.]/.test(text)) out.push({ t: 'num', value: Number(text) })
      else if (text[0] === '$') out.push({ t: 'var', name: text.slice(1) })
      else if (text[0] === '@') out.push({ t: 'format', name: text })
      else out.push({ t: 'ident', name: text })
      i += text.length
      continue
    }
    if (c === '"') {
      const [tok, end] = readString(src, i + 1)
      out.push(tok)
      i = end
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw new JqSyntaxError('INVALID_CHARACTER')
    out.push({ t: 'op', op })
    i += op.length
  }
  out.push({ t: 'eof' })
  return out
}

/** Reads a string after its opening quote; returns the token and the index after the closing quote. */
function readString(src: string, start: number): [Token, number] {
  const segments: (string | Token[])[] = []
  let text = ''
  let i = start
  while (i < src.length) {
    const c = src[i]
    if (c === '"') {
      if (text || segments.length === 0) segments.push(text)
      return [{ t: 'str', segments }, i + 1]
    }
    if (c !== '\\') {
      text += c
      i++
      continue
    }
    const n = src[i + 1]
    if (n === '(') {
      const close = closingParen(src, i + 2)
      if (text) segments.push(text)
      text = ''
      segments.push(tokenize(src.slice(i + 2, close)))
      i = close + 1
    } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16))
      i += 6
    } else if (n !== undefined && ESCAPES[n] !== undefined) {
      text += ESCAPES[n]
      i += 2
    } else throw new JqSyntaxError('INVALID_CHARACTER')
  }
  throw new JqSyntaxError('end of file')
}

/** Index of the `)` closing an interpolation that starts at `from`, skipping nested strings. */
function closingParen(src: string, from: number): number {
  let depth = 0
  for (let i = from; i < src.length; i++) {
    const c = src[i]
    if (c === '"') {
      i = readString(src, i + 1)[1] - 1
    } else if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) return i
      depth--
    }
  }
  throw new JqSyntaxError('end of file')
}
