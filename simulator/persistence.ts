/**
 * Saving and restoring a whole session (cluster state, clock, pending work, randomness, logs, the shell's files,
 * environment and history, the client's current project) as plain JSON, versioned. A saved state from another
 * version or a corrupt one is refused with a clear message instead of being half-loaded.
 */
import type { AuditEntry } from './api/server'
import type { StoreState } from './api/store'
import type { Cluster, ClusterInfo } from './cluster'
import type { ClockSnapshot } from './core/clock'
import { LogBook, type LogLine } from './core/logbook'
import type { RngState } from './core/rng'
import type { OcSession } from './cli/env'
import { scenarioByName } from './scenarios'
import { ClusterSession, type SessionOptions } from './session'
import { VirtualFs, type FsJson } from './shell'

/** Bumped whenever the saved shape changes; older saves are refused (and the page offers a reset). */
export const SAVE_VERSION = 1
const FORMAT = 'registry-workshop-session'

export interface SavedSession {
  format: typeof FORMAT
  version: number
  scenario: string
  seed: number
  faults: string[]
  profile: string
  info: ClusterInfo
  cluster: {
    store: StoreState
    rv: number
    audit: AuditEntry[]
    clock: ClockSnapshot
    rng: RngState
    logs: Record<string, LogLine[]>
    services: Record<string, unknown>
  }
  session: {
    oc: OcSession
    fs: FsJson
    env: [string, string][]
    history: string[]
  }
}

export class PersistenceError extends Error {}

/** Captures everything needed to resume `session` later. */
export function saveSession(session: ClusterSession, meta: { scenario: string; seed: number; faults?: string[] }): SavedSession {
  const c = session.cluster
  const snap = c.snapshot()
  return {
    format: FORMAT,
    version: SAVE_VERSION,
    scenario: meta.scenario,
    seed: meta.seed,
    faults: meta.faults ?? [],
    profile: c.profile,
    info: c.info,
    cluster: {
      store: snap.api.store,
      rv: snap.api.rv,
      audit: [...c.api.audit],
      clock: snap.clock,
      rng: snap.rng,
      logs: c.logs.toJSON(),
      services: snap.services,
    },
    session: {
      oc: { ...session.oc },
      fs: session.fs.toJSON(),
      env: [...session.shell.env.entries()],
      history: session.history(),
    },
  }
}

/** Rebuilds a session from saved JSON; throws PersistenceError when the data cannot be trusted. */
export function restoreSession(data: unknown, opts: Omit<SessionOptions, 'fs'>): { session: ClusterSession; saved: SavedSession } {
  const saved = checkSaved(data)
  // checkSaved looks at the shape; anything deeper that does not hold (a file list, a timer, an object) surfaces
  // while rebuilding, and must still be the clear refusal, never a crash of the page
  try {
    const scenario = scenarioByName(saved.scenario)
    if (!scenario) throw new PersistenceError(`the saved cluster was made from the unknown scenario "${saved.scenario}"`)
    const cluster: Cluster = scenario.prepare({ seed: saved.seed, faults: saved.faults })
    const logs = LogBook.fromJSON(saved.cluster.logs)
    cluster.restore({
      profile: cluster.profile,
      info: cluster.info,
      api: { store: saved.cluster.store, rv: saved.cluster.rv, auditLength: saved.cluster.audit.length },
      clock: saved.cluster.clock,
      rng: saved.cluster.rng,
      logs: {},
      services: saved.cluster.services,
    })
    cluster.api.audit.splice(0, cluster.api.audit.length, ...saved.cluster.audit)
    cluster.logs.restoreFrom(logs)
    const session = new ClusterSession(cluster, { ...opts, fs: VirtualFs.fromJSON(saved.session.fs), project: saved.session.oc.project, user: saved.session.oc.user })
    Object.assign(session.oc, saved.session.oc)
    for (const [k, v] of saved.session.env) session.shell.env.set(k, v)
    session.shell.setHistory(saved.session.history)
    return { session, saved }
  } catch (e) {
    if (e instanceof PersistenceError) throw e
    throw new PersistenceError(`the saved state could not be loaded (it may be corrupt): ${e instanceof Error ? e.message : String(e)}`)
  }
}

function checkSaved(data: unknown): SavedSession {
  const d = data as Partial<SavedSession> | null
  if (!d || typeof d !== 'object' || d.format !== FORMAT) throw new PersistenceError('the saved state is not a workshop session (it may be corrupt)')
  if (typeof d.version !== 'number') throw new PersistenceError('the saved state has no version (it may be corrupt)')
  if (d.version < SAVE_VERSION) throw new PersistenceError(`the saved state comes from an older version of the workshop (format ${d.version}, this one reads ${SAVE_VERSION})`)
  if (d.version > SAVE_VERSION) throw new PersistenceError(`the saved state comes from a newer version of the workshop (format ${d.version}, this one reads ${SAVE_VERSION})`)
  const c = d.cluster
  const s = d.session
  const ok =
    typeof d.scenario === 'string' &&
    typeof d.seed === 'number' &&
    c && typeof c === 'object' && c.store && typeof c.store === 'object' && Number.isSafeInteger(c.rv) && c.rv >= 0 &&
    Array.isArray(c.audit) && c.clock && typeof c.clock.now === 'number' && Array.isArray(c.clock.timers) &&
    Array.isArray(c.rng) && c.rng.length === 4 && c.rng.every((n) => Number.isInteger(n)) && c.logs && typeof c.logs === 'object' &&
    s && typeof s === 'object' && s.oc && typeof s.oc.project === 'string' && s.fs && Array.isArray(s.env) && Array.isArray(s.history)
  if (!ok || !storeIsWellFormed(c.store)) throw new PersistenceError('the saved state is incomplete (it may be corrupt)')
  return d as SavedSession
}

/** resource → namespace → name → an object whose metadata names it */
function storeIsWellFormed(store: unknown): boolean {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObj(store) || !isObj(store.objects)) return false
  for (const byNs of Object.values(store.objects)) {
    if (!isObj(byNs)) return false
    for (const items of Object.values(byNs)) {
      if (!isObj(items)) return false
      for (const [name, obj] of Object.entries(items)) {
        if (!isObj(obj) || !isObj(obj.metadata) || obj.metadata.name !== name) return false
      }
    }
  }
  return true
}
