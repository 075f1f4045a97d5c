/**
 * Registry metrics on the virtual clock (§10.1): per registry pod series computed lazily from a seeded load model
 * over each pod's scrape lifetime, and `query(expr, {start, end, step})`, a small PromQL evaluator over them.
 */
import type { Cluster } from '../cluster'
import { evaluate, type QueryRange, type RangeSeries, type SourceSeries } from './eval'
import { podLifetimes, registryTargets, type PodLifetime } from './lifetimes'
import { firstScrape, podSeries, scraped } from './model'
import { parse } from './promql'

export { PromQLError, parse, parseDuration, type Expr } from './promql'
export { type QueryRange, type RangeSeries, formatValue } from './eval'
export { podLifetimes, type PodLifetime } from './lifetimes'
export { SCRAPE_MS } from './model'

/** Registers the target bookkeeping (code only: no objects). */
export function installRegistryMetrics(cluster: Cluster): void {
  podLifetimes(cluster.ctx)
  cluster.register(registryTargets)
}

/** Every series of every registry pod that was ever a scrape target. */
export function allSeries(cluster: Pick<Cluster, 'ctx' | 'profile'>): SourceSeries[] {
  const out: SourceSeries[] = []
  for (const l of podLifetimes(cluster.ctx).all() as PodLifetime[]) {
    for (const s of podSeries(l, cluster.profile)) out.push({ ...s, first: firstScrape(l), end: l.end, scraped: (t) => scraped(l, t) })
  }
  return out
}

/** A range query (`/api/v1/query_range`) at virtual times; throws PromQLError on a bad expression. */
export function query(cluster: Pick<Cluster, 'ctx' | 'profile'>, expr: string, range: QueryRange): RangeSeries[] {
  const e = parse(expr, cluster.profile === '4.0' ? 'old' : 'new')
  return evaluate(e, allSeries(cluster), range)
}

/** The metrics of one cluster, bound: `registryMetrics(cluster).query(expr, range)`. */
export function registryMetrics(cluster: Pick<Cluster, 'ctx' | 'profile'>): { query(expr: string, range: QueryRange): RangeSeries[] } {
  return { query: (expr, range) => query(cluster, expr, range) }
}
