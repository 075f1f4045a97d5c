/**
 * Which registry pods Prometheus could scrape, and when: a pod is a target from the moment its registry container
 * first ran with a pod IP until it was deleted (or went Terminating). The ServiceMonitor's endpoints list not-Ready
 * pods too (`notReadyAddresses`), so a pod is scraped whenever its container is running, Ready or not; but only a
 * Ready pod is behind the Service, so only then does it get pulls and pushes. Live pods are read from the API;
 * lifetimes are kept in this small WorldService (`cluster.services.registryPods`) so that past series survive the
 * pods.
 */
import type { KObject } from '../api/types'
import type { WorldService } from '../cluster'
import type { Controller, ControllerContext } from '../controllers/types'
import { splitKey } from '../controllers/types'
import { ms } from '../controllers/util'

export const REGISTRY_NS = 'openshift-image-registry'

/**
 * Instants at which a state switched on, then off, then on again...: an odd length means it is on now. Absent
 * (a lifetime saved before these were kept) means on for the whole lifetime.
 */
export type Toggles = number[]

/** One scrape target's lifetime (virtual epoch ms). */
export interface PodLifetime {
  pod: string
  uid: string
  ip: string
  node: string
  start: number
  end?: number
  /** while its registry container was running: scraped */
  running?: Toggles
  /** while the pod was Ready (an endpoint of the Service): served traffic */
  ready?: Toggles
}

/** Whether `t` falls in a switched-on stretch of `toggles` (all of it when there are none recorded). */
export function isOn(toggles: Toggles | undefined, t: number): boolean {
  if (!toggles) return true
  let on = false
  for (const x of toggles) {
    if (x > t) break
    on = !on
  }
  return on
}

/** The switched-on stretches of `toggles` within [from, to], as [a, b] pairs. */
export function onSpans(toggles: Toggles | undefined, from: number, to: number): [number, number][] {
  if (!toggles) return from < to ? [[from, to]] : []
  const out: [number, number][] = []
  for (let i = 0; i < toggles.length; i += 2) {
    const a = Math.max(from, toggles[i])
    const b = Math.min(to, i + 1 < toggles.length ? toggles[i + 1] : to)
    if (a < b) out.push([a, b])
  }
  return out
}

/** The record of registry pod lifetimes. */
export class PodLifetimes implements WorldService {
  private list: PodLifetime[] = []

  snapshot(): unknown {
    return JSON.parse(JSON.stringify(this.list))
  }

  restore(s: unknown): void {
    this.list = JSON.parse(JSON.stringify(s ?? [])) as PodLifetime[]
  }

  /** Every known lifetime, oldest first. */
  all(): readonly PodLifetime[] {
    return this.list
  }

  /** Records the start of a target once. */
  started(l: PodLifetime): void {
    if (!this.list.some((x) => x.uid === l.uid)) this.list.push({ ...l })
  }

  /** Records the end of a target once. */
  ended(uid: string, at: number): void {
    const l = this.list.find((x) => x.uid === uid)
    if (l && l.end === undefined) l.end = at
  }

  /** Records whether a live target's container runs and whether the pod is Ready, from `at` on. */
  observe(uid: string, at: number, state: { running: boolean; ready: boolean }): void {
    const l = this.list.find((x) => x.uid === uid)
    if (!l || l.end !== undefined) return
    const flip = (key: 'running' | 'ready', on: boolean) => {
      const t = (l[key] ??= [])
      if ((t.length % 2 === 1) !== on) t.push(Math.max(at, t[t.length - 1] ?? at))
    }
    flip('running', state.running)
    flip('ready', state.running && state.ready)
  }
}

/** The cluster's lifetimes record, created on first use. */
export function podLifetimes(ctx: { services: Record<string, unknown> }): PodLifetimes {
  let s = ctx.services.registryPods as PodLifetimes | undefined
  if (!s) ctx.services.registryPods = s = new PodLifetimes()
  return s
}

function isRegistryPod(p: KObject): boolean {
  return p.metadata.namespace === REGISTRY_NS && p.metadata.labels?.['docker-registry'] === 'default'
}

/** When the registry container started running, if it runs now. */
function runningSince(pod: KObject): number | undefined {
  const cs = (pod.status?.containerStatuses ?? []).find((c: any) => c.name === 'registry')
  return cs?.state?.running ? ms(cs.state.running.startedAt) : undefined
}

function reconcile(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key)
  const rec = podLifetimes(ctx)
  const now = ctx.now()
  const pod = ctx.api.tryGet('pods', namespace, name)
  const open = rec.all().filter((l) => l.pod === name && l.end === undefined)
  for (const l of open) if (!pod || pod.metadata.uid !== l.uid || pod.metadata.deletionTimestamp) rec.ended(l.uid, now)
  if (!pod || pod.metadata.deletionTimestamp || !isRegistryPod(pod) || !pod.status?.podIP) return
  const since = runningSince(pod)
  const ready = pod.status?.conditions?.find((c: any) => c.type === 'Ready' && c.status === 'True')
  const uid = pod.metadata.uid!
  if (!rec.all().some((l) => l.uid === uid)) {
    if (since === undefined) return
    // A pod seen for the first time may have been running (and Ready) for a while: start from its own times.
    const start = Math.min(since, now)
    rec.started({ pod: name, uid, ip: pod.status.podIP, node: pod.spec.nodeName, start, running: [start], ready: [] })
    if (ready) rec.observe(uid, Math.max(start, Math.min(ms(ready.lastTransitionTime), now)), { running: true, ready: true })
  }
  rec.observe(uid, now, { running: since !== undefined, ready: !!ready })
}

/** Keeps the lifetimes record (Prometheus's target discovery, as far as the metrics need it). */
export const registryTargets: Controller = {
  name: 'prometheus-registry-targets',
  watches: [{ resource: 'pods', keys: (e) => (e.object.metadata.namespace === REGISTRY_NS ? [`${REGISTRY_NS}/${e.object.metadata.name}`] : []) }],
  reconcile,
}
