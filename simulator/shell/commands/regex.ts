/** Translation of POSIX basic/extended regular expressions (GNU flavour) into JavaScript RegExp source. */

/** A pattern that cannot be compiled; the message follows GNU grep/sed. */
export class RegexError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
}

/** Translates a bracket expression starting at `pattern[i] === '['`; returns the JS class and the next index. */
function bracket(pattern: string, i: number): [string, number] {
  let j = i + 1
  let out = '['
  if (pattern[j] === '^') {
    out += '^'
    j++
  }
  if (pattern[j] === ']') {
    out += '\\]'
    j++
  }
  for (; j < pattern.length; j++) {
    const c = pattern[j]
    if (c === ']') return [out + ']', j + 1]
    if (c === '[' && pattern[j + 1] === ':') {
      const end = pattern.indexOf(':]', j + 2)
      if (end < 0) break
      const name = pattern.slice(j + 2, end)
      if (!(name in CLASSES)) throw new RegexError('Invalid character class name')
      out += CLASSES[name]
      j = end + 1
    } else if (c === '\\' || c === '[' || c === '^') out += `\\${c}`
    else out += c
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=')
}

/** Converts a POSIX regex (basic unless `extended`) into JavaScript RegExp source. */
export function translateRegex(pattern: string, extended: boolean): string {
  let out = ''
  // positions where a BRE `*` is literal: start, after `\(`, after `^`, after `\|`
  let atStart = true
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]
    if (c === '[') {
      const [cls, next] = bracket(pattern, i)
      out += cls
      i = next
      atStart = false
      continue
    }
    if (c === '\\') {
      const n = pattern[i + 1]
      i += 2
      if (n === undefined) throw new RegexError('Trailing backslash')
      if (n === '<' || n === '>') out += '\\b'
      else if (!extended && '(){}|+?'.includes(n)) {
        out += n
        atStart = n === '(' || n === '|'
        continue
      } else if (extended && '(){}|+?'.includes(n)) out += `\\${n}`
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += `\\${n}`
      else if (n === 'n') out += '\\n'
      else if (n === 't') out += '\\t'
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      atStart = false
      continue
    }
    i++
    if (c === '*' && atStart) out += '\\*'
    else if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`
    else if (extended && c === '{' && !/^\d/.test(pattern.slice(i))) out += '\\{'
    else if (c === '/') out += '\\/'
    else out += c
    atStart = c === '^' || (extended && (c === '(' || c === '|'))
  }
  return out
}

/** Compiles a POSIX regex into a JS RegExp (throws RegexError with GNU-like wording). */
export function compileRegex(pattern: string, opts: { extended: boolean; ignoreCase?: boolean; global?: boolean }): RegExp {
  const src = translateRegex(pattern, opts.extended)
  try {
    return new RegExp(src, `${opts.global ? 'g' : ''}${opts.ignoreCase ? 'i' : ''}`)
  } catch {
    if (/\(|\\\(/.test(pattern)) throw new RegexError('Unmatched ( or \\(')
    throw new RegexError('Invalid regular expression')
  }
}

/** Escapes text for use as a literal inside a JS regex (grep -F). */
export function escapeRegexText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
