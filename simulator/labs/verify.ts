/**
 * Proof that a lab is solvable and honest: from its scenario (faults, setup), every step's checks must fail
 * before the step's solution runs and pass after it (and after `settle` virtual seconds). Each of a step's own checks
 * must fail before the solution too, unless it says why it may not (`alreadyMetOk`): a check that already holds
 * asks nothing of the trainee.
 */
import { resolveResource } from '../api/resources'
import { createRunSession, runInSession, type CommandResult } from '../runner/run-script'
import { scenarioByName } from '../scenarios'
import type { ClusterSession } from '../session'
import { describeCheck, evaluateStep, questionsOf, type StepResult } from './checks'
import type { Check, Lab } from './types'
import { labVariants } from './variants'

/** The verdict for one lab. */
export type VerifyResult =
  | { id: string; status: 'ok'; steps: number; variants?: number }
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

/** A step's own check that already held when the step began (and does not say why it may). */
interface MetCheck {
  step: string
  index: number
  text: string
}

function metFailure(lab: Lab, met: MetCheck[], suffix = ''): VerifyResult | undefined {
  if (!met.length) return undefined
  const step = met[0].step
  const here = met.filter((m) => m.step === step).map((m) => `check ${m.index + 1} (${m.text})`)
  return { id: lab.id, status: 'fail', step, reason: `${here.join(', ')} already ${here.length > 1 ? 'pass' : 'passes'} before the solution runs${suffix}; make the step ask for a change, or say why with alreadyMetOk` }
}

/**
 * Replays a lab step by step; never throws for the lab's own problems. A lab with `faults: { oneOf }` is replayed
 * once per fault, each with that fault's solutions (`variants` counts them; a failure names its fault). There, a
 * check is reported as already met only if it is for every fault: an outcome check (the operator runs, no pod is
 * Pending) that some faults leave intact still tells the others' fix.
 */
export async function verifyLab(lab: Lab): Promise<VerifyResult> {
  if (!lab.faultChoices) {
    const r = await verifyOne(lab)
    return r.status === 'fail' ? r : (metFailure(lab, r.met) ?? r.result)
  }
  let common: MetCheck[] | undefined
  for (const v of labVariants(lab)) {
    const r = await verifyOne(v.lab)
    if (r.status === 'fail') return { ...r, reason: `with fault ${v.fault}: ${r.reason}` }
    common = common === undefined ? r.met : common.filter((m) => r.met.some((x) => x.step === m.step && x.index === m.index))
  }
  return metFailure(lab, common ?? [], ' with every fault') ?? { id: lab.id, status: 'ok', steps: lab.steps.length, variants: lab.faultChoices.length }
}

type OneResult = Extract<VerifyResult, { status: 'fail' }> | { status: 'ok'; result: VerifyResult; met: MetCheck[] }

async function verifyOne(lab: Lab): Promise<OneResult> {
  const scenario = scenarioByName(lab.scenario)
  // the loader already refuses an unknown scenario; this guards labs built by hand
  if (!scenario) return { id: lab.id, status: 'fail', reason: `unknown scenario "${lab.scenario}"` }
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
  const met: MetCheck[] = []
  for (const step of lab.steps) {
    const stepStartedAt = session.now()
    const before = evaluateStep(step, { cluster: session.cluster, stepStartedAt, answers: {} })
    if (before.passed) return { id: lab.id, status: 'fail', step: step.id, reason: 'its checks already pass before the solution runs' }
    before.results.forEach((r, index) => {
      if (r.passed && r.check.alreadyMetOk === undefined) met.push({ step: step.id, index, text: describeCheck({ ...r.check, message: undefined }) })
    })
    const results = await runInSession(session, step.solution)
    if (step.settle) session.advance(step.settle * 1000)
    const answers = answersFromOutput(questionsOf(step.checks).map((q) => q.id), results)
    const after = evaluateStep(step, { cluster: session.cluster, stepStartedAt, answers })
    if (!after.passed) return { id: lab.id, status: 'fail', step: step.id, reason: `the solution does not reach the goal: ${failures(after)}${failedCommands(results)}` }
  }
  return { status: 'ok', result: { id: lab.id, status: 'ok', steps: lab.steps.length }, met }
}
