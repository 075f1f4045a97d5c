/**
 * Server-side defaulting that real clusters do in the API server's defaulting funcs and admission plugins:
 * ClusterIP allocation, a route's default host, DefaultStorageClass, pod/pod-template defaults, Priority,
 * DefaultTolerationSeconds, the PVC/PV protection finalizers and a new pod's initial status.
 */
import type { ApiServer, Mutator } from '../api/server'
import type { ResourceType } from '../api/resources'
import type { KObject } from '../api/types'
import type { ClusterInfo } from '../cluster'

const PRIORITY: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 }
export const DEFAULT_SC_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'

/** Template-level pod spec defaults (SetDefaults_PodSpec and container defaults); applied to pods and templates. */
export function defaultPodSpec(spec: any): void {
  if (!spec || typeof spec !== 'object') return
  spec.restartPolicy ??= 'Always'
  spec.terminationGracePeriodSeconds ??= 30
  spec.dnsPolicy ??= 'ClusterFirst'
  spec.schedulerName ??= 'default-scheduler'
  spec.securityContext ??= {}
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of list ?? []) {
      if (!c || typeof c !== 'object') continue
      c.terminationMessagePath ??= '/dev/termination-log'
      c.terminationMessagePolicy ??= 'File'
      c.imagePullPolicy ??= typeof c.image === 'string' && (c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image.split('@')[0])) && !c.image.includes('@') ? 'Always' : 'IfNotPresent'
      c.resources ??= {}
      for (const p of c.ports ?? []) p.protocol ??= 'TCP'
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) {
        if (!probe) continue
        probe.timeoutSeconds ??= 1
        probe.periodSeconds ??= 10
        probe.successThreshold ??= 1
        probe.failureThreshold ??= 3
        if (probe.httpGet) probe.httpGet.scheme ??= 'HTTP'
      }
    }
  }
}

/** Pod-only admission: service account, priority, default tolerations. */
function defaultPod(pod: KObject, creating: boolean): void {
  const spec = (pod.spec ??= {})
  defaultPodSpec(spec)
  if (!creating) return
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default'
  spec.serviceAccount ??= spec.serviceAccountName
  spec.enableServiceLinks ??= true
  spec.preemptionPolicy ??= 'PreemptLowerPriority'
  if (spec.priority === undefined) spec.priority = PRIORITY[spec.priorityClassName] ?? 0
  const tol: any[] = (spec.tolerations ??= [])
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const covered = tol.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'))
    if (!covered) tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  }
  if (!pod.status) pod.status = { phase: 'Pending', qosClass: qosClass(spec) }
}

/** The QoS class the API server writes into a new pod's status. */
export function qosClass(spec: any): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const cs: any[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])]
  let any = false
  let guaranteed = cs.length > 0
  for (const c of cs) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

function defaultDeployment(d: KObject): void {
  const spec = (d.spec ??= {})
  spec.replicas ??= 1
  spec.revisionHistoryLimit ??= 10
  spec.progressDeadlineSeconds ??= 600
  spec.strategy ??= { type: 'RollingUpdate' }
  spec.strategy.type ??= 'RollingUpdate'
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {}
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%'
    spec.strategy.rollingUpdate.maxSurge ??= '25%'
  }
  defaultPodSpec(spec.template?.spec)
}

function addFinalizer(o: KObject, f: string): void {
  const list = (o.metadata.finalizers ??= [])
  if (!list.includes(f)) list.push(f)
}

/** The next free ClusterIP in 172.30.0.0/16, drawn from the seeded rng (like the real random allocator). */
function allocateClusterIP(api: ApiServer): string {
  const used = new Set<string>()
  for (const s of api.store.list('services')) if (s.spec?.clusterIP) used.add(s.spec.clusterIP)
  // The server's rng is private; a deterministic walk seeded by the number of services is just as reproducible.
  let seed = (used.size * 2654435761) >>> 0
  for (let i = 0; i < 65534; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    const v = 1 + (seed % 65533)
    const ip = `172.30.${v >> 8}.${v & 255}`
    if (ip !== '172.30.0.1' && !used.has(ip)) return ip
  }
  throw new Error('Internal error occurred: failed to allocate a serviceIP: range is full')
}

const INFO = new WeakMap<ApiServer, ClusterInfo>()

/** The ClusterInfo given to `installCoreMutators` for this API server (apps domain, region for controllers). */
export function clusterInfoOf(api: ApiServer): ClusterInfo | undefined {
  return INFO.get(api)
}

