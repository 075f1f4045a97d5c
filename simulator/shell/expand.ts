/**
 * Word expansion in bash's order: braces (`brace.ts`), tilde, parameters, command/arithmetic/process
 * substitution, field splitting of unquoted results, pathname expansion (unmatched patterns stay literal),
 * quote removal.
 */
import type { Word, WordPart } from './ast'
import { ArithError, evalArith } from './arith'
import { braceExpand } from './brace'
import { escapeGlob, expandGlob, globToRegexSource, hasGlobChars } from './glob'
import type { VirtualFs } from './vfs'

/** What expansion needs from the shell. */
export interface ExpandHost {
  fs: VirtualFs
  cwd: string
  getVar(name: string): string | undefined
  setVar(name: string, value: string): void
  /** runs `$(...)`, returning its stdout (trailing newlines are stripped here) */
  commandSubst(source: string): Promise<string>
  /** runs `<(...)` / `>(...)`, returning the path standing for it */
  processSubst(source: string, dir: '<' | '>'): Promise<string>
}

/** An expansion failure (bad substitution, arithmetic error); the message is bash's. */
export class ExpansionError extends Error {}

interface Field {
  value: string
  pattern: string
  glob: boolean
  /** a field that must survive even when empty (it contained quotes or literal text) */
  keep: boolean
}

const IFS_WS = /[ \t\n]+/

const DECLARATION_UTILITIES = new Set(['export', 'local', 'declare', 'readonly', 'typeset'])

/**
 * Expands words into argv fields (with splitting and globbing). Like bash, `NAME=value` arguments of
 * declaration utilities (`export A=$(cmd)`) are expanded as assignments: no splitting, no globbing.
 */
export async function expandWords(words: Word[], host: ExpandHost): Promise<string[]> {
  const out: string[] = []
  const declaration = words.length > 0 && DECLARATION_UTILITIES.has(words[0].raw)
  for (const word of words.flatMap(braceExpand)) {
    const first = word.parts[0]
    if (declaration && word !== words[0] && first?.kind === 'lit' && !first.quoted && /^[A-Za-z_]\w*\+?=/.test(first.text)) {
      out.push(await expandString(word, host))
    } else out.push(...(await expandWord(word, host)))
  }
  return out
}

/** Expands one word into zero or more fields. */
export async function expandWord(word: Word, host: ExpandHost): Promise<string[]> {
  const fields: Field[] = []
  let cur: Field = { value: '', pattern: '', glob: false, keep: false }
  const addQuoted = (text: string): void => {
    cur.value += text
    cur.pattern += escapeGlob(text)
    cur.keep = true
  }
  const addUnquotedLiteral = (text: string): void => {
    cur.value += text
    cur.pattern += text
    if (hasGlobChars(text)) cur.glob = true
    if (text) cur.keep = true
  }
  const endField = (): void => {
    if (cur.keep || cur.value) fields.push(cur)
    cur = { value: '', pattern: '', glob: false, keep: false }
  }
  /** unquoted expansion results are split on IFS whitespace, and each piece may glob */
  const addSplit = (text: string): void => {
    if (text === '') return
    const pieces = text.split(IFS_WS)
    pieces.forEach((piece, idx) => {
      if (idx > 0) endField()
      if (piece) addUnquotedLiteral(piece)
    })
  }
  for (const part of word.parts) {
    if (part.kind === 'lit') {
      if (part.quoted) addQuoted(part.text)
      else addUnquotedLiteral(part.text)
    } else if (part.kind === 'tilde') {
      addQuoted(host.getVar('HOME') ?? '/')
    } else if (part.kind === 'procsub') {
      addQuoted(await host.processSubst(part.source, part.dir))
    } else {
      const text = await expandScalarPart(part, host)
      if (part.quoted) addQuoted(text)
      else addSplit(text)
    }
  }
  endField()
  const out: string[] = []
  for (const f of fields) {
    if (f.glob && hasGlobChars(f.pattern)) {
      const matches = expandGlob(f.pattern, host.fs, host.cwd)
      if (matches.length > 0) {
        out.push(...matches)
        continue
      }
    }
    out.push(f.value)
  }
  return out
}

/** Expands a word to one string without splitting or globbing (assignments, redirection targets). */
export async function expandString(word: Word | WordPart[], host: ExpandHost): Promise<string> {
  const parts = Array.isArray(word) ? word : word.parts
  let out = ''
  for (const part of parts) {
    if (part.kind === 'lit') out += part.text
    else if (part.kind === 'tilde') out += host.getVar('HOME') ?? '/'
    else if (part.kind === 'procsub') out += await host.processSubst(part.source, part.dir)
    else out += await expandScalarPart(part, host)
  }
  return out
}

async function expandScalarPart(part: Exclude<WordPart, { kind: 'lit' | 'tilde' | 'procsub' }>, host: ExpandHost): Promise<string> {
  if (part.kind === 'cmdsub') return (await host.commandSubst(part.source)).replace(/\n+$/, '')
  if (part.kind === 'arith') {
    try {
      // `$x` inside arithmetic is expanded first, like bash does
      const src = await expandString([{ kind: 'lit', text: '', quoted: true }, ...arithParts(part.source)], host)
      return String(evalArith(src, (n) => host.getVar(n)))
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message)
      throw e
    }
  }
  const value = host.getVar(part.name)
  const op = part.op
  if (!op) return value ?? ''
  const word = (): Promise<string> => expandString(op.word, host)
  switch (op.op) {
    case 'len':
      return String([...(value ?? '')].length)
    case ':-':
      return value ? value : word()
    case '-':
      return value !== undefined ? value : word()
    case ':=':
    case '=': {
      if (value !== undefined && (op.op === '=' || value !== '')) return value
      const v = await word()
      host.setVar(part.name, v)
      return v
    }
    case ':+':
      return value ? word() : ''
    case '+':
      return value !== undefined ? word() : ''
    default: {
      const pattern = await patternOf(op.word, host)
      return removePattern(value ?? '', pattern, op.op)
    }
  }
}

/** Parses `$name` references inside an arithmetic source into parts (everything else stays literal). */
function arithParts(source: string): WordPart[] {
  const parts: WordPart[] = []
  const re = /\$\{?([A-Za-z_]\w*|[?#$])\}?/g
  let last = 0
  for (let m = re.exec(source); m; m = re.exec(source)) {
    parts.push({ kind: 'lit', text: source.slice(last, m.index), quoted: true })
    parts.push({ kind: 'param', name: m[1], quoted: true })
    last = m.index + m[0].length
  }
  parts.push({ kind: 'lit', text: source.slice(last), quoted: true })
  return parts
}

/** The `${VAR#pattern}` word as a glob pattern: quoted text is literal, the rest may contain wildcards. */
async function patternOf(parts: WordPart[], host: ExpandHost): Promise<string> {
  let out = ''
  for (const p of parts) {
    // the lexer marks text inside `${...}` as quoted; wildcards there are still meant as patterns
    if (p.kind === 'lit') out += p.text
    else out += escapeGlob(await expandString([p], host))
  }
  return out
}

function removePattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const src = globToRegexSource(pattern)
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()]
    if (op === '##') lengths.reverse()
    for (const n of lengths) if (new RegExp(`^(?:${src})$`).test(value.slice(0, n))) return value.slice(n)
    return value
  }
  const starts = [...Array(value.length + 1).keys()]
  if (op === '%') starts.reverse()
  for (const s of starts) if (new RegExp(`^(?:${src})$`).test(value.slice(s))) return value.slice(0, s)
  return value
}
