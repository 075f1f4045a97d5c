import { describe, expect, it } from 'vitest'
import { awsScenario } from '../scenarios/aws'
import { aws40Scenario } from '../scenarios/aws-40'
import { parse, PromQLError, podLifetimes, query, registryMetrics } from './index'

const CONFIG = 'configs.imageregistry.operator.openshift.io'

function threeReplicas() {
  const c = awsScenario.build({ seed: 1 })
  c.api.patch(CONFIG, undefined, 'cluster', 'merge', { spec: { replicas: 3 } })
  c.settle()
  c.advance(30 * 60_000)
  return c
}

describe('registry metrics', () => {
  const c = threeReplicas()
  const end = c.now()
  const range = { start: end - 10 * 60_000, end, step: 60_000 }

  it('gives one series per replica for sum by (pod) (rate(...[5m]))', () => {
    const r = registryMetrics(c).query('sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))', range)
    const live = c.api.query('pods', { namespace: 'openshift-image-registry' }).filter((p) => p.metadata.labels?.['docker-registry'] === 'default').map((p) => p.metadata.name).sort()
    expect(live).toHaveLength(3)
    expect(r.map((s) => s.metric.pod)).toEqual(live)
    for (const s of r) {
      expect(Object.keys(s.metric)).toEqual(['pod'])
      expect(s.values).toHaveLength(11)
      for (const [, v] of s.values) expect(Number(v)).toBeGreaterThan(1 / 30)
    }
  })

  it('exposes the real labels and counts scrapes as get/200', () => {
    const r = query(c, 'imageregistry_http_requests_total{method="get",code="200"}', { start: end, end, step: 1 })
    expect(r).toHaveLength(3)
    const m = r[0].metric
    expect(m).toMatchObject({ __name__: 'imageregistry_http_requests_total', method: 'get', code: '200', job: 'image-registry', namespace: 'openshift-image-registry', service: 'image-registry', endpoint: '5000-tcp' })
    expect(m.instance).toMatch(/^10\.\d+\.\d+\.\d+:5000$/)
    const q = query(c, 'imageregistry_http_request_duration_seconds{method="get"}', { start: end, end, step: 1 })
    expect(q.map((s) => s.metric.quantile)).toContain('0.99')
    expect(q).toHaveLength(9)
  })

  it('supports matchers, count and avg', () => {
    const all = query(c, 'count(imageregistry_http_requests_total{method=~"p.*",code!="500"})', { start: end, end, step: 1 })
    expect(all[0].metric).toEqual({})
    expect(Number(all[0].values[0][1])).toBe(9)
    const notGet = query(c, 'imageregistry_http_requests_total{method!~"get|head"}', { start: end, end, step: 1 })
    expect(new Set(notGet.map((s) => s.metric.method))).toEqual(new Set(['patch', 'post', 'put']))
    const avg = query(c, 'avg(rate(imageregistry_http_requests_total[5m])) by (method)', { start: end, end, step: 1 })
    expect(avg.map((s) => s.metric.method).sort()).toEqual(['get', 'head', 'patch', 'post', 'put'])
  })

  it('keeps the series of deleted pods for their lifetime and is deterministic', () => {
    const d = threeReplicas()
    const before = podLifetimes(d.ctx).all().length
    const endedBefore = podLifetimes(d.ctx).all().filter((l) => l.end !== undefined).length
    d.api.patch(CONFIG, undefined, 'cluster', 'merge', { spec: { replicas: 1 } })
    d.settle()
    d.advance(20 * 60_000)
    const ended = podLifetimes(d.ctx).all().filter((l) => l.end !== undefined)
    expect(ended.length).toBe(endedBefore + 2)
    expect(podLifetimes(d.ctx).all().length).toBe(before)
    const t = d.now()
    expect(query(d, 'imageregistry_http_in_flight_requests', { start: t, end: t, step: 1 })).toHaveLength(1)
    expect(query(d, 'imageregistry_http_in_flight_requests', { start: t - 25 * 60_000, end: t - 25 * 60_000, step: 1 })).toHaveLength(3)
    const restored = awsScenario.prepare({ seed: 1 })
    restored.restore(d.snapshot())
    const expr = 'sum(rate(imageregistry_http_requests_total[5m]))'
    expect(query(restored, expr, { start: t - 3600_000, end: t, step: 60_000 })).toEqual(query(d, expr, { start: t - 3600_000, end: t, step: 60_000 }))
  })
})

