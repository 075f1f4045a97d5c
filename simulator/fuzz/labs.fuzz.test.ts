/**
 * Fuzzing the lab loader: `loadLabs(mapSource(files))` on random and mutated lab folders returns labs or
 * problems (with a file and a line), and never throws.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { parse, stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadLabs } from '../labs/loader'
import { mapSource } from '../labs/source'
import { jsonValue, mutateJson, mutateText } from './arbitraries'

const FIXTURE = join(__dirname, '../labs/fixtures/good')
const files: Record<string, string> = {}
for (const f of readdirSync(FIXTURE)) files[`good/${f}`] = readFileSync(join(FIXTURE, f), 'utf8')
const labYaml = files['good/lab.yaml']
const labDoc = parse(labYaml) as unknown

function check(source: Record<string, string>): void {
  const results = loadLabs(mapSource(source))
  for (const r of results) {
    expect(typeof r.id).toBe('string')
    if (r.lab) expect(r.problems).toEqual([])
    else {
      expect(r.problems.length).toBeGreaterThan(0)
      for (const p of r.problems) {
        expect(typeof p.message).toBe('string')
        expect(Number.isInteger(p.line) && p.line >= 1).toBe(true)
      }
    }
  }
}

describe('lab loader fuzz', () => {
  it('loads the unmodified fixture', () => {
    const [r] = loadLabs(mapSource(files))
    expect(r.problems).toEqual([])
  })

  it('mutated lab.yaml text: labs or problems, never a throw', () => {
    fc.assert(fc.property(mutateText(labYaml), (text) => check({ ...files, 'good/lab.yaml': text })), { numRuns: 150 })
  }, 30_000)

  it('mutated lab.yaml structure: labs or problems, never a throw', () => {
    fc.assert(fc.property(mutateJson(labDoc), (doc) => check({ ...files, 'good/lab.yaml': stringify(doc ?? null) })), { numRuns: 150 })
  }, 30_000)

  it('random file trees: labs or problems, never a throw', () => {
    const name = fc.oneof(fc.constantFrom('lab.yaml', '01-look.md', 'x.fr.md', '', '/', 'a/b', 'lab.yaml/x'), fc.string({ maxLength: 5 }))
    const text = fc.oneof(fc.string({ maxLength: 30 }), jsonValue.map((v) => stringify(v ?? null)), fc.constant(labYaml))
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('good', 'x', '', 'a/b'), name, text), { maxLength: 6 }), (entries) => {
        const source: Record<string, string> = {}
        for (const [dir, n, t] of entries) source[`${dir}/${n}`] = t
        check(source)
      }),
      { numRuns: 150 },
    )
  }, 30_000)
})
