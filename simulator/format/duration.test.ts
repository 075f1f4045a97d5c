import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { GoDurationError, formatGoDuration, goUnitsHumanDuration, humanDuration, parseGoDuration } from './duration'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('humanDuration (apimachinery)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [0, '0s'],
    [59 * S + 999, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + S, '2m1s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + H, '2d1h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D, '8y'],
  ])('%d ms -> %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })

  it('legacy servers print 2y0d', () => {
    expect(humanDuration(730 * D, { legacyYears: true })).toBe('2y0d')
  })
})

describe('goUnitsHumanDuration (docker go-units)', () => {
  it.each([
    [500, 'Less than a second'],
    [S, '1 second'],
    [45 * S, '45 seconds'],
    [M + 30 * S, 'About a minute'],
    [7 * M, '7 minutes'],
    [H + 29 * M, 'About an hour'],
    [H + 31 * M, '2 hours'],
    [47 * H, '47 hours'],
    [2 * D, '2 days'],
    [15 * D, '2 weeks'],
    [90 * D, '3 months'],
    [800 * D, '2 years'],
  ])('%d ms -> %s', (ms, text) => {
    expect(goUnitsHumanDuration(ms)).toBe(text)
  })
})

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [1.5, '1.5ms'],
    [0.001, '1µs'],
    [S, '1s'],
    [M, '1m0s'],
    [2 * M + 30 * S, '2m30s'],
    [H, '1h0m0s'],
    [H + 1500, '1h0m1.5s'],
    [-90 * S, '-1m30s'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text)
  })
})

describe('parseGoDuration', () => {
  it.each([
    ['2m', 2 * M],
    ['1h30m', 90 * M],
    ['0s', 0],
    ['0', 0],
    ['1.5h', 90 * M],
    ['300ms', 300],
    ['-5s', -5 * S],
    ['+1m', M],
    ['1us', 0.001],
    ['.5s', 500],
  ])('%s -> %d', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms)
  })

  it.each([
    ['x', 'time: invalid duration "x"'],
    ['', 'time: invalid duration ""'],
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['.s', 'time: invalid duration ".s"'],
    ['99999999999h', 'time: invalid duration "99999999999h"'],
  ])('%s fails with Go text', (text, message) => {
    expect(() => parseGoDuration(text)).toThrow(new GoDurationError(message))
  })

  it('never throws anything but GoDurationError', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseGoDuration(s)
        } catch (e) {
          expect(e).toBeInstanceOf(GoDurationError)
        }
      }),
    )
  })

  it('round-trips formatGoDuration for whole milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ms) => {
        expect(parseGoDuration(formatGoDuration(ms))).toBe(ms)
      }),
    )
  })
})
