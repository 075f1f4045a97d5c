/** Timestamp formatting (always UTC) for epoch-millisecond values, in the layouts oc and the operators print. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function parts(ms: number) {
  const d = new Date(Math.floor(ms))
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    milli: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  }
}

function datePart(ms: number): string {
  const p = parts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** RFC3339 in UTC with whole seconds (Go `time.RFC3339`): `2019-02-18T16:16:00Z`. */
export function formatRFC3339(ms: number): string {
  return `${datePart(ms)}Z`
}

/**
 * RFC3339Nano in UTC (Go `time.RFC3339Nano`, trailing zeros trimmed): `2019-02-22T15:34:54.180978294Z`.
 * `extraDigits` (up to 6 digits) extends the millisecond fraction deterministically.
 */
export function formatRFC3339Nano(ms: number, extraDigits = ''): string {
  const frac = (pad(parts(ms).milli, 3) + extraDigits.replace(/[^0-9]/g, '')).slice(0, 9).replace(/0+$/, '')
  return `${datePart(ms)}${frac === '' ? '' : '.' + frac}Z`
}

/** RFC1123Z in UTC (kubectl describe): `Mon, 06 Apr 2020 10:15:02 +0000`. */
export function formatRFC1123Z(ms: number): string {
  const p = parts(ms)
  return `${DAYS[p.weekday]}, ${pad(p.day)} ${MONTHS[p.month - 1]} ${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} +0000`
}

/** klog header time `MMDD hh:mm:ss.uuuuuu` (e.g. `0222 15:34:42.776028`); `extraMicros` (0–999) refines the ms. */
export function formatKlogTime(ms: number, extraMicros = 0): string {
  const p = parts(ms)
  const micro = p.milli * 1000 + Math.max(0, Math.min(999, Math.trunc(extraMicros)))
  return `${pad(p.month)}${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(micro, 6)}`
}

/** Thrown by {@link parseRFC3339} with a message shaped like Go's `time.Parse` error. */
export class TimeParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TimeParseError'
  }
}

const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}:\d{2})$/

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parses an RFC3339 timestamp (fractional seconds and offsets allowed) into epoch milliseconds. */
export function parseRFC3339(s: string): number {
  const m = RFC3339_RE.exec(s)
  const fail = (why: string) =>
    new TimeParseError(`parsing time ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00": ${why}`)
  if (!m) throw fail(`cannot parse ${JSON.stringify(s)} as "2006-01-02T15:04:05Z07:00"`)
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  if (month < 1 || month > 12) throw fail('month out of range')
  if (day < 1 || day > daysIn(month, year)) throw fail('day out of range')
  if (hour > 23) throw fail('hour out of range')
  if (minute > 59) throw fail('minute out of range')
  if (second > 59) throw fail('second out of range')
  const fracMs = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0
  let offset = 0
  const zone = m[8]
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000
  }
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, fracMs)
  return d.getTime() - offset
}
