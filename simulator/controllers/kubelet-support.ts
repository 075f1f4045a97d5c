/**
 * What the kubelet needs from its node's surroundings: the pod network (OVN-Kubernetes hands each node a /23 of
 * 10.128.0.0/14) and volume attachment (a ReadWriteOnce volume attaches to one node at a time).
 */
import type { KObject } from '../api/types'
import type { ControllerContext } from './types'
import { cmp, ms } from './util'

/** The node's InternalIP (the address `oc get nodes -o wide` shows). */
export function nodeIP(node: KObject | undefined): string | undefined {
  return node?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

/** The node's pod subnet: the `k8s.ovn.org/node-subnets` annotation, else the node's rank among all nodes. */
export function nodeSubnet(ctx: ControllerContext, node: KObject): { base: number; cidr: string } {
  const ann = node.metadata.annotations?.['k8s.ovn.org/node-subnets']
  if (ann) {
    try {
      const v = JSON.parse(ann).default
      const cidr = Array.isArray(v) ? v[0] : v
      if (typeof cidr === 'string') return { base: ipToInt(cidr.split('/')[0]), cidr }
    } catch {
      // fall through to the computed subnet
    }
  }
  const nodes = ctx.api.store.list('nodes').sort((a, b) => ms(a.metadata.creationTimestamp) - ms(b.metadata.creationTimestamp) || cmp(a.metadata.name, b.metadata.name))
  const i = Math.max(0, nodes.findIndex((n) => n.metadata.name === node.metadata.name)) % 512
  const base = ipToInt('10.128.0.0') + i * 512
  return { base, cidr: `${intToIp(base)}/23` }
}

/** The lowest free pod IP of the node's subnet (.1 is the gateway, .2 the management port). */
export function allocatePodIP(ctx: ControllerContext, node: KObject): { ip: string; prefix: string } {
  const { base } = nodeSubnet(ctx, node)
  const used = new Set<string>()
  // the store's node → pods index instead of a listing of every pod (only membership matters here)
  for (const r of ctx.api.store.podsOnNode(node.metadata.name)) {
    const p = ctx.api.store.get('pods', r.namespace, r.name)
    if (p && p.spec?.nodeName === node.metadata.name && p.status?.podIP && !p.spec?.hostNetwork) used.add(p.status.podIP)
  }
  for (let off = 3; off < 511; off++) {
    const ip = intToIp(base + off)
    if (!used.has(ip)) return { ip, prefix: '23' }
  }
  throw new Error(`failed to allocate an IP on node ${node.metadata.name}: range is full`)
}

/** Why a pod cannot mount its volumes yet, if it cannot. */
export interface VolumeBlock {
  /** unbound or missing claims: the kubelet just waits */
  waiting: boolean
  /** Multi-Attach conflict: the volume name and the pods holding it on other nodes */
  multiAttach?: { pv: string; holders: string[] }
}

/** Checks every persistentVolumeClaim volume of `pod`: claims must be Bound, RWO volumes free of other nodes. */
export function checkVolumes(ctx: ControllerContext, pod: KObject): VolumeBlock | undefined {
  const ns = pod.metadata.namespace
  let others: KObject[] | undefined
  for (const v of pod.spec?.volumes ?? []) {
    const claimName = v.persistentVolumeClaim?.claimName
    if (!claimName) continue
    const claim = ctx.api.tryGet('persistentvolumeclaims', ns, claimName)
    if (!claim || claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) return { waiting: true }
    const pv = ctx.api.tryGet('persistentvolumes', undefined, claim.spec.volumeName)
    if (!pv) return { waiting: true }
    const modes: string[] = pv.spec?.accessModes ?? []
    if (modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany')) continue
    others ??= ctx.api.store.list('pods', ns).filter((p) => p.metadata.uid !== pod.metadata.uid && p.spec?.nodeName && p.spec.nodeName !== pod.spec.nodeName && p.status?.startTime && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    const holders = others.filter((p) => (p.spec?.volumes ?? []).some((x: any) => x.persistentVolumeClaim?.claimName === claimName)).filter((p) => holdsAttachment(p, pod))
    if (holders.length) return { waiting: true, multiAttach: { pv: pv.metadata.name, holders: holders.map((p) => p.metadata.name).sort() } }
  }
  return undefined
}

/** The first pod to reach a node keeps an RWO volume: a pod holds it if it got there earlier (or is running). */
function holdsAttachment(holder: KObject, pod: KObject): boolean {
  if (holder.status?.phase === 'Running') return true
  return ms(holder.status?.startTime) < ms(pod.status?.startTime) || (holder.status?.startTime === pod.status?.startTime && holder.metadata.name < pod.metadata.name)
}
