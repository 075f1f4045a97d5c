/**
 * Records the image registry's conditions (`configs.imageregistry.operator.openshift.io/cluster`) as they change
 * over virtual time, for the cluster view's timeline. One recorder per session, kept as long as the session lives.
 */
import type { ClusterSession } from '../../../simulator/session'
import type { KObject } from '../../../simulator/api/types'

export const REGISTRY_CONFIG = 'configs.imageregistry.operator.openshift.io'

export interface Transition {
  /** virtual time (ms) */
  at: number
  type: string
  status: string
  reason?: string
  message?: string
  /** 'seen': observed by the page as it happened; 'lastTransitionTime': read from the object */
  source: 'seen' | 'lastTransitionTime'
}

type Cond = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }

export function registryConfig(session: ClusterSession): KObject | undefined {
  try {
    return session.cluster.api.tryGet(REGISTRY_CONFIG, undefined, 'cluster')
  } catch {
    return undefined
  }
}

export function conditionsOf(o: KObject | undefined): Cond[] {
  const c = (o?.status as { conditions?: Cond[] } | undefined)?.conditions
  return Array.isArray(c) ? c : []
}

class Recorder {
  seen: Transition[] = []
  private last = new Map<string, string>()

  constructor(private readonly session: ClusterSession) {
    this.observe()
    session.subscribe(() => this.observe())
  }

  private observe(): void {
    const now = this.session.now()
    for (const c of conditionsOf(registryConfig(this.session))) {
      const sig = `${c.status}|${c.reason ?? ''}`
      if (this.last.get(c.type) === sig) continue
      const first = !this.last.has(c.type)
      this.last.set(c.type, sig)
      // the state found when the page opened is not a transition the page saw
      if (!first) this.seen.push({ at: now, type: c.type, status: c.status, reason: c.reason, message: c.message, source: 'seen' })
    }
    if (this.seen.length > 500) this.seen.splice(0, this.seen.length - 500)
  }

  /** every known transition, oldest first: lastTransitionTime values plus what the page saw */
  timeline(): Transition[] {
    const out: Transition[] = []
    for (const c of conditionsOf(registryConfig(this.session))) {
      const t = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN
      if (Number.isFinite(t)) out.push({ at: t, type: c.type, status: c.status, reason: c.reason, message: c.message, source: 'lastTransitionTime' })
    }
    for (const s of this.seen) {
      // a transition seen live is also the object's lastTransitionTime (to the second): keep one
      if (!out.some((o) => o.type === s.type && o.status === s.status && Math.abs(o.at - s.at) < 1000)) out.push(s)
    }
    return out.sort((a, b) => a.at - b.at || a.type.localeCompare(b.type))
  }
}

const recorders = new WeakMap<ClusterSession, Recorder>()

/** starts recording (idempotent) and returns the session's recorder */
export function recordRegistryConditions(session: ClusterSession): Recorder {
  let r = recorders.get(session)
  if (!r) {
    r = new Recorder(session)
    recorders.set(session, r)
  }
  return r
}
