/** The one place the page obtains its `TerminalSession`: a sandbox session on a fresh or a restored cluster. */
import type { TerminalSession } from '../../simulator/terminal-session'
import type { ClusterSession } from '../../simulator/session'
import { createSandboxSession } from '../../simulator/sandbox'
import { restoreSession, saveSession, type SavedSession } from '../../simulator/persistence'
import { DEFAULT_SCENARIO } from './session-defaults'

export type { TerminalSession, ClusterSession, SavedSession }
export { DEFAULT_SCENARIO, DEFAULT_SEED, INITIAL_PROMPT } from './session-defaults'

export function createSession(options: { scenario?: string; seed?: number; user?: string; nodes?: number } = {}): ClusterSession {
  return createSandboxSession({ ...options, scenario: options.scenario ?? DEFAULT_SCENARIO, timeMode: 'live' })
}

/** the session's whole state, for storage */
export function saveSandbox(session: ClusterSession, meta: { scenario: string; seed: number }): SavedSession {
  return saveSession(session, meta)
}

/** rebuilds a sandbox session from stored data; throws (PersistenceError with a clear message) when it cannot */
export function restoreSandbox(data: unknown): { session: ClusterSession; saved: SavedSession } {
  return restoreSession(data, { timeMode: 'live' })
}
