/**
 * Standard 5-field cron schedules (robfig/cron's parser as the CronJob controller uses it, in UTC): lists,
 * ranges, steps, month/day names and the `@hourly`-style macros.
 */

export interface CronSchedule {
  minutes: Set<number>
  hours: Set<number>
  dom: Set<number>
  months: Set<number>
  dow: Set<number>
  /** whether day-of-month / day-of-week were `*` (cron ORs the two when both are restricted) */
  domStar: boolean
  dowStar: boolean
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

function field(spec: string, min: number, max: number, names?: string[], nameBase = 0): Set<number> {
  const out = new Set<number>()
  const num = (s: string) => {
    const i = names?.indexOf(s.toLowerCase()) ?? -1
    const v = i >= 0 ? i + nameBase : Number(s)
    if (!Number.isInteger(v) || v < min || v > max) throw new Error(`failed to parse int from ${s}`)
    return v
  }
  for (const part of spec.split(',')) {
    const [range, stepS] = part.split('/')
    const step = stepS === undefined ? 1 : Number(stepS)
    if (!Number.isInteger(step) || step <= 0) throw new Error(`failed to parse int from ${stepS}`)
    let lo: number
    let hi: number
    if (range === '*' || range === '?') [lo, hi] = [min, max]
    else if (range.includes('-')) [lo, hi] = range.split('-').map(num) as [number, number]
    else {
      lo = num(range)
      hi = stepS === undefined ? lo : max
    }
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

/** Parses a schedule; throws an Error with the parser's message when invalid. */
export function parseCron(schedule: string): CronSchedule {
  let s = schedule.trim()
  if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) s = s.slice(s.indexOf(' ') + 1).trim()
  s = MACROS[s] ?? s
  const f = s.split(/\s+/)
  if (f.length !== 5) throw new Error(`expected exactly 5 fields, found ${f.length}: ${schedule}`)
  const dow = field(f[4], 0, 7, DAYS)
  if (dow.has(7)) dow.add(0)
  return {
    minutes: field(f[0], 0, 59),
    hours: field(f[1], 0, 23),
    dom: field(f[2], 1, 31),
    months: field(f[3], 1, 12, MONTHS, 1),
    dow,
    domStar: f[2] === '*' || f[2] === '?',
    dowStar: f[4] === '*' || f[4] === '?',
  }
}

function dayMatches(c: CronSchedule, d: Date): boolean {
  const dom = c.dom.has(d.getUTCDate())
  const dow = c.dow.has(d.getUTCDay())
  if (c.domStar || c.dowStar) return dom && dow
  return dom || dow
}

/** The first scheduled instant strictly after `after` (epoch ms, UTC), within five years. */
export function nextAfter(c: CronSchedule, after: number): number | undefined {
  let t = Math.floor(after / 60000) * 60000 + 60000
  const limit = after + 5 * 366 * 86400000
  while (t <= limit) {
    const d = new Date(t)
    if (!c.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
      continue
    }
    if (!dayMatches(c, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
      continue
    }
    if (!c.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1)
      continue
    }
    if (!c.minutes.has(d.getUTCMinutes())) {
      t += 60000
      continue
    }
    return t
  }
  return undefined
}

/** The most recent scheduled instant in (`after`, `now`], if any. */
export function lastBetween(c: CronSchedule, after: number, now: number): number | undefined {
  let last: number | undefined
  let t = nextAfter(c, after)
  let guard = 0
  while (t !== undefined && t <= now && guard++ < 100000) {
    last = t
    t = nextAfter(c, t)
  }
  return last
}
