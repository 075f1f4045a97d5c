/**
 * When to save: at once when the page is going away (`now`), at the next idle moment after a command (`whenIdle`),
 * and at most every `intervalMs` while only the clock moves (`soon`: the first change starts a timer, later changes
 * ride along with it). Capturing a large cluster takes tens of milliseconds of the main thread, so every save but
 * `now` waits for a moment the page is idle, rather than landing between a keystroke and its echo.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
  /** runs `fn` when the page is idle (at the latest after `timeoutMs`); without it, as a zero-delay timer */
  idle?(fn: () => void, timeoutMs: number): unknown
  clearIdle?(handle: unknown): void
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  ...(typeof requestIdleCallback === 'function'
    ? {
        idle: (fn: () => void, timeoutMs: number) => requestIdleCallback(() => fn(), { timeout: timeoutMs }),
        clearIdle: (h: unknown) => cancelIdleCallback(h as number),
      }
    : {}),
}

/** the longest a save after a command waits for an idle moment */
export const IDLE_TIMEOUT_MS = 500

export interface SaveScheduler {
  /** saves immediately (cancels any pending save): the record is captured before this returns */
  now(): Promise<void>
  /** saves at the next idle moment (cancels a pending timed save) */
  whenIdle(): void
  /** notes a change; saves within `intervalMs`, at an idle moment */
  soon(): void
  /** whether a save is pending */
  readonly pending: boolean
  /** cancels any pending save; later calls do nothing */
  stop(): void
}

export function createSaveScheduler(save: () => Promise<void>, intervalMs: number, timers: Timers = browserTimers): SaveScheduler {
  let timer: unknown = null
  let idle: { handle: unknown; viaTimer: boolean } | null = null
  let stopped = false
  const cancel = () => {
    if (timer !== null) timers.clear(timer)
    timer = null
    if (idle) (idle.viaTimer ? timers.clear : (timers.clearIdle ?? timers.clear))(idle.handle)
    idle = null
  }
  const run = () => {
    cancel()
    if (stopped) return Promise.resolve()
    // the record is captured synchronously here, so a save started in `pagehide` is already queued in IndexedDB
    return save()
  }
  const atIdle = () => {
    if (stopped || idle) return
    const fire = () => {
      idle = null
      void run()
    }
    idle = timers.idle ? { handle: timers.idle(fire, IDLE_TIMEOUT_MS), viaTimer: false } : { handle: timers.set(fire, 0), viaTimer: true }
  }
  return {
    now: run,
    whenIdle() {
      if (stopped) return
      if (timer !== null) timers.clear(timer)
      timer = null
      atIdle()
    },
    soon() {
      if (stopped || timer !== null || idle) return
      timer = timers.set(() => {
        timer = null
        atIdle()
      }, intervalMs)
    },
    get pending() {
      return timer !== null || idle !== null
    },
    stop() {
      cancel()
      stopped = true
    },
  }
}
