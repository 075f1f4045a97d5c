import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { YamlSyntaxError, fromYaml, toJson, toYaml } from './yaml'

const tricky = fc.constantFrom(
  '', ' ', 'y', 'n', 'yes', 'No', 'on', 'OFF', 'true', 'True', 'null', '~', '0', '012', '0x1F', '0o17', '0b101',
  '1e3', '1_000', '.5', '+1', '-1', '1:20', '.inf', '-.inf', '.nan', '<<', '2020-02-11T16:06:29Z', '2020-02-11',
  '- a', '-', '? x', ':', 'a: b', 'a #b', '#c', '*x', '&x', '!x', '|', '>', "'", '"', '%', '@', '`', '[', '{', ',',
  '---', '...', 'a\nb', 'a\n', '\n', ' a\nb', 'a \nb', 'a\n b', 'a\tb', '\t', 'é', '😀', '\u2028', '\r\n', '\\',
  'x'.repeat(90) + ' y z', 'word '.repeat(30), 'a  '.repeat(40) + 'b',
)
const str = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[a-z0-9 :#\-'".\n]{0,120}$/))
const scalar = fc.oneof(str, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(str, tie('value'), { maxKeys: 4 }),
})).value

/** A plain `<<` key is a merge key for go-yaml too, so such values do not round-trip there either. */
const noMergeKey = (v: unknown): boolean =>
  Array.isArray(v) ? v.every(noMergeKey) : v !== null && typeof v === 'object' ? !('<<' in v) && Object.values(v).every(noMergeKey) : true

/** What goes through Go's JSON: -0 becomes 0. */
function normalise(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v))
}

describe('toYaml / fromYaml round trip', () => {
  it('gives back the same JSON value', () => {
    fc.assert(
      fc.property(json.filter(noMergeKey), (v) => {
        const text = toYaml(v)
        expect(normalise(fromYaml(text))).toEqual(normalise(v))
      }),
      { numRuns: 500 },
    )
  })

  it('round-trips tricky strings as values, keys and sequence items at any depth', () => {
    fc.assert(
      fc.property(str.filter((s) => s !== '<<'), fc.nat(3), (s, depth) => {
        let v: unknown = { [s]: s, list: [s, [s]] }
        for (let i = 0; i < depth; i++) v = { nested: [v] }
        expect(fromYaml(toYaml(v))).toEqual(v)
      }),
      { numRuns: 500 },
    )
  })

  it('toJson output is valid JSON for the same values', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(JSON.parse(toJson(v))).toEqual(normalise(v))
      }),
    )
  })

  it('fromYaml never throws anything but YamlSyntaxError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[a-z:\- \n\t{}\[\],"'&*!|>#]{0,40}$/)), (text) => {
        try {
          fromYaml(text)
        } catch (e) {
          expect(e).toBeInstanceOf(YamlSyntaxError)
          expect((e as Error).message).toMatch(/^yaml: /)
        }
      }),
      { numRuns: 500 },
    )
  })
})
