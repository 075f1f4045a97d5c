/**
 * Server-side table columns (what `oc get` prints) for every kind, per release profile. Cells are derived
 * from the object and the clock; nothing here is stored.
 */
import { goUnitsHumanDuration as goUnits, humanDuration } from '../format/duration'
import { summarizePod } from './pod-status'
import type { ColumnDef, PrintContext } from './resources'
import { formatLabels } from './selectors'
import type { KObject, Profile } from './types'
import { parseTime } from '../core/time'

const age = (ts: string | undefined, ctx: PrintContext): string => {
  const t = parseTime(ts)
  return Number.isNaN(t) ? '<unknown>' : humanDuration(ctx.now - t)
}

const AGE: ColumnDef = { name: 'Age', cell: (o, ctx) => age(o.metadata.creationTimestamp, ctx) }
const NAME: ColumnDef = { name: 'Name', cell: (o) => o.metadata.name }
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v))
const num = (v: unknown): string => String(v ?? 0)

const wideWorkload: ColumnDef[] = [
  { name: 'Containers', priority: 1, cell: (o) => (o.spec?.template?.spec?.containers ?? []).map((c: any) => c.name).join(',') },
  { name: 'Images', priority: 1, cell: (o) => (o.spec?.template?.spec?.containers ?? []).map((c: any) => c.image).join(',') },
  { name: 'Selector', priority: 1, cell: (o) => formatLabels(o.spec?.selector?.matchLabels) || '<none>' },
]

const ACCESS_SHORT: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }
const accessModes = (modes: string[] | undefined) => (modes ?? []).map((m) => ACCESS_SHORT[m] ?? m).join(',')

