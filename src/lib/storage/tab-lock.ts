/**
 * Only one tab drives a sandbox. With the Web Locks API the owner holds an exclusive lock (`ifAvailable` tells a
 * second tab it is taken); a BroadcastChannel carries the "take over" request, so the owner saves and stops
 * before it lets go. Without Web Locks, a BroadcastChannel handshake stands in: a new tab asks "who owns this?"
 * and an owner answers. Without either, every tab owns its sandbox.
 */

export interface ChannelLike {
  postMessage(msg: unknown): void
  onmessage: ((e: MessageEvent) => void) | null
  close(): void
}

type Msg = { type: 'who' | 'mine' | 'takeover' | 'released'; from: string }

export interface TabLockOptions {
  /** lock and channel name */
  name: string
  /** another tab asks for the sandbox: save, stop, then resolve; the lock is released afterwards */
  onTakeoverRequested: () => Promise<void>
  /** the lock was taken without this tab's consent (it did not answer in time) */
  onLost?: () => void
  /** defaults to `navigator.locks`; null disables Web Locks */
  locks?: LockManager | null
  /** defaults to `new BroadcastChannel(name)`; null disables the channel */
  channel?: ChannelLike | null
  /** how long a new tab waits for a lock held by a page that is just unloading (reload), or for an owner's answer */
  settleMs?: number
  /** how long a take-over waits for the owner before taking the lock anyway */
  takeoverTimeoutMs?: number
}

export interface TabLock {
  /** whether this tab owns the sandbox */
  readonly held: boolean
  /** true when this tab now owns the sandbox, false when another tab does */
  acquire(): Promise<boolean>
  /** asks the owner to save and stop, then owns the sandbox */
  takeOver(): Promise<void>
  release(): void
  close(): void
}

function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : null
}

function defaultChannel(name: string): ChannelLike | null {
  try {
    return typeof BroadcastChannel === 'function' ? (new BroadcastChannel(name) as unknown as ChannelLike) : null
  } catch {
    return null
  }
}

const isAbort = (err: unknown) => {
  const n = (err as { name?: string } | null)?.name
  return n === 'AbortError' || n === 'TimeoutError'
}

export function createTabLock(opts: TabLockOptions): TabLock {
  const locks = opts.locks === undefined ? defaultLocks() : opts.locks
  const channel = opts.channel === undefined ? defaultChannel(opts.name) : opts.channel
  const settleMs = opts.settleMs ?? 1000
  const takeoverTimeoutMs = opts.takeoverTimeoutMs ?? 4000
  const id = Math.random().toString(36).slice(2)

  let held = false
  let releaseHold: (() => void) | null = null
  let handingOver = false
  const waiters = new Set<(m: Msg) => void>()

  const post = (type: Msg['type']) => channel?.postMessage({ type, from: id } satisfies Msg)

  function release(): void {
    held = false
    const r = releaseHold
    releaseHold = null
    r?.()
  }

  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const m = e.data as Msg
      if (!m || typeof m !== 'object' || m.from === id) return
      for (const w of waiters) w(m)
      if (m.type === 'who' && held) post('mine')
      if (m.type === 'takeover' && held && !handingOver) {
        handingOver = true
        opts
          .onTakeoverRequested()
          .catch((err) => console.warn('saving before the hand-over failed', err))
          .finally(() => {
            handingOver = false
            release()
            post('released')
          })
      }
    }
  }

  /** waits up to `ms` for a message of `type`; resolves whether it came */
  function waitFor(type: Msg['type'], ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        waiters.delete(w)
        clearTimeout(t)
        resolve(ok)
      }
      const w = (m: Msg) => {
        if (m.type === type) done(true)
      }
      const t = setTimeout(() => done(false), ms)
      waiters.add(w)
    })
  }

  /** requests the Web Lock; resolves true once held, false when not available (ifAvailable) or the wait ran out */
  function hold(options: LockOptions): Promise<boolean> {
    return new Promise((resolve) => {
      let got = false
      locks!
        .request(opts.name, options, (lock) => {
          if (!lock) {
            resolve(false)
            return
          }
          got = true
          held = true
          resolve(true)
          return new Promise<void>((r) => (releaseHold = r))
        })
        .catch((err) => {
          if (got) {
            // another tab stole the lock after we did not answer
            if (held) {
              held = false
              releaseHold = null
              opts.onLost?.()
            }
          } else {
            if (!isAbort(err)) console.warn('lock request failed', err)
            resolve(false)
          }
        })
    })
  }

  return {
    get held() {
      return held
    },

    async acquire() {
      if (held) return true
      if (locks) {
        if (await hold({ ifAvailable: true })) return true
        // a reload: the page being replaced may still hold the lock for a moment
        return hold({ signal: AbortSignal.timeout(settleMs) })
      }
      if (channel) {
        post('who')
        if (await waitFor('mine', Math.min(settleMs, 400))) return false
      }
      held = true
      return true
    },

    async takeOver() {
      if (held) return
      post('takeover')
      if (locks) {
        if (await hold({ signal: AbortSignal.timeout(takeoverTimeoutMs) })) return
        await hold({ steal: true })
        return
      }
      if (channel) await waitFor('released', takeoverTimeoutMs)
      held = true
    },

    release,

    close() {
      release()
      waiters.clear()
      if (channel) {
        channel.onmessage = null
        channel.close()
      }
    },
  }
}
