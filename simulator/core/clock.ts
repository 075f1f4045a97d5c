/**
 * The virtual clock. Time only moves when the host advances it (the page's ticker, `sleep` in a script, a test).
 * Pending work is data (`Timer`), never a closure, so that a snapshot of the clock can be saved, restored and
 * replayed exactly.
 */

export interface Timer {
  /** virtual epoch milliseconds when the timer fires */
  at: number
  /** insertion order, to fire timers due at the same instant deterministically */
  seq: number
  /** which controller to wake up */
  controller: string
  /** the key that controller reconciles */
  key: string
}

export interface ClockSnapshot {
  now: number
  seq: number
  timers: Timer[]
}

/** The largest instant a JavaScript Date can hold; beyond it (or past 2^53) adding milliseconds stops being exact. */
export const MAX_VIRTUAL_TIME = 8.64e15

/** The last millisecond of year 9999: timestamps print with four-digit years up to here (a restored clock must be earlier). */
const LAST_RESTORABLE_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

// fractions are fine: the page's ticker advances by fractional milliseconds
const isInstant = (v: unknown, max = MAX_VIRTUAL_TIME): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max

export class VirtualClock {
  private current: number
  private seq = 0
  /** kept sorted by (at, seq) */
  private timers: Timer[] = []

  constructor(start: number) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  /** Schedules `controller` to reconcile `key` at `at`; an identical earlier-or-equal timer makes this a no-op. */
  schedule(at: number, controller: string, key: string): void {
    const existing = this.timers.find((t) => t.controller === controller && t.key === key)
    if (existing) {
      if (existing.at <= at) return
      this.timers.splice(this.timers.indexOf(existing), 1)
    }
    // a due time in the past fires now; one that is not a number (a bad requeue) fires now rather than never
    const due = Number.isFinite(at) ? Math.min(Math.max(at, this.current), MAX_VIRTUAL_TIME) : this.current
    const timer: Timer = { at: due, seq: this.seq++, controller, key }
    let i = this.timers.length
    while (i > 0 && compare(this.timers[i - 1], timer) > 0) i--
    this.timers.splice(i, 0, timer)
  }

  /** The earliest pending timer, if any. */
  peek(): Timer | undefined {
    return this.timers[0]
  }

  /** Removes and returns every timer due at exactly the earliest due instant, when that is ≤ `until`. */
  popDue(until: number): Timer[] {
    const first = this.timers[0]
    if (!first || first.at > until) return []
    let n = 0
    while (n < this.timers.length && this.timers[n].at === first.at) n++
    return this.timers.splice(0, n)
  }

  /** Moves time forward; refuses to go back. */
  set(t: number): void {
    if (!isInstant(t)) throw new Error(`virtual clock cannot be set to ${t}`)
    if (t < this.current) throw new Error(`virtual clock cannot go back from ${this.current} to ${t}`)
    this.current = t
  }

  pendingCount(): number {
    return this.timers.length
  }

  snapshot(): ClockSnapshot {
    return { now: this.current, seq: this.seq, timers: this.timers.map((t) => ({ ...t })) }
  }

  /** Refuses a snapshot that could not have been taken (a saved state is untrusted input). */
  restore(s: ClockSnapshot): void {
    if (!isInstant(s.now, LAST_RESTORABLE_TIME)) throw new Error(`the clock's time ${String(s.now)} is not a valid instant`)
    if (!Number.isSafeInteger(s.seq) || s.seq < 0) throw new Error(`the clock's sequence ${String(s.seq)} is not a valid counter`)
    for (const t of s.timers) {
      const ok = t && typeof t === 'object' && isInstant(t.at) && Number.isSafeInteger(t.seq) && typeof t.controller === 'string' && typeof t.key === 'string'
      if (!ok) throw new Error(`a pending timer is malformed: ${JSON.stringify(t)}`)
    }
    this.current = s.now
    this.seq = s.seq
    this.timers = s.timers.map((t) => ({ ...t })).sort(compare)
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq
}
