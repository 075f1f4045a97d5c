/**
 * Recursive-descent parser for the bash subset: lists, and-or chains, pipelines, simple commands with
 * assignments and redirections, `( ... )` subshells, `{ ...; }` groups, and the compound commands `for`,
 * `while`, `until` and `if`.
 */
import type { AndOr, Assignment, CommandNode, ForCommand, IfCommand, List, Pipeline, Redirect, SimpleCommand, WhileCommand, Word, WordPart } from './ast'
import { Lexer, ShellSyntaxError, type Token } from './lexer'

export { ShellSyntaxError }

/** The parsed program plus non-fatal warnings (e.g. a here-document ended by end of file). */
export interface ParseResult {
  list: List
  warnings: string[]
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/

/** Reserved words that end a list; in command position anywhere else they are a syntax error, as in bash. */
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}'])

/** What ends the list being parsed: reserved words, and `)` (the operator) for a subshell. */
type Stop = readonly string[]

const tokenText = (tok: Token): string => {
  if (tok.type === 'eof') return 'EOF'
  if (tok.type === 'word') return tok.word.raw
  if (tok.type === 'op') return tok.op === '\n' ? 'newline' : tok.op
  return (tok.fd !== undefined ? String(tok.fd) : '') + tok.op
}

const unexpected = (tok: Token, strict: boolean): ShellSyntaxError => {
  if (tok.type === 'eof') {
    return strict
      ? new ShellSyntaxError('bash: syntax error: unexpected end of file', true)
      : new ShellSyntaxError('bash: syntax error: unexpected end of file', false)
  }
  return new ShellSyntaxError(`bash: syntax error near unexpected token \`${tokenText(tok)}'`, false)
}

class Parser {
  private tok: Token
  constructor(
    private readonly lexer: Lexer,
    private readonly strict: boolean,
  ) {
    this.tok = lexer.next()
    if (this.tok.type === 'word') validateParts(this.tok.word.parts, strict)
  }

  private advance(): Token {
    const t = this.tok
    this.tok = this.lexer.next()
    if (this.tok.type === 'word') validateParts(this.tok.word.parts, this.strict)
    return t
  }

  private isOp(op: string): boolean {
    return this.tok.type === 'op' && this.tok.op === op
  }

  private isReserved(word: string): boolean {
    return this.tok.type === 'word' && this.tok.word.raw === word
  }

  /** (a method so TypeScript does not keep a stale narrowing of `this.tok` across `advance`) */
  private atEof(): boolean {
    return this.tok.type === 'eof'
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.advance()
  }

  /** True when the current token is in `stop` (reserved words only count in command position, like here). */
  private atStop(stop: Stop): boolean {
    return stop.some((s) => (s === ')' ? this.isOp(')') : this.isReserved(s)))
  }

  /** list := and_or ((';' | '&' | '\n') and_or)*, stopping at EOF or at a token of `stop`. */
  parseList(stop: Stop): List {
    const list: List = { type: 'list', items: [] }
    for (;;) {
      this.skipNewlines()
      if (this.atEof() || this.atStop(stop)) break
      const command = this.parseAndOr()
      let background = false
      if (this.isOp(';') || this.isOp('&')) {
        background = this.isOp('&')
        this.advance()
      } else if (this.isOp('\n')) {
        this.advance()
      } else if (!this.atEof() && !this.atStop(stop)) {
        // only a compound command can be followed by a word here: `done echo`, `fi }`
        throw unexpected(this.tok, this.strict)
      }
      list.items.push({ command, background })
    }
    return list
  }

  /** Parses a non-empty list that must end with one of `stop`, which is left as the current token. */
  private parseBody(stop: Stop): List {
    const body = this.parseList(stop)
    // an empty body is bash's "unexpected token" at the closer; at end of input more lines may follow
    if (body.items.length === 0 || !this.atStop(stop)) throw unexpected(this.tok, true)
    return body
  }

