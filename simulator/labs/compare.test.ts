import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareNumber, parseCompare, testValue } from './compare'

const OPS: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
}

describe('value tests', () => {
  it('compare strings agree with the operators they name, whatever the spacing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(OPS)), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.constantFrom('', ' ', '  '), (op, n, v, sp) => {
        const c = parseCompare(`${sp}${op}${sp}${v}${sp}`)
        expect(c).toEqual({ op, value: v })
        expect(compareNumber(n, c!)).toBe(OPS[op](n, v))
      }),
    )
  })

  it('a bare number means ==, a malformed compare is refused', () => {
    expect(parseCompare(2)).toEqual({ op: '==', value: 2 })
    expect(parseCompare('about 3')).toBeUndefined()
    expect(parseCompare('=> 3')).toBeUndefined()
  })

  it('compare passes for a number field and never for a missing one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (n) => {
        expect(testValue({ compare: `== ${n}` }, '.spec.replicas', { spec: { replicas: n } }).passed).toBe(true)
        expect(testValue({ compare: `!= ${n}` }, '.spec.other', { spec: { replicas: n } }).passed).toBe(false)
      }),
    )
  })

  it('equals compares scalars as text and maps as JSON; several values as their array', () => {
    const data = { a: { b: 3, e: {} }, items: [{ p: 'x' }, { p: 'y' }] }
    expect(testValue({ equals: '3' }, '.a.b', data).passed).toBe(true)
    expect(testValue({ equals: {} }, '.a.e', data).passed).toBe(true)
    expect(testValue({ equals: ['x', 'y'] }, '{.items[*].p}', data).passed).toBe(true)
    expect(testValue({ contains: 'y' }, '{.items[*].p}', data).passed).toBe(true)
    expect(testValue({ contains: 'z' }, '{.items[*].p}', data).passed).toBe(false)
  })
})
