/** The scenario registry: stable names that the runner, labs and tests refer to. */
import { awsScenario } from './aws'
import { aws40Scenario } from './aws-40'
import { baremetalScenario } from './baremetal'
import { minimalScenario } from './minimal'
import { ocsScenario } from './ocs'
import type { Scenario } from './types'

export const SCENARIOS: Scenario[] = [minimalScenario, awsScenario, aws40Scenario, baremetalScenario, ocsScenario]

/** The scenario called `name`, if any. */
export function scenarioByName(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name)
}

export type { Scenario, ScenarioOptions } from './types'
