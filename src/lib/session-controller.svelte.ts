/**
 * What the sandbox and lab pages share: the tab lock, the record store, restoring the saved session or starting a
 * fresh one, driving the clock (speed, pause, skip), saving (after commands, while the clock runs, when the page is
 * hidden), handing over to another tab and taking over from it.
 */
import type { ClusterSession } from './session'
import { startTicker, type TimeControl } from './clock'
import { openSharedIdbStore } from './storage/idb-store'
import { readRecord, SCROLLBACK_LINES, type LoadedRecord } from './storage/record'
import { createSaver, type Saver } from './storage/saver'
import { storageProblem, type RecordStore, type StorageProblem } from './storage/store'
import { createTabLock, type TabLock } from './storage/tab-lock'
import type { TerminalHandle } from './terminal/terminal-host'

export type Phase =
  | { name: 'starting' }
  /** another tab owns the session */
  | { name: 'elsewhere' }
  | { name: 'taking-over' }
  | { name: 'running' }
  /** another tab took the session over from this one */
  | { name: 'taken-over' }
  /** the saved record could not be restored: `message` is the reason, in the simulator's words */
  | { name: 'restore-failed'; message: string }
  | { name: 'failed'; message: string }

export interface SessionControllerOptions {
  /** `?speed=` from the URL, which wins over the saved speed */
  urlSpeed: number | null
  /** null: no storage (tests) */
  openStore?: () => Promise<RecordStore>
  lock?: (opts: Parameters<typeof createTabLock>[0]) => TabLock
}

/** the phases in which the page is about to show, or shows, the session's terminal */
export const terminalPhase = (p: Phase): boolean => p.name === 'starting' || p.name === 'running'

export const message = (err: unknown) => (err instanceof Error ? err.message : String(err))

export abstract class SessionController implements TimeControl {
  phase = $state<Phase>({ name: 'starting' })
  /** why progress is not being saved, or null when it is */
  storageProblem = $state<StorageProblem | null>(null)
  session = $state.raw<ClusterSession | null>(null)
  /**
   * the session being built, while the terminal is already on screen (its prompt painted, keystrokes kept); stays
   * the same when that session runs, so the terminal goes on
   */
  pendingSession = $state.raw<Promise<ClusterSession> | null>(null)
  /** saved lines the terminal prints before its first prompt */
  scrollback = $state.raw<string[]>([])
  /** bumped for every new session, so the terminal is rebuilt */
  generation = $state(0)
  speed = $state(1)
  paused = $state(false)

  protected store: RecordStore | null = null
  protected saver: Saver | null = null
  protected terminal: TerminalHandle | null = null
  protected destroyed = false
  private lock: TabLock | null = null
  private stopRunning: (() => void) | null = null

  /**
   * @param key the record's key in the store (also names the tab lock)
   * @param noun what the page runs ('sandbox', 'lab'), for the console's warnings
   */
  constructor(
    readonly key: string,
    private readonly base: SessionControllerOptions,
    private readonly noun: string,
  ) {}

  /** builds a new session and runs it (nothing was saved, or the saved record was thrown away) */
  protected abstract fresh(): Promise<void> | void

  /** runs the session in a saved record; throws (or rejects) when it cannot be restored */
  protected abstract restore(raw: unknown, record: LoadedRecord, speed: number): Promise<void> | void

  /** the session changed (the ticker, a command) */
  protected sessionChanged(): void {}

  /** the running session stopped */
  protected stopped(): void {}

  /** a new session runs */
  protected started(): void {}

  async start(): Promise<void> {
    try {
      this.store = await (this.base.openStore ?? openSharedIdbStore)()
    } catch (err) {
      console.warn('progress will not be saved', err)
      this.store = null
      this.storageProblem = storageProblem(err)
    }
    if (this.destroyed) return
    this.lock = (this.base.lock ?? createTabLock)({
      name: `registry-workshop:${this.key}`,
      onTakeoverRequested: () => this.handOver(),
      onLost: () => this.stop({ name: 'taken-over' }),
    })
    addEventListener('pagehide', this.onPageHide)
    document.addEventListener('visibilitychange', this.onVisibility)
    if (await this.lock.acquire()) await this.load()
    else if (!this.destroyed) this.phase = { name: 'elsewhere' }
  }

