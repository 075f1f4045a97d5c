/** Duration formatting and parsing the way Kubernetes, docker go-units and Go's `time` package do it. */

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Options for {@link humanDuration}. */
export interface HumanDurationOptions {
  /** Kubernetes ≤1.14 copies print a whole number of years as `2y0d` instead of `2y`. */
  legacyYears?: boolean
}

/** apimachinery `duration.HumanDuration` (AGE, SINCE, LAST SEEN…); `ms` is now − timestamp, truncated. */
export function humanDuration(ms: number, opts: HumanDurationOptions = {}): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  const days = Math.trunc(hours / 24)
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${days}d` : `${days}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${days}d`
  const years = Math.trunc(days / 365)
  if (hours < 24 * 365 * 8) {
    const dy = days % 365
    return dy === 0 && !opts.legacyYears ? `${years}y` : `${years}y${dy}d`
  }
  return `${years}y`
}

/** docker go-units `HumanDuration` (`oc describe project` Created, imagestream UPDATED); append ` ago` yourself. */
export function goUnitsHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  const hours = Math.trunc(ms / HOUR + 0.5)
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`
  return `${Math.trunc(Math.trunc(ms / HOUR) / 24 / 365)} years`
}

function msToNanos(ms: number): bigint {
  const whole = Math.trunc(ms)
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6))
}

function fmtFrac(v: bigint, prec: number): { frac: string; rest: bigint } {
  let frac = ''
  let print = false
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n
    print = print || digit !== 0n
    if (print) frac = digit.toString() + frac
    v /= 10n
  }
  return { frac: print ? '.' + frac : '', rest: v }
}

/** Go's `time.Duration.String()` for a duration given in milliseconds: `0s`, `500ms`, `2m30s`, `1h0m0s`. */
export function formatGoDuration(ms: number): string {
  let u = msToNanos(ms)
  const neg = u < 0n
  if (neg) u = -u
  let out: string
  if (u < 1_000_000_000n) {
    if (u === 0n) return '0s'
    const [prec, unit] = u < 1000n ? [0, 'ns'] : u < 1_000_000n ? [3, 'µs'] : [6, 'ms']
    const { frac, rest } = fmtFrac(u, prec)
    out = rest.toString() + frac + unit
  } else {
    const { frac, rest } = fmtFrac(u, 9)
    let secs = rest
    out = (secs % 60n).toString() + frac + 's'
    secs /= 60n
    if (secs > 0n) {
      out = (secs % 60n).toString() + 'm' + out
      const hours = secs / 60n
      if (hours > 0n) out = hours.toString() + 'h' + out
    }
  }
  return neg ? '-' + out : out
}

/** Thrown by {@link parseGoDuration}; the message is Go's (`time: invalid duration "x"`). */
export class GoDurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoDurationError'
  }
}

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}
const MAX_INT64 = (1n << 63n) - 1n

/** Go's strconv.Quote, close enough for error messages. */
function goQuote(s: string): string {
  return JSON.stringify(s)
}

/** Go's `time.ParseDuration` (`2m`, `1h30m`, `1.5h`, `300ms`, `0`); returns milliseconds or throws GoDurationError. */
export function parseGoDuration(input: string): number {
  const invalid = () => new GoDurationError(`time: invalid duration ${goQuote(input)}`)
  let s = input
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return 0
  if (s === '') throw invalid()
  let total = 0n
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) throw invalid()
    const intPart = /^[0-9]*/.exec(s)![0]
    s = s.slice(intPart.length)
    let fracPart = ''
    let post = false
    if (s !== '' && s[0] === '.') {
      s = s.slice(1)
      fracPart = /^[0-9]*/.exec(s)![0]
      s = s.slice(fracPart.length)
      post = fracPart.length > 0
    }
    if (intPart === '' && !post) throw invalid()
    const unitText = /^[^.0-9]*/.exec(s)![0]
    if (unitText === '') throw new GoDurationError(`time: missing unit in duration ${goQuote(input)}`)
    s = s.slice(unitText.length)
    const unit = UNITS[unitText]
    if (unit === undefined) {
      throw new GoDurationError(`time: unknown unit ${goQuote(unitText)} in duration ${goQuote(input)}`)
    }
    const v = intPart === '' ? 0n : BigInt(intPart)
    if (v > MAX_INT64 / unit) throw invalid()
    let part = v * unit
    if (post) {
      const digits = fracPart.slice(0, 18)
      part += BigInt(Math.trunc(Number(digits) * (Number(unit) / 10 ** digits.length)))
    }
    total += part
    if (total > MAX_INT64) throw invalid()
  }
  const ms = Number(total / 1_000_000n) + Number(total % 1_000_000n) / 1e6
  return neg && ms !== 0 ? -ms : ms
}
