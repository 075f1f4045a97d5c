import type { RecordStore } from './store'

/** An in-memory `RecordStore` (tests). Values are deep-copied in and out, like IndexedDB's structured clone. */
export class MemoryStore implements RecordStore {
  readonly data = new Map<string, unknown>()
  /** set to make the next `put`s fail with this error */
  failPuts: unknown = null
  puts = 0

  async get(key: string): Promise<unknown> {
    const v = this.data.get(key)
    return v === undefined ? undefined : structuredClone(v)
  }

  async put(key: string, value: unknown): Promise<void> {
    if (this.failPuts) throw this.failPuts
    this.puts++
    this.data.set(key, structuredClone(value))
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key)
  }
}