describe('traffic follows readiness', () => {
  const inc = (c: ReturnType<typeof threeReplicas>, expr: string) => {
    const t = c.now()
    return query(c, expr, { start: t, end: t, step: 1 }).map((s) => [s.metric.pod, Number(s.values[0][1])] as const)
  }

  it('gives unready pods (s3-bucket-deleted: both 0/1) no requests, but keeps scraping them while they run', () => {
    const c = awsScenario.build({ seed: 1, faults: ['s3-bucket-deleted'] })
    const pods = c.api.query('pods', { namespace: 'openshift-image-registry' }).filter((p) => p.metadata.labels?.['docker-registry'] === 'default')
    expect(pods.map((p) => p.status.containerStatuses[0].ready)).toEqual([false, false])
    // pulls and pushes of the last 10 minutes: none reached the pods
    const served = inc(c, 'sum by (pod) (increase(imageregistry_http_requests_total{method!="get"}[10m]))')
    expect(served.map(([pod]) => pod).sort()).toEqual(pods.map((p) => p.metadata.name).sort())
    for (const [, v] of served) expect(v).toBe(0)
    // only Prometheus's own scrapes (2 a minute) are counted as get/200
    for (const [, v] of inc(c, 'sum by (pod) (increase(imageregistry_http_requests_total{method="get",code="200"}[10m]))')) expect(v).toBeCloseTo(20, 0)
    // once the operator re-creates the bucket the pods turn Ready and traffic comes back
    c.api.patch('deployments.apps', 'openshift-image-registry', 'cluster-image-registry-operator', 'merge', { spec: { replicas: 1 } })
    c.settle()
    c.advance(15 * 60_000)
    for (const [, v] of inc(c, 'sum by (pod) (increase(imageregistry_http_requests_total{method!="get"}[10m]))')) expect(v).toBeGreaterThan(1)
  })

  it('takes no samples of a crash-looping pod between its runs', () => {
    const c = awsScenario.build({ seed: 1, faults: ['registry-crashloop'] })
    const t = c.now()
    const crashing = c.api.query('pods', { namespace: 'openshift-image-registry' }).filter((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff')
    expect(crashing).toHaveLength(2)
    const names = new Set(crashing.map((p) => p.metadata.name))
    const up = query(c, 'imageregistry_http_in_flight_requests', { start: t - 10 * 60_000, end: t, step: 30_000 }).filter((s) => names.has(s.metric.pod))
    expect(up).toEqual([])
  })
})

describe('PromQL errors', () => {
  const err = (q: string, style?: 'new' | 'old') => {
    try {
      parse(q, style)
    } catch (e) {
      expect(e).toBeInstanceOf(PromQLError)
      return (e as Error).message
    }
    return 'no error'
  }
  it('uses Prometheus wording', () => {
    expect(err('sum(')).toBe('1:5: parse error: unexpected end of input in aggregation')
    expect(err('sum(', 'old')).toBe('parse error at char 5: unexpected end of input in aggregation')
    expect(err('rate(foo)')).toBe('1:1: parse error: expected type range vector in call to function "rate", got instant vector')
    expect(err('foo[5x]')).toBe('1:5: parse error: bad duration syntax: "5x"')
    expect(err('bogus(foo)')).toBe('1:1: parse error: unknown function with name "bogus"')
    expect(err('foo{a="b"')).toBe('1:4: parse error: unclosed left brace')
    expect(err('foo )')).toBe('1:5: parse error: unexpected right parenthesis ")"')
    expect(err('foo $')).toBe("1:5: parse error: unexpected character: '$'")
    expect(err('')).toBe('1:1: parse error: no expression found in input')
  })
})

describe('4.0 profile', () => {
  it('answers on the 4.0 cluster', () => {
    const c = aws40Scenario.build({ seed: 1 })
    expect(query(c, 'imageregistry_http_in_flight_requests', { start: c.now(), end: c.now(), step: 1 })).toHaveLength(1)
  })
})
