/**
 * `toYaml`: a port of the parts of go-yaml v2's emitter that sigs.k8s.io/yaml (and so `oc get -o yaml`) uses:
 * block mappings and sequences, `{}`/`[]` for empty collections, plain/single/double-quoted/literal scalars,
 * line folding at best_width 80, go-yaml's key order.
 */
import { formatGoNumber } from './gofloat'
import { canUsePlain, codePointCompare, sortGoYamlKeys } from './yaml-resolve'

/** Options of {@link toYaml}. */
export interface ToYamlOptions {
  /** Quote strings that look like timestamps (go-yaml ≥2.1, OCP ≥4.1). The 4.0 previews printed them bare. Default true. */
  quoteTimestamps?: boolean
  /** Key order: go-yaml v2's sorter (default, faithful) or plain code-point order. */
  keyOrder?: 'go-yaml' | 'codepoint'
}

const BEST_WIDTH = 80
const BEST_INDENT = 2

const isBreakChar = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlank = (c: string | undefined) => c === ' ' || c === '\t'
const isBlankz = (c: string | undefined) => isBlank(c) || isBreakChar(c) || c === '\0' || c === undefined

/** go-yaml `is_printable` on a code point. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  )
}

interface Analysis {
  multiline: boolean
  blockPlain: boolean
  singleQuoted: boolean
  block: boolean
}

/** go-yaml `yaml_emitter_analyze_scalar` (block context only). */
function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false }
  let blockIndicators = false
  let flowIndicators = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let prevSpace = false
  let prevBreak = false
  const head = chars.slice(0, 3).join('')
  if (head === '---' || head === '...') blockIndicators = flowIndicators = true
  let precededByWs = true
  chars.forEach((c, i) => {
    const followedByWs = i + 1 >= chars.length || isBlank(chars[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = flowIndicators = true
      else if (c === '?' || c === ':') {
        flowIndicators = true
        if (followedByWs) blockIndicators = true
      } else if (c === '-' && followedByWs) blockIndicators = flowIndicators = true
    } else if (',?[]{}'.includes(c)) flowIndicators = true
    else if (c === ':') {
      flowIndicators = true
      if (followedByWs) blockIndicators = true
    } else if (c === '#' && precededByWs) blockIndicators = flowIndicators = true
    if (!isPrintable(c)) special = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (prevBreak) breakSpace = true
      prevSpace = true
      prevBreak = false
    } else if (isBreakChar(c)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (prevSpace) spaceBreak = true
      prevSpace = false
      prevBreak = true
    } else {
      prevSpace = prevBreak = false
    }
    precededByWs = isBlankz(c)
  })
  void flowIndicators
  let blockPlain = true
  let singleQuoted = true
  let block = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false
  if (trailingSpace) block = false
  if (breakSpace) blockPlain = singleQuoted = false
  if (spaceBreak || special) blockPlain = singleQuoted = block = false
  if (lineBreaks) blockPlain = false
  if (blockIndicators) blockPlain = false
  return { multiline: lineBreaks, blockPlain, singleQuoted, block }
}

type Style = 'plain' | 'single' | 'double' | 'literal'

