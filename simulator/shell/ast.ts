/**
 * Syntax tree of the bash subset: words keep their quoting structure so the interpreter can apply bash's
 * expansion rules (no field splitting or globbing inside quotes).
 */

/** One piece of a word; `quoted` pieces are exempt from field splitting and globbing. */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'param'; name: string; quoted: boolean; op?: ParamOp }
  | { kind: 'cmdsub'; source: string; quoted: boolean }
  | { kind: 'arith'; source: string; quoted: boolean }
  | { kind: 'procsub'; source: string; dir: '<' | '>' }
  | { kind: 'tilde'; user: string }

/** `${VAR:-word}`-style operators; `word` is itself a list of parts (expanded lazily). */
export interface ParamOp {
  op: ':-' | '-' | ':=' | '=' | ':+' | '+' | '#' | '##' | '%' | '%%' | 'len'
  word: WordPart[]
}

/** A shell word before expansion. */
export interface Word {
  parts: WordPart[]
  /** original source text of the word (for messages and `Assignment` detection) */
  raw: string
}

/** A here-document body, filled in by the lexer when it reaches the line after the operator. */
export interface HereDoc {
  delimiter: string
  /** quoted delimiter (`<<'EOF'`) disables expansion in the body */
  quoted: boolean
  /** `<<-` strips leading tabs */
  stripTabs: boolean
  body: string
}

/** A redirection such as `2>&1`, `> file`, `<<EOF`. */
export type Redirect =
  | { kind: 'file'; fd: number; op: '>' | '>>' | '<' | '>|' | '<>'; target: Word }
  | { kind: 'both'; op: '&>' | '&>>'; target: Word }
  | { kind: 'dup'; fd: number; op: '>&' | '<&'; target: Word }
  | { kind: 'heredoc'; fd: number; doc: HereDoc }
  | { kind: 'herestring'; fd: number; target: Word }

/** `NAME=value` before a command name (or alone). */
export interface Assignment {
  name: string
  /** `NAME+=value` */
  append: boolean
  value: Word
}

/** A command with its assignments, words and redirections. */
export interface SimpleCommand {
  type: 'simple'
  assigns: Assignment[]
  words: Word[]
  redirects: Redirect[]
}

/** `( list )`, run in a copy of the shell state. */
export interface SubshellCommand {
  type: 'subshell'
  body: List
  redirects: Redirect[]
}

/** `{ list; }`, run in the current shell. */
export interface GroupCommand {
  type: 'group'
  body: List
  redirects: Redirect[]
}

/** `for NAME [in WORDS]; do LIST; done`; `words` is null without `in` (iterates over `"$@"`). */
export interface ForCommand {
  type: 'for'
  name: string
  words: Word[] | null
  body: List
  redirects: Redirect[]
}

/** `while LIST; do LIST; done`, or `until` when `until` is set. */
export interface WhileCommand {
  type: 'while'
  until: boolean
  cond: List
  body: List
  redirects: Redirect[]
}

/** `if LIST; then LIST; [elif LIST; then LIST;]... [else LIST;] fi` */
export interface IfCommand {
  type: 'if'
  clauses: { cond: List; body: List }[]
  elseBody: List | null
  redirects: Redirect[]
}

/** Anything that can be a pipeline stage. */
export type CommandNode = SimpleCommand | SubshellCommand | GroupCommand | ForCommand | WhileCommand | IfCommand

/** `[!] cmd | cmd | ...` */
export interface Pipeline {
  type: 'pipeline'
  negated: boolean
  commands: CommandNode[]
}

/** Pipelines joined by `&&` / `||` (left-associative). */
export interface AndOr {
  type: 'andor'
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
}

/** A sequence of and-or lists separated by `;`, `&` or newlines. */
export interface List {
  type: 'list'
  items: { command: AndOr; background: boolean }[]
}
