/**
 * Runs the sandbox page's lifecycle: owns the tab lock, restores or creates the session, drives the clock,
 * saves, hands over to another tab, resets (the shared part is SessionController's).
 *
 * The simulator (`./session`) is loaded lazily: a new sandbox's terminal and prompt are on screen before it has
 * loaded and built the scenario's cluster (keystrokes typed meanwhile wait for the session).
 */
import type { ClusterSession } from './session'
import { DEFAULT_SEED } from './session-defaults'
import { makeRecord, sandboxKey, type LoadedRecord } from './storage/record'
import { afterPaint } from './after-paint'
import { message, SessionController, type SessionControllerOptions } from './session-controller.svelte'

export type { Phase } from './session-controller.svelte'

export interface ControllerOptions extends SessionControllerOptions {
  scenario: string
  /** extra worker nodes (`?nodes=N`) */
  nodes?: number
}

type SimulatorModule = typeof import('./session')
let simulator: Promise<SimulatorModule> | null = null

/** the simulator and the page's session functions (one load, shared) */
export function loadSimulator(): Promise<SimulatorModule> {
  simulator ??= import('./session').catch((err) => {
    simulator = null
    throw err
  })
  return simulator
}

export class SandboxController extends SessionController {
  constructor(private readonly opts: ControllerOptions) {
    super(sandboxKey(opts.scenario, opts.nodes), opts, 'sandbox')
  }

  /** deletes the saved record and starts a new cluster */
  async startFresh(): Promise<void> {
    await this.discardSaved()
    await this.runNew()
  }

  /** a command finished: save at the next idle moment (its output is painted first) */
  commandDone(): void {
    this.saver?.whenIdle()
  }

  protected async fresh(): Promise<void> {
    await this.runNew()
  }

  protected async restore(_raw: unknown, record: LoadedRecord, speed: number): Promise<void> {
    const sim = await loadSimulator()
    if (this.destroyed) return
    const { session, saved } = sim.restoreSandbox(record.state)
    this.runSandbox(sim, session, saved.seed, record.scrollback, speed)
  }

  /** a new cluster: the terminal shows the prompt at once, the session follows */
  private async runNew(): Promise<void> {
    const scenario = this.opts.scenario
    // the simulator loads once the terminal and its prompt are painted
    const sim = afterPaint().then(loadSimulator)
    const ready = sim.then((m) => m.createSession({ scenario, seed: DEFAULT_SEED, nodes: this.opts.nodes }))
    this.showPending(ready, [])
    let session: ClusterSession
    try {
      session = await ready
    } catch (err) {
      if (this.pendingSession === ready) this.stop({ name: 'failed', message: message(err) })
      return
    }
    const m = await sim
    if (this.destroyed || this.pendingSession !== ready) return
    this.runSandbox(m, session, DEFAULT_SEED, [], this.opts.urlSpeed ?? 1, ready)
  }

  private runSandbox(
    { saveSandbox }: SimulatorModule,
    session: ClusterSession, seed: number, scrollback: string[], speed: number, pending?: Promise<ClusterSession>): void {
    const scenario = this.opts.scenario
    this.run(
      session,
      scrollback,
      speed,
      (lines) =>
        makeRecord({
          scenario,
          state: saveSandbox(session, { scenario, seed }),
          scrollback: lines,
          speed: this.speed,
          paused: this.paused,
          prompt: session.bastionPrompt(),
          savedAt: Date.now(),
        }),
      undefined,
      pending,
    )
  }
}
