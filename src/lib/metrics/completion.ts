/**
 * Completion for the metrics query box: metric names (`imageregistry_…`), and the functions and aggregations of
 * the supported subset, for the word being typed at the cursor (not inside `{…}` label matchers, strings or `[…]`).
 */

/** the registry's metric names (also offered before any registry pod was ever scraped) */
export const METRIC_NAMES = [
  'imageregistry_build_info',
  'imageregistry_http_in_flight_requests',
  'imageregistry_http_request_duration_seconds',
  'imageregistry_http_request_duration_seconds_count',
  'imageregistry_http_request_duration_seconds_sum',
  'imageregistry_http_requests_total',
]

export const FUNCTIONS = ['rate', 'increase']
export const AGGREGATIONS = ['sum', 'avg', 'max', 'min', 'count']

export interface Suggestion {
  text: string
  kind: 'metric' | 'function' | 'aggregation'
}

export interface CompletionContext {
  /** the word being typed */
  word: string
  /** where it starts and ends in the input */
  from: number
  to: number
}

/** the identifier around the cursor, or null where no name can be typed (inside braces, brackets or a string) */
export function wordAt(input: string, cursor: number): CompletionContext | null {
  let brace = 0
  let bracket = 0
  let quote: string | null = null
  for (let i = 0; i < cursor; i++) {
    const c = input[i]
    if (quote) {
      if (c === '\\' && quote !== '`') i++
      else if (c === quote) quote = null
      continue
    }
    if (c === '"' || c === "'" || c === '`') quote = c
    else if (c === '{') brace++
    else if (c === '}') brace = Math.max(0, brace - 1)
    else if (c === '[') bracket++
    else if (c === ']') bracket = Math.max(0, bracket - 1)
  }
  if (quote || brace > 0 || bracket > 0) return null
  let from = cursor
  while (from > 0 && /[a-zA-Z0-9_:]/.test(input[from - 1])) from--
  let to = cursor
  while (to < input.length && /[a-zA-Z0-9_:]/.test(input[to])) to++
  const word = input.slice(from, cursor)
  if (!word || /^[0-9]/.test(word)) return null
  // the label list of `by (…)` / `without (…)` holds label names, not metrics
  const before = input.slice(0, from)
  if (/\b(by|without)\s*\([^)]*$/.test(before)) return null
  return { word, from, to }
}

/** suggestions for `word`: prefix matches first, then other matches; none when the word is already complete */
export function suggest(word: string, metricNames: readonly string[] = METRIC_NAMES, limit = 12): Suggestion[] {
  const all: Suggestion[] = [
    ...[...new Set(metricNames)].sort().map((text) => ({ text, kind: 'metric' as const })),
    ...FUNCTIONS.map((text) => ({ text, kind: 'function' as const })),
    ...AGGREGATIONS.map((text) => ({ text, kind: 'aggregation' as const })),
  ]
  const w = word.toLowerCase()
  const prefix = all.filter((s) => s.text.toLowerCase().startsWith(w))
  const inner = all.filter((s) => !s.text.toLowerCase().startsWith(w) && s.text.toLowerCase().includes(w))
  const out = [...prefix, ...inner]
  if (out.length === 1 && out[0].text === word) return []
  return out.slice(0, limit)
}

/** the input with the word replaced by `text` (and `(` after a function or aggregation), and the new cursor */
export function applySuggestion(input: string, ctx: CompletionContext, s: Suggestion): { value: string; cursor: number } {
  const insert = s.kind === 'metric' || input[ctx.to] === '(' ? s.text : `${s.text}(`
  const value = input.slice(0, ctx.from) + insert + input.slice(ctx.to)
  return { value, cursor: ctx.from + insert.length }
}
