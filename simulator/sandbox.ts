/** Entry point for the page's sandbox: a session on a fresh cluster of a named scenario. */
import { scenarioByName } from './scenarios'
import { ClusterSession, type SessionOptions } from './session'

export interface SandboxOptions {
  scenario: string
  seed?: number
  user?: string
  /** extra worker nodes */
  nodes?: number
  timeMode?: SessionOptions['timeMode']
}

export function createSandboxSession(options: SandboxOptions): ClusterSession {
  const scenario = scenarioByName(options.scenario)
  if (!scenario) throw new Error(`unknown scenario "${options.scenario}"`)
  const cluster = scenario.build({ seed: options.seed ?? 1, extraNodes: options.nodes ?? 0 })
  return new ClusterSession(cluster, { timeMode: options.timeMode ?? 'live', user: options.user })
}
