/** The one place the page obtains its `TerminalSession`: a sandbox session on a fresh simulated cluster. */
import type { TerminalSession } from '../../simulator/terminal-session'
import { createSandboxSession } from '../../simulator/sandbox'

export type { TerminalSession }

/** the scenario the sandbox starts with */
export const DEFAULT_SCENARIO = 'minimal'

export function createSession(options: { scenario?: string; seed?: number; user?: string } = {}): TerminalSession {
  return createSandboxSession({ ...options, scenario: options.scenario ?? DEFAULT_SCENARIO, timeMode: 'live' })
}
