/** Regression tests for the robustness and speed fixes the fuzzers and the benchmark led to (issue 7). */
import { describe, expect, it } from 'vitest'
import { ObjectStore } from '../api/store'
import { mergePatch, strategicMergePatch } from '../api/patch'
import type { KObject } from '../api/types'
import { PersistenceError, restoreSession, saveSession } from '../persistence'
import { createRunSession } from '../runner/run-script'

const cm = (name: string, v: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'demo' }, data: { v } }) as KObject

describe('object store copy-on-write', () => {
  it('a snapshot never changes after later writes, and restore does not write into the restored state', () => {
    const s = new ObjectStore()
    s.put('configmaps', 'demo', 'a', cm('a', '1'))
    const snap = s.snapshot()
    const frozenView = JSON.stringify(snap)
    s.put('configmaps', 'demo', 'a', cm('a', '2'))
    s.put('configmaps', 'demo', 'b', cm('b', '1'))
    s.put('configmaps', 'other', 'c', { ...cm('c', '1'), metadata: { name: 'c', namespace: 'other' } } as KObject)
    expect(JSON.stringify(snap)).toBe(frozenView)
    s.restore(snap)
    expect(s.get('configmaps', 'demo', 'a')?.data?.v).toBe('1')
    s.put('configmaps', 'demo', 'a', cm('a', '3'))
    s.put('configmaps', 'demo', 'a', undefined)
    expect(JSON.stringify(snap)).toBe(frozenView)
    s.restore(snap)
    expect(s.list('configmaps').map((o) => o.metadata.name)).toEqual(['a'])
  })

  it('stored objects are deep-frozen, and writes yield a patch and its inverse', () => {
    const s = new ObjectStore()
    const c1 = s.put('configmaps', 'demo', 'a', cm('a', '1'))
    expect(Object.isFrozen(c1.after) && Object.isFrozen(c1.after!.data)).toBe(true)
    expect(c1.patches).toEqual([{ op: 'add', path: ['objects', 'configmaps', 'demo', 'a'], value: c1.after }])
    const c2 = s.put('configmaps', 'demo', 'a', undefined)
    expect(c2.patches).toEqual([{ op: 'remove', path: ['objects', 'configmaps', 'demo', 'a'] }])
    expect(c2.inversePatches).toEqual([{ op: 'add', path: ['objects', 'configmaps', 'demo', 'a'], value: c1.after }])
    expect(s.namespacesOf('configmaps')).toEqual([])
  })
})

describe('merge patches with the key __proto__', () => {
  it('keep it as data instead of setting the prototype', () => {
    const patch = JSON.parse('{"data":{"__proto__":{"x":"1"}}}')
    for (const out of [mergePatch({ data: {} }, patch), strategicMergePatch({ data: {} }, patch)] as Record<string, Record<string, unknown>>[]) {
      expect(Object.getPrototypeOf(out.data)).toBe(Object.prototype)
      expect(JSON.stringify(out)).toBe('{"data":{"__proto__":{"x":"1"}}}')
    }
  })
})

describe('restoreSession on damaged saves', () => {
  const saved = () => JSON.parse(JSON.stringify(saveSession(createRunSession({ scenario: 'minimal' }), { scenario: 'minimal', seed: 1 })))

  it('refuses an object that is not an object (was: TypeError in the store index)', () => {
    const d = saved()
    d.cluster.store.objects.namespaces[''].default = ''
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(new PersistenceError('the saved state is incomplete (it may be corrupt)'))
  })

  it('refuses a damaged file list with PersistenceError (was: TypeError in VirtualFs)', () => {
    const d = saved()
    d.session.fs.dirs[0] = null
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(PersistenceError)
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(/^the saved state could not be loaded \(it may be corrupt\): /)
  })

  it('refuses a clock at 1e300 (was: an endless loop, since 1e300 + 5000 === 1e300 and requeued timers never moved time)', () => {
    const d = saved()
    d.cluster.clock.now = 1e300
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(/the clock's time 1e\+300 is not a valid instant/)
  })

  it('refuses a timer whose due time is not a number (was: TypeError in VirtualClock.popDue)', () => {
    const d = saved()
    d.cluster.clock.timers[0].at = [{}]
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(PersistenceError)
    expect(() => restoreSession(d, { timeMode: 'instant' })).toThrow(/a pending timer is malformed/)
  })
})

describe('lab loader regression', () => {
  it('reports an alias to an undefined anchor as a problem instead of throwing', async () => {
    const { parseYamlWithLines } = await import('../labs/positions')
    const parsed = parseYamlWithLines('<<: *missing\ntitle: x\n')
    expect(parsed.value).toBeUndefined()
    expect(parsed.syntaxErrors).toEqual([{ line: 1, message: 'Unresolved alias (the anchor must be set before the alias): missing' }])
  })
})

describe('JSONPath errors in custom columns and --sort-by (audit)', () => {
  const run = async (line: string) => {
    const [r] = await (await import('../runner/run-script')).runInSession(createRunSession({ scenario: 'minimal' }), line)
    return [r.stdout, r.stderr, r.exitCode]
  }

  it('are reported with the JSONPath words, never as an internal simulator error', async () => {
    expect(await run('oc get nodes -o custom-columns=NAME:@A.metadata.name')).toEqual(['NAME\n', 'error: unrecognized identifier A\n', 1])
    expect(await run('oc get nodes --sort-by=@A')).toEqual(['', 'error: Failed to get values for [][]reflect.Value(nil) using {.@A} (&errors.errorString{s:"unrecognized identifier A"})\n', 1])
    expect(await run('oc get nodes -o name --sort-by=@A')).toEqual(['', 'error: unrecognized identifier A\n', 1])
    for (const line of ['oc get nodes -o custom-columns=N:.a[?(@.b>1)]', 'oc get nodes --sort-by=[0]', 'oc get nodes -o yaml --sort-by=.metadata.labels[', "oc get nodes -o go-template='{{range .spec}}{{end}}'"]) {
      const [, stderr] = await run(line)
      expect(stderr).not.toContain('internal simulator error')
    }
  })
})
