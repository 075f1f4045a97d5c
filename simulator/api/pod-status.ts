/**
 * What `oc get pods` shows in READY, STATUS and RESTARTS, derived from a pod's status exactly like the
 * server-side printer (k8s printPod): waiting/terminated reasons win over the phase, `Terminating` when
 * deleting, `Init:x/y` while init containers run.
 */
import type { KObject } from './types'

export interface PodSummary {
  ready: number
  total: number
  status: string
  restarts: number
  /** finishedAt of the most recent restart's termination, for `N (5m ago)` */
  lastRestart?: string
}

/** Summaries of stored (frozen, so unchanging) pods: the table printer asks for several columns of each row. */
const summaries = new WeakMap<KObject, PodSummary>()

export function summarizePod(pod: KObject): PodSummary {
  const frozen = Object.isFrozen(pod)
  if (frozen) {
    const hit = summaries.get(pod)
    if (hit) return { ...hit }
  }
  const s = computeSummary(pod)
  if (frozen) summaries.set(pod, { ...s })
  return s
}

function computeSummary(pod: KObject): PodSummary {
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  const total = (spec.containers ?? []).length
  let reason: string = status.reason || status.phase || 'Pending'
  let restarts = 0
  let ready = 0
  let lastRestart: string | undefined
  const noteRestart = (cs: any) => {
    restarts += cs.restartCount ?? 0
    const fin = cs.lastState?.terminated?.finishedAt
    if (fin && (!lastRestart || fin > lastRestart)) lastRestart = fin
  }
  let initializing = false
  const initStatuses: any[] = status.initContainerStatuses ?? []
  initStatuses.forEach((cs, i) => {
    noteRestart(cs)
    if (initializing) return
    const t = cs.state?.terminated
    if (t && t.exitCode === 0) return
    initializing = true
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`
    else if (cs.state?.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') reason = `Init:${cs.state.waiting.reason}`
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`
  })
  if (!initializing) {
    restarts = 0
    let hasRunning = false
    const statuses: any[] = [...(status.containerStatuses ?? [])].reverse()
    for (const cs of statuses) {
      noteRestart(cs)
      if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason
      else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason
      else if (cs.state?.terminated) reason = cs.state.terminated.signal ? `Signal:${cs.state.terminated.signal}` : `ExitCode:${cs.state.terminated.exitCode}`
      else if (cs.ready && cs.state?.running) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCond = (status.conditions ?? []).find((c: any) => c.type === 'Ready')
      reason = readyCond?.status === 'True' ? 'Running' : 'NotReady'
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp) reason = 'Terminating'
  return { ready, total, status: reason, restarts, lastRestart }
}