function podColumns(profile: Profile): ColumnDef[] {
  return [
    NAME,
    { name: 'Ready', cell: (o) => { const s = summarizePod(o); return `${s.ready}/${s.total}` } },
    { name: 'Status', cell: (o) => summarizePod(o).status },
    {
      name: 'Restarts',
      cell: (o, ctx) => {
        const s = summarizePod(o)
        if (profile === '4.12' && s.restarts > 0 && s.lastRestart) return `${s.restarts} (${age(s.lastRestart, ctx)} ago)`
        return String(s.restarts)
      },
    },
    AGE,
    { name: 'IP', priority: 1, cell: (o) => o.status?.podIP || '<none>' },
    { name: 'Node', priority: 1, cell: (o) => o.spec?.nodeName || '<none>' },
    { name: 'Nominated Node', priority: 1, cell: (o) => o.status?.nominatedNodeName || '<none>' },
    {
      name: 'Readiness Gates', priority: 1,
      cell: (o) => {
        const gates = o.spec?.readinessGates ?? []
        if (gates.length === 0) return '<none>'
        const ok = gates.filter((g: any) => (o.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True'))
        return `${ok.length}/${gates.length}`
      },
    },
  ]
}

function deploymentColumns(profile: Profile): ColumnDef[] {
  const ready: ColumnDef[] = profile === '4.0'
    ? [
        { name: 'Desired', cell: (o) => num(o.spec?.replicas) },
        { name: 'Current', cell: (o) => num(o.status?.replicas) },
      ]
    : [{ name: 'Ready', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` }]
  return [
    NAME,
    ...ready,
    { name: 'Up-to-date', cell: (o) => num(o.status?.updatedReplicas) },
    { name: 'Available', cell: (o) => num(o.status?.availableReplicas) },
    AGE,
    ...wideWorkload,
  ]
}

const replicaSetColumns: ColumnDef[] = [
  NAME,
  { name: 'Desired', cell: (o) => num(o.spec?.replicas) },
  { name: 'Current', cell: (o) => num(o.status?.replicas) },
  { name: 'Ready', cell: (o) => num(o.status?.readyReplicas) },
  AGE,
  ...wideWorkload,
]

const daemonSetColumns: ColumnDef[] = [
  NAME,
  { name: 'Desired', cell: (o) => num(o.status?.desiredNumberScheduled) },
  { name: 'Current', cell: (o) => num(o.status?.currentNumberScheduled) },
  { name: 'Ready', cell: (o) => num(o.status?.numberReady) },
  { name: 'Up-to-date', cell: (o) => num(o.status?.updatedNumberScheduled) },
  { name: 'Available', cell: (o) => num(o.status?.numberAvailable) },
  { name: 'Node Selector', cell: (o) => formatLabels(o.spec?.template?.spec?.nodeSelector) || '<none>' },
  AGE,
  ...wideWorkload,
]

const jobColumns: ColumnDef[] = [
  NAME,
  { name: 'Completions', cell: (o) => `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? 1}` },
  {
    name: 'Duration',
    cell: (o, ctx) => {
      const start = parseTime(o.status?.startTime)
      if (Number.isNaN(start)) return ''
      const end = parseTime(o.status?.completionTime)
      return humanDuration((Number.isNaN(end) ? ctx.now : end) - start)
    },
  },
  AGE,
  ...wideWorkload.map((c) => (c.name === 'Selector' ? { ...c, cell: (o: KObject) => formatLabels(o.spec?.selector?.matchLabels) || '<none>' } : c)),
]

const cronJobColumns: ColumnDef[] = [
  NAME,
  { name: 'Schedule', cell: (o) => str(o.spec?.schedule) },
  { name: 'Suspend', cell: (o) => (o.spec?.suspend ? 'True' : 'False') },
  { name: 'Active', cell: (o) => String((o.status?.active ?? []).length) },
  { name: 'Last Schedule', cell: (o, ctx) => (o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, ctx) : '<none>') },
  AGE,
]

function servicePorts(o: KObject): string {
  const ports: any[] = o.spec?.ports ?? []
  if (ports.length === 0) return '<none>'
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',')
}

const serviceColumns: ColumnDef[] = [
  NAME,
  { name: 'Type', cell: (o) => o.spec?.type ?? 'ClusterIP' },
  { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP || '<none>' },
  {
    name: 'External-IP',
    cell: (o) => {
      const t = o.spec?.type ?? 'ClusterIP'
      if (t === 'ExternalName') return o.spec?.externalName ?? ''
      if (t === 'LoadBalancer') {
        const ips = (o.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname)
        return ips.length ? ips.join(',') : '<pending>'
      }
      return (o.spec?.externalIPs ?? []).join(',') || '<none>'
    },
  },
  { name: 'Port(s)', cell: servicePorts },
  AGE,
  { name: 'Selector', priority: 1, cell: (o) => formatLabels(o.spec?.selector) || '<none>' },
]

const endpointsColumns: ColumnDef[] = [
  NAME,
  {
    name: 'Endpoints',
    cell: (o) => {
      const eps: string[] = []
      for (const s of o.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports ?? [{}]) eps.push(p.port ? `${a.ip}:${p.port}` : a.ip)
      if (eps.length === 0) return '<none>'
      return eps.length > 3 ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...` : eps.join(',')
    },
  },
  AGE,
]

function routeHost(o: KObject): string {
  const ingress: any[] = o.status?.ingress ?? []
  const admitted = ingress.filter((i) => (i.conditions ?? []).some((c: any) => c.type === 'Admitted' && c.status === 'True'))
  if (admitted.length > 0) {
    const extra = admitted.length > 1 ? ` ... ${admitted.length - 1} more` : ''
    return admitted[0].host + extra
  }
  if (ingress.length > 0) {
    const rejected = ingress[0].conditions?.find((c: any) => c.type === 'Admitted' && c.status === 'False')
    return rejected?.reason ?? 'Pending'
  }
  return o.spec?.host ?? ''
}

const routeColumns: ColumnDef[] = [
  NAME,
  { name: 'Host/Port', cell: routeHost },
  { name: 'Path', cell: (o) => str(o.spec?.path) },
  {
    name: 'Services',
    cell: (o) => {
      const to = o.spec?.to
      const alt: any[] = o.spec?.alternateBackends ?? []
      if (!to) return ''
      if (alt.length === 0) return to.name
      const all = [to, ...alt]
      const total = all.reduce((s, b) => s + (b.weight ?? 100), 0) || 1
      return all.map((b) => `${b.name}(${Math.round(((b.weight ?? 100) * 100) / total)}%)`).join(',')
    },
  },
  { name: 'Port', cell: (o) => (o.spec?.port?.targetPort !== undefined ? String(o.spec.port.targetPort) : '<all>') },
  {
    name: 'Termination',
    cell: (o) => {
      const tls = o.spec?.tls
      if (!tls) return ''
      return tls.insecureEdgeTerminationPolicy ? `${tls.termination}/${tls.insecureEdgeTerminationPolicy}` : tls.termination ?? ''
    },
  },
  { name: 'Wildcard', cell: (o) => o.spec?.wildcardPolicy ?? 'None' },
]

function pvcColumns(profile: Profile): ColumnDef[] {
  const cols: ColumnDef[] = [
    NAME,
    { name: 'Status', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? 'Pending') },
    { name: 'Volume', cell: (o) => str(o.spec?.volumeName) },
    { name: 'Capacity', cell: (o) => (o.spec?.volumeName ? str(o.status?.capacity?.storage) : '') },
    { name: 'Access Modes', cell: (o) => (o.spec?.volumeName ? accessModes(o.status?.accessModes) : '') },
    { name: 'StorageClass', cell: (o) => str(o.spec?.storageClassName) },
    AGE,
  ]
  if (profile === '4.12') cols.push({ name: 'VolumeMode', priority: 1, cell: (o) => o.spec?.volumeMode ?? '<unset>' })
  return cols
}

