/**
 * Fuzzing the three patch types (simulator/api/patch.ts) and `oc patch` end to end: only API errors, never a
 * crash; the laws of JSON merge patch; a failed patch leaves the stored object unchanged.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors'
import { jsonEqual, jsonPatch, mergePatch, strategicMergePatch } from '../api/patch'
import { createRunSession } from '../runner/run-script'
import { jsonNoNull, jsonObject, jsonValue, KEYS } from './arbitraries'

const RUNS = { numRuns: 300 }

/** Calls `fn`; returns its result, or undefined when it threw an ApiError; anything else fails the property. */
function onlyApiErrors<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch (e) {
    if (e instanceof ApiError) return undefined
    throw e
  }
}

/** JSON round trip: what the API server would store. */
const roundTrip = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)))

/** Only what JSON can hold: null, booleans, finite numbers, strings, arrays and plain objects of those. */
function isJson(v: unknown): boolean {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return true
  if (typeof v === 'number') return Number.isFinite(v)
  if (Array.isArray(v)) return v.every(isJson)
  if (typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) return Object.values(v as object).every(isJson)
  return false
}

const pointer = fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom('0', '1', '-', '~0', '~1', '')), { maxLength: 3 }).map((p) => (p.length ? '/' + p.join('/') : ''))
const operation = fc.record(
  {
    op: fc.oneof(fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test'), fc.string({ maxLength: 4 })),
    path: fc.oneof(pointer, fc.string({ maxLength: 4 })),
    from: pointer,
    value: jsonValue,
  },
  { requiredKeys: ['op'] },
)

describe('patch functions', () => {
  it('mergePatch, strategicMergePatch and jsonPatch throw nothing but ApiError, and return JSON', () => {
    fc.assert(
      fc.property(jsonValue, jsonValue, fc.oneof(fc.array(operation, { maxLength: 4 }), jsonValue), (target, patch, ops) => {
        const frozen = structuredClone(target) // not a JSON round trip, which would turn -0 into 0
        const m = mergePatch(target, patch)
        expect(isJson(m)).toBe(true)
        onlyApiErrors(() => strategicMergePatch(target, patch))
        onlyApiErrors(() => jsonPatch(target, ops))
        // no patch type changes its input
        expect(target).toEqual(frozen)
      }),
      RUNS,
    )
  })

  it('a merge patch applied twice is the same as applied once (idempotence)', () => {
    fc.assert(
      fc.property(jsonObject, jsonValue, (target, patch) => {
        const once = mergePatch(target, patch)
        expect(jsonEqual(mergePatch(once, patch), once)).toBe(true)
      }),
      RUNS,
    )
  })

  it('a merge patch that is a subset of the object changes nothing', () => {
    // build the object as (anything) merged with the patch, so the patch is a subset of it
    fc.assert(
      fc.property(jsonObject, jsonNoNull, (base, patch) => {
        const target = mergePatch(base, patch)
        expect(jsonEqual(mergePatch(target, patch), target)).toBe(true)
        expect(jsonEqual(strategicMergePatch(target, patch), target) || Array.isArray(patch) || hasList(patch)).toBe(true)
      }),
      RUNS,
    )
  })

  it('the merge patch keeps own keys as data (no prototype tricks)', () => {
    const patch = JSON.parse('{"__proto__":{"polluted":true},"a":1}')
    const out = mergePatch({}, patch) as Record<string, unknown>
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(out))).toEqual(JSON.parse('{"__proto__":{"polluted":true},"a":1}'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const smp = strategicMergePatch({}, patch) as Record<string, unknown>
    expect(Object.getPrototypeOf(smp)).toBe(Object.prototype)
  })
})

/** Strategic merge of a list replaces it when it has no merge key; leave such cases out of the subset law. */
function hasList(v: unknown): boolean {
  if (Array.isArray(v)) return true
  return !!v && typeof v === 'object' && Object.values(v).some(hasList)
}

describe('oc patch end to end', () => {
  const session = createRunSession({ scenario: 'minimal' })
  const sink = { write: () => {} }
  const targets = [
    { arg: 'configmap fuzz -n default', resource: 'configmaps', ns: 'default', name: 'fuzz' },
    { arg: 'sc nfs-client', resource: 'storageclasses.storage.k8s.io', ns: undefined, name: 'nfs-client' },
    { arg: 'secret fuzz -n default', resource: 'secrets', ns: 'default', name: 'fuzz' },
  ]
  const body = fc.oneof(
    jsonValue.map((v) => JSON.stringify(v)),
    fc.array(operation, { maxLength: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('{"data":{"a":"1"}}', '{"metadata":{"labels":{"a":"b"}}}', '{"data":null}', '{"metadata":{"name":"other"}}', '[{"op":"add","path":"/data/b","value":"2"}]', '{"metadata":{"resourceVersion":"1"}}', '{"kind":"Pod"}', '{"apiVersion":"v2"}', 'a: b', '{"__proto__":{"x":1}}', '{"metadata":{"finalizers":["x/y"]}}'),
  )
  it('only the real error texts, and a failed patch changes nothing', async () => {
    await session.execute('oc create configmap fuzz -n default --from-literal=a=0; oc create secret generic fuzz -n default --from-literal=a=0', { stdout: sink, stderr: sink, signal: new AbortController().signal })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.constantFrom('merge', 'json', 'strategic', 'bogus'), body, async (t, type, patch) => {
        const before = session.cluster.api.tryGet(t.resource, t.ns, t.name)
        let err = ''
        const quoted = `'${patch.replace(/'/g, `'\\''`)}'`
        const code = await session.execute(`oc patch ${t.arg} --type ${type} -p ${quoted}`, { stdout: sink, stderr: { write: (s) => void (err += s) }, signal: new AbortController().signal })
        expect(err).not.toContain('internal simulator error')
        const after = session.cluster.api.tryGet(t.resource, t.ns, t.name)
        if (code !== 0) {
          expect(err.length).toBeGreaterThan(0)
          expect(after).toEqual(before)
        }
        // put the object back when the patch deleted it (finalizers left aside, they keep it)
        if (!after) await session.execute(`oc create ${t.resource === 'secrets' ? 'secret generic' : 'configmap'} fuzz -n default`, { stdout: sink, stderr: sink, signal: new AbortController().signal })
      }),
      { numRuns: 250 },
    )
  }, 60_000)
})
