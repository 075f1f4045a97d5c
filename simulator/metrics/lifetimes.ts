/**
 * Which registry pods Prometheus could scrape, and when: a pod is a target from the moment it first became Ready
 * until it was deleted (or went Terminating). Live pods are read from the API; deleted pods' lifetimes are kept in
 * this small WorldService (`cluster.services.registryPods`) so that past series survive the pods.
 */
import type { KObject } from '../api/types'
import type { WorldService } from '../cluster'
import type { Controller, ControllerContext } from '../controllers/types'
import { splitKey } from '../controllers/types'
import { ms } from '../controllers/util'

export const REGISTRY_NS = 'openshift-image-registry'

/** One scrape target's lifetime (virtual epoch ms). */
export interface PodLifetime {
  pod: string
  uid: string
  ip: string
  node: string
  start: number
  end?: number
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

function reconcile(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key)
  const rec = podLifetimes(ctx)
  const pod = ctx.api.tryGet('pods', namespace, name)
  const open = rec.all().filter((l) => l.pod === name && l.end === undefined)
  for (const l of open) if (!pod || pod.metadata.uid !== l.uid || pod.metadata.deletionTimestamp) rec.ended(l.uid, ctx.now())
  if (!pod || pod.metadata.deletionTimestamp || !isRegistryPod(pod)) return
  const ready = pod.status?.conditions?.find((c: any) => c.type === 'Ready' && c.status === 'True')
  if (!ready || !pod.status?.podIP) return
  rec.started({ pod: name, uid: pod.metadata.uid!, ip: pod.status.podIP, node: pod.spec.nodeName, start: Math.min(ms(ready.lastTransitionTime), ctx.now()) })
}

/** Keeps the lifetimes record (Prometheus's target discovery, as far as the metrics need it). */
export const registryTargets: Controller = {
  name: 'prometheus-registry-targets',
  watches: [{ resource: 'pods', keys: (e) => (e.object.metadata.namespace === REGISTRY_NS ? [`${REGISTRY_NS}/${e.object.metadata.name}`] : []) }],
  reconcile,
}