function pvColumns(profile: Profile): ColumnDef[] {
  const cols: ColumnDef[] = [
    NAME,
    { name: 'Capacity', cell: (o) => str(o.spec?.capacity?.storage) },
    { name: 'Access Modes', cell: (o) => accessModes(o.spec?.accessModes) },
    { name: 'Reclaim Policy', cell: (o) => o.spec?.persistentVolumeReclaimPolicy ?? 'Retain' },
    { name: 'Status', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : o.status?.phase ?? 'Pending') },
    { name: 'Claim', cell: (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '') },
    { name: 'StorageClass', cell: (o) => str(o.spec?.storageClassName) },
    { name: 'Reason', cell: (o) => str(o.status?.reason) },
    AGE,
  ]
  if (profile === '4.12') cols.push({ name: 'VolumeMode', priority: 1, cell: (o) => o.spec?.volumeMode ?? '<unset>' })
  return cols
}

const isDefaultClass = (o: KObject) =>
  o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  o.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'

function storageClassColumns(profile: Profile): ColumnDef[] {
  const name: ColumnDef = { name: 'Name', cell: (o) => (isDefaultClass(o) ? `${o.metadata.name} (default)` : o.metadata.name) }
  const prov: ColumnDef = { name: 'Provisioner', cell: (o) => str(o.provisioner) }
  if (profile === '4.0') return [name, prov, AGE]
  return [
    name,
    prov,
    { name: 'ReclaimPolicy', cell: (o) => o.reclaimPolicy ?? 'Delete' },
    { name: 'VolumeBindingMode', cell: (o) => o.volumeBindingMode ?? 'Immediate' },
    { name: 'AllowVolumeExpansion', cell: (o) => (o.allowVolumeExpansion ? 'true' : 'false') },
    AGE,
  ]
}

const pdbColumns: ColumnDef[] = [
  NAME,
  { name: 'Min Available', cell: (o) => (o.spec?.minAvailable !== undefined ? String(o.spec.minAvailable) : 'N/A') },
  { name: 'Max Unavailable', cell: (o) => (o.spec?.maxUnavailable !== undefined ? String(o.spec.maxUnavailable) : 'N/A') },
  { name: 'Allowed Disruptions', cell: (o) => num(o.status?.disruptionsAllowed) },
  AGE,
]

const CREATED_AT: ColumnDef = { name: 'Created At', cell: (o) => str(o.metadata.creationTimestamp) }

