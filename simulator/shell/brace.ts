/**
 * Brace expansion, the first of bash's expansions: `a{b,c}d` → `abd acd`, `{1..3}`, `{a..e}`, `{01..10..3}`,
 * nested braces. Only unquoted braces count, and a brace without a comma or a valid range (`{a}`, `{}`) stays
 * literal. It works on a word's parts, so `$x`, `$(...)` and quoted text inside braces are carried along
 * unexpanded and expanded later in each resulting word.
 */
import type { Word, WordPart } from './ast'
import { ExpansionError } from './expand'

/** One unquoted character (which may be syntax) or a part carried along as it is. */
type Item = string | WordPart

/** More words than this is an error, as bash's failed allocation would be (and the page stays responsive). */
const MAX_WORDS = 100_000

/** Expands the braces of `word` into one or more words (the word itself when it has none). */
export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.kind === 'lit' && !p.quoted && p.text.includes('{'))) return [word]
  const items = word.parts.flatMap((p): Item[] => (p.kind === 'lit' && !p.quoted ? [...p.text] : [p]))
  return expandItems(items).map((seq) => ({ parts: toParts(seq), raw: word.raw }))
}

function expandItems(items: Item[]): Item[][] {
  for (let start = items.indexOf('{'); start >= 0; start = items.indexOf('{', start + 1)) {
    const close = matchingBrace(items, start)
    if (close < 0) continue
    const alternatives = alternativesOf(items.slice(start + 1, close))
    if (!alternatives) continue
    const prefix = items.slice(0, start)
    const suffixes = expandItems(items.slice(close + 1))
    const out: Item[][] = []
    for (const alt of alternatives) {
      for (const expanded of expandItems(alt)) {
        for (const suffix of suffixes) {
          out.push([...prefix, ...expanded, ...suffix])
          if (out.length > MAX_WORDS) throw new ExpansionError(`bash: brace expansion: failed to allocate memory for ${out.length} elements`)
        }
      }
    }
    return out
  }
  return [items]
}

/** Index of the `}` closing the `{` at `start`, or -1. */
function matchingBrace(items: Item[], start: number): number {
  let depth = 0
  for (let i = start; i < items.length; i++) {
    if (items[i] === '{') depth++
    else if (items[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** The comma-separated alternatives inside braces, a range's words, or null when it is no brace expansion. */
function alternativesOf(inner: Item[]): Item[][] | null {
  const alternatives: Item[][] = [[]]
  let depth = 0
  for (const item of inner) {
    if (item === '{') depth++
    else if (item === '}') depth--
    if (item === ',' && depth === 0) alternatives.push([])
    else alternatives[alternatives.length - 1].push(item)
  }
  if (alternatives.length > 1) return alternatives
  if (!inner.every((i) => typeof i === 'string')) return null
  return sequence(inner.join(''))?.map((s) => [...s]) ?? null
}

/** `{1..10}`, `{10..1..3}`, `{01..10}` (zero-padded), `{a..e}`; null when the text is not a range. */
function sequence(text: string): string[] | null {
  const num = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text)
  const chr = /^([^\d])\.\.([^\d])(?:\.\.([-+]?\d+))?$/.exec(text)
  const m = num ?? chr
  if (!m) return null
  const step = Math.abs(Number(m[3] ?? 1)) || 1
  const [from, to] = num ? [Number(m[1]), Number(m[2])] : [m[1].charCodeAt(0), m[2].charCodeAt(0)]
  const count = Math.floor(Math.abs(to - from) / step) + 1
  if (count > MAX_WORDS) throw new ExpansionError(`bash: brace expansion: failed to allocate memory for ${count} elements`)
  const padded = num && [m[1], m[2]].some((s) => /^[-+]?0\d/.test(s))
  const width = padded ? Math.max(m[1].length, m[2].length) : 0
  const out: string[] = []
  for (let k = 0, v = from; k < count; k++, v += from <= to ? step : -step) {
    if (!num) out.push(String.fromCharCode(v))
    else out.push(v < 0 ? `-${String(-v).padStart(width - 1, '0')}` : String(v).padStart(width, '0'))
  }
  return out
}

/** Joins items back into word parts (consecutive characters become one unquoted literal). */
function toParts(items: Item[]): WordPart[] {
  const parts: WordPart[] = []
  for (const item of items) {
    const last = parts[parts.length - 1]
    if (typeof item !== 'string') parts.push(item)
    else if (last?.kind === 'lit' && !last.quoted) parts[parts.length - 1] = { ...last, text: last.text + item }
    else parts.push({ kind: 'lit', text: item, quoted: false })
  }
  return parts
}
