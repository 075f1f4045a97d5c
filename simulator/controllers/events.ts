/**
 * The event recorder: controllers report what they did as v1 Events, deduplicated like client-go's recorder
 * (the same object, reason, message and source bump `count` and `lastTimestamp` of one Event).
 */
import type { ApiServer } from '../api/server'
import { rfc3339 } from '../core/time'
import type { KObject } from '../api/types'

export interface EventSource {
  component: string
  host?: string
}

export class EventRecorder {
  constructor(
    private readonly api: ApiServer,
    private readonly now: () => number,
  ) {}

  /** Records an event about `obj`; `fieldPath` names a container (`spec.containers{registry}`). */
  record(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const ns = obj.metadata.namespace ?? 'default'
    if (!this.api.store.get('namespaces', '', ns)) return
    const name = `${obj.metadata.name}.${hash16(`${obj.metadata.uid}|${reason}|${message}|${source.component}|${fieldPath ?? ''}`)}`
    const ts = rfc3339(this.now())
    const existing = this.api.tryGet('events', ns, name)
    if (existing) {
      this.api.update('events', { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: ts })
      return
    }
    this.api.create('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      reportingComponent: '',
      reportingInstance: '',
    } as KObject)
  }
}

/** A deterministic 16-hex-digit name suffix (FNV-1a 64 folded from two 32-bit halves). */
export function hash16(s: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')
}
