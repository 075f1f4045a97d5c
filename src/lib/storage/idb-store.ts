/**
 * The IndexedDB `RecordStore`: one database, object stores created by version, one readwrite transaction per
 * `put` holding the whole record, so an interrupted save leaves the previous complete record in place.
 */
import { StorageError, type RecordStore } from './store'

export const DB_NAME = 'registry-workshop'
export const DB_VERSION = 1
/** object store of sandbox records, keyed `sandbox:<scenario>` */
export const SANDBOX_STORE = 'sandboxes'

function upgrade(db: IDBDatabase, oldVersion: number): void {
  // one step per version: a browser with an older database runs every later step in turn
  if (oldVersion < 1) db.createObjectStore(SANDBOX_STORE)
}

export function openIdbStore(storeName = SANDBOX_STORE): Promise<RecordStore> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('no indexedDB')
      req = indexedDB.open(DB_NAME, DB_VERSION)
    } catch (err) {
      reject(new StorageError('unavailable', `IndexedDB is not available: ${String(err)}`))
      return
    }
    req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion)
    req.onerror = () => {
      req.result?.close?.()
      reject(new StorageError('unavailable', `IndexedDB could not be opened: ${req.error?.message ?? 'unknown error'}`))
    }
    req.onblocked = () => reject(new StorageError('unavailable', 'IndexedDB is blocked by another tab of an older version'))
    req.onsuccess = () => {
      const db = req.result
      // another tab of a newer version wants to upgrade: step aside rather than block it
      db.onversionchange = () => db.close()
      resolve(new IdbStore(db, storeName))
    }
  })
}

let shared: Promise<RecordStore> | null = null

/**
 * One connection for the whole page, opened as early as the entry runs (see main.ts), so the first page to need its
 * saved record does not wait for the database to open. A failed open is tried again by the next caller.
 */
export function openSharedIdbStore(): Promise<RecordStore> {
  shared ??= openIdbStore().catch((err) => {
    shared = null
    throw err
  })
  return shared
}

class IdbStore implements RecordStore {
  constructor(
    private readonly db: IDBDatabase,
    private readonly storeName: string,
  ) {}

  private tx(mode: IDBTransactionMode): IDBTransaction {
    try {
      return this.db.transaction(this.storeName, mode)
    } catch (err) {
      throw new StorageError('unavailable', `IndexedDB transaction failed: ${String(err)}`)
    }
  }

  get(key: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = this.tx('readonly').objectStore(this.storeName).get(key)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
  }

  put(key: string, value: unknown): Promise<void> {
    return this.write((s) => s.put(value, key))
  }

  delete(key: string): Promise<void> {
    return this.write((s) => s.delete(key))
  }

  /** one readwrite transaction; resolves when it has committed, rejects (with the real error) when it aborted */
  private write(op: (s: IDBObjectStore) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.tx('readwrite')
      tx.oncomplete = () => resolve()
      tx.onabort = () => reject(tx.error ?? new StorageError('failed', 'the save was aborted'))
      // a failed request aborts the whole transaction: onabort reports it
      try {
        op(tx.objectStore(this.storeName))
      } catch (err) {
        try {
          tx.abort()
        } catch {
          // already finished
        }
        reject(err)
      }
    })
  }
}