function eventColumns(profile: Profile): ColumnDef[] {
  const last = (o: KObject, ctx: PrintContext) => age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, ctx)
  const object = (o: KObject) => `${String(o.involvedObject?.kind ?? '').toLowerCase()}/${o.involvedObject?.name ?? ''}`
  if (profile === '4.0') {
    return [
      { name: 'Last Seen', cell: last },
      { name: 'First Seen', cell: (o, ctx) => age(o.firstTimestamp, ctx) },
      { name: 'Count', cell: (o) => num(o.count ?? 1) },
      { name: 'Name', cell: (o) => str(o.involvedObject?.name) },
      { name: 'Kind', cell: (o) => str(o.involvedObject?.kind) },
      { name: 'Subobject', cell: (o) => str(o.involvedObject?.fieldPath) },
      { name: 'Type', cell: (o) => str(o.type) },
      { name: 'Reason', cell: (o) => str(o.reason) },
      { name: 'Source', cell: (o) => [o.source?.component, o.source?.host].filter(Boolean).join(', ') },
      { name: 'Message', cell: (o) => str(o.message) },
    ]
  }
  return [
    { name: 'Last Seen', cell: last },
    { name: 'Type', cell: (o) => str(o.type) },
    { name: 'Reason', cell: (o) => str(o.reason) },
    { name: 'Object', cell: object },
    { name: 'Subobject', priority: 1, cell: (o) => str(o.involvedObject?.fieldPath) },
    { name: 'Source', priority: 1, cell: (o) => [o.source?.component, o.source?.host].filter(Boolean).join(', ') },
    { name: 'Message', cell: (o) => str(o.message) },
    { name: 'First Seen', priority: 1, cell: (o, ctx) => age(o.firstTimestamp, ctx) },
    { name: 'Count', priority: 1, cell: (o) => num(o.count ?? 1) },
    { name: 'Name', priority: 1, cell: (o) => o.metadata.name },
  ]
}

function nodeRoles(o: KObject): string {
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '')
    .sort()
  return roles.length ? roles.join(',') : '<none>'
}

