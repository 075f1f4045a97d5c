/**
 * Runs the sandbox page's lifecycle: owns the tab lock, restores or creates the session, drives the clock,
 * saves, hands over to another tab, resets (the shared part is SessionController's).
 */
import { createSession, DEFAULT_SEED, restoreSandbox, saveSandbox, type ClusterSession } from './session'
import { makeRecord, sandboxKey, type LoadedRecord } from './storage/record'
import { message, SessionController, type SessionControllerOptions } from './session-controller.svelte'

export type { Phase } from './session-controller.svelte'

export interface ControllerOptions extends SessionControllerOptions {
  scenario: string
}

export class SandboxController extends SessionController {
  constructor(private readonly opts: ControllerOptions) {
    super(sandboxKey(opts.scenario), opts, 'sandbox')
  }

  /** deletes the saved record and starts a new cluster */
  async startFresh(): Promise<void> {
    await this.discardSaved()
    this.runNew()
  }

  /** a command finished: save now */
  commandDone(): void {
    void this.saver?.now()
  }

  protected fresh(): void {
    try {
      this.runNew()
    } catch (err) {
      this.phase = { name: 'failed', message: message(err) }
    }
  }

  protected restore(_raw: unknown, record: LoadedRecord, speed: number): void {
    const { session, saved } = restoreSandbox(record.state)
    this.runSandbox(session, saved.seed, record.scrollback, speed)
  }

  private runNew(): void {
    this.runSandbox(createSession({ scenario: this.opts.scenario, seed: DEFAULT_SEED }), DEFAULT_SEED, [], this.opts.urlSpeed ?? 1)
  }

  private runSandbox(session: ClusterSession, seed: number, scrollback: string[], speed: number): void {
    const scenario = this.opts.scenario
    this.run(session, scrollback, speed, (lines) =>
      makeRecord({
        scenario,
        state: saveSandbox(session, { scenario, seed }),
        scrollback: lines,
        speed: this.speed,
        savedAt: Date.now(),
      }),
    )
  }
}