/** Registers the core mutators on `api` (idempotent: a second call adds nothing). */
export function installCoreMutators(api: ApiServer, info: ClusterInfo): void {
  if (INFO.has(api)) return
  INFO.set(api, info)
  const m: Mutator = (rt: ResourceType, obj: KObject, ctx) => {
    const creating = ctx.operation === 'CREATE'
    switch (rt.key) {
      case 'pods':
        defaultPod(obj, creating)
        break
      case 'deployments.apps':
        defaultDeployment(obj)
        break
      case 'replicasets.apps':
        obj.spec ??= {}
        obj.spec.replicas ??= 1
        defaultPodSpec(obj.spec.template?.spec)
        break
      case 'daemonsets.apps': {
        const spec = (obj.spec ??= {})
        spec.revisionHistoryLimit ??= 10
        spec.updateStrategy ??= { type: 'RollingUpdate' }
        if (spec.updateStrategy.type === 'RollingUpdate') {
          spec.updateStrategy.rollingUpdate ??= {}
          spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1
          spec.updateStrategy.rollingUpdate.maxSurge ??= 0
        }
        defaultPodSpec(spec.template?.spec)
        break
      }
      case 'jobs.batch': {
        const spec = (obj.spec ??= {})
        spec.parallelism ??= 1
        spec.completions ??= 1
        spec.backoffLimit ??= 6
        spec.completionMode ??= 'NonIndexed'
        spec.suspend ??= false
        defaultPodSpec(spec.template?.spec)
        if (creating && spec.template) {
          // The job controller selects its pods by controller-uid; the API server generates it on create.
          const uid = obj.metadata.uid ?? ''
          spec.selector ??= { matchLabels: { 'controller-uid': uid } }
          const labels = (spec.template.metadata ??= {}).labels ?? {}
          spec.template.metadata.labels = { 'controller-uid': uid, 'job-name': obj.metadata.name, ...labels }
        }
        break
      }
      case 'cronjobs.batch': {
        const spec = (obj.spec ??= {})
        spec.concurrencyPolicy ??= 'Allow'
        spec.suspend ??= false
        spec.successfulJobsHistoryLimit ??= 3
        spec.failedJobsHistoryLimit ??= 1
        defaultPodSpec(spec.jobTemplate?.spec?.template?.spec)
        break
      }
      case 'services': {
        const spec = (obj.spec ??= {})
        spec.type ??= 'ClusterIP'
        spec.sessionAffinity ??= 'None'
        if (spec.type !== 'ExternalName') {
          if (!spec.clusterIP) spec.clusterIP = ctx.old?.spec?.clusterIP ?? allocateClusterIP(api)
          spec.clusterIPs ??= [spec.clusterIP]
          spec.ipFamilies ??= ['IPv4']
          spec.ipFamilyPolicy ??= 'SingleStack'
          spec.internalTrafficPolicy ??= 'Cluster'
        }
        for (const p of spec.ports ?? []) {
          p.protocol ??= 'TCP'
          p.targetPort ??= p.port
        }
        break
      }
      case 'routes.route.openshift.io': {
        const spec = (obj.spec ??= {})
        if (!spec.host) spec.host = ctx.old?.spec?.host || `${obj.metadata.name}-${obj.metadata.namespace}.${info.appsDomain}`
        spec.to ??= { kind: 'Service', name: '' }
        spec.to.weight ??= 100
        spec.wildcardPolicy ??= 'None'
        break
      }
      case 'persistentvolumeclaims': {
        const spec = (obj.spec ??= {})
        spec.volumeMode ??= 'Filesystem'
        if (creating) {
          if (spec.storageClassName === undefined) {
            const dflt = api.store
              .list('storageclasses.storage.k8s.io')
              .filter((sc) => sc.metadata.annotations?.[DEFAULT_SC_ANNOTATION] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true')
              .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || a.metadata.name.localeCompare(b.metadata.name))[0]
            if (dflt) spec.storageClassName = dflt.metadata.name
          }
          addFinalizer(obj, 'kubernetes.io/pvc-protection')
          if (!obj.status) obj.status = { phase: 'Pending' }
        }
        break
      }
      case 'persistentvolumes':
        obj.spec ??= {}
        obj.spec.persistentVolumeReclaimPolicy ??= 'Retain'
        obj.spec.volumeMode ??= 'Filesystem'
        if (creating) {
          addFinalizer(obj, 'kubernetes.io/pv-protection')
          if (!obj.status) obj.status = { phase: 'Pending' }
        }
        break
      case 'secrets':
        // the API server's defaulting: a secret without a type is Opaque
        obj.type ??= 'Opaque'
        break
      case 'storageclasses.storage.k8s.io':
        obj.reclaimPolicy ??= 'Delete'
        obj.volumeBindingMode ??= 'Immediate'
        break
      case 'namespaces':
        if (creating) {
          obj.spec ??= {}
          obj.spec.finalizers ??= ['kubernetes']
          obj.status ??= { phase: 'Active' }
          obj.metadata.labels = { 'kubernetes.io/metadata.name': obj.metadata.name, ...(obj.metadata.labels ?? {}) }
        }
        break
    }
  }
  api.mutators.push(m)
}
