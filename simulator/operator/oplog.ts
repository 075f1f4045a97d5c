/**
 * The operator's own log stream (§11.1): klog lines written to the running operator pod's container log, and the
 * flattened `key=value` dumps and `changed:path={"old" -> "new"}` diffs its apply helpers print.
 */
import type { ControllerContext } from '../controllers/types'
import { formatKlogTime } from '../format/time'
import { hashInt } from '../controllers/util'
import { NS, OPERATOR_CONTAINER, operatorPod } from './names'

/** Appends one klog line (`I0303 17:32:15.100153       1 file.go:NN] msg`) to the operator pod's log. */
export function oplog(ctx: ControllerContext, severity: 'I' | 'W' | 'E', file: string, text: string): void {
  const pod = operatorPod(ctx)
  if (!pod) return
  const now = ctx.now()
  ctx.logs.append(NS, pod.metadata.name, OPERATOR_CONTAINER, now, `${severity}${klogStamp(ctx, pod.metadata.name, now, text)}       1 ${file}] ${text}`)
}

/**
 * The klog time of a line logged at virtual instant `t`: a reconcile runs at one virtual instant, but a real
 * operator takes a little time per line, so each further line of the same instant is printed ~0.7 ms later.
 */
export function klogStamp(ctx: ControllerContext, pod: string, t: number, text: string): string {
  const lines = ctx.logs.lines(NS, pod, OPERATOR_CONTAINER)
  let same = 0
  for (let i = lines.length - 1; i >= 0 && lines[i].time === t; i--) same++
  const micros = same * 731 + hashInt(`${t}/${text}`, 500)
  return formatKlogTime(t + Math.floor(micros / 1000), micros % 1000)
}

/**
 * The sub-millisecond digits of a log timestamp (`range` = 1000 for klog micros, 1e6 for logrus nanos): drawn
 * from the text, but increasing with the lines already logged in the same millisecond, so time never goes back.
 */
export function subMillis(ctx: ControllerContext, ns: string, pod: string, container: string, t: number, text: string, range: number): number {
  const lines = ctx.logs.lines(ns, pod, container)
  let same = 0
  for (let i = lines.length - 1; i >= 0 && lines[i].time === t; i--) same++
  const slot = Math.floor(range / 8)
  return Math.min(range - 1, same * slot + hashInt(`${t}/${text}`, slot))
}

/** Flattens a JSON value into `path=value` pairs (Go's object dump). */
export function flatten(v: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as Record<string, unknown>)
    if (entries.length === 0) out.push([prefix, Array.isArray(v) ? '[]' : '{}'])
    for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, out)
  } else out.push([prefix, v === null ? 'null' : String(v)])
  return out
}

/** `a="1", b.c="x"`: the created-object dump (secret data redacted). */
export function dump(obj: unknown): string {
  return flatten(obj)
    .map(([k, v]) => `${k}=${JSON.stringify(k.startsWith('data.') ? '<REDACTED>' : v)}`)
    .join(', ')
}

/** `changed:p={"a" -> "b"}, added:q="c", removed:r="d"` between two JSON values. */
export function diff(oldV: unknown, newV: unknown): string {
  const a = new Map(flatten(oldV))
  const b = new Map(flatten(newV))
  const red = (k: string, v: string) => (k.startsWith('data.') ? '<REDACTED>' : v)
  const parts: string[] = []
  for (const [k, v] of b) {
    if (!a.has(k)) parts.push(`added:${k}=${JSON.stringify(red(k, v))}`)
    else if (a.get(k) !== v) parts.push(`changed:${k}={${JSON.stringify(red(k, a.get(k)!))} -> ${JSON.stringify(red(k, v))}}`)
  }
  for (const [k, v] of a) if (!b.has(k)) parts.push(`removed:${k}=${JSON.stringify(red(k, v))}`)
  return parts.join(', ')
}
