/**
 * The headless runner: reads a shell script, runs its top-level commands one by one against one fresh cluster,
 * and reports what a terminal would have shown. The contract (`npm run sim`) is documented in the README.
 */
import { scenarioByName, SCENARIOS } from '../scenarios'
import { FAULT_IDS } from '../scenarios/faults'
import { ClusterSession } from '../session'
import { splitCommands } from '../shell'
import type { OutputStream } from '../shell/types'

/** Virtual seconds between two commands, as if typed by a person. */
export const SECONDS_PER_COMMAND = 2
/** Commands that run until interrupted (`watch`, `-w`, `logs -f`) are interrupted after this much virtual time. */
export const ENDLESS_COMMAND_LIMIT_MS = 30_000

export interface RunOptions {
  scenario: string
  seed?: number
  nodes?: number
  faults?: string[]
}

export interface CommandResult {
  command: string
  stdout: string
  stderr: string
  exitCode: number
  /** virtual seconds since the cluster was created, when the command finished */
  time: number
  /** the prompt the command was typed at (`$ ` at top level, the pod shell's inside `oc rsh`) */
  prompt: string
  /** stdout and stderr interleaved as a terminal shows them */
  terminal: string
}

export class RunnerError extends Error {}

/** Validates options before any work (unknown scenario or fault). */
export function checkOptions(opts: RunOptions): void {
  if (!scenarioByName(opts.scenario)) {
    throw new RunnerError(`unknown scenario "${opts.scenario}"; known scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`)
  }
  for (const f of opts.faults ?? []) {
    if (!FAULT_IDS.includes(f)) throw new RunnerError(`unknown fault "${f}"; known faults: ${FAULT_IDS.join(', ')}`)
  }
}

/** Creates the session a script runs in (exported for tests that want to keep driving it). */
export function createRunSession(opts: RunOptions): ClusterSession {
  checkOptions(opts)
  const scenario = scenarioByName(opts.scenario)!
  const cluster = scenario.build({ seed: opts.seed ?? 1, extraNodes: opts.nodes ?? 0, faults: opts.faults ?? [] })
  return new ClusterSession(cluster, { timeMode: 'instant' })
}

/** Runs every command of `script`; never throws for a command's failure (that is its exit code). */
export async function runScript(script: string, opts: RunOptions): Promise<CommandResult[]> {
  const session = createRunSession(opts)
  return runInSession(session, script)
}

/**
 * Runs `script` in an existing session. `rewrite` may change each command just before it runs (golden
 * transcripts use it to put live generated names where the workshops print their own clusters' names).
 */
export async function runInSession(session: ClusterSession, script: string, rewrite: (command: string) => string = (c) => c): Promise<CommandResult[]> {
  const results: CommandResult[] = []
  const created = session.cluster.createdAt
  for (const typed of commandsOf(session, script)) {
    const command = rewrite(typed)
    const prompt = session.inSubshell() ? session.prompt() : '$ '
    let stdout = ''
    let stderr = ''
    let terminal = ''
    const out: OutputStream = { write: (t) => ((stdout += t), (terminal += t)) }
    const err: OutputStream = { write: (t) => ((stderr += t), (terminal += t)) }
    const ac = new AbortController()
    session.deadline = { at: session.now() + ENDLESS_COMMAND_LIMIT_MS, abort: () => ac.abort() }
    const exitCode = await session.execute(command, { stdout: out, stderr: err, signal: ac.signal })
    session.deadline = undefined
    results.push({ command, stdout, stderr, exitCode, time: Math.floor((session.now() - created) / 1000), prompt, terminal })
    session.advance(SECONDS_PER_COMMAND * 1000)
  }
  return results
}

/** Top-level commands of a script; inside a pod shell every line is one command. */
function* commandsOf(session: ClusterSession, script: string): Generator<string> {
  let rest = script
  while (rest.trim() !== '') {
    if (session.inSubshell()) {
      const nl = rest.indexOf('\n')
      const line = nl < 0 ? rest : rest.slice(0, nl)
      rest = nl < 0 ? '' : rest.slice(nl + 1)
      if (line.trim() === '') continue
      yield line
      continue
    }
    const [first] = splitCommands(rest)
    if (first === undefined) break
    const at = rest.indexOf(first)
    rest = rest.slice(at + first.length)
    if (first.trim() === '' || first.trim().startsWith('#')) continue
    yield first.trim()
  }
}

/** The text form: `$ command` then exactly what a terminal would show. */
export function formatTranscript(results: CommandResult[]): string {
  return results.map((r) => `${r.prompt}${r.command}\n${r.terminal}`).join('')
}
