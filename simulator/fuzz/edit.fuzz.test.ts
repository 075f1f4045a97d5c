/**
 * Fuzzing the YAML editor's save path: `oc edit` with a scripted editor that saves random or mutated YAML.
 * Only the real error texts (never `internal simulator error`, never a throw out of the session), and an edit
 * that did not report `edited` leaves the stored object exactly as it was.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonEqual } from '../api/patch'
import { toYaml } from '../format/yaml'
import { createRunSession } from '../runner/run-script'
import { jsonValue, mutateJson, mutateText } from './arbitraries'

const sink = { write: () => {} }

describe('oc edit fuzz', () => {
  const session = createRunSession({ scenario: 'minimal' })
  const targets = [
    { arg: 'sc nfs-client', resource: 'storageclasses.storage.k8s.io', ns: undefined, name: 'nfs-client' },
    { arg: 'cm fuzz -n default', resource: 'configmaps', ns: 'default', name: 'fuzz' },
  ]

  /** Runs `oc edit` with an editor that saves `first` and then, when the editor reopens, gives up (or saves again). */
  async function edit(arg: string, save: (text: string) => string, again: 'quit' | 'same') {
    let calls = 0
    session.editor = {
      async edit({ text }) {
        calls++
        if (calls === 1) return save(text)
        if (calls > 3) return null
        return again === 'quit' ? null : text
      },
    }
    let out = ''
    let err = ''
    const code = await session.execute(`oc edit ${arg}`, { stdout: { write: (t) => void (out += t) }, stderr: { write: (t) => void (err += t) }, signal: new AbortController().signal })
    return { code, out, err }
  }

  it('random and mutated saves: real errors only, and an unsaved edit changes nothing', async () => {
    await session.execute('oc create configmap fuzz -n default --from-literal=a=1', { stdout: sink, stderr: sink, signal: new AbortController().signal })
    const strategies = fc.oneof(
      // text mutations of what the editor showed
      fc.nat().chain((seed) => mutateText('apiVersion: v1\nkind: ConfigMap\n').map((m) => ({ kind: 'text' as const, seed, m }))),
      // structural mutations of the object, written back as YAML
      fc.constant(null).map(() => ({ kind: 'struct' as const })),
      // anything
      jsonValue.map((v) => ({ kind: 'any' as const, v })),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), strategies, fc.constantFrom<'quit' | 'same'>('quit', 'same'), fc.nat(), fc.string({ maxLength: 6 }), async (t, how, again, at, ins) => {
        const before = session.cluster.api.tryGet(t.resource, t.ns, t.name)
        expect(before).toBeDefined()
        let structured: unknown
        if (how.kind === 'struct') structured = fc.sample(mutateJson(JSON.parse(JSON.stringify(before))), { numRuns: 1, seed: at })[0]
        const save = (text: string) => {
          if (how.kind === 'text') {
            const i = at % (text.length + 1)
            return text.slice(0, i) + ins + text.slice(i + (at % 7))
          }
          if (how.kind === 'struct') return toYaml(structured ?? null)
          return toYaml(how.v ?? null)
        }
        const r = await edit(t.arg, save, again)
        expect(r.err).not.toContain('internal simulator error')
        expect(Number.isInteger(r.code)).toBe(true)
        const after = session.cluster.api.tryGet(t.resource, t.ns, t.name)
        if (!r.out.includes('edited')) expect(jsonEqual(after, before)).toBe(true)
        else expect(after).toBeDefined()
      }),
      { numRuns: 250 },
    )
  }, 60_000)
})