  /** Consumes the reserved word `word`, or fails (more input may still bring it). */
  private expectReserved(word: string): void {
    if (!this.isReserved(word)) throw unexpected(this.tok, true)
    this.advance()
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline()
    const rest: AndOr['rest'] = []
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.advance() as { op: '&&' | '||' }).op
      this.skipNewlines()
      if (this.tok.type === 'eof') throw unexpected(this.tok, true)
      rest.push({ op, pipeline: this.parsePipeline() })
    }
    return { type: 'andor', first, rest }
  }

  private parsePipeline(): Pipeline {
    let negated = false
    while (this.isReserved('!')) {
      this.advance()
      negated = !negated
    }
    const commands: CommandNode[] = [this.parseCommand()]
    while (this.isOp('|') || this.isOp('|&')) {
      const op = (this.advance() as { op: string }).op
      const prev = commands[commands.length - 1]
      // `a |& b` is `a 2>&1 | b`
      if (op === '|&') prev.redirects.push({ kind: 'dup', fd: 2, op: '>&', target: { parts: [{ kind: 'lit', text: '1', quoted: false }], raw: '1' } })
      this.skipNewlines()
      if (this.tok.type === 'eof') throw unexpected(this.tok, true)
      commands.push(this.parseCommand())
    }
    return { type: 'pipeline', negated, commands }
  }

  private parseCommand(): CommandNode {
    if (this.isOp('(')) {
      this.advance()
      const body = this.parseList([')'])
      if (!this.isOp(')')) throw unexpected(this.tok, true)
      this.advance()
      if (body.items.length === 0) throw new ShellSyntaxError("bash: syntax error near unexpected token `)'", false)
      return { type: 'subshell', body, redirects: this.parseRedirects() }
    }
    if (this.isReserved('{')) {
      this.advance()
      const body = this.parseBody(['}'])
      this.advance()
      return { type: 'group', body, redirects: this.parseRedirects() }
    }
    if (this.isReserved('for')) return this.parseFor()
    if (this.isReserved('while') || this.isReserved('until')) return this.parseWhile()
    if (this.isReserved('if')) return this.parseIf()
    if (this.tok.type === 'word' && CLOSERS.has(this.tok.word.raw)) throw unexpected(this.tok, false)
    return this.parseSimple()
  }

  /** for NAME [newlines] [in WORDS (';' | newline)] [newlines] do LIST done  (also `for NAME; do`) */
  private parseFor(): ForCommand {
    this.advance()
    if (this.tok.type !== 'word') throw unexpected(this.tok, true)
    const name = this.tok.word.raw
    this.advance()
    let words: Word[] | null = null
    if (this.isOp(';')) this.advance()
    else {
      this.skipNewlines()
      if (this.isReserved('in')) {
        this.advance()
        words = []
        while (this.tok.type === 'word') words.push((this.advance() as { word: Word }).word)
        if (this.isOp(';') || this.isOp('\n')) this.advance()
        else if (!this.atEof()) throw unexpected(this.tok, false)
      }
    }
    this.skipNewlines()
    this.expectReserved('do')
    const body = this.parseBody(['done'])
    this.advance()
    return { type: 'for', name, words, body, redirects: this.parseRedirects() }
  }

  /** (while | until) LIST do LIST done */
  private parseWhile(): WhileCommand {
    const until = this.isReserved('until')
    this.advance()
    const cond = this.parseBody(['do'])
    this.advance()
    const body = this.parseBody(['done'])
    this.advance()
    return { type: 'while', until, cond, body, redirects: this.parseRedirects() }
  }

  /** if LIST then LIST [elif LIST then LIST]... [else LIST] fi */
  private parseIf(): IfCommand {
    const clauses: IfCommand['clauses'] = []
    let elseBody: List | null = null
    do {
      this.advance()
      const cond = this.parseBody(['then'])
      this.advance()
      clauses.push({ cond, body: this.parseBody(['elif', 'else', 'fi']) })
    } while (this.isReserved('elif'))
    if (this.isReserved('else')) {
      this.advance()
      elseBody = this.parseBody(['fi'])
    }
    this.expectReserved('fi')
    return { type: 'if', clauses, elseBody, redirects: this.parseRedirects() }
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = []
    while (this.tok.type === 'redir') out.push(this.parseRedirect())
    return out
  }

  private parseRedirect(): Redirect {
    const tok = this.advance()
    if (tok.type !== 'redir') throw unexpected(tok, this.strict)
    if (tok.heredoc) {
      if (this.tok.type !== 'word') throw unexpected(this.tok, false)
      this.advance()
      return { kind: 'heredoc', fd: tok.fd ?? 0, doc: tok.heredoc }
    }
    if (this.tok.type !== 'word') throw unexpected(this.tok.type === 'eof' ? { type: 'op', op: '\n', start: 0 } : this.tok, false)
    const target = (this.advance() as { word: Word }).word
    switch (tok.op) {
      case '&>':
      case '&>>':
        return { kind: 'both', op: tok.op, target }
      case '>&':
      case '<&':
        return { kind: 'dup', fd: tok.fd ?? (tok.op === '>&' ? 1 : 0), op: tok.op, target }
      case '<<<':
        return { kind: 'herestring', fd: tok.fd ?? 0, target }
      case '<':
      case '<>':
        return { kind: 'file', fd: tok.fd ?? 0, op: tok.op, target }
      default:
        return { kind: 'file', fd: tok.fd ?? 1, op: tok.op as '>' | '>>' | '>|', target }
    }
  }

  private parseSimple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] }
    for (;;) {
      if (this.tok.type === 'redir') {
        cmd.redirects.push(this.parseRedirect())
      } else if (this.tok.type === 'word') {
        const word = this.tok.word
        const assign = cmd.words.length === 0 ? asAssignment(word) : undefined
        if (assign) cmd.assigns.push(assign)
        else cmd.words.push(word)
        this.advance()
      } else break
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) {
      throw unexpected(this.tok, this.strict)
    }
    return cmd
  }
}

