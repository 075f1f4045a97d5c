/**
 * The reconciler contract (after controller-runtime): a controller reconciles one key at a time from the whole
 * current state, never from the event that woke it, and asks to be woken again later with `requeueAfter`.
 */
import type { ApiServer, WatchEvent } from '../api/server'
import type { Rng } from '../core/rng'
import type { Profile } from '../api/types'
import type { EventRecorder } from './events'
import type { LogBook } from '../core/logbook'

export interface ControllerContext {
  api: ApiServer
  now(): number
  rng: Rng
  profile: Profile
  events: EventRecorder
  logs: LogBook
  /** services of the simulated world outside the API (S3, volumes, metrics), registered by scenarios */
  services: Record<string, unknown>
}

export interface ReconcileResult {
  /** wake this key again after so many virtual milliseconds */
  requeueAfter?: number
}

export interface Watch {
  resource: string
  /** the keys to reconcile for this change; by default the changed object's own `namespace/name` */
  keys?(e: WatchEvent, ctx: ControllerContext): string[]
}

export interface Controller {
  name: string
  watches: Watch[]
  reconcile(key: string, ctx: ControllerContext): ReconcileResult | void
}

/** `namespace/name`, or `name` for cluster-scoped objects: the usual reconcile key. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/')
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) }
}
