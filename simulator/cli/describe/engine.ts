/**
 * The kubectl describe engine: a PrefixWriter over Go's tabwriter (minwidth 0, tabwidth 8, padding 2), the
 * label/annotation/event helpers every describer shares, and kubectl's time and boolean formats.
 */
import type { KObject } from '../../api/types'
import type { Profile } from '../../api/types'
import { humanDuration } from '../../format/duration'
import { formatRFC1123Z } from '../../format/time'
import { DESCRIBE, tabwrite } from '../../format/tabwriter'
import { parseTime } from '../../core/time'

const MAX_ANNOTATION_LEN = 140
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

/** What a describer gets: the object, its events, the clock, the profile and read access to the cluster. */
export interface DescribeContext {
  now: number
  profile: Profile
  /** objects of a resource in a namespace (undefined: all namespaces / cluster-scoped) */
  list(resource: string, namespace?: string): KObject[]
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined
}

/** kubectl's PrefixWriter: `write(level, text)` indents by 2 spaces per level; `flush` closes tab blocks. */
export class DescribeWriter {
  private buf = ''
  private out = ''
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text
  }
  flush(): void {
    this.out += tabwrite(this.buf, DESCRIBE)
    this.buf = ''
  }
  done(): string {
    this.flush()
    return this.out
  }
}

/** `Mon, 06 Apr 2020 10:15:02 +0000` for an RFC3339 timestamp (empty for none). */
export function rfc1123(ts: string | undefined): string {
  const ms = parseTime(ts)
  return Number.isNaN(ms) ? '' : formatRFC1123Z(ms)
}

/** translateTimestampSince: the HumanDuration since `ts`, or `<unknown>`. */
export function since(ts: string | undefined, now: number): string {
  const ms = parseTime(ts)
  return Number.isNaN(ms) ? '<unknown>' : humanDuration(now - ms)
}

/** `True`/`False` as kubectl's printBool. */
export function printBool(b: unknown): string {
  return b ? 'True' : 'False'
}

/** printLabelsMultilineWithIndent. */
export function labelsMultiline(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) {
    w.write(0, '<none>\n')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent)
    w.write(0, `${k}=${labels![k]}\n`)
  })
}

/** printAnnotationsMultiline (long or multi-line values on their own lines, cut at 138 characters). */
export function annotationsMultiline(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort()
  if (keys.length === 0) {
    w.write(0, '<none>\n')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t')
    const value = annotations![k].replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`)
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`)
    } else w.write(0, `${k}: ${value}\n`)
  })
}

/** labels.FormatLabels: sorted `k=v,k=v`, or `<none>`. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort()
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>'
}

/** metav1.FormatLabelSelector. */
export function formatSelector(sel: any): string {
  if (!sel) return '<none>'
  const parts: string[] = []
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels[k]}`)
  for (const e of sel.matchExpressions ?? []) {
    const op = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? '' : '!'
    if (e.operator === 'Exists') parts.push(e.key)
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`)
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`)
  }
  return parts.length ? parts.join(',') : '<none>'
}

/** `Kind/name` of the controller owner, or ''. */
export function controllerOf(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** Events whose involvedObject is `obj`, sorted by last-seen time. */
export function eventsFor(obj: KObject, ctx: DescribeContext): KObject[] {
  const ns = obj.metadata.namespace || 'default'
  const evs = ctx.list('events', obj.metadata.namespace ? ns : undefined).filter((e) => {
    const io = e.involvedObject ?? {}
    if (io.name !== obj.metadata.name || io.kind !== obj.kind) return false
    if (obj.metadata.namespace && io.namespace && io.namespace !== obj.metadata.namespace) return false
    return !io.uid || !obj.metadata.uid || io.uid === obj.metadata.uid
  })
  const last = (e: KObject) => parseTime(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) || 0
  return evs.sort((a, b) => last(a) - last(b))
}

/** DescribeEvents: `Events:  <none>` in the current block, or a separately flushed table. */
export function describeEvents(w: DescribeWriter, events: KObject[], ctx: DescribeContext): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of events) {
    const first = since(e.firstTimestamp ?? e.eventTime, ctx.now)
    const count = e.series?.count ?? e.count ?? 1
    const interval = count > 1 ? `${since(e.lastTimestamp ?? e.series?.lastObservedTime, ctx.now)} (x${count} over ${first})` : first
    let source = e.source?.component || e.reportingComponent || ''
    if (ctx.profile === '4.0' && e.source?.host) source += `, ${e.source.host}`
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`)
  }
}

/** Access modes as `RWO,ROX,RWX,RWOP`. */
export function accessModes(modes: string[] | undefined): string {
  const m = modes ?? []
  const out: string[] = []
  if (m.includes('ReadWriteOnce')) out.push('RWO')
  if (m.includes('ReadOnlyMany')) out.push('ROX')
  if (m.includes('ReadWriteMany')) out.push('RWX')
  if (m.includes('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goSlice(items: string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`
}
