/**
 * Container logs: lines written by simulated processes (the operator, the registry) per pod and container, on
 * the virtual clock. Append-only, so a snapshot is just a length per stream.
 */

export interface LogLine {
  time: number
  text: string
}

export class LogBook {
  private streams = new Map<string, LogLine[]>()

  private key(namespace: string, pod: string, container: string): string {
    return `${namespace}/${pod}/${container}`
  }

  append(namespace: string, pod: string, container: string, time: number, text: string): void {
    const k = this.key(namespace, pod, container)
    let s = this.streams.get(k)
    if (!s) this.streams.set(k, (s = []))
    s.push({ time, text })
  }

  lines(namespace: string, pod: string, container: string): readonly LogLine[] {
    return this.streams.get(this.key(namespace, pod, container)) ?? []
  }

  /** Drops the logs of a pod that no longer exists. */
  drop(namespace: string, pod: string): void {
    for (const k of [...this.streams.keys()]) if (k.startsWith(`${namespace}/${pod}/`)) this.streams.delete(k)
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = {}
    for (const [k, v] of this.streams) out[k] = v.length
    return out
  }

  /** Restores to a snapshot taken from this same book (streams created since are dropped, longer ones cut). */
  restore(lengths: Record<string, number>): void {
    for (const [k, v] of [...this.streams]) {
      const n = lengths[k]
      if (n === undefined) this.streams.delete(k)
      else v.length = Math.min(v.length, n)
    }
  }

  /** Takes over the streams of another book (a restored session). */
  restoreFrom(other: LogBook): void {
    this.streams = new Map([...other.streams].map(([k, v]) => [k, [...v]]))
  }

  toJSON(): Record<string, LogLine[]> {
    return Object.fromEntries(this.streams)
  }

  static fromJSON(data: Record<string, LogLine[]>): LogBook {
    const b = new LogBook()
    for (const [k, v] of Object.entries(data)) b.streams.set(k, [...v])
    return b
  }
}
