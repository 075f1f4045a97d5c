/**
 * Runs the sandbox page's lifecycle: owns the tab lock, restores or creates the session, drives the clock,
 * saves, hands over to another tab, resets.
 */
import { createSession, DEFAULT_SEED, restoreSandbox, saveSandbox, type ClusterSession } from './session'
import { startTicker, type TimeControl } from './clock'
import { openIdbStore } from './storage/idb-store'
import { makeRecord, readRecord, sandboxKey, SCROLLBACK_LINES } from './storage/record'
import { createSaver, type Saver } from './storage/saver'
import { storageProblem, type RecordStore, type StorageProblem } from './storage/store'
import { createTabLock, type TabLock } from './storage/tab-lock'
import type { TerminalHandle } from './terminal/terminal-host'

export type Phase =
  | { name: 'starting' }
  /** another tab owns the sandbox */
  | { name: 'elsewhere' }
  | { name: 'taking-over' }
  | { name: 'running' }
  /** another tab took the sandbox over from this one */
  | { name: 'taken-over' }
  /** the saved record could not be restored: `message` is the reason, in the simulator's words */
  | { name: 'restore-failed'; message: string }
  | { name: 'failed'; message: string }

export interface ControllerOptions {
  scenario: string
  /** `?speed=` from the URL, which wins over the saved speed */
  urlSpeed: number | null
  /** null: no storage (tests) */
  openStore?: () => Promise<RecordStore>
  lock?: (opts: Parameters<typeof createTabLock>[0]) => TabLock
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export class SandboxController implements TimeControl {
  phase = $state<Phase>({ name: 'starting' })
  /** why progress is not being saved, or null when it is */
  storageProblem = $state<StorageProblem | null>(null)
  session = $state.raw<ClusterSession | null>(null)
  /** saved lines the terminal prints before its first prompt */
  scrollback = $state.raw<string[]>([])
  /** bumped for every new session, so the terminal is rebuilt */
  generation = $state(0)
  speed = $state(1)
  paused = $state(false)

  readonly key: string
  private store: RecordStore | null = null
  private lock: TabLock | null = null
  private saver: Saver | null = null
  private terminal: TerminalHandle | null = null
  private stopRunning: (() => void) | null = null
  private destroyed = false

  constructor(private readonly opts: ControllerOptions) {
    this.key = sandboxKey(opts.scenario)
  }

  async start(): Promise<void> {
    try {
      this.store = await (this.opts.openStore ?? openIdbStore)()
    } catch (err) {
      console.warn('progress will not be saved', err)
      this.store = null
      this.storageProblem = storageProblem(err)
    }
    if (this.destroyed) return
    this.lock = (this.opts.lock ?? createTabLock)({
      name: `registry-workshop:${this.key}`,
      onTakeoverRequested: () => this.handOver(),
      onLost: () => this.stop({ name: 'taken-over' }),
    })
    addEventListener('pagehide', this.onPageHide)
    document.addEventListener('visibilitychange', this.onVisibility)
    if (await this.lock.acquire()) await this.load()
    else if (!this.destroyed) this.phase = { name: 'elsewhere' }
  }

  /** asks the tab that has the sandbox to save and let go, then loads what it saved */
  async takeOver(): Promise<void> {
    if (!this.lock) return
    this.phase = { name: 'taking-over' }
    await this.lock.takeOver()
    if (!this.destroyed) await this.load()
  }

  /** deletes the saved record and starts a new cluster */
  async startFresh(): Promise<void> {
    this.stop({ name: 'starting' })
    try {
      await this.store?.delete(this.key)
    } catch (err) {
      console.warn('could not delete the saved sandbox', err)
    }
    this.run(createSession({ scenario: this.opts.scenario, seed: DEFAULT_SEED }), DEFAULT_SEED, [], this.opts.urlSpeed ?? 1)
  }

  /** the terminal of the running session, while it is on screen */
  attachTerminal(handle: TerminalHandle): () => void {
    this.terminal = handle
    return () => {
      if (this.terminal === handle) this.terminal = null
    }
  }

  setSpeed(n: number): void {
    this.speed = n
    this.paused = false
    this.saver?.soon()
  }

  setPaused(p: boolean): void {
    this.paused = p
  }

  skip(ms: number): void {
    this.session?.advance(ms)
  }

  /** a command finished: save now */
  commandDone(): void {
    void this.saver?.now()
  }

  destroy(): void {
    if (this.saver) void this.saver.now()
    this.destroyed = true
    this.stop({ name: 'starting' })
    removeEventListener('pagehide', this.onPageHide)
    document.removeEventListener('visibilitychange', this.onVisibility)
    this.lock?.close()
  }

  private async load(): Promise<void> {
    let raw: unknown
    try {
      raw = this.store ? await this.store.get(this.key) : undefined
    } catch (err) {
      console.warn('could not read the saved sandbox', err)
      this.storageProblem = storageProblem(err)
    }
    if (this.destroyed) return
    if (raw === undefined) {
      try {
        this.run(createSession({ scenario: this.opts.scenario, seed: DEFAULT_SEED }), DEFAULT_SEED, [], this.opts.urlSpeed ?? 1)
      } catch (err) {
        this.phase = { name: 'failed', message: message(err) }
      }
      return
    }
    const record = readRecord(raw)
    try {
      const { session, saved } = restoreSandbox(record.state)
      this.run(session, saved.seed, record.scrollback, this.opts.urlSpeed ?? record.speed ?? 1)
    } catch (err) {
      console.warn('the saved sandbox could not be restored', err)
      this.phase = { name: 'restore-failed', message: message(err) }
    }
  }

  private run(session: ClusterSession, seed: number, scrollback: string[], speed: number): void {
    this.stop({ name: 'starting' })
    const scenario = this.opts.scenario
    this.speed = speed
    this.paused = false
    const saver = createSaver({
      store: this.store,
      key: this.key,
      capture: () =>
        makeRecord({
          scenario,
          state: saveSandbox(session, { scenario, seed }),
          scrollback: this.terminal ? this.terminal.scrollback(SCROLLBACK_LINES) : scrollback,
          speed: this.speed,
          savedAt: Date.now(),
        }),
      onStatus: (p) => {
        // a store that never opened keeps its own reason
        if (this.store) this.storageProblem = p
      },
      onError: (err) => console.warn('saving the sandbox failed', err),
    })
    const unsubscribe = session.subscribe(() => saver.soon())
    const stopTicker = startTicker(session, () => (this.paused ? 0 : this.speed))
    this.saver = saver
    this.stopRunning = () => {
      saver.stop()
      unsubscribe()
      stopTicker()
    }
    this.session = session
    this.scrollback = scrollback
    this.generation++
    this.phase = { name: 'running' }
  }

  private stop(next: Phase): void {
    this.stopRunning?.()
    this.stopRunning = null
    this.saver = null
    this.session = null
    this.phase = next
  }

  /** another tab wants the sandbox: save everything, stop, and say so */
  private async handOver(): Promise<void> {
    if (this.saver) await this.saver.now()
    this.stop({ name: 'taken-over' })
  }

  private onPageHide = () => {
    void this.saver?.now()
  }

  private onVisibility = () => {
    if (document.visibilityState === 'hidden') void this.saver?.now()
  }
}
