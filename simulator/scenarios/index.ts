/** The scenario registry: stable names that the runner, labs and tests refer to. */
import { minimalScenario } from './minimal'
import type { Scenario } from './types'

export const SCENARIOS: Scenario[] = [minimalScenario]

export function scenarioByName(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name)
}

export type { Scenario, ScenarioOptions } from './types'
