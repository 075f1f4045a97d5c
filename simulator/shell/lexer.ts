/**
 * Tokenizer for the bash subset. Words are returned with their quoting structure (see `ast.ts`); operators,
 * redirections and here-document bodies are recognized here so the parser stays a plain recursive descent.
 */
import type { HereDoc, ParamOp, Word, WordPart } from './ast'

/** A syntax error in bash's words; `incomplete` means more input could still make the text valid. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete: boolean,
  ) {
    super(message)
    this.name = 'ShellSyntaxError'
  }
}

/** Control operators; `\n` is a newline acting as a command separator. */
export type ControlOp = '|' | '||' | '&&' | ';' | ';;' | '&' | '|&' | '(' | ')' | '\n'

/** Redirection operators (the fd prefix, as in `2>`, is carried separately). */
export type RedirOp = '>' | '>>' | '<' | '>|' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<'

export type Token =
  | { type: 'word'; word: Word; start: number }
  | { type: 'op'; op: ControlOp; start: number }
  | { type: 'redir'; op: RedirOp; fd?: number; heredoc?: HereDoc; start: number }
  | { type: 'eof'; start: number }

export interface LexerOptions {
  /**
   * Strict mode (used by `isComplete`): an unterminated here-document or a trailing backslash is incomplete
   * input. Otherwise they behave as bash does at end of file (body ends at EOF with a warning, `\` is literal).
   */
  strict?: boolean
}

const METACHARS = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])

const eof = (what: string): ShellSyntaxError =>
  new ShellSyntaxError(`bash: unexpected EOF while looking for matching \`${what}'`, true)

/** Turns source text into tokens, one at a time. */
export class Lexer {
  pos = 0
  /** warnings bash prints without failing (e.g. a here-document ended by end of file) */
  readonly warnings: string[] = []
  private pendingHeredocs: HereDoc[] = []
  private nextIsDelimiter: HereDoc | undefined

  constructor(
    readonly src: string,
    readonly options: LexerOptions = {},
  ) {}

  /** Reads the next token. */
  next(): Token {
    this.skipBlanksAndComments()
    const start = this.pos
    const src = this.src
    if (this.pos >= src.length) {
      this.finishHeredocsAtEof()
      return { type: 'eof', start }
    }
    const c = src[this.pos]
    const two = src.slice(this.pos, this.pos + 2)
    const three = src.slice(this.pos, this.pos + 3)
    if (c === '\n') {
      this.pos++
      this.readHeredocBodies()
      return { type: 'op', op: '\n', start }
    }
    if ((c === '<' || c === '>') && src[this.pos + 1] === '(') return this.readWordToken()
    for (const op of ['&>>', '<<<', '<<-'] as const) if (three === op) return this.redir(op, start, 3)
    if (two === '&>') return this.redir('&>', start, 2)
    for (const op of ['&&', '||', ';;', '|&'] as const) {
      if (two === op) {
        this.pos += 2
        return { type: 'op', op, start }
      }
    }
    for (const op of ['>>', '>|', '<>', '>&', '<&', '<<'] as const) if (two === op) return this.redir(op, start, 2)
    if (c === '>' || c === '<') return this.redir(c, start, 1)
    if (c === '|' || c === '&' || c === ';' || c === '(' || c === ')') {
      this.pos++
      return { type: 'op', op: c, start }
    }
    return this.readWordToken()
  }

  private redir(op: RedirOp, start: number, len: number, fd?: number): Token {
    this.pos += len
    if (op === '<<' || op === '<<-') {
      const doc: HereDoc = { delimiter: '', quoted: false, stripTabs: op === '<<-', body: '' }
      this.nextIsDelimiter = doc
      return { type: 'redir', op, fd, heredoc: doc, start }
    }
    return { type: 'redir', op, fd, start }
  }

