/**
 * The small interface the page saves through. The browser implementation is IndexedDB (`idb-store.ts`); tests use
 * the in-memory one (`memory-store.ts`).
 */

/** A key/value store of whole records: every `put` replaces one record atomically. */
export interface RecordStore {
  get(key: string): Promise<unknown>
  put(key: string, value: unknown): Promise<void>
  delete(key: string): Promise<void>
}

/** Why saving does not work, in words for the notice. */
export type StorageProblem = 'unavailable' | 'quota' | 'failed'

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message)
  }
}

/** Classifies anything a store threw. */
export function storageProblem(err: unknown): StorageProblem {
  if (err instanceof StorageError) return err.problem
  const name = (err as { name?: unknown } | null)?.name
  if (name === 'QuotaExceededError') return 'quota'
  if (name === 'SecurityError' || name === 'InvalidStateError') return 'unavailable'
  return 'failed'
}

/** The notice shown while progress is not being saved. */
export function storageNotice(problem: StorageProblem): string {
  switch (problem) {
    case 'unavailable':
      return 'Progress is not being saved: this browser does not allow the page to store data (private browsing?). The sandbox still works, but a reload starts over.'
    case 'quota':
      return "Progress is not being saved: the browser's storage for this site is full. The sandbox still works, but a reload may lose recent work."
    case 'failed':
      return 'Progress is not being saved: the browser refused to store it. The sandbox still works, but a reload may lose recent work.'
  }
}
