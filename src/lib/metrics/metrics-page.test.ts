import { describe, expect, it } from 'vitest'
import { awsScenario } from '../../../simulator/scenarios/aws'
import { applySuggestion, suggest, wordAt } from './completion'
import { lastHour, runQuery, seriesLabel, STEP_MS, toColumns } from './query'
import { metricsHref, rememberWorkspace, workspaceForMetrics, workspaceHref, workspaceOfHash } from './workspace'

const THREE_LINES = 'sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))'

function threeReplicas() {
  const c = awsScenario.build({ seed: 1 })
  c.api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { replicas: 3 } })
  c.settle()
  c.advance(70 * 60_000)
  return c
}

describe('the metrics query', () => {
  const c = threeReplicas()

  it('draws three lines for three replicas over the last hour', () => {
    const r = runQuery(c, THREE_LINES, c.now())
    if (!r.ok) throw new Error(r.error)
    expect(r.series).toHaveLength(3)
    expect(r.end - r.start).toBe(3600_000)
    expect(r.step).toBe(STEP_MS)
    const cols = toColumns(r.series, r.start, r.end, r.step)
    expect(cols).toHaveLength(4)
    expect(cols[0]).toHaveLength(241)
    for (const col of cols.slice(1)) {
      expect(col[col.length - 1]).toBeGreaterThan(0)
      expect(col.every((v) => v === null || Number.isFinite(v))).toBe(true)
    }
    expect(r.series.map((s) => seriesLabel(s.metric))[0]).toMatch(/^\{pod="image-registry-[a-z0-9-]+"\}$/)
  })

  it('keeps the lines of replaced pods while they are in the hour', () => {
    const d = awsScenario.build({ seed: 1 })
    d.api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { replicas: 3 } })
    d.settle()
    d.advance(10 * 60_000)
    const r = runQuery(d, THREE_LINES, d.now())
    if (!r.ok) throw new Error(r.error)
    const cols = toColumns(r.series, r.start, r.end, r.step)
    const current = cols.slice(1).filter((col) => col[col.length - 1] !== null)
    expect(current).toHaveLength(3)
    expect(r.series.length).toBeGreaterThanOrEqual(3)
  })

  it('labels series like Prometheus', () => {
    expect(seriesLabel({ __name__: 'up', pod: 'p', job: 'j' })).toBe('up{job="j", pod="p"}')
    expect(seriesLabel({ __name__: 'up' })).toBe('up')
    expect(seriesLabel({})).toBe('{}')
    const r = runQuery(c, 'imageregistry_http_request_duration_seconds{method="get"}', c.now())
    if (!r.ok) throw new Error(r.error)
    expect(r.series).toHaveLength(9) // three pods × three quantiles
    expect(seriesLabel(r.series[0].metric)).toMatch(/quantile="0\.\d+"/)
  })

  it('reports parse errors in Prometheus wording', () => {
    const r = runQuery(c, 'sum(', c.now())
    expect(r).toMatchObject({ ok: false, parse: true, error: '1:5: parse error: unexpected end of input in aggregation' })
  })

  it('aligns the window to the step', () => {
    const r = lastHour(1_000_007)
    expect(r.end % STEP_MS).toBe(0)
    expect(r.end).toBeLessThanOrEqual(1_000_007)
  })
})

describe('completion', () => {
  it('completes metric names at the cursor', () => {
    const q = 'rate(imageregistry_http_req'
    const ctx = wordAt(q, q.length)!
    expect(ctx.word).toBe('imageregistry_http_req')
    const s = suggest(ctx.word)
    expect(s.map((x) => x.text)).toEqual([
      'imageregistry_http_request_duration_seconds',
      'imageregistry_http_request_duration_seconds_count',
      'imageregistry_http_request_duration_seconds_sum',
      'imageregistry_http_requests_total',
    ])
    expect(applySuggestion(q, ctx, s[1])).toEqual({ value: 'rate(imageregistry_http_request_duration_seconds_count', cursor: 54 })
  })

  it('adds a parenthesis after functions and offers nothing inside matchers, ranges or by (…)', () => {
    const ctx = wordAt('ra', 2)!
    const [rate] = suggest(ctx.word)
    expect(applySuggestion('ra', ctx, rate).value).toBe('rate(')
    expect(wordAt('foo{pod', 7)).toBeNull()
    expect(wordAt('foo[5m', 6)).toBeNull()
    expect(wordAt('sum by (po', 10)).toBeNull()
    expect(wordAt('foo{a="imageregistry', 20)).toBeNull()
    expect(suggest('imageregistry_http_requests_total')).toEqual([])
  })
})

describe('which cluster the metrics page shows', () => {
  it('follows the workspace', () => {
    expect(workspaceOfHash('#/sandbox?scenario=aws')).toEqual({ kind: 'sandbox', scenario: 'aws' })
    expect(workspaceOfHash('#/lab/registry-storage')).toEqual({ kind: 'lab', id: 'registry-storage' })
    expect(workspaceOfHash('#/')).toBeNull()
    expect(workspaceForMetrics('#/metrics')).toEqual({ kind: 'sandbox', scenario: 'minimal' })
    rememberWorkspace({ kind: 'sandbox', scenario: 'aws' })
    expect(workspaceForMetrics('#/metrics')).toEqual({ kind: 'sandbox', scenario: 'aws' })
    expect(workspaceForMetrics('#/metrics?lab=x')).toEqual({ kind: 'lab', id: 'x' })
    expect(metricsHref({ kind: 'lab', id: 'x' })).toBe('#/metrics?lab=x')
    expect(workspaceHref({ kind: 'sandbox', scenario: 'aws' })).toBe('#/sandbox?scenario=aws')
    expect(workspaceHref({ kind: 'sandbox', scenario: 'minimal' })).toBe('#/sandbox')
  })
})
