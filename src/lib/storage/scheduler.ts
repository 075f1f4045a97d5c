/**
 * When to save: at once after a command (`now`), and at most every `intervalMs` while only the clock moves
 * (`soon`: the first change starts a timer, later changes ride along with it).
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export interface SaveScheduler {
  /** saves immediately (cancels a pending timed save) */
  now(): Promise<void>
  /** notes a change; saves within `intervalMs` */
  soon(): void
  /** whether a timed save is pending */
  readonly pending: boolean
  /** cancels any pending save; later calls do nothing */
  stop(): void
}

export function createSaveScheduler(save: () => Promise<void>, intervalMs: number, timers: Timers = browserTimers): SaveScheduler {
  let timer: unknown = null
  let stopped = false
  const cancel = () => {
    if (timer !== null) timers.clear(timer)
    timer = null
  }
  const run = () => {
    cancel()
    if (stopped) return Promise.resolve()
    // the record is captured synchronously here, so a save started in `pagehide` is already queued in IndexedDB
    return save()
  }
  return {
    now: run,
    soon() {
      if (stopped || timer !== null) return
      timer = timers.set(() => {
        timer = null
        void run()
      }, intervalMs)
    },
    get pending() {
      return timer !== null
    },
    stop() {
      cancel()
      stopped = true
    },
  }
}
