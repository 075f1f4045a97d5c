/**
 * `for`, `while` and `until` loops, `break`/`continue`, and the guard that keeps endless loops harmless.
 *
 * An endless loop must stay interruptible, in the page and headless:
 * - every wait inside a `while`/`until` loop (its `sleep`s, `oc wait`...) is marked endless, so the headless
 *   runner interrupts the loop after its 30 virtual seconds exactly as it interrupts `watch`;
 * - a loop whose iterations neither wait nor read input gives the cluster no time to change, so only a counter
 *   of its own can end it, and it would freeze the page: every `YIELD_EVERY` such iterations in a row it hands
 *   control to the host (a zero-length virtual wait: the page's next tick, so Ctrl+C gets through), and after
 *   `IDLE_ITERATION_LIMIT` in a row the whole line is stopped with a message, as if interrupted (a counting
 *   loop longer than that is stopped too: the price of never hanging). `for` loops always end; they are
 *   neither counted nor paused.
 */
import type { ForCommand, List, WhileCommand, Word } from './ast'
import { InputCursor } from './streams'
import type { Frame } from './interpreter'

/** Consecutive `while`/`until` iterations that neither waited nor read input, before the line is stopped (by default). */
export const IDLE_ITERATION_LIMIT = 10_000
/** How often such an iteration lets the host run (the page's event loop, the headless deadline). */
const YIELD_EVERY = 1_000

const ABORTED = 130
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Thrown by `break`/`continue`; `levels` counts the enclosing loops it still has to leave. */
export class LoopControl {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly levels: number,
    /** the exit status of the builtin, which becomes the loop's */
    readonly status: number,
  ) {}
}

/** Thrown when the idle-iteration limit is reached; ends the whole command line with status 130. */
export class LoopLimit {}

/** Loop bookkeeping of one shell. */
export class LoopState {
  /** loops currently running (`break` outside any loop only prints a message) */
  depth = 0
  /** waits on the virtual clock so far; the shell counts them */
  waits = 0
  private idle = 0

  constructor(private readonly limit = IDLE_ITERATION_LIMIT) {}

  /** A new top-level command line starts with a fresh idle count. */
  startLine(): void {
    this.idle = 0
  }

  /** Called after each `while`/`until` iteration; throws `LoopLimit` when the loop cannot end by itself. */
  async afterIteration(progress: boolean, frame: Frame, pause: () => Promise<void>): Promise<void> {
    if (progress) {
      this.idle = 0
      return
    }
    this.idle++
    if (this.idle === this.limit) {
      frame.stderr.write(`bash: loop stopped after ${this.limit} iterations that neither waited nor read input (add a sleep)\n`)
    }
    // past the limit too: an enclosing loop that catches nothing stops at its next iteration
    if (this.idle >= this.limit) throw new LoopLimit()
    if (this.idle % YIELD_EVERY === 0) await pause()
  }
}

/** What loops need from the interpreter. */
export interface LoopHost {
  readonly loops: LoopState
  execList(list: List, frame: Frame): Promise<number>
  /** expands the word list, or reports the error and returns undefined */
  expandWordList(words: Word[], frame: Frame): Promise<string[] | undefined>
  setVar(name: string, value: string): void
  /** a zero-length wait that lets the host run (and interrupt) */
  pause(frame: Frame): Promise<void>
}

/** Runs a loop body, turning `break`/`continue` aimed at this loop into a result. */
async function runBody(list: List, frame: Frame, host: LoopHost): Promise<{ status: number; stop: boolean }> {
  try {
    return { status: await host.execList(list, frame), stop: false }
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e
    if (e.levels > 1) throw new LoopControl(e.kind, e.levels - 1, e.status)
    return { status: e.status, stop: e.kind === 'break' }
  }
}

/** `for NAME in WORDS; do LIST; done`: the words are expanded once, before the first iteration. */
export async function execFor(node: ForCommand, frame: Frame, host: LoopHost): Promise<number> {
  if (!NAME.test(node.name)) {
    frame.stderr.write(`bash: \`${node.name}': not a valid identifier\n`)
    return 1
  }
  // without `in`, bash iterates over "$@", which is always empty here
  const values = node.words ? await host.expandWordList(node.words, frame) : []
  if (!values) return 1
  let status = 0
  host.loops.depth++
  try {
    for (const value of values) {
      if (frame.signal.aborted) return ABORTED
      host.setVar(node.name, value)
      const r = await runBody(node.body, frame, host)
      status = r.status
      if (r.stop) break
    }
  } finally {
    host.loops.depth--
  }
  return status
}

/** `while`/`until`: the status is the body's last, or 0 when the body never ran. */
export async function execWhile(node: WhileCommand, frame: Frame, host: LoopHost): Promise<number> {
  // waits inside may never end by themselves: the headless runner may interrupt them like `watch`
  const inner: Frame = { ...frame, endless: true }
  const input = frame.stdin instanceof InputCursor ? frame.stdin : undefined
  let status = 0
  host.loops.depth++
  try {
    for (;;) {
      if (frame.signal.aborted) return ABORTED
      const waits = host.loops.waits
      const unread = input?.rest.length
      const cond = await runBody(node.cond, inner, host)
      if (frame.signal.aborted) return ABORTED
      if (cond.stop) {
        status = cond.status
        break
      }
      if ((cond.status === 0) === node.until) break
      const r = await runBody(node.body, inner, host)
      status = r.status
      if (r.stop) break
      const progress = host.loops.waits !== waits || input?.rest.length !== unread
      await host.loops.afterIteration(progress, inner, () => host.pause(inner))
    }
  } finally {
    host.loops.depth--
  }
  return status
}