function utf8Length(s: string): number {
  let n = 0
  for (const c of s) {
    const cp = c.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

class Emitter {
  out: string[] = []
  column = 0
  whitespace = true
  indention = true
  indent = -1

  constructor(private readonly opts: Required<ToYamlOptions>) {}

  private put(s: string): void {
    this.out.push(s)
    this.column += s.length
  }

  private putBreak(): void {
    this.out.push('\n')
    this.column = 0
  }

  private writeChar(c: string): void {
    this.out.push(c)
    this.column++
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  private indicator(s: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ')
    this.put(s)
    this.whitespace = isWs
    this.indention = this.indention && isIndention
  }

  value(v: unknown, mappingContext: boolean): void {
    if (Array.isArray(v) && v.length > 0) return this.sequence(v, mappingContext)
    if (Array.isArray(v)) return this.flowEmpty('[', ']')
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      if (keys.length > 0) return this.mapping(v as Record<string, unknown>, keys)
      return this.flowEmpty('{', '}')
    }
    this.scalar(v, false)
  }

  private flowEmpty(open: string, close: string): void {
    this.indicator(open, true, true, false)
    this.indicator(close, false, false, false)
  }

  private sequence(items: unknown[], mappingContext: boolean): void {
    const saved = this.indent
    const indentless = mappingContext && !this.indention
    if (this.indent < 0) this.indent = 0
    else if (!indentless) this.indent += BEST_INDENT
    for (const item of items) {
      this.writeIndent()
      this.indicator('-', true, false, true)
      this.value(item === undefined ? null : item, false)
    }
    this.indent = saved
  }

  private mapping(obj: Record<string, unknown>, keys: string[]): void {
    const saved = this.indent
    this.indent = this.indent < 0 ? 0 : this.indent + BEST_INDENT
    const sorted = this.opts.keyOrder === 'go-yaml' ? sortGoYamlKeys(keys) : [...keys].sort(codePointCompare)
    for (const key of sorted) {
      this.writeIndent()
      const simple = !analyze([...key]).multiline && utf8Length(key) <= 128
      if (simple) {
        this.scalar(key, true)
        this.indicator(':', false, false, false)
      } else {
        this.indicator('?', true, false, true)
        this.scalar(key, false)
        this.writeIndent()
        this.indicator(':', true, false, true)
      }
      this.value(obj[key], true)
    }
    this.indent = saved
  }

  private scalar(v: unknown, simpleKey: boolean): void {
    const saved = this.indent
    this.indent = this.indent < 0 ? BEST_INDENT : this.indent + BEST_INDENT
    if (typeof v === 'string') this.stringScalar(v, simpleKey)
    else this.plain([...scalarText(v)], false)
    this.indent = saved
  }

  private stringScalar(s: string, simpleKey: boolean): void {
    const chars = [...s]
    const a = analyze(chars)
    let style: Style = s.includes('\n') ? 'literal' : canUsePlain(s, this.opts.quoteTimestamps) ? 'plain' : 'double'
    if (simpleKey && a.multiline) style = 'double'
    // Simplification: line breaks other than \n (NEL, LS, PS, CR) always go double-quoted.
    if (/[\r\u0085\u2028\u2029]/.test(s)) style = 'double'
    if (style === 'plain' && (!a.blockPlain || (s === '' && simpleKey))) style = 'single'
    if (style === 'single' && !a.singleQuoted) style = 'double'
    if (style === 'literal' && (!a.block || simpleKey)) style = 'double'
    const allowBreaks = !simpleKey
    if (style === 'plain') this.plain(chars, allowBreaks)
    else if (style === 'single') this.single(chars, allowBreaks)
    else if (style === 'double') this.double(chars, allowBreaks)
    else this.literal(chars)
  }

  private plain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    let spaces = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent()
        else this.writeChar(c)
        spaces = true
      } else {
        this.writeChar(c)
        this.indention = false
        spaces = false
      }
    })
    this.whitespace = false
    this.indention = false
  }

  private single(chars: string[], allowBreaks: boolean): void {
    this.indicator("'", true, false, false)
    let spaces = false
    chars.forEach((c, i) => {
      if (c === ' ') {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1
        if (fold && chars[i + 1] !== ' ') this.writeIndent()
        else this.writeChar(c)
        spaces = true
      } else {
        if (c === "'") this.put("'")
        this.writeChar(c)
        this.indention = false
        spaces = false
      }
    })
    this.indicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private double(chars: string[], allowBreaks: boolean): void {
    this.indicator('"', true, false, false)
    let spaces = false
    chars.forEach((c, i) => {
      if (!isPrintable(c) || isBreakChar(c) || c === '"' || c === '\\') {
        this.put('\\' + escapeChar(c))
        spaces = false
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent()
          if (chars[i + 1] === ' ') this.put('\\')
        } else this.writeChar(c)
        spaces = true
      } else {
        this.writeChar(c)
        spaces = false
      }
    })
    this.indicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private literal(chars: string[]): void {
    this.indicator('|', true, false, false)
    if (chars[0] === ' ' || isBreakChar(chars[0])) this.indicator(String(BEST_INDENT), false, false, false)
    const n = chars.length
    let chomp = ''
    if (n === 0 || !isBreakChar(chars[n - 1])) chomp = '-'
    else if (n === 1 || isBreakChar(chars[n - 2])) chomp = '+'
    if (chomp) this.indicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const c of chars) {
      if (c === '\n') {
        this.putBreak()
        this.indention = true
        breaks = true
      } else {
        if (breaks) {
          this.writeIndent()
          breaks = false
        }
        this.writeChar(c)
        this.indention = false
      }
    }
  }
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
}

function escapeChar(c: string): string {
  if (ESCAPES[c] !== undefined) return ESCAPES[c]
  const cp = c.codePointAt(0)!
  const hex = cp.toString(16).toUpperCase()
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0')
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0')
  return 'U' + hex.padStart(8, '0')
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan'
    if (v === Infinity) return '.inf'
    if (v === -Infinity) return '-.inf'
    return formatGoNumber(v)
  }
  if (typeof v === 'bigint') return v.toString()
  return String(v)
}

/** Serialises a JSON-like value the way `oc get -o yaml` prints it (ends with a newline). */
export function toYaml(value: unknown, options: ToYamlOptions = {}): string {
  const e = new Emitter({ quoteTimestamps: options.quoteTimestamps ?? true, keyOrder: options.keyOrder ?? 'go-yaml' })
  e.value(value === undefined ? null : value, false)
  e.indent = -1
  e.writeIndent()
  return e.out.join('')
}
