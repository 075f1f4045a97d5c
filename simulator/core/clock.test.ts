import { describe, expect, it } from 'vitest'
import { VirtualClock } from './clock'

describe('VirtualClock', () => {
  it('fires timers in (at, seq) order and keeps only the earliest of identical ones', () => {
    const c = new VirtualClock(1000)
    c.schedule(3000, 'b', 'k')
    c.schedule(2000, 'a', 'k')
    c.schedule(2500, 'a', 'k') // later than the pending one: no-op
    c.schedule(2000, 'c', 'k')
    expect(c.popDue(10_000).map((t) => t.controller)).toEqual(['a', 'c'])
    expect(c.popDue(2999)).toEqual([])
    expect(c.popDue(3000).map((t) => t.controller)).toEqual(['b'])
  })

  it('schedules a past or non-numeric due time at the current instant, never at NaN', () => {
    const c = new VirtualClock(5000)
    c.schedule(10, 'a', 'x')
    c.schedule(Number.NaN, 'b', 'y')
    expect(c.snapshot().timers.map((t) => t.at)).toEqual([5000, 5000])
  })

  it('refuses to go back or to leave the calendar', () => {
    const c = new VirtualClock(5000)
    expect(() => c.set(4000)).toThrow(/cannot go back/)
    expect(() => c.set(Infinity)).toThrow(/cannot be set/)
    expect(() => c.set(1e300)).toThrow(/cannot be set/)
    c.set(5200.7) // the page's ticker moves by fractions of a millisecond
    expect(c.now()).toBe(5200.7)
  })

  it('restores a snapshot it took, and refuses one it could not have taken', () => {
    const c = new VirtualClock(5000)
    c.schedule(9000, 'a', 'x')
    const snap = c.snapshot()
    const d = new VirtualClock(0)
    d.restore(snap)
    expect(d.snapshot()).toEqual(snap)
    // a saved state is untrusted: times beyond year 9999, before 1970, NaN and malformed timers are refused
    for (const now of [1e300, -1, Infinity, Number.NaN, '5000']) expect(() => d.restore({ ...snap, now } as never)).toThrow(/not a valid instant/)
    expect(() => d.restore({ ...snap, seq: -3 })).toThrow(/sequence/)
    expect(() => d.restore({ ...snap, timers: [{ at: [{}], seq: 1, controller: 'a', key: 'x' }] } as never)).toThrow(/malformed/)
    expect(() => d.restore({ ...snap, timers: [null] } as never)).toThrow(/malformed/)
    expect(d.snapshot()).toEqual(snap) // a refused snapshot leaves the clock as it was
  })
})
