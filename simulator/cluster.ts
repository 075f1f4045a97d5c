/**
 * A simulated cluster: the API server, the virtual clock, the seeded random source, the controllers and the
 * simulated world around them (cloud storage, volumes, logs). Everything that changes lives here, and
 * `snapshot()`/`restore()` capture and bring back all of it (objects, clock, pending work, randomness).
 */
import { ApiServer } from './api/server'
import type { Profile } from './api/types'
import { VirtualClock, type ClockSnapshot } from './core/clock'
import { LogBook } from './core/logbook'
import { Rng, type RngState } from './core/rng'
import { EventRecorder } from './controllers/events'
import { ControllerManager } from './controllers/manager'
import type { Controller, ControllerContext } from './controllers/types'
import type { StoreState } from './api/store'

/** A part of the simulated world outside the API server that must be saved with the cluster. */
export interface WorldService {
  snapshot(): unknown
  restore(s: unknown): void
}

export interface ClusterInfo {
  /** cluster name, e.g. `cluster-a407` */
  name: string
  baseDomain: string
  /** wildcard domain of routes, e.g. `apps.cluster-a407.a407.ocp4.opentlc.com` */
  appsDomain: string
  apiUrl: string
  consoleUrl: string
  infraID: string
  platform: 'AWS' | 'None' | 'BareMetal'
  region: string
  /** OpenShift release shown by `oc version` and cluster operators, e.g. `4.12.0` */
  release: string
  kubernetesVersion: string
}

export interface ClusterOptions {
  profile: Profile
  seed: number
  /** virtual epoch milliseconds at which the cluster is created */
  startTime: number
  info: ClusterInfo
}

export interface ClusterSnapshot {
  profile: Profile
  info: ClusterInfo
  api: { store: StoreState; rv: number; auditLength: number }
  clock: ClockSnapshot
  rng: RngState
  logs: Record<string, number>
  services: Record<string, unknown>
}

export class Cluster {
  readonly clock: VirtualClock
  readonly rng: Rng
  readonly api: ApiServer
  readonly logs = new LogBook()
  readonly events: EventRecorder
  readonly manager: ControllerManager
  readonly services: Record<string, WorldService> = {}
  readonly profile: Profile
  readonly info: ClusterInfo
  readonly createdAt: number
  readonly ctx: ControllerContext

  constructor(opts: ClusterOptions) {
    this.profile = opts.profile
    this.info = opts.info
    this.createdAt = opts.startTime
    this.clock = new VirtualClock(opts.startTime)
    this.rng = new Rng(opts.seed)
    this.api = new ApiServer(this.clock, this.rng, opts.profile)
    this.events = new EventRecorder(this.api, () => this.clock.now())
    this.ctx = {
      api: this.api,
      now: () => this.clock.now(),
      rng: this.rng,
      profile: this.profile,
      events: this.events,
      logs: this.logs,
      services: this.services as Record<string, unknown>,
    }
    this.manager = new ControllerManager(this.ctx, this.clock)
  }

  now(): number {
    return this.clock.now()
  }

  register(...controllers: Controller[]): void {
    for (const c of controllers) this.manager.register(c)
  }

  /** Lets controllers finish everything the last writes started. */
  settle(): void {
    this.manager.settle()
  }

  /** Advances the virtual clock by `ms`, running every controller action that falls due on the way. */
  advance(ms: number): void {
    this.manager.advanceTo(this.clock.now() + ms)
  }

  snapshot(): ClusterSnapshot {
    const services: Record<string, unknown> = {}
    for (const [k, s] of Object.entries(this.services)) services[k] = s.snapshot()
    return {
      profile: this.profile,
      info: this.info,
      api: this.api.snapshot(),
      clock: this.clock.snapshot(),
      rng: this.rng.state(),
      logs: this.logs.snapshot(),
      services,
    }
  }

  /** Brings the cluster back to a snapshot taken from this same cluster (undo, reset to a step). */
  restore(s: ClusterSnapshot): void {
    this.api.restore(s.api)
    this.clock.restore(s.clock)
    this.rng.restore(s.rng)
    this.logs.restore(s.logs)
    for (const [k, v] of Object.entries(s.services)) this.services[k]?.restore(v)
  }
}
