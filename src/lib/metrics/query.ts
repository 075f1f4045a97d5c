/**
 * The metrics page's range query over the last hour of virtual time, series labels as Prometheus prints them,
 * and the columns uPlot draws.
 */
import type { Cluster } from '../../../simulator/cluster'
import { PromQLError, registryMetrics, type RangeSeries } from '../../../simulator/metrics'

/** the graph's window: the last hour of cluster time */
export const RANGE_MS = 60 * 60_000
/** the colours of the series, in order (graph and legend) */
export const PALETTE = ['#5b9bd5', '#ed7d31', '#70ad47', '#c55bd6', '#e0b400', '#2bb5b5', '#e0556b', '#8c8cf0', '#a07850', '#7f9f1f']
/** one point every 15 s (the scrape interval is 30 s) */
export const STEP_MS = 15_000

export type QueryResult =
  | { ok: true; expr: string; start: number; end: number; step: number; series: RangeSeries[] }
  | { ok: false; expr: string; error: string; parse: boolean }

/** the range ending at `now`, aligned to the step so points stay put as time passes */
export function lastHour(now: number): { start: number; end: number; step: number } {
  const end = Math.floor(now / STEP_MS) * STEP_MS
  return { start: end - RANGE_MS, end, step: STEP_MS }
}

export function runQuery(cluster: Pick<Cluster, 'ctx' | 'profile'>, expr: string, now: number): QueryResult {
  const range = lastHour(now)
  try {
    const series = registryMetrics(cluster).query(expr, range)
    return { ok: true, expr, ...range, series }
  } catch (err) {
    return { ok: false, expr, error: err instanceof Error ? err.message : String(err), parse: err instanceof PromQLError }
  }
}

/** `name{a="b", c="d"}` as Prometheus's legend shows a series; `{}` for a series without labels */
export function seriesLabel(metric: Record<string, string>): string {
  const name = metric.__name__ ?? ''
  const pairs = Object.keys(metric)
    .filter((k) => k !== '__name__')
    .sort()
    .map((k) => `${k}=${JSON.stringify(metric[k])}`)
  return pairs.length || !name ? `${name}{${pairs.join(', ')}}` : name
}

/** a stable key of a series' label set */
export function seriesKey(metric: Record<string, string>): string {
  return JSON.stringify(Object.keys(metric).sort().map((k) => [k, metric[k]]))
}

/**
 * uPlot's columns: x = every step in [start, end] in unix seconds; one column per series, null where the
 * series has no value (or NaN, which Prometheus's graph leaves as a gap too).
 */
export function toColumns(series: RangeSeries[], start: number, end: number, step: number): [number[], ...(number | null)[][]] {
  const xs: number[] = []
  for (let t = start; t <= end; t += step) xs.push(t / 1000)
  const index = new Map(xs.map((x, i) => [x, i]))
  const cols = series.map((s) => {
    const col: (number | null)[] = new Array(xs.length).fill(null)
    for (const [ts, v] of s.values) {
      const i = index.get(ts)
      const n = Number(v)
      if (i !== undefined && Number.isFinite(n)) col[i] = n
    }
    return col
  })
  return [xs, ...cols]
}

/** the last value of a series as text, or '' */
export function latestValue(s: RangeSeries): string {
  return s.values.length ? s.values[s.values.length - 1][1] : ''
}
