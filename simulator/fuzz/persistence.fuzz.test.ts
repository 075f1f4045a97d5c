/**
 * Fuzzing the persistence loader: `restoreSession` on random and mutated saved JSON either restores a working
 * session or throws PersistenceError — never any other error.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PersistenceError, restoreSession, saveSession } from '../persistence'
import { createRunSession } from '../runner/run-script'
import { jsonValue, mutateJson, mutateText } from './arbitraries'

describe('persistence fuzz', () => {
  const session = createRunSession({ scenario: 'minimal' })
  const saved = JSON.parse(JSON.stringify(saveSession(session, { scenario: 'minimal', seed: 1 })))
  // a smaller document to mutate as text (the full one is large): drop the logs and most objects
  const small = JSON.parse(JSON.stringify(saved))
  small.cluster.logs = {}
  small.cluster.audit = []
  for (const r of Object.keys(small.cluster.store.objects)) if (!['namespaces', 'configmaps', 'storageclasses.storage.k8s.io'].includes(r)) delete small.cluster.store.objects[r]
  const smallText = JSON.stringify(small)

  const restoreOrRefuse = async (data: unknown) => {
    let restored
    try {
      restored = restoreSession(data, { timeMode: 'instant' })
    } catch (e) {
      if (!(e instanceof PersistenceError)) throw e
      expect(e.message.length).toBeGreaterThan(0)
      return
    }
    // a state that was accepted must be usable: a command runs and the clock moves
    let out = ''
    const w = { write: (t: string) => void (out += t) }
    await restored.session.execute('oc get pods -A', { stdout: w, stderr: w, signal: new AbortController().signal })
    restored.session.advance(60_000)
  }

  it('mutated saved states restore or are refused with PersistenceError', async () => {
    await fc.assert(fc.asyncProperty(mutateJson(small), restoreOrRefuse), { numRuns: 200 })
  }, 60_000)

  it('mutated saved text (after JSON.parse) restores or is refused with PersistenceError', async () => {
    await fc.assert(
      fc.asyncProperty(mutateText(smallText), async (text) => {
        let data: unknown
        try {
          data = JSON.parse(text)
        } catch {
          return // the page reports unparseable storage before it gets here
        }
        await restoreOrRefuse(data)
      }),
      { numRuns: 150 },
    )
  }, 60_000)

  it('random JSON is refused with PersistenceError', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, async (v) => {
        await restoreOrRefuse(v)
      }),
      { numRuns: 100 },
    )
  })

  it('a whole real save with one field changed restores or is refused', async () => {
    await fc.assert(fc.asyncProperty(mutateJson({ ...saved, cluster: { ...saved.cluster, store: { objects: {} } } }), restoreOrRefuse), { numRuns: 60 })
  }, 60_000)
})
