/**
 * The registry's load model: what each registry pod's `/extensions/v2/metrics` would answer at any virtual
 * instant, computed in closed form (nothing is stored per sample). Pulls and pushes follow seeded smooth waves per
 * pod, and reach it only while it is Ready (behind the Service); every Prometheus scrape (each 30 s from the
 * pod's first run, at a per-pod offset, skipped while its container is not running) is itself a counted
 * `get`/`200`; health probes are not counted (§10.1).
 */
import { hashInt } from '../controllers/util'
import type { PodLifetime } from './lifetimes'
import { isOn, onSpans, REGISTRY_NS } from './lifetimes'

/** Prometheus's scrape interval for the registry ServiceMonitor. */
export const SCRAPE_MS = 30_000

export type Labels = Record<string, string>

/** One exposed series of one pod: its labels and its value at a scrape instant. */
export interface ModelSeries {
  labels: Labels
  value(t: number): number
}

const TWO_PI = 2 * Math.PI

/** A pod's seeded load parameters. */
function params(l: PodLifetime) {
  const h = (k: string, n: number) => hashInt(`${l.uid}/${k}`, n)
  return {
    pull: 0.02 + h('pull', 600) / 10000, // requests per second
    push: 0.004 + h('push', 160) / 10000,
    period: (40 + h('period', 80)) * 60, // seconds
    phase: (h('phase', 1000) / 1000) * TWO_PI,
    offset: h('offset', SCRAPE_MS),
  }
}

/** Requests of one kind between the pod's start and `t`: ∫ rate·(1 + a·sin(ωx + φ)) dx, in closed form. */
function integral(rate: number, amp: number, period: number, phase: number, seconds: number): number {
  const w = TWO_PI / period
  return rate * (seconds + (amp / w) * (Math.cos(phase) - Math.cos(w * seconds + phase)))
}

/** The first scrape instant of a pod. */
export function firstScrape(l: PodLifetime): number {
  return l.start + params(l).offset
}

/** [method, code, source, weight]: how request counts split over methods and codes. */
const SPLIT: [string, string, 'pull' | 'push', number][] = [
  ['get', '200', 'pull', 1],
  ['get', '401', 'pull', 0.15],
  ['get', '404', 'pull', 0.02],
  ['head', '200', 'pull', 0.8],
  ['head', '404', 'push', 0.6],
  ['patch', '202', 'push', 0.3],
  ['post', '202', 'push', 0.3],
  ['put', '201', 'push', 0.35],
]

/** Mean latency per method (seconds). */
const LATENCY: Record<string, number> = { get: 0.0124, head: 0.0041, patch: 0.352, post: 0.0297, put: 0.0813 }

/** Whether Prometheus scrapes the pod at instant `t` (a scrape instant of its lifetime while its container runs). */
export function scraped(l: PodLifetime, t: number): boolean {
  return isOn(l.running, t)
}

/** Scrapes of the pod strictly before `t` (each one a request the pod counted). */
function scrapesBefore(l: PodLifetime, t: number): number {
  const first = firstScrape(l)
  if (!l.running) return Math.max(0, Math.ceil((t - first) / SCRAPE_MS))
  // instants first + k·SCRAPE_MS in [a, b) for each running stretch, up to t
  let n = 0
  for (const [a, b] of onSpans(l.running, first, t)) n += Math.max(0, Math.ceil((b - first) / SCRAPE_MS) - Math.ceil((a - first) / SCRAPE_MS))
  return n
}

/** Requests counted by `imageregistry_http_requests_total{method,code}` at scrape instant `t`. */
export function requestCount(l: PodLifetime, method: string, code: string, t: number): number {
  const p = params(l)
  const secs = (x: number) => Math.max(0, (x - l.start) / 1000)
  let n = 0
  for (const [m, c, src, weight] of SPLIT) {
    if (m !== method || c !== code) continue
    const base = src === 'pull' ? p.pull : p.push
    const wave = (x: number) => integral(base, src === 'pull' ? 0.5 : 0.8, p.period, p.phase, secs(x))
    // Only the stretches while the pod was Ready: the Service sends nothing to an unready pod.
    let total = 0
    for (const [a, b] of onSpans(l.ready, l.start, t)) total += wave(b) - wave(a)
    n += Math.floor(weight * total)
  }
  if (method === 'get' && code === '200') n += scrapesBefore(l, t)
  return n
}

function methodCount(l: PodLifetime, method: string, t: number): number {
  let n = 0
  for (const [m, c] of SPLIT) if (m === method) n += requestCount(l, m, c, t)
  return n
}

/** The target labels prometheus-operator adds to every series of a pod. */
export function targetLabels(l: PodLifetime): Labels {
  return { container: 'registry', endpoint: '5000-tcp', instance: `${l.ip}:5000`, job: 'image-registry', namespace: REGISTRY_NS, pod: l.pod, service: 'image-registry' }
}

/** The series a pod exposes, by metric name, with their value functions. */
export function podSeries(l: PodLifetime, profile: string): ModelSeries[] {
  const t = targetLabels(l)
  const out: ModelSeries[] = []
  const pairs = SPLIT.filter(([m, c], i) => SPLIT.findIndex(([m2, c2]) => m2 === m && c2 === c) === i)
  for (const [method, code] of pairs) {
    out.push({ labels: { __name__: 'imageregistry_http_requests_total', code, method, ...t }, value: (x) => requestCount(l, method, code, x) })
  }
  for (const method of Object.keys(LATENCY)) {
    const name = 'imageregistry_http_request_duration_seconds'
    out.push({ labels: { __name__: `${name}_count`, method, ...t }, value: (x) => methodCount(l, method, x) })
    out.push({ labels: { __name__: `${name}_sum`, method, ...t }, value: (x) => Math.round(methodCount(l, method, x) * LATENCY[method] * 1.08 * 1e6) / 1e6 })
    for (const [q, f] of [['0.5', 0.92], ['0.9', 1.21], ['0.99', 1.6]] as const) {
      out.push({
        labels: { __name__: name, method, quantile: q, ...t },
        value: (x) => {
          // Summaries forget observations after 10 minutes: no requests in that window → NaN.
          if (methodCount(l, method, x) === methodCount(l, method, x - 600_000)) return NaN
          const wobble = 1 + (hashInt(`${l.uid}/${method}/${q}/${Math.floor(x / 60_000)}`, 200) - 100) / 1000
          return Math.round(LATENCY[method] * f * wobble * 1e9) / 1e9
        },
      })
    }
  }
  out.push({ labels: { __name__: 'imageregistry_http_in_flight_requests', ...t }, value: () => 1 })
  const v = profile === '4.0' ? { gitVersion: 'v4.0.0-0.149.0', major: '4', minor: '0' } : { gitVersion: 'v4.12.0-202301060433.p0.g3b2ac4b.assembly.stream-3b2ac4b', major: '4', minor: '12' }
  out.push({ labels: { __name__: 'imageregistry_build_info', gitCommit: profile === '4.0' ? 'a3e4b1c' : '3b2ac4b', ...v, ...t }, value: () => 1 })
  return out
}
