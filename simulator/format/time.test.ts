import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TimeParseError, formatKlogTime, formatRFC1123Z, formatRFC3339, formatRFC3339Nano, parseRFC3339 } from './time'

const T = Date.UTC(2019, 1, 22, 15, 34, 54, 180)

describe('time formatting', () => {
  it('RFC3339', () => {
    expect(formatRFC3339(Date.UTC(2019, 1, 18, 16, 16, 0))).toBe('2019-02-18T16:16:00Z')
    expect(formatRFC3339(T)).toBe('2019-02-22T15:34:54Z')
  })
  it('RFC3339Nano with extra digits, trailing zeros trimmed', () => {
    expect(formatRFC3339Nano(T, '978294')).toBe('2019-02-22T15:34:54.180978294Z')
    expect(formatRFC3339Nano(T)).toBe('2019-02-22T15:34:54.18Z')
    expect(formatRFC3339Nano(Date.UTC(2019, 1, 22, 15, 34, 54))).toBe('2019-02-22T15:34:54Z')
  })
  it('RFC1123Z', () => {
    expect(formatRFC1123Z(Date.UTC(2020, 3, 6, 10, 15, 2))).toBe('Mon, 06 Apr 2020 10:15:02 +0000')
  })
  it('klog header time', () => {
    expect(formatKlogTime(Date.UTC(2019, 1, 22, 15, 34, 42, 776), 28)).toBe('0222 15:34:42.776028')
  })
})

describe('parseRFC3339', () => {
  it('parses Z, offsets and fractions', () => {
    expect(parseRFC3339('2019-02-18T16:16:00Z')).toBe(Date.UTC(2019, 1, 18, 16, 16, 0))
    expect(parseRFC3339('2019-02-18T18:16:00+02:00')).toBe(Date.UTC(2019, 1, 18, 16, 16, 0))
    expect(parseRFC3339('2019-02-22T15:34:54.180978294Z')).toBe(T)
  })
  it('rejects bad input', () => {
    expect(() => parseRFC3339('yesterday')).toThrow(TimeParseError)
    expect(() => parseRFC3339('2019-02-30T00:00:00Z')).toThrow('day out of range')
  })
  it('round-trips formatRFC3339', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800 }), (s) => {
        expect(parseRFC3339(formatRFC3339(s * 1000))).toBe(s * 1000)
      }),
    )
  })
})
