/**
 * Labs with `faults: { oneOf: [...] }` (break-fix): one of several faults is switched on, chosen by the lab's
 * seed; steps may carry one solution per fault (`solutions`). A variant is the lab for one chosen fault.
 */
import type { FaultChoice, Lab } from './types'

/** Whether lab.yaml's `faults` is a choice (`{ oneOf }`) rather than a list. */
export function isFaultChoice(f: unknown): f is FaultChoice {
  return typeof f === 'object' && f !== null && !Array.isArray(f) && Array.isArray((f as FaultChoice).oneOf)
}

/** The fault a seed picks among `choices`: `choices[seed mod n]` (seed defaults to 1, like scenarios'). */
export function chooseFault(choices: string[], seed = 1): string {
  if (!choices.length) throw new Error('no fault to choose from')
  const n = choices.length
  return choices[((Math.trunc(seed) % n) + n) % n]
}

/** The lab with fault `faultId` switched on and each step's `solution` set to that fault's script. */
export function labVariant(lab: Lab, faultId: string): Lab {
  if (!lab.faultChoices) throw new Error(`lab ${lab.id} has no fault choice`)
  if (!lab.faultChoices.includes(faultId)) throw new Error(`fault "${faultId}" is not one of lab ${lab.id}'s choices: ${lab.faultChoices.join(', ')}`)
  return {
    ...lab,
    faults: [faultId],
    steps: lab.steps.map((s) => (s.solutions ? { ...s, solution: s.solutions[faultId].trim() + '\n' } : s)),
  }
}

/** Every variant of a lab: one per fault choice, or just the lab itself. */
export function labVariants(lab: Lab): { fault?: string; lab: Lab }[] {
  return lab.faultChoices ? lab.faultChoices.map((f) => ({ fault: f, lab: labVariant(lab, f) })) : [{ lab }]
}
