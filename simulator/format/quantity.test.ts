import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  QUANTITY_FORMAT_MESSAGE,
  QuantityError,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  parseQuantity,
} from './quantity'

describe('parseQuantity', () => {
  it.each([
    ['100Gi', 100 * 2 ** 30],
    ['1Ki', 1024],
    ['1Ei', 2 ** 60],
    ['500m', 0.5],
    ['1.5', 1.5],
    ['2k', 2000],
    ['3M', 3e6],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['-2Mi', -2 * 2 ** 20],
    ['+5', 5],
    ['0', 0],
    ['100n', 1e-7],
    ['.5', 0.5],
  ])('%s = %d', (s, v) => {
    expect(parseQuantity(s)).toBe(v)
  })

  it.each([['abc'], [''], ['1.5.5'], ['10 Gi'], ['Gi']])('rejects %j with the regexp message', (s) => {
    expect(() => parseQuantity(s)).toThrow(new QuantityError(QUANTITY_FORMAT_MESSAGE))
  })

  it('rejects unknown suffixes', () => {
    expect(() => parseQuantity('10Gm')).toThrow("unable to parse quantity's suffix")
  })

  it('never throws anything but QuantityError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+-]?[0-9.]{0,4}[eEinumkKMGTP]{0,2}[-+]?[0-9]{0,3}$/)), (s) => {
        try {
          parseQuantity(s)
        } catch (e) {
          expect(e).toBeInstanceOf(QuantityError)
        }
      }),
    )
  })
})

describe('formatting and comparison', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['0.5', '500m'],
    ['1000', '1k'],
    ['1500', '1500'],
    ['100Gi', '100Gi'],
    ['512', '512'],
    ['2e3', '2e3'],
    ['0', '0'],
  ])('canonical %s -> %s', (s, c) => {
    expect(canonicalQuantity(s)).toBe(c)
  })

  it('formats plain numbers', () => {
    expect(formatQuantity(2 ** 30, 'BinarySI')).toBe('1Gi')
    expect(formatQuantity(0.25)).toBe('250m')
  })

  it('compares exactly', () => {
    expect(compareQuantities('1Gi', '1G')).toBe(1)
    expect(compareQuantities('1000m', '1')).toBe(0)
    expect(compareQuantities('100Mi', '1Gi')).toBe(-1)
  })

  it('canonical form round-trips to the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), fc.constantFrom('', 'm', 'k', 'Mi', 'Gi', 'Ki'), (n, suf) => {
        const s = `${n}${suf}`
        expect(compareQuantities(canonicalQuantity(s), s)).toBe(0)
      }),
    )
  })
})
