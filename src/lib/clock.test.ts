import { describe, expect, it } from 'vitest'
import { formatClock, parseSpeed, speedParam } from './clock'
import { href, parseRoute } from './router.svelte'

describe('clock', () => {
  it('formats as HH:MM:SS UTC', () => {
    expect(formatClock(Date.UTC(2026, 0, 15, 9, 5, 7))).toBe('09:05:07')
    expect(formatClock(Date.UTC(2026, 0, 15, 23, 59, 59, 999))).toBe('23:59:59')
  })
  it('reads ?speed=N from the query or the hash', () => {
    expect(parseSpeed('')).toBe(1)
    expect(parseSpeed('?speed=10')).toBe(10)
    expect(parseSpeed('', '#/sandbox?speed=0.5')).toBe(0.5)
    expect(parseSpeed('?speed=abc')).toBe(1)
    expect(parseSpeed('?speed=-3')).toBe(1)
  })
  it('tells a missing ?speed from a given one (the URL wins over a saved speed)', () => {
    expect(speedParam('')).toBeNull()
    expect(speedParam('?speed=abc')).toBeNull()
    expect(speedParam('', '#/sandbox?speed=1')).toBe(1)
  })
})

describe('router', () => {
  it('parses routes', () => {
    expect(parseRoute('')).toEqual({ name: 'home' })
    expect(parseRoute('#/')).toEqual({ name: 'home' })
    expect(parseRoute('#/sandbox')).toEqual({ name: 'sandbox' })
    expect(parseRoute('#/sandbox?speed=2')).toEqual({ name: 'sandbox' })
    expect(parseRoute('#/lab/registry-storage')).toEqual({ name: 'lab', id: 'registry-storage' })
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' })
  })
  it('builds hrefs', () => {
    expect(href({ name: 'lab', id: 'a b' })).toBe('#/lab/a%20b')
  })
})