  private skipBlanksAndComments(): void {
    const src = this.src
    for (;;) {
      const c = src[this.pos]
      if (c === ' ' || c === '\t') this.pos++
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++
      } else break
    }
  }

  private readWordToken(): Token {
    const start = this.pos
    const parts = this.readWordParts()
    const raw = this.src.slice(start, this.pos)
    // `2>file`, `2>&1`: an all-digit unquoted word glued to a redirection operator is its fd
    const next = this.src[this.pos]
    if (/^[0-9]+$/.test(raw) && (next === '>' || next === '<') && this.src[this.pos + 1] !== '(') {
      const tok = this.next()
      if (tok.type === 'redir' && tok.op !== '&>' && tok.op !== '&>>') return { ...tok, fd: Number(raw), start }
      throw new ShellSyntaxError(`bash: syntax error near unexpected token \`${raw}'`, false)
    }
    const word: Word = { parts, raw }
    const doc = this.nextIsDelimiter
    if (doc) {
      this.nextIsDelimiter = undefined
      doc.delimiter = parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('') || raw
      doc.quoted = parts.some((p) => p.kind === 'lit' && p.quoted)
      this.pendingHeredocs.push(doc)
    }
    return { type: 'word', word, start }
  }

  /** Reads an unquoted word up to the next metacharacter. */
  private readWordParts(): WordPart[] {
    const src = this.src
    const parts: WordPart[] = []
    const lit = (text: string, quoted: boolean): void => {
      const last = parts[parts.length - 1]
      if (last?.kind === 'lit' && last.quoted === quoted) last.text += text
      else parts.push({ kind: 'lit', text, quoted })
    }
    const wordStart = this.pos
    while (this.pos < src.length) {
      const c = src[this.pos]
      if ((c === '<' || c === '>') && src[this.pos + 1] === '(') {
        this.pos += 2
        parts.push({ kind: 'procsub', source: this.readUntilCloseParen(), dir: c })
        continue
      }
      if (METACHARS.has(c)) break
      if (c === '\\') {
        if (src[this.pos + 1] === '\n') this.pos += 2
        else if (this.pos + 1 >= src.length) {
          if (this.options.strict) throw new ShellSyntaxError('bash: unexpected end of line after backslash', true)
          this.pos++
          lit('\\', true)
        } else {
          lit(src[this.pos + 1], true)
          this.pos += 2
        }
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1)
        if (end < 0) throw eof("'")
        lit(src.slice(this.pos + 1, end), true)
        this.pos = end + 1
      } else if (c === '"') {
        this.pos++
        parts.push(...this.readDoubleQuoted('"'))
      } else if (c === '$') {
        parts.push(...this.readDollar(false))
      } else if (c === '`') {
        parts.push(this.readBacktick(false))
      } else if (c === '~' && this.tildeAllowed(parts, wordStart)) {
        this.pos++
        parts.push({ kind: 'tilde', user: '' })
      } else {
        lit(c, false)
        this.pos++
      }
    }
    return parts
  }

  /** `~` expands at the start of a word, or right after `NAME=` in an assignment, when followed by `/` or the end. */
  private tildeAllowed(parts: WordPart[], wordStart: number): boolean {
    const after = this.src[this.pos + 1]
    if (after !== undefined && after !== '/' && after !== ':' && !METACHARS.has(after)) return false
    if (this.pos === wordStart) return true
    return parts.length === 1 && parts[0].kind === 'lit' && !parts[0].quoted && /^[A-Za-z_]\w*=$/.test(parts[0].text)
  }

  /**
   * Reads the inside of double quotes (terminator `"`), of a here-document body (terminator null) or of a
   * `${...}` default word (terminator `}`); the opening character has been consumed.
   */
  readDoubleQuoted(terminator: '"' | '}' | null): WordPart[] {
    const src = this.src
    const parts: WordPart[] = []
    let text = ''
    const flush = (): void => {
      if (text) parts.push({ kind: 'lit', text, quoted: true })
      text = ''
    }
    while (this.pos < src.length) {
      const c = src[this.pos]
      if (c === terminator) {
        this.pos++
        flush()
        // keep an empty quoted part so `""` still produces an (empty) word
        if (parts.length === 0) parts.push({ kind: 'lit', text: '', quoted: true })
        return parts
      }
      if (c === '\\') {
        const n = src[this.pos + 1]
        if (n === '\n') this.pos += 2
        else if (n === '$' || n === '`' || n === '\\' || (n === '"' && terminator === '"') || (n === '}' && terminator === '}')) {
          text += n
          this.pos += 2
        } else {
          text += c
          this.pos++
        }
      } else if (c === '$') {
        flush()
        parts.push(...this.readDollar(true))
      } else if (c === '`') {
        flush()
        parts.push(this.readBacktick(true))
      } else if (c === "'" && terminator === '}') {
        const end = src.indexOf("'", this.pos + 1)
        if (end < 0) throw eof("'")
        text += src.slice(this.pos + 1, end)
        this.pos = end + 1
      } else if (c === '"' && terminator === '}') {
        this.pos++
        flush()
        parts.push(...this.readDoubleQuoted('"'))
      } else {
        text += c
        this.pos++
      }
    }
    if (terminator !== null) throw eof(terminator)
    flush()
    return parts
  }

  /** Reads `$...` (the `$` has not been consumed yet). */
  private readDollar(quoted: boolean): WordPart[] {
    const src = this.src
    this.pos++
    const c = src[this.pos]
    if (c === '(' && src[this.pos + 1] === '(') {
      this.pos += 2
      const inner = this.readUntilCloseParen()
      if (src[this.pos] !== ')') throw eof(')')
      this.pos++
      return [{ kind: 'arith', source: inner.slice(0, inner.length), quoted }]
    }
    if (c === '(') {
      this.pos++
      return [{ kind: 'cmdsub', source: this.readUntilCloseParen(), quoted }]
    }
    if (c === '{') {
      this.pos++
      return [this.readBraceParam(quoted)]
    }
    if (c === "'" && !quoted) {
      this.pos++
      return [{ kind: 'lit', text: this.readAnsiC(), quoted: true }]
    }
    if (c === '"' && !quoted) {
      this.pos++
      return this.readDoubleQuoted('"')
    }
    if (c !== undefined && SPECIAL_PARAMS.has(c)) {
      this.pos++
      return [{ kind: 'param', name: c, quoted }]
    }
    if (c !== undefined && NAME_START.test(c)) {
      let name = ''
      while (this.pos < src.length && NAME_CHAR.test(src[this.pos])) name += src[this.pos++]
      return [{ kind: 'param', name, quoted }]
    }
    return [{ kind: 'lit', text: '$', quoted }]
  }

  /** Reads `${...}` after the `{`. */
  private readBraceParam(quoted: boolean): WordPart {
    const src = this.src
    const start = this.pos
    let len = false
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}') {
      len = true
      this.pos++
    }
    let name = ''
    if (SPECIAL_PARAMS.has(src[this.pos]) && !NAME_START.test(src[this.pos])) name = src[this.pos++]
    else while (this.pos < src.length && NAME_CHAR.test(src[this.pos])) name += src[this.pos++]
    if (this.pos >= src.length) throw eof('}')
    const bad = (): ShellSyntaxError => {
      const close = src.indexOf('}', this.pos)
      if (close < 0) return eof('}')
      return new ShellSyntaxError(`bash: \${${src.slice(start, close)}}: bad substitution`, false)
    }
    if (!name) throw bad()
    if (len) {
      if (src[this.pos] !== '}') throw bad()
      this.pos++
      return { kind: 'param', name, quoted, op: { op: 'len', word: [] } }
    }
    if (src[this.pos] === '}') {
      this.pos++
      return { kind: 'param', name, quoted }
    }
    const m = /^(:-|:=|:\+|##|%%|-|=|\+|#|%)/.exec(src.slice(this.pos, this.pos + 2))
    if (!m) throw bad()
    this.pos += m[1].length
    const word = this.readDoubleQuoted('}')
    const op: ParamOp = { op: m[1] as ParamOp['op'], word }
    return { kind: 'param', name, quoted, op }
  }

  /** Reads `$'...'` with C escapes, after the opening quote. */
  private readAnsiC(): string {
    const src = this.src
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', '\\': '\\', "'": "'", '"': '"', '0': '\0' }
    let out = ''
    while (this.pos < src.length) {
      const c = src[this.pos]
      if (c === "'") {
        this.pos++
        return out
      }
      if (c === '\\' && this.pos + 1 < src.length) {
        const n = src[this.pos + 1]
        out += map[n] ?? `\\${n}`
        this.pos += 2
      } else {
        out += c
        this.pos++
      }
    }
    throw eof("'")
  }

  /** Reads a backtick command substitution, unescaping `\``, `\\` and `\$` as bash does. */
  private readBacktick(quoted: boolean): WordPart {
    const src = this.src
    this.pos++
    let source = ''
    while (this.pos < src.length) {
      const c = src[this.pos]
      if (c === '`') {
        this.pos++
        return { kind: 'cmdsub', source, quoted }
      }
      if (c === '\\' && '`\\$'.includes(src[this.pos + 1] ?? '')) {
        source += src[this.pos + 1]
        this.pos += 2
      } else {
        source += c
        this.pos++
      }
    }
    throw eof('`')
  }

  /**
   * Reads source up to the `)` that closes an already-consumed `(`, lexing the inside properly so quotes,
   * nested parentheses and comments do not confuse the match. Returns the inner text; consumes the `)`.
   */
  readUntilCloseParen(): string {
    const start = this.pos
    const inner = new Lexer(this.src, { strict: true })
    inner.pos = this.pos
    let depth = 0
    for (;;) {
      let tok: Token
      try {
        tok = inner.next()
      } catch (e) {
        if (e instanceof ShellSyntaxError && e.incomplete) throw eof(')')
        throw e
      }
      if (tok.type === 'eof') throw eof(')')
      if (tok.type === 'op' && tok.op === '(') depth++
      if (tok.type === 'op' && tok.op === ')') {
        if (depth === 0) {
          this.pos = inner.pos
          return this.src.slice(start, tok.start)
        }
        depth--
      }
    }
  }

  /** After a newline: reads the bodies of here-documents opened on the line just finished. */
  private readHeredocBodies(): void {
    const src = this.src
    for (const doc of this.pendingHeredocs) {
      let body = ''
      for (;;) {
        if (this.pos >= src.length) {
          if (this.options.strict) throw new ShellSyntaxError(`bash: here-document wanted \`${doc.delimiter}'`, true)
          this.warnings.push(`bash: warning: here-document delimited by end-of-file (wanted \`${doc.delimiter}')`)
          break
        }
        const nl = src.indexOf('\n', this.pos)
        const end = nl < 0 ? src.length : nl
        let line = src.slice(this.pos, end)
        this.pos = nl < 0 ? src.length : nl + 1
        if (doc.stripTabs) line = line.replace(/^\t+/, '')
        if (line === doc.delimiter) break
        body += line + '\n'
      }
      doc.body = body
    }
    this.pendingHeredocs = []
  }

  private finishHeredocsAtEof(): void {
    if (this.pendingHeredocs.length === 0) return
    if (this.options.strict) throw new ShellSyntaxError('bash: unterminated here-document', true)
    for (const doc of this.pendingHeredocs) {
      this.warnings.push(`bash: warning: here-document delimited by end-of-file (wanted \`${doc.delimiter}')`)
    }
    this.pendingHeredocs = []
  }
}

/** Splits a here-document body (or any text) into expandable parts, as if inside double quotes. */
export function parseExpandableText(text: string): WordPart[] {
  return new Lexer(text).readDoubleQuoted(null)
}