  /** asks the tab that has the session to save and let go, then loads what it saved */
  async takeOver(): Promise<void> {
    if (!this.lock) return
    this.phase = { name: 'taking-over' }
    await this.lock.takeOver()
    if (!this.destroyed) await this.load()
  }

  /** the terminal of the running session, while it is on screen */
  attachTerminal(handle: TerminalHandle): () => void {
    this.terminal = handle
    return () => {
      if (this.terminal === handle) this.terminal = null
    }
  }

  // the trainee's own actions on the clock are saved at once, like commands (a save started while the page
  // unloads may not finish)
  setSpeed(n: number): void {
    this.speed = n
    this.paused = false
    void this.saver?.now()
  }

  setPaused(p: boolean): void {
    this.paused = p
    void this.saver?.now()
  }

  skip(ms: number): void {
    this.session?.advance(ms)
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

  /** stops the running session and deletes the saved record */
  protected async discardSaved(): Promise<void> {
    this.stop({ name: 'starting' })
    try {
      await this.store?.delete(this.key)
    } catch (err) {
      console.warn(`could not delete the saved ${this.noun}`, err)
    }
  }

  /** the saved record when there is one, else a fresh session */
  private async load(): Promise<void> {
    let raw: unknown
    try {
      raw = this.store ? await this.store.get(this.key) : undefined
    } catch (err) {
      console.warn(`could not read the saved ${this.noun}`, err)
      this.storageProblem = storageProblem(err)
    }
    if (this.destroyed) return
    if (raw === undefined) {
      await this.fresh()
      return
    }
    const record = readRecord(raw)
    try {
      await this.restore(raw, record, this.base.urlSpeed ?? record.speed ?? 1)
      // a clock the trainee paused stays paused across a reload (time runs only when they let it)
      if (record.paused && this.phase.name === 'running') this.paused = true
    } catch (err) {
      console.warn(`the saved ${this.noun} could not be restored`, err)
      this.phase = { name: 'restore-failed', message: message(err) }
    }
  }

  /**
   * Stops the session before and puts a terminal on screen for `ready`, the session being built (a new one: its
   * prompt is the initial prompt); `run(…, ready)` then runs it in that same terminal.
   */
  protected showPending(ready: Promise<ClusterSession>, scrollback: string[]): void {
    this.stop({ name: 'starting' })
    this.scrollback = scrollback
    this.pendingSession = ready
    this.generation++
  }

  /**
   * Runs `session` in place of the one before: drives its clock and saves it.
   * @param prepare called once the session before has stopped, before anything is saved
   * @param capture the whole record to save, given the scrollback to keep
   * @param pending the promise `session` came from, when `showPending` put it on screen: its terminal goes on
   */
  protected run(
    session: ClusterSession,
    scrollback: string[],
    speed: number,
    capture: (scrollback: string[]) => unknown,
    prepare?: () => void,
    pending?: Promise<ClusterSession>,
  ): void {
    const keepTerminal = pending !== undefined && pending === this.pendingSession
    this.stop({ name: 'starting' }, keepTerminal)
    this.speed = speed
    this.paused = false
    prepare?.()
    const saver = createSaver({
      store: this.store,
      key: this.key,
      capture: () => capture(this.terminal ? this.terminal.scrollback(SCROLLBACK_LINES) : scrollback),
      onStatus: (p) => {
        // a store that never opened keeps its own reason
        if (this.store) this.storageProblem = p
      },
      onError: (err) => console.warn(`saving the ${this.noun} failed`, err),
    })
    const unsubscribe = session.subscribe(() => {
      saver.soon()
      this.sessionChanged()
    })
    const stopTicker = startTicker(session, () => (this.paused ? 0 : this.speed))
    this.saver = saver
    this.stopRunning = () => {
      saver.stop()
      unsubscribe()
      stopTicker()
      this.stopped()
    }
    this.session = session
    if (!keepTerminal) {
      this.scrollback = scrollback
      this.generation++
    }
    this.phase = { name: 'running' }
    this.started()
  }

  /** @param keepPending leaves the pending session's terminal on screen (it is about to run) */
  protected stop(next: Phase, keepPending = false): void {
    this.stopRunning?.()
    this.stopRunning = null
    this.saver = null
    this.session = null
    if (!keepPending && this.pendingSession) this.pendingSession = null
    this.phase = next
  }

  /** another tab wants the session: save everything, stop, and say so */
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
