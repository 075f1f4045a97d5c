/**
 * Recursive-descent parser for the bash subset: lists, and-or chains, pipelines, simple commands with
 * assignments and redirections, `( ... )` subshells and `{ ...; }` groups.
 */
import type { AndOr, Assignment, CommandNode, List, Pipeline, Redirect, SimpleCommand, Word, WordPart } from './ast'
import { Lexer, ShellSyntaxError, type Token } from './lexer'

export { ShellSyntaxError }

/** The parsed program plus non-fatal warnings (e.g. a here-document ended by end of file). */
export interface ParseResult {
  list: List
  warnings: string[]
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/

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

  /** list := and_or ((';' | '&' | '\n') and_or)*, stopping at EOF, `)` or a `}` in command position. */
  parseList(closer: ')' | '}' | null): List {
    const list: List = { type: 'list', items: [] }
    for (;;) {
      this.skipNewlines()
      if (this.tok.type === 'eof') break
      if (closer === ')' && this.isOp(')')) break
      if (closer === '}' && this.isReserved('}')) break
      const command = this.parseAndOr()
      let background = false
      if (this.isOp(';') || this.isOp('&')) {
        background = this.isOp('&')
        this.advance()
      } else if (this.isOp('\n')) {
        this.advance()
      } else if (!this.atEof() && !(closer === ')' && this.isOp(')'))) {
        list.items.push({ command, background })
        if (closer === '}' && this.isReserved('}')) break
        throw unexpected(this.tok, this.strict)
      }
      list.items.push({ command, background })
    }
    return list
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
      const body = this.parseList(')')
      if (!this.isOp(')')) throw unexpected(this.tok, true)
      this.advance()
      if (body.items.length === 0) throw new ShellSyntaxError("bash: syntax error near unexpected token `)'", false)
      return { type: 'subshell', body, redirects: this.parseRedirects() }
    }
    if (this.isReserved('{')) {
      this.advance()
      const body = this.parseList('}')
      if (!this.isReserved('}')) throw unexpected(this.tok, true)
      this.advance()
      return { type: 'group', body, redirects: this.parseRedirects() }
    }
    return this.parseSimple()
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
  const list = parser.parseList(null)
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
