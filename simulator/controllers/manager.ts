/**
 * The controller manager: maps every API write to the keys of the controllers that watch that resource, then
 * drains the work queue until nothing is left to do ("settle"). Time-based work is a timer on the virtual clock;
 * advancing the clock fires due timers in order, settling after each instant.
 */
import type { WatchEvent } from '../api/server'
import type { VirtualClock } from '../core/clock'
import { objectKey, type Controller, type ControllerContext } from './types'

/** Upper bound of reconciles in one settle; reaching it means controllers fight each other. */
const MAX_RECONCILES_PER_SETTLE = 500_000
/** how many rounds of timers may fire without time moving before the loop is declared stuck */
const MAX_TIMER_ROUNDS_PER_INSTANT = 10_000

export class ControllerManager {
  private controllers = new Map<string, Controller>()
  private byResource = new Map<string, { controller: Controller; keys: NonNullable<Controller['watches'][number]['keys']> | undefined }[]>()
  private queue = new Set<string>()
  private settling = false
  /** reconcile errors, newest last (the operator reports its own; this is for controller bugs) */
  readonly errors: { time: number; controller: string; key: string; message: string }[] = []

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: VirtualClock,
  ) {
    ctx.api.watch((e) => this.onEvent(e))
  }

  register(c: Controller): void {
    this.controllers.set(c.name, c)
    for (const w of c.watches) {
      let list = this.byResource.get(w.resource)
      if (!list) this.byResource.set(w.resource, (list = []))
      list.push({ controller: c, keys: w.keys })
    }
  }

  /** Wakes `controller` for `key` now. */
  enqueue(controller: string, key: string): void {
    this.queue.add(`${controller}\u0000${key}`)
  }

  private onEvent(e: WatchEvent): void {
    const list = this.byResource.get(e.resource)
    if (!list) return
    for (const { controller, keys } of list) {
      const ks = keys ? keys(e, this.ctx) : [objectKey(e.object.metadata.namespace, e.object.metadata.name)]
      for (const k of ks) this.enqueue(controller.name, k)
    }
  }

  /** Runs reconciles until the queue is empty. */
  settle(): void {
    if (this.settling) return
    this.settling = true
    try {
      let n = 0
      while (this.queue.size > 0) {
        const item = this.queue.values().next().value as string
        this.queue.delete(item)
        const sep = item.indexOf('\u0000')
        const name = item.slice(0, sep)
        const key = item.slice(sep + 1)
        this.runOne(name, key)
        if (++n > MAX_RECONCILES_PER_SETTLE) throw new Error(`controllers did not settle after ${n} reconciles (last: ${name} ${key})`)
      }
    } finally {
      this.settling = false
    }
  }

  private runOne(name: string, key: string): void {
    const c = this.controllers.get(name)
    if (!c) return
    try {
      const r = c.reconcile(key, this.ctx)
      if (r?.requeueAfter !== undefined) this.clock.schedule(this.clock.now() + Math.max(r.requeueAfter, 0), name, key)
    } catch (err) {
      // A failing reconcile is retried later, as a real controller's rate-limited queue would.
      this.errors.push({ time: this.clock.now(), controller: name, key, message: err instanceof Error ? err.message : String(err) })
      if (this.errors.length > 200) this.errors.splice(0, this.errors.length - 200)
      this.clock.schedule(this.clock.now() + 5000, name, key)
    }
  }

  /** Advances virtual time to `target`, firing every timer due on the way in order. */
  advanceTo(target: number): void {
    this.settle()
    // timers that keep re-arming at the same instant would stop time forever: give up with an error instead
    let sameInstant = 0
    for (;;) {
      const due = this.clock.popDue(target)
      if (due.length === 0) break
      const at = Math.max(due[0].at, this.clock.now())
      sameInstant = at === this.clock.now() ? sameInstant + 1 : 0
      if (sameInstant > MAX_TIMER_ROUNDS_PER_INSTANT) throw new Error(`controllers did not settle: timers keep firing at ${at} (last: ${due[0].controller} ${due[0].key})`)
      this.clock.set(at)
      for (const t of due) this.enqueue(t.controller, t.key)
      this.settle()
    }
    if (target > this.clock.now()) this.clock.set(target)
  }

  /** Every registered controller's name (for tests and diagnostics). */
  names(): string[] {
    return [...this.controllers.keys()]
  }
}
