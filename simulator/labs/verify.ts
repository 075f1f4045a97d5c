/**
 * Proof that a lab is solvable and honest: from its scenario (faults, setup), every step's checks must fail
 * before the step's solution runs and pass after it (and after `settle` virtual seconds).
 */
import { resolveResource } from '../api/resources'
import { createRunSession, runInSession, type CommandResult } from '../runner/run-script'
import { scenarioByName } from '../scenarios'
import type { ClusterSession } from '../session'
import { evaluateStep, questionsOf, type StepResult } from './checks'
import type { Check, Lab } from './types'
import { labVariants } from './variants'

/** The verdict for one lab. */
export type VerifyResult =
  | { id: string; status: 'ok'; steps: number; variants?: number }
  | { id: string; status: 'skip'; reason: string }
  | { id: string; status: 'fail'; step?: string; reason: string }

/** The answers a solution gives to a step's questions: its last non-empty output lines, in order. */
export function answersFromOutput(questionIds: string[], results: CommandResult[]): Record<string, string> {
  const lines = results.flatMap((r) => r.stdout.split('\n')).map((l) => l.trim()).filter((l) => l !== '')
  const tail = lines.slice(Math.max(0, lines.length - questionIds.length))
  return Object.fromEntries(questionIds.map((id, i) => [id, tail[i] ?? '']))
}

function resourcesOf(c: Check): string[] {
  const own = [c.exists, c.absent, c.jsonpath, c.condition, c.count, c.question, c.hasRead].flatMap((s) => (s?.resource ? [s.resource] : []))
  return [...own, ...(c.all ?? []).flatMap(resourcesOf), ...(c.any ?? []).flatMap(resourcesOf), ...(c.not ? resourcesOf(c.not) : [])]
}

function failures(r: StepResult): string {
  return r.results.filter((x) => !x.passed).map((x) => x.message).join('; ')
}

function failedCommands(results: CommandResult[]): string {
  const bad = results.filter((r) => r.exitCode !== 0)
  return bad.length ? ` (failed commands: ${bad.map((r) => `\`${r.command}\` exited ${r.exitCode}: ${r.stderr.trim().split('\n')[0] ?? ''}`).join('; ')})` : ''
}

/** Builds the lab's starting session: scenario with seed and faults, then the setup commands. */
export async function startLab(lab: Lab): Promise<{ session: ClusterSession; setup: CommandResult[] }> {
  const session = createRunSession({ scenario: lab.scenario, seed: lab.seed, faults: lab.faults })
  const setup = await runInSession(session, (lab.setup ?? []).join('\n'))
  return { session, setup }
}

/**
 * Replays a lab step by step; never throws for the lab's own problems. A lab with `faults: { oneOf }` is replayed
 * once per fault, each with that fault's solutions (`variants` counts them; a failure names its fault).
 */
export async function verifyLab(lab: Lab): Promise<VerifyResult> {
  if (!lab.faultChoices) return verifyOne(lab)
  for (const v of labVariants(lab)) {
    const r = await verifyOne(v.lab)
    if (r.status === 'fail') return { ...r, reason: `with fault ${v.fault}: ${r.reason}` }
    if (r.status === 'skip') return r
  }
  return { id: lab.id, status: 'ok', steps: lab.steps.length, variants: lab.faultChoices.length }
}

async function verifyOne(lab: Lab): Promise<VerifyResult> {
  const scenario = scenarioByName(lab.scenario)
  if (!scenario) return { id: lab.id, status: 'skip', reason: `scenario "${lab.scenario}" not available` }
  for (const step of lab.steps) {
    for (const c of [...step.checks, ...(step.wrongPaths ?? []).map((w) => w.when)]) {
      for (const r of resourcesOf(c)) {
        try {
          resolveResource(r, scenario.profile)
        } catch {
          return { id: lab.id, status: 'fail', step: step.id, reason: `unknown resource "${r}" on profile ${scenario.profile}` }
        }
      }
    }
  }
  let started
  try {
    started = await startLab(lab)
  } catch (e) {
    return { id: lab.id, status: 'fail', reason: `cannot start: ${(e as Error).message}` }
  }
  const { session, setup } = started
  const badSetup = setup.find((r) => r.exitCode !== 0)
  if (badSetup) return { id: lab.id, status: 'fail', reason: `setup command \`${badSetup.command}\` exited ${badSetup.exitCode}: ${badSetup.stderr.trim()}` }
  for (const step of lab.steps) {
    const stepStartedAt = session.now()
    const before = evaluateStep(step, { cluster: session.cluster, stepStartedAt, answers: {} })
    if (before.passed) return { id: lab.id, status: 'fail', step: step.id, reason: 'its checks already pass before the solution runs' }
    const results = await runInSession(session, step.solution)
    if (step.settle) session.advance(step.settle * 1000)
    const answers = answersFromOutput(questionsOf(step.checks).map((q) => q.id), results)
    const after = evaluateStep(step, { cluster: session.cluster, stepStartedAt, answers })
    if (!after.passed) return { id: lab.id, status: 'fail', step: step.id, reason: `the solution does not reach the goal: ${failures(after)}${failedCommands(results)}` }
  }
  return { id: lab.id, status: 'ok', steps: lab.steps.length }
}
