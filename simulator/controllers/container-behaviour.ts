/**
 * The hook through which simulated software (the registry, the operator, node-ca, the pruner) shapes what its
 * containers do: whether they become ready, whether and when they exit, and what they log when they start.
 * The kubelet consults every registered behaviour in registration order; the first answer per field wins.
 */
import type { KObject } from '../api/types'
import type { WorldService } from '../cluster'
import type { ControllerContext } from './types'

/** What a container does, as decided by the simulated software inside it. */
export interface ContainerOutcome {
  /** readiness-probe result once the probe's initial delay has passed (default: ready) */
  ready?: boolean
  /** the process exits `afterMs` after it started, with `code` and termination `reason` (`Error`, `Completed`, `OOMKilled`) */
  exit?: { code: number; reason: string; afterMs: number }
  /** called once each time the container starts (write start-up lines with `ctx.logs.append`) */
  onStart?(): void
}

/** A container behaviour: returns undefined for containers it does not simulate. */
export type ContainerBehaviour = (pod: KObject, container: any, ctx: ControllerContext) => ContainerOutcome | undefined

/** The `ctx.services.containerBehaviours` registry (a WorldService with no state of its own: behaviours are code). */
export class ContainerBehaviours implements WorldService {
  private list: { name: string; fn: ContainerBehaviour }[] = []

  /** Registers (or replaces) the behaviour called `name`. */
  register(name: string, fn: ContainerBehaviour): void {
    const i = this.list.findIndex((b) => b.name === name)
    if (i >= 0) this.list[i] = { name, fn }
    else this.list.push({ name, fn })
  }

  unregister(name: string): void {
    this.list = this.list.filter((b) => b.name !== name)
  }

  /** The merged outcome for one container (first defined value per field). */
  outcome(pod: KObject, container: any, ctx: ControllerContext): ContainerOutcome {
    const out: ContainerOutcome = {}
    for (const { fn } of this.list) {
      const o = fn(pod, container, ctx)
      if (!o) continue
      if (out.ready === undefined && o.ready !== undefined) out.ready = o.ready
      if (out.exit === undefined && o.exit !== undefined) out.exit = o.exit
      if (out.onStart === undefined && o.onStart !== undefined) out.onStart = o.onStart
    }
    return out
  }

  snapshot(): unknown {
    return null
  }

  restore(): void {}
}

/** The cluster's behaviour registry, created on first use. */
export function containerBehaviours(ctx: { services: Record<string, unknown> }): ContainerBehaviours {
  let b = ctx.services.containerBehaviours as ContainerBehaviours | undefined
  if (!b) ctx.services.containerBehaviours = b = new ContainerBehaviours()
  return b
}
