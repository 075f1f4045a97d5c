/**
 * The one place the page obtains its `TerminalSession`.
 *
 * TEMPORARY: `simulator/sandbox.ts` does not exist yet, so this uses the echo stub. To wire the real simulator,
 * replace the import below with
 *   import { createSandboxSession } from '../../simulator/sandbox'
 * and delete `src/lib/stub-session.ts`.
 */
import type { TerminalSession } from '../../simulator/terminal-session'
import { createSandboxSession } from './stub-session'

export type { TerminalSession }

/** the scenario the sandbox starts with */
export const DEFAULT_SCENARIO = 'minimal'

export function createSession(options: { scenario?: string; seed?: number; user?: string } = {}): TerminalSession {
  return createSandboxSession({ ...options, scenario: options.scenario ?? DEFAULT_SCENARIO })
}
