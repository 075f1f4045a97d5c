/**
 * Event expiry: the API server stores events with a 3-hour TTL; here a sweep every 10 minutes deletes the events
 * whose lastTimestamp is older than that.
 */
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { ms } from './util'

/** How long an event lives after its last update (kube-apiserver `--event-ttl`). */
export const EVENT_TTL_MS = 3 * 60 * 60 * 1000
const SWEEP_MS = 10 * 60 * 1000

function reconcile(_key: string, ctx: ControllerContext): ReconcileResult {
  const cutoff = ctx.now() - EVENT_TTL_MS
  for (const e of ctx.api.store.list('events')) {
    if (ms(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp) < cutoff) ctx.api.delete('events', e.metadata.namespace, e.metadata.name)
  }
  return { requeueAfter: SWEEP_MS }
}

/** The event TTL sweeper (woken by namespace changes the first time, then every 10 minutes). */
export const eventTTLController: Controller = {
  name: 'event-ttl',
  watches: [{ resource: 'namespaces', keys: () => ['sweep'] }],
  reconcile,
}
