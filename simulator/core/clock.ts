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
    const timer: Timer = { at: Math.max(at, this.current), seq: this.seq++, controller, key }
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
    if (t < this.current) throw new Error(`virtual clock cannot go back from ${this.current} to ${t}`)
    this.current = t
  }

  pendingCount(): number {
    return this.timers.length
  }

  snapshot(): ClockSnapshot {
    return { now: this.current, seq: this.seq, timers: this.timers.map((t) => ({ ...t })) }
  }

  restore(s: ClockSnapshot): void {
    this.current = s.now
    this.seq = s.seq
    this.timers = s.timers.map((t) => ({ ...t }))
  }
}

function compare(a: Timer, b: Timer): number {
  return a.at - b.at || a.seq - b.seq
}
