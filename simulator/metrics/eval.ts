/**
 * Evaluates a parsed PromQL expression over the lazily computed registry series, as a range query
 * (`/api/v1/query_range`): instant selectors use the 5-minute lookback, `rate`/`increase` Prometheus's
 * extrapolation, aggregations group by label sets.
 */
import type { Expr, Matcher } from './promql'
import { SCRAPE_MS, type Labels, type ModelSeries } from './model'

/** A stored series: labels plus its scrape instants (first sample, end bound, gaps) and value function. */
export interface SourceSeries extends ModelSeries {
  first: number
  end?: number
  /** whether the scrape at a sample instant happened (absent: every instant up to `end`) */
  scraped?(t: number): boolean
}

/** One result series of a range query: `values` are [unix seconds, value text]. */
export interface RangeSeries {
  metric: Labels
  values: [number, string][]
}

/** The range of a query (virtual epoch ms). */
export interface QueryRange {
  start: number
  end: number
  step: number
}

const LOOKBACK_MS = 5 * 60_000

function matches(labels: Labels, ms: Matcher[]): boolean {
  return ms.every((m) => {
    const v = labels[m.name] ?? ''
    if (m.op === '=') return v === m.value
    if (m.op === '!=') return v !== m.value
    const re = new RegExp(`^(?:${m.value})$`)
    return m.op === '=~' ? re.test(v) : !re.test(v)
  })
}

/** Sample instants of a series within (from, to]. */
function samples(s: SourceSeries, from: number, to: number): number[] {
  const hi = Math.min(to, s.end === undefined ? to : s.end - 1)
  if (hi < s.first) return []
  const k0 = Math.max(0, Math.floor((from - s.first) / SCRAPE_MS) + 1)
  const k1 = Math.floor((hi - s.first) / SCRAPE_MS)
  const out: number[] = []
  for (let k = k0; k <= k1; k++) {
    const t = s.first + k * SCRAPE_MS
    if (!s.scraped || s.scraped(t)) out.push(t)
  }
  return out
}

/** Prometheus's extrapolatedRate (counter, rate or increase) over the window ending at `t`. */
function extrapolated(s: SourceSeries, t: number, range: number, isRate: boolean): number | undefined {
  const ts = samples(s, t - range, t)
  if (ts.length < 2) return undefined
  const vals = ts.map((x) => s.value(x))
  let delta = vals[vals.length - 1] - vals[0]
  for (let i = 1; i < vals.length; i++) if (vals[i] < vals[i - 1]) delta += vals[i - 1]
  const rangeStart = t - range
  const durToStart = (ts[0] - rangeStart) / 1000
  const durToEnd = (t - ts[ts.length - 1]) / 1000
  const sampled = (ts[ts.length - 1] - ts[0]) / 1000
  const avg = sampled / (ts.length - 1)
  let extrapolateTo = sampled
  const threshold = avg * 1.1
  let toStart = durToStart
  if (delta > 0 && vals[0] >= 0) toStart = Math.min(toStart, sampled * (vals[0] / delta))
  extrapolateTo += toStart < threshold ? toStart : avg / 2
  extrapolateTo += durToEnd < threshold ? durToEnd : avg / 2
  const result = delta * (extrapolateTo / sampled)
  return isRate ? result / (range / 1000) : result
}

type Point = { labels: Labels; value: number }

function instant(e: Expr, src: SourceSeries[], t: number): Point[] {
  if (e.kind === 'selector') {
    const out: Point[] = []
    for (const s of src) {
      if (!matches(s.labels, e.matchers)) continue
      const ts = samples(s, t - LOOKBACK_MS, t)
      if (ts.length) out.push({ labels: s.labels, value: s.value(ts[ts.length - 1]) })
    }
    return out
  }
  if (e.kind === 'call') {
    const sel = e.arg as Extract<Expr, { kind: 'selector' }>
    const out: Point[] = []
    for (const s of src) {
      if (!matches(s.labels, sel.matchers)) continue
      const v = extrapolated(s, t, sel.range!, e.fn === 'rate')
      if (v === undefined) continue
      const { __name__: _n, ...rest } = s.labels
      out.push({ labels: rest, value: v })
    }
    return out
  }
  const groups = new Map<string, { labels: Labels; values: number[] }>()
  for (const p of instant(e.arg, src, t)) {
    const labels: Labels = {}
    for (const [k, v] of Object.entries(p.labels)) {
      if (k === '__name__') continue
      if (e.without ? !e.grouping.includes(k) : e.grouping.includes(k)) labels[k] = v
    }
    const key = JSON.stringify(Object.entries(labels).sort())
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { labels, values: [] }))
    g.values.push(p.value)
  }
  const out: Point[] = []
  for (const g of groups.values()) {
    const v = g.values
    const value =
      e.op === 'sum' ? v.reduce((a, b) => a + b, 0)
        : e.op === 'avg' ? v.reduce((a, b) => a + b, 0) / v.length
          : e.op === 'max' ? Math.max(...v.filter((x) => !Number.isNaN(x)), ...(v.every(Number.isNaN) ? [NaN] : []))
            : e.op === 'min' ? Math.min(...v.filter((x) => !Number.isNaN(x)), ...(v.every(Number.isNaN) ? [NaN] : []))
              : v.length
    out.push({ labels: g.labels, value })
  }
  return out
}

/** Prometheus's text form of a sample value. */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (v === Infinity) return '+Inf'
  if (v === -Infinity) return '-Inf'
  return String(v)
}

/** Evaluates `e` at every step of the range; series are sorted by their labels. */
export function evaluate(e: Expr, src: SourceSeries[], r: QueryRange): RangeSeries[] {
  const out = new Map<string, RangeSeries>()
  const step = Math.max(1, r.step)
  for (let t = r.start; t <= r.end; t += step) {
    for (const p of instant(e, src, t)) {
      const key = JSON.stringify(Object.entries(p.labels).sort())
      let s = out.get(key)
      if (!s) out.set(key, (s = { metric: p.labels, values: [] }))
      s.values.push([t / 1000, formatValue(p.value)])
    }
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s)
}
