/**
 * Runs one lab: owns the tab lock, restores or creates the lab's session (scenario, seed, faults, setup), keeps the
 * trainee's progress, evaluates the current step's checks on every state change, undo, reset, and saves
 * everything (cluster, session, progress, scrollback) under `lab:<id>`, exactly like the sandbox (the shared part
 * is SessionController's).
 */
import { evaluateStep, type Lab, type Step, type StepResult } from '../../simulator/labs'
import { scenarioByName } from '../../simulator/scenarios'
import { ClusterSession } from '../../simulator/session'
import { VirtualFs } from '../../simulator/shell'
import type { ClusterSnapshot } from '../../simulator/cluster'
import type { FsJson } from '../../simulator/shell'
import { restoreSession, saveSession } from '../../simulator/persistence'
import { makeRecord, type LoadedRecord } from './storage/record'
import { labKey, newProgress, readProgress, type LabProgress } from './labs/progress'
import { message, SessionController, type SessionControllerOptions } from './session-controller.svelte'

export interface LabControllerOptions extends SessionControllerOptions {
  lab: Lab
}

interface UndoPoint {
  command: string
  cluster: ClusterSnapshot
  oc: Record<string, unknown>
  fs: FsJson
  env: [string, string][]
  progress: LabProgress
}

/** how many undo points are kept */
const UNDO_DEPTH = 30
/** the longest pause between a state change and the checks that follow it */
const EVALUATE_DELAY_MS = 200
const MUTATING = new Set(['create', 'update', 'patch', 'delete'])

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export class LabController extends SessionController {
  progress = $state<LabProgress>(newProgress(undefined, 0))
  /** the current step's last evaluation */
  result = $state.raw<StepResult | null>(null)
  /** bumped on every on-demand check, so the page can say it checked */
  checks = $state(0)
  undoDepth = $state(0)
  lastUndone = $state<string | null>(null)

  private undo: UndoPoint[] = []
  private pending: UndoPoint | null = null
  private pendingAudit = 0
  private stepStart = new Map<string, UndoPoint>()
  private evalTimer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly opts: LabControllerOptions) {
    super(labKey(opts.lab.id), opts, 'lab')
  }

  get lab(): Lab {
    return this.opts.lab
  }

  get currentStep(): Step | undefined {
    return this.lab.steps[this.progress.current]
  }

  get finished(): boolean {
    return this.progress.current >= this.lab.steps.length
  }

  statusOf(step: Step): 'todo' | 'current' | 'done' {
    if (this.progress.done.includes(step.id)) return 'done'
    return this.currentStep?.id === step.id ? 'current' : 'todo'
  }

  /** throws the lab's cluster and progress away and starts it again */
  async resetLab(): Promise<void> {
    await this.discardSaved()
    try {
      await this.store?.delete(this.stepStartKey)
    } catch (err) {
      console.warn('could not delete the saved start of the step', err)
    }
    await this.fresh()
  }

  /** the current step again: its cluster as it was when the step began (when known), its hints and answers cleared */
  resetStep(): void {
    const s = this.session
    const step = this.currentStep
    if (!s || !step) return
    const point = this.stepStart.get(step.id)
    if (point) this.restorePoint(s, point)
    const p = this.progress
    delete p.hints[step.id]
    p.solutions = p.solutions.filter((x) => x !== step.id)
    for (const q of step.checks.flatMap((c) => (c.question ? [c.question.id] : []))) delete p.answers[q]
    p.startedAt[step.id] = s.now()
    this.changed()
  }

  /** types a command into the terminal and runs it */
  runInTerminal(command: string): boolean {
    if (!this.terminal) return false
    this.terminal.focus()
    return this.terminal.run(command)
  }

  /** a command is about to run: remember the state before it */
  commandStart(command: string): void {
    const s = this.session
    if (!s) return
    this.pending = this.capture(s, command)
    this.pendingAudit = s.cluster.api.audit.length
  }

  commandDone(): void {
    const s = this.session
    const p = this.pending
    this.pending = null
    if (s && p) {
      const changed = s.cluster.api.audit.slice(this.pendingAudit).some((e) => MUTATING.has(e.verb))
      if (changed) {
        this.undo.push(p)
        if (this.undo.length > UNDO_DEPTH) this.undo.shift()
        this.undoDepth = this.undo.length
      }
    }
    this.evaluate()
    this.saver?.whenIdle()
  }

  /** restores the cluster (objects, clock, pending work) and the shell to just before the last command that changed it */
  undoLast(): void {
    const s = this.session
    const point = this.undo.pop()
    this.undoDepth = this.undo.length
    if (!s || !point) return
    this.restorePoint(s, point)
    const answers = this.progress.answers
    const hints = this.progress.hints
    const solutions = this.progress.solutions
    this.progress = { ...clone(point.progress), answers, hints, solutions }
    this.lastUndone = point.command
    this.changed()
  }

  checkNow(): void {
    this.checks++
    this.evaluate()
  }

  setAnswer(id: string, value: string): void {
    this.progress.answers[id] = value
    this.changed()
  }

  revealHint(): void {
    const step = this.currentStep
    if (!step) return
    const n = this.progress.hints[step.id] ?? 0
    if (n < step.hints.length) this.progress.hints[step.id] = n + 1
    this.changed()
  }

  revealSolution(): void {
    const step = this.currentStep
    if (!step || this.progress.solutions.includes(step.id)) return
    this.progress.solutions.push(step.id)
    this.changed()
  }

  /** evaluates the current step; a step that passes is done and the next one begins */
  evaluate(): void {
    if (this.evalTimer) {
      clearTimeout(this.evalTimer)
      this.evalTimer = null
    }
    const s = this.session
    if (!s) return
    let advanced = false
    for (;;) {
      const step = this.currentStep
      if (!step) {
        this.result = null
        break
      }
      const p = this.progress
      const r = evaluateStep(step, { cluster: s.cluster, stepStartedAt: p.startedAt[step.id] ?? 0, answers: p.answers })
      this.result = r
      if (!r.passed) break
      advanced = true
      if (!p.done.includes(step.id)) p.done.push(step.id)
      p.current++
      const next = this.currentStep
      if (next) {
        p.startedAt[next.id] = s.now()
        this.rememberStepStart(s, next.id)
      } else {
        p.finishedAt = s.now()
      }
    }
    if (advanced) {
      this.progress.wallUpdated = Date.now()
      this.saver?.whenIdle()
    }
  }

  private scheduleEvaluate = () => {
    if (this.evalTimer) return
    this.evalTimer = setTimeout(() => {
      this.evalTimer = null
      this.evaluate()
    }, EVALUATE_DELAY_MS)
  }

  private changed(): void {
    this.progress.wallUpdated = Date.now()
    this.evaluate()
    void this.saver?.now()
  }

  private capture(s: ClusterSession, command: string): UndoPoint {
    return {
      command,
      cluster: s.cluster.snapshot(),
      oc: { ...s.oc },
      fs: s.fs.toJSON(),
      env: [...s.shell.env.entries()],
      progress: clone($state.snapshot(this.progress)),
    }
  }

  private restorePoint(s: ClusterSession, point: UndoPoint): void {
    s.cluster.restore(point.cluster)
    Object.assign(s.oc, point.oc)
    Object.assign(s.fs, VirtualFs.fromJSON(point.fs))
    s.shell.env.clear()
    for (const [k, v] of point.env) s.shell.env.set(k, v)
    // wakes the subscribers (the checks, the clock, the cluster view)
    s.advance(0)
  }

  protected async restore(raw: unknown, record: LoadedRecord, speed: number): Promise<void> {
    const { session } = restoreSession(record.state, { timeMode: 'live' })
    const progress = readProgress(raw) ?? newProgress(this.lab.steps[0]?.id, session.now())
    const stepId = this.lab.steps[progress.current]?.id
    const start = stepId ? await this.loadStepStart(stepId) : null
    if (this.destroyed) return
    this.runLab(session, record.scrollback, speed, progress, start)
  }

  /** where the cluster as it was when the current step began is kept, for "Reset step" after a reload */
  private get stepStartKey(): string {
    return `${this.key}:step-start`
  }

  /**
   * The saved start of step `stepId`, restored through the same hardened path as the lab's own record; null when
   * there is none, it belongs to another step, or it cannot be used (then Reset step goes back to this load).
   */
  private async loadStepStart(stepId: string): Promise<UndoPoint | null> {
    try {
      const raw = (await this.store?.get(this.stepStartKey)) as { stepId?: unknown; state?: unknown } | undefined
      if (!raw || raw.stepId !== stepId || typeof raw.state !== 'string') return null
      const { session } = restoreSession(JSON.parse(raw.state), { timeMode: 'instant' })
      return this.capture(session, `start of ${stepId}`)
    } catch (err) {
      console.warn('the saved start of the step could not be used', err)
      return null
    }
  }

  /** remembers the cluster at the start of a step, in memory and in the store (written once per step) */
  private rememberStepStart(s: ClusterSession, stepId: string): void {
    this.stepStart.set(stepId, this.capture(s, `start of ${stepId}`))
    const lab = this.lab
    const state = JSON.stringify(saveSession(s, { scenario: lab.scenario, seed: lab.seed ?? 1, faults: lab.faults ?? [] }))
    this.store?.put(this.stepStartKey, { stepId, state }).catch((err) => console.warn('could not save the start of the step', err))
  }

  protected async fresh(): Promise<void> {
    const lab = this.lab
    try {
      const scenario = scenarioByName(lab.scenario)
      if (!scenario) throw new Error(`this lab needs the scenario "${lab.scenario}", which this version does not have`)
      const cluster = scenario.build({ seed: lab.seed ?? 1, faults: lab.faults ?? [] })
      const session = new ClusterSession(cluster, { timeMode: 'live' })
      const sink = { write: () => {} }
      for (const command of lab.setup ?? []) {
        const code = await session.execute(command, { stdout: sink, stderr: sink, signal: new AbortController().signal })
        if (code !== 0) throw new Error(`the lab's setup command \`${command}\` failed (exit ${code})`)
      }
      if (this.destroyed) return
      this.runLab(session, [], this.opts.urlSpeed ?? 1, newProgress(lab.steps[0]?.id, session.now()))
    } catch (err) {
      this.phase = { name: 'failed', message: message(err) }
    }
  }

  /** @param start the saved start of the current step (a restored lab), else the step starts now */
  private runLab(session: ClusterSession, scrollback: string[], speed: number, progress: LabProgress, start: UndoPoint | null = null): void {
    const lab = this.lab
    const prepare = () => {
      this.progress = progress
      this.undo = []
      this.undoDepth = 0
      this.stepStart.clear()
      const current = this.currentStep
      if (current && start) this.stepStart.set(current.id, start)
      else if (current) this.rememberStepStart(session, current.id)
    }
    this.run(
      session,
      scrollback,
      speed,
      (lines) => ({
        ...makeRecord({
          scenario: lab.scenario,
          state: saveSession(session, { scenario: lab.scenario, seed: lab.seed ?? 1, faults: lab.faults ?? [] }),
          scrollback: lines,
          speed: this.speed,
          paused: this.paused,
          prompt: session.bastionPrompt(),
          savedAt: Date.now(),
        }),
        kind: 'lab',
        labId: lab.id,
        progress: $state.snapshot(this.progress),
      }),
      prepare,
    )
  }

  protected sessionChanged(): void {
    this.scheduleEvaluate()
  }

  protected stopped(): void {
    if (this.evalTimer) clearTimeout(this.evalTimer)
    this.evalTimer = null
  }

  protected started(): void {
    this.evaluate()
    void this.saver?.now()
  }
}
