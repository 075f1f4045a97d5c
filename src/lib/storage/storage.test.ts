import { describe, expect, it, vi } from 'vitest'
import { createSaveScheduler, type Timers } from './scheduler'
import { createSaver } from './saver'
import { MemoryStore } from './memory-store'
import { bootViewOf, makeRecord, readRecord, RECORD_SCHEMA, sandboxKey, SCROLLBACK_LINES } from './record'
import { storageNotice, storageProblem, StorageError } from './store'
import { createTabLock, type ChannelLike } from './tab-lock'

/** manual timers: `tick(ms)` runs what falls due */
function fakeTimers() {
  let now = 0
  let next = 1
  const pending = new Map<number, { at: number; fn: () => void }>()
  const timers: Timers = {
    set: (fn, ms) => {
      const id = next++
      pending.set(id, { at: now + ms, fn })
      return id
    },
    clear: (h) => void pending.delete(h as number),
  }
  const tick = (ms: number) => {
    const until = now + ms
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      pending.delete(due[0])
      now = due[1].at
      due[1].fn()
    }
    now = until
  }
  return { timers, tick, pending }
}

describe('save scheduling', () => {
  it('saves at most once per interval while the clock ticks', () => {
    const { timers, tick } = fakeTimers()
    const save = vi.fn(async () => {})
    const s = createSaveScheduler(save, 2000, timers)
    // the ticker notifies every 200 ms
    for (let t = 0; t < 10_000; t += 200) {
      s.soon()
      tick(200)
    }
    expect(save).toHaveBeenCalledTimes(5)
  })

  it('saves at once after a command, and that save replaces the pending timed one', () => {
    const { timers, tick } = fakeTimers()
    const save = vi.fn(async () => {})
    const s = createSaveScheduler(save, 2000, timers)
    s.soon()
    expect(s.pending).toBe(true)
    void s.now()
    expect(save).toHaveBeenCalledTimes(1)
    expect(s.pending).toBe(false)
    tick(5000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('after a command, saves at the next idle moment (once), replacing a pending timed save', () => {
    const { timers, tick } = fakeTimers()
    const save = vi.fn(async () => {})
    const idle: (() => void)[] = []
    const s = createSaveScheduler(save, 2000, { ...timers, idle: (fn) => idle.push(fn), clearIdle: () => idle.splice(0) })
    s.soon()
    s.whenIdle()
    s.whenIdle()
    expect(save).not.toHaveBeenCalled()
    expect(s.pending).toBe(true)
    tick(5000) // the timed save was replaced: nothing fires on the clock
    expect(save).not.toHaveBeenCalled()
    expect(idle).toHaveLength(1)
    idle.shift()!()
    expect(save).toHaveBeenCalledTimes(1)
    expect(s.pending).toBe(false)
  })

  it('does nothing once stopped', () => {
    const { timers, tick } = fakeTimers()
    const save = vi.fn(async () => {})
    const s = createSaveScheduler(save, 2000, timers)
    s.soon()
    s.stop()
    tick(5000)
    s.soon()
    void s.now()
    tick(5000)
    expect(save).not.toHaveBeenCalled()
  })
})

describe('the saver', () => {
  it('writes the whole captured record under its key, synchronously captured', async () => {
    const store = new MemoryStore()
    let n = 0
    const saver = createSaver({ store, key: 'sandbox:minimal', capture: () => ({ n: ++n }), timers: fakeTimers().timers })
    const p = saver.now()
    // captured before the write finished: a save started in `pagehide` already holds its record
    expect(n).toBe(1)
    await p
    expect(store.data.get('sandbox:minimal')).toEqual({ n: 1 })
  })

  it('reports a full disk and recovers when saving works again', async () => {
    const store = new MemoryStore()
    const status: unknown[] = []
    const saver = createSaver({ store, key: 'k', capture: () => ({}), onStatus: (p) => status.push(p), timers: fakeTimers().timers })
    store.failPuts = new DOMException('full', 'QuotaExceededError')
    await saver.now()
    await saver.now()
    store.failPuts = null
    await saver.now()
    expect(status).toEqual(['quota', null])
  })

  it('reports no storage at all once, and never throws', async () => {
    const status: unknown[] = []
    const saver = createSaver({ store: null, key: 'k', capture: () => ({}), onStatus: (p) => status.push(p), timers: fakeTimers().timers })
    await saver.now()
    expect(status).toEqual(['unavailable'])
  })

  it('a failing capture is reported, not thrown', async () => {
    const store = new MemoryStore()
    const status: unknown[] = []
    const saver = createSaver({
      store,
      key: 'k',
      capture: () => {
        throw new Error('boom')
      },
      onStatus: (p) => status.push(p),
      timers: fakeTimers().timers,
    })
    await saver.now()
    expect(status).toEqual(['failed'])
    expect(store.puts).toBe(0)
  })
})

describe('storage problems', () => {
  it('classifies errors and words the notice', () => {
    expect(storageProblem(new DOMException('x', 'QuotaExceededError'))).toBe('quota')
    expect(storageProblem(new DOMException('x', 'SecurityError'))).toBe('unavailable')
    expect(storageProblem(new StorageError('unavailable', 'no idb'))).toBe('unavailable')
    expect(storageProblem(new Error('?'))).toBe('failed')
    for (const p of ['unavailable', 'quota', 'failed'] as const) expect(storageNotice(p)).toMatch(/^Progress is not being saved: /)
  })
})

describe('the record', () => {
  it('has a fixed shape, keeps the session as JSON text and the last lines of scrollback', () => {
    const lines = Array.from({ length: SCROLLBACK_LINES + 5 }, (_, i) => `line ${i}`)
    const rec = makeRecord({ scenario: 'minimal', state: { format: 'x', version: 1 }, scrollback: lines, speed: 2, paused: true, prompt: '[you@bastion tmp]$ ', savedAt: 42 })
    expect(Object.keys(rec).sort()).toEqual(['paused', 'prompt', 'savedAt', 'scenario', 'schema', 'scrollback', 'speed', 'state'])
    expect(rec.schema).toBe(RECORD_SCHEMA)
    expect(rec.state).toBe('{"format":"x","version":1}')
    expect(rec.scrollback).toHaveLength(SCROLLBACK_LINES)
    expect(rec.scrollback[0]).toBe('line 5')
    expect(sandboxKey('minimal')).toBe('sandbox:minimal')
    expect(readRecord(structuredClone(rec))).toEqual({ state: { format: 'x', version: 1 }, scrollback: rec.scrollback, speed: 2, paused: true })
    // a record saved before the pause was kept runs the clock
    expect(readRecord({ ...structuredClone(rec), paused: undefined }).paused).toBe(false)
  })

  it('gives the boot terminal the saved scrollback and prompt, the initial prompt when nothing is saved, else nothing', () => {
    const rec = makeRecord({ scenario: 'minimal', state: {}, scrollback: ['a', 'b'], speed: 1, paused: false, prompt: '[you@bastion tmp]$ ', savedAt: 1 })
    expect(bootViewOf(structuredClone(rec), '[you@bastion ~]$ ')).toEqual({ scrollback: ['a', 'b'], prompt: '[you@bastion tmp]$ ' })
    expect(bootViewOf(undefined, '[you@bastion ~]$ ')).toEqual({ scrollback: [], prompt: '[you@bastion ~]$ ' })
    // a record saved before the prompt was kept, or garbage: the boot terminal waits for the app
    expect(bootViewOf({ ...structuredClone(rec), prompt: undefined }, '$ ')).toBeNull()
    for (const raw of [null, 42, 'x', [], { prompt: 7 }]) expect(bootViewOf(raw, '$ ')).toBeNull()
  })

  it('reads garbage as "no state" so restoring refuses it with its own message', () => {
    for (const raw of [null, 'garbage', 42, [], { state: '{not json' }, { state: 7, scrollback: 'x', speed: -1 }]) {
      expect(readRecord(raw)).toEqual({ state: null, scrollback: [], speed: undefined, paused: false })
    }
    expect(readRecord({ state: '[]', scrollback: ['a', 3, 'b'], speed: Infinity, paused: 'yes' })).toEqual({ state: [], scrollback: ['a', 'b'], speed: undefined, paused: false })
  })
})

/** an in-process BroadcastChannel: every channel of a hub hears the others */
function channelHub() {
  const members = new Set<ChannelLike>()
  return () => {
    const ch: ChannelLike = {
      onmessage: null,
      postMessage(msg) {
        for (const m of members) if (m !== ch) queueMicrotask(() => m.onmessage?.({ data: structuredClone(msg) } as MessageEvent))
      },
      close() {
        members.delete(ch)
      },
    }
    members.add(ch)
    return ch
  }
}

describe('one tab per sandbox (BroadcastChannel fallback, no Web Locks)', () => {
  it('a second tab is refused, and taking over makes the first one save and stop first', async () => {
    const channel = channelHub()
    const events: string[] = []
    const a = createTabLock({
      name: 'n',
      locks: null,
      channel: channel(),
      settleMs: 30,
      onTakeoverRequested: async () => {
        events.push('a saves')
        await new Promise((r) => setTimeout(r, 10))
        events.push('a stopped')
      },
    })
    const b = createTabLock({ name: 'n', locks: null, channel: channel(), settleMs: 30, onTakeoverRequested: async () => {} })
    expect(await a.acquire()).toBe(true)
    expect(await b.acquire()).toBe(false)
    await b.takeOver()
    events.push('b owns')
    expect(events).toEqual(['a saves', 'a stopped', 'b owns'])
    expect(a.held).toBe(false)
    expect(b.held).toBe(true)
    a.close()
    b.close()
  })

  it('without any channel every tab owns its sandbox', async () => {
    const lock = createTabLock({ name: 'n', locks: null, channel: null, onTakeoverRequested: async () => {} })
    expect(await lock.acquire()).toBe(true)
  })
})
