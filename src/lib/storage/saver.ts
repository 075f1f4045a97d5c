/**
 * Saves one sandbox: captures the whole record, writes it, and reports whether saving works.
 */
import { createSaveScheduler, type SaveScheduler, type Timers, browserTimers } from './scheduler'
import { storageProblem, type RecordStore, type StorageProblem } from './store'

/** how often the ticking clock alone causes a save */
export const TICK_SAVE_INTERVAL_MS = 5000

export interface SaverOptions {
  /** null: no storage at all (reported once as 'unavailable') */
  store: RecordStore | null
  key: string
  /** builds the whole record to write, synchronously */
  capture: () => unknown
  /** called with null when saving works, or with the problem */
  onStatus?: (problem: StorageProblem | null) => void
  onError?: (err: unknown) => void
  timers?: Timers
  intervalMs?: number
}

export interface Saver extends SaveScheduler {}

export function createSaver(opts: SaverOptions): Saver {
  let last: StorageProblem | null | undefined
  const report = (p: StorageProblem | null) => {
    if (p === last) return
    last = p
    opts.onStatus?.(p)
  }
  if (!opts.store) report('unavailable')
  const save = async () => {
    const store = opts.store
    if (!store) return
    let record: unknown
    try {
      record = opts.capture()
    } catch (err) {
      opts.onError?.(err)
      report('failed')
      return
    }
    try {
      await store.put(opts.key, record)
      report(null)
    } catch (err) {
      opts.onError?.(err)
      report(storageProblem(err))
    }
  }
  return createSaveScheduler(save, opts.intervalMs ?? TICK_SAVE_INTERVAL_MS, opts.timers ?? browserTimers)
}