/** Parses the inside of `$(...)` and `<(...)` now, so their syntax errors fail the whole line as in bash. */
function validateParts(parts: WordPart[], strict: boolean): void {
  for (const p of parts) {
    if (p.kind === 'cmdsub' || p.kind === 'procsub') parse(p.source, { strict })
    else if (p.kind === 'param' && p.op) validateParts(p.op.word, strict)
  }
}

/** Recognizes `NAME=value` words (the `NAME=` must be unquoted literal text). */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0]
  if (!first || first.kind !== 'lit' || first.quoted) return undefined
  const m = ASSIGNMENT.exec(first.text)
  if (!m) return undefined
  const restText = first.text.slice(m[0].length)
  const parts = [...(restText ? [{ ...first, text: restText }] : []), ...word.parts.slice(1)]
  return { name: m[1], append: m[2] === '+', value: { parts, raw: word.raw.slice(m[0].length) } }
}

/** Parses a whole command line or script; throws `ShellSyntaxError` with bash's message. */
export function parse(src: string, options: { strict?: boolean } = {}): ParseResult {
  const lexer = new Lexer(src, { strict: options.strict })
  const parser = new Parser(lexer, options.strict ?? false)
  const list = parser.parseList([])
  return { list, warnings: lexer.warnings }
}

/** True when `text` is a complete command (no open quote, continuation, here-document or trailing operator). */
export function isComplete(text: string): boolean {
  try {
    parse(text, { strict: true })
    return true
  } catch (e) {
    return !(e instanceof ShellSyntaxError && e.incomplete)
  }
}

/**
 * Splits a script into top-level commands, each possibly spanning several lines, keeping the original text
 * (without the final newline). Blank and comment-only lines are dropped.
 */
export function splitCommands(script: string): string[] {
  const out: string[] = []
  let pending = ''
  for (const line of script.split('\n')) {
    pending = pending === '' ? line : `${pending}\n${line}`
    if (!isComplete(pending)) continue
    if (pending.trim() !== '' && !/^\s*#/.test(pending)) out.push(pending)
    pending = ''
  }
  if (pending.trim() !== '') out.push(pending)
  return out
}
