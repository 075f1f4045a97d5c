/** kubectl's node describer: conditions, capacity, system info, the non-terminated pods and allocated resources. */
import type { KObject } from '../../api/types'
import { formatQuantity, parseQuantity } from '../../format/quantity'
import { annotationsMultiline, describeEvents, type DescribeContext, DescribeWriter, eventsFor, labelsMultiline, rfc1123, since } from './engine'

function resourceList(w: DescribeWriter, title: string, list: Record<string, string> | undefined): void {
  w.write(0, `${title}:\n`)
  for (const k of Object.keys(list ?? {}).sort()) w.write(1, `${k}:\t${list![k]}\n`)
}

function sumOf(pods: KObject[], kind: 'requests' | 'limits', res: string): number {
  let total = 0
  for (const p of pods) for (const c of p.spec?.containers ?? []) {
    const q = c.resources?.[kind]?.[res]
    if (q) total += parseQuantity(q)
  }
  return total
}

const fmt = (v: number, res: string) => (v === 0 ? '0' : res === 'cpu' ? (Number.isInteger(v) ? String(v) : `${Math.round(v * 1000)}m`) : formatQuantity(v, 'BinarySI'))
const pct = (v: number, of: number) => (of > 0 ? Math.trunc((v / of) * 100) : 0)

/** Describes a node. */
export function describeNode(node: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const labels = node.metadata.labels ?? {}
  const roles = Object.keys(labels).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length)).sort()
  w.write(0, `Name:\t${node.metadata.name}\n`)
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`)
  labelsMultiline(w, 'Labels', labels)
  annotationsMultiline(w, 'Annotations', node.metadata.annotations)
  w.write(0, `CreationTimestamp:\t${rfc1123(node.metadata.creationTimestamp)}\n`)
  const taints: any[] = node.spec?.taints ?? []
  w.write(0, 'Taints:\t')
  if (!taints.length) w.write(0, '<none>\n')
  taints.forEach((t, i) => w.write(0, `${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`))
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready')
  if (ctx.profile !== '4.0') {
    w.write(0, 'Lease:\n')
    w.write(1, `HolderIdentity:\t${node.metadata.name}\n`)
    w.write(1, 'AcquireTime:\t<unset>\n')
    w.write(1, `RenewTime:\t${rfc1123(ready?.lastHeartbeatTime)}\n`)
  }
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
  for (const c of node.status?.conditions ?? []) w.write(1, `${c.type} \t${c.status} \t${rfc1123(c.lastHeartbeatTime)} \t${rfc1123(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`)
  w.write(0, 'Addresses:\n')
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`)
  resourceList(w, 'Capacity', node.status?.capacity)
  resourceList(w, 'Allocatable', node.status?.allocatable)
  const ni = node.status?.nodeInfo ?? {}
  w.write(0, 'System Info:\n')
  const info: [string, string][] = [
    ['Machine ID', ni.machineID], ['System UUID', ni.systemUUID], ['Boot ID', ni.bootID], ['Kernel Version', ni.kernelVersion],
    ['OS Image', ni.osImage], ['Operating System', ni.operatingSystem], ['Architecture', ni.architecture],
    ['Container Runtime Version', ni.containerRuntimeVersion], ['Kubelet Version', ni.kubeletVersion], ['Kube-Proxy Version', ni.kubeProxyVersion],
  ]
  for (const [k, v] of info) w.write(1, `${k}:\t${v ?? ''}\n`)
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`)
  const pods = ctx.list('pods').filter((p) => p.spec?.nodeName === node.metadata.name && !['Succeeded', 'Failed'].includes(p.status?.phase))
  const alloc = node.status?.allocatable ?? {}
  const cpuA = parseQuantity(alloc.cpu ?? '0')
  const memA = parseQuantity(alloc.memory ?? '0')
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(0, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(0, '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  for (const p of pods) {
    const v = (k: 'requests' | 'limits', r: string, of: number) => {
      const n = sumOf([p], k, r)
      return `${fmt(n, r)} (${pct(n, of)}%)`
    }
    w.write(0, `  ${p.metadata.namespace}\t${p.metadata.name}\t\t${v('requests', 'cpu', cpuA)}\t${v('limits', 'cpu', cpuA)}\t${v('requests', 'memory', memA)}\t${v('limits', 'memory', memA)}\t${since(p.metadata.creationTimestamp, ctx.now)}\n`)
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(0, '  Resource\tRequests\tLimits\n  --------\t--------\t------\n')
  for (const r of ['cpu', 'memory', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']) {
    if (r.startsWith('hugepages') && !(r in alloc)) continue
    const of = parseQuantity(alloc[r] ?? '0')
    const req = sumOf(pods, 'requests', r)
    const lim = sumOf(pods, 'limits', r)
    w.write(0, `  ${r}\t${fmt(req, r)} (${pct(req, of)}%)\t${fmt(lim, r)} (${pct(lim, of)}%)\n`)
  }
  describeEvents(w, eventsFor(node, ctx), ctx)
  return w.done()
}