const nodeColumns: ColumnDef[] = [
  NAME,
  {
    name: 'Status',
    cell: (o) => {
      const ready = (o.status?.conditions ?? []).find((c: any) => c.type === 'Ready')
      let s = ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown'
      if (o.spec?.unschedulable) s += ',SchedulingDisabled'
      return s
    },
  },
  { name: 'Roles', cell: nodeRoles },
  AGE,
  { name: 'Version', cell: (o) => str(o.status?.nodeInfo?.kubeletVersion) },
  { name: 'Internal-IP', priority: 1, cell: (o) => (o.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '<none>' },
  { name: 'External-IP', priority: 1, cell: (o) => (o.status?.addresses ?? []).find((a: any) => a.type === 'ExternalIP')?.address ?? '<none>' },
  { name: 'OS-Image', priority: 1, cell: (o) => o.status?.nodeInfo?.osImage ?? '<unknown>' },
  { name: 'Kernel-Version', priority: 1, cell: (o) => o.status?.nodeInfo?.kernelVersion ?? '<unknown>' },
  { name: 'Container-Runtime', priority: 1, cell: (o) => o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>' },
]

const namespaceColumns: ColumnDef[] = [NAME, { name: 'Status', cell: (o) => o.status?.phase ?? 'Active' }, AGE]

const projectColumns: ColumnDef[] = [
  NAME,
  { name: 'Display Name', cell: (o) => str(o.metadata.annotations?.['openshift.io/display-name']) },
  { name: 'Status', cell: (o) => o.status?.phase ?? 'Active' },
]

const cond = (o: KObject, type: string) => (o.status?.conditions ?? []).find((c: any) => c.type === type)

function clusterOperatorColumns(profile: Profile): ColumnDef[] {
  const failing = profile === '4.0' ? 'Failing' : 'Degraded'
  const cols: ColumnDef[] = [
    NAME,
    { name: 'Version', cell: (o) => str((o.status?.versions ?? []).find((v: any) => v.name === 'operator')?.version) },
    { name: 'Available', cell: (o) => str(cond(o, 'Available')?.status) },
    { name: 'Progressing', cell: (o) => str(cond(o, 'Progressing')?.status) },
    { name: failing, cell: (o) => str(cond(o, failing)?.status) },
    { name: 'Since', cell: (o, ctx) => (cond(o, 'Available')?.lastTransitionTime ? age(cond(o, 'Available').lastTransitionTime, ctx) : '') },
  ]
  if (profile === '4.12') {
    cols.push({
      name: 'Message',
      cell: (o) => {
        const a = cond(o, 'Available')
        const d = cond(o, 'Degraded')
        const p = cond(o, 'Progressing')
        const pick = a?.status === 'False' ? a : d?.status === 'True' ? d : p?.status === 'True' ? p : undefined
        return pick ? str(pick.message || pick.reason) : ''
      },
    })
  }
  return cols
}

const clusterVersionColumns: ColumnDef[] = [
  NAME,
  { name: 'Version', cell: (o) => str(o.status?.desired?.version) },
  { name: 'Available', cell: (o) => str(cond(o, 'Available')?.status) },
  { name: 'Progressing', cell: (o) => str(cond(o, 'Progressing')?.status) },
  { name: 'Since', cell: (o, ctx) => (cond(o, 'Progressing')?.lastTransitionTime ? age(cond(o, 'Progressing').lastTransitionTime, ctx) : '') },
  { name: 'Status', cell: (o) => str(cond(o, 'Progressing')?.message) },
]

const imageStreamColumns: ColumnDef[] = [
  NAME,
  { name: 'Image Repository', cell: (o) => str(o.status?.publicDockerImageRepository || o.status?.dockerImageRepository) },
  {
    name: 'Tags',
    cell: (o) => {
      const tags: string[] = (o.status?.tags ?? []).map((t: any) => t.tag).sort().reverse()
      let out = ''
      let i = 0
      for (; i < tags.length; i++) {
        const next = out ? `${out},${tags[i]}` : tags[i]
        if (next.length > 40 && out) break
        out = next
      }
      return i < tags.length ? `${out} + ${tags.length - i} more...` : out
    },
  },
  {
    name: 'Updated',
    cell: (o, ctx) => {
      const times = (o.status?.tags ?? []).flatMap((t: any) => (t.items ?? []).map((i: any) => parseTime(i.created)))
      const latest = Math.max(...times.filter((t: number) => !Number.isNaN(t)), -Infinity)
      return Number.isFinite(latest) ? `${goUnits(ctx.now - latest)} ago` : ''
    },
  },
]

const imageStreamTagColumns: ColumnDef[] = [
  NAME,
  { name: 'Image Reference', cell: (o) => str(o.image?.dockerImageReference) },
  { name: 'Updated', cell: (o, ctx) => (o.image?.metadata?.creationTimestamp ? `${goUnits(ctx.now - parseTime(o.image.metadata.creationTimestamp))} ago` : '') },
]

const imageColumns: ColumnDef[] = [NAME, { name: 'Image Reference', cell: (o) => str(o.dockerImageReference) }]

const clusterRoleBindingColumns: ColumnDef[] = [
  NAME,
  { name: 'Role', cell: (o) => `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}` },
  AGE,
]

const TABLES: Record<string, (p: Profile) => ColumnDef[]> = {
  pods: podColumns,
  deployments: deploymentColumns,
  replicasets: () => replicaSetColumns,
  daemonsets: () => daemonSetColumns,
  jobs: () => jobColumns,
  cronjobs: () => cronJobColumns,
  services: () => serviceColumns,
  endpoints: () => endpointsColumns,
  routes: () => routeColumns,
  secrets: () => [NAME, { name: 'Type', cell: (o) => o.type ?? 'Opaque' }, { name: 'Data', cell: (o) => String(Object.keys(o.data ?? {}).length) }, AGE],
  configmaps: () => [NAME, { name: 'Data', cell: (o) => String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length) }, AGE],
  serviceaccounts: () => [NAME, { name: 'Secrets', cell: (o) => String((o.secrets ?? []).length) }, AGE],
  persistentvolumeclaims: pvcColumns,
  persistentvolumes: pvColumns,
  storageclasses: storageClassColumns,
  poddisruptionbudgets: () => pdbColumns,
  clusterroles: () => [NAME, CREATED_AT],
  clusterrolebindings: (p) => (p === '4.0' ? [NAME, AGE] : clusterRoleBindingColumns),
  events: eventColumns,
  nodes: () => nodeColumns,
  namespaces: () => namespaceColumns,
  projects: () => projectColumns,
  clusteroperators: clusterOperatorColumns,
  clusterversions: () => clusterVersionColumns,
  imagestreams: () => imageStreamColumns,
  imagestreamtags: () => imageStreamTagColumns,
  'images.image.openshift.io': () => imageColumns,
}

/** The columns of `oc get <resource>` on `profile` (custom resources without printer columns get NAME, AGE). */
export function columnsFor(resourceKey: string, profile: Profile): ColumnDef[] {
  const plural = resourceKey.split('.')[0]
  const table = TABLES[resourceKey] ?? TABLES[plural]
  return table ? table(profile) : [NAME, AGE]
}
