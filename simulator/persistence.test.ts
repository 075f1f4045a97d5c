import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from './runner/run-script'
import { PersistenceError, restoreSession, saveSession, SAVE_VERSION } from './persistence'

describe('saving and restoring a session', () => {
  it('resumes exactly: same objects, time, pending work, files, history and project', async () => {
    const a = createRunSession({ scenario: 'minimal', seed: 5 })
    await runInSession(a, 'echo hello > note.txt\noc project openshift-image-registry\n')
    const json = JSON.parse(JSON.stringify(saveSession(a, { scenario: 'minimal', seed: 5 })))
    const { session: b } = restoreSession(json, { timeMode: 'instant' })
    expect(b.now()).toBe(a.now())
    expect(b.history()).toEqual(a.history())
    expect(b.oc.project).toBe('openshift-image-registry')
    const script = 'cat note.txt\noc get pods -o wide\nsleep 3600\noc get pods\n'
    const ra = await runInSession(a, script)
    const rb = await runInSession(b, script)
    expect(rb).toEqual(ra)
    expect(rb[0].stdout).toBe('hello\n')
  })

  it('refuses corrupt data and other versions with a clear message', () => {
    const a = createRunSession({ scenario: 'minimal' })
    const saved = saveSession(a, { scenario: 'minimal', seed: 1 })
    const load = (d: unknown) => () => restoreSession(d, { timeMode: 'instant' })
    expect(load(null)).toThrow(new PersistenceError('the saved state is not a workshop session (it may be corrupt)'))
    expect(load({ ...saved, version: SAVE_VERSION - 1 })).toThrow(`the saved state comes from an older version of the workshop (format ${SAVE_VERSION - 1}, this one reads ${SAVE_VERSION})`)
    expect(load({ ...saved, version: SAVE_VERSION + 1 })).toThrow(`the saved state comes from a newer version of the workshop (format ${SAVE_VERSION + 1}, this one reads ${SAVE_VERSION})`)
    expect(load({ ...saved, cluster: { ...saved.cluster, rng: [1, 2] } })).toThrow('the saved state is incomplete (it may be corrupt)')
    expect(load({ ...saved, scenario: 'gone' })).toThrow('the saved cluster was made from the unknown scenario "gone"')
  })
})
