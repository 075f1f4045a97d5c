/**
 * Troubleshooting faults (switched on by labs or `--fault ID`): each one is what an administrator or the world
 * did to the cluster, applied through the API (or the S3 world) at the end of a scenario's build. The trainee only
 * sees its consequences: conditions, events, pod states and logs.
 */
import type { Cluster } from '../cluster'
import { containerBehaviours } from '../controllers/container-behaviour'
import { b64encode } from '../controllers/util'
import { s3Service } from '../world/s3'
import { drawAwsKeys } from './platform'

/** Stable fault ids for troubleshooting practice. */
export const FAULT_IDS = [
  's3-wrong-keys',
  's3-bucket-deleted',
  'pvc-unbound',
  'rwo-two-replicas',
  'nodeselector-impossible',
  'infra-tainted',
  'operator-scaled-down',
  'registry-crashloop',
]

const NS = 'openshift-image-registry'
const CONFIG = 'configs.imageregistry.operator.openshift.io'
/** Virtual time between switching faults on and the trainee's first command (past the 10 min progress deadline). */
export const FAULT_AGE_MS = 11 * 60_000

/** A fault: what the trainee sees, how to fix it, and how it is switched on. */
export interface Fault {
  id: string
  title: string
  /** scenarios it is meant for (it still applies elsewhere when it can) */
  scenarios: string[]
  /** what the trainee observes */
  symptoms: string
  /** the known fix */
  fix: string
  apply(cluster: Cluster): void
}

/** The Config CR's name in the cluster's era. */
export function configName(cluster: Cluster): string {
  return cluster.profile === '4.0' ? 'instance' : 'cluster'
}

function patchConfig(cluster: Cluster, body: unknown): void {
  cluster.api.patch(CONFIG, undefined, configName(cluster), 'merge', body)
}

/** Makes a Removed registry Managed on emptyDir (what workshop 002 does) so that faults have a registry to break. */
function ensureManaged(cluster: Cluster): void {
  const cr = cluster.api.tryGet(CONFIG, undefined, configName(cluster))
  if (!cr || cr.spec.managementState === 'Managed') return
  const storage = Object.keys(cr.spec.storage ?? {}).filter((k) => k !== 'managementState').length ? {} : { storage: { emptyDir: {} } }
  patchConfig(cluster, { spec: { managementState: 'Managed', ...storage } })
  cluster.settle()
  cluster.advance(3 * 60_000)
}

/** The infra node (one labelled `node-role.kubernetes.io/infra`), or the first worker made into one. */
function infraNode(cluster: Cluster): string {
  const nodes = cluster.api.query('nodes')
  const infra = nodes.find((n) => 'node-role.kubernetes.io/infra' in (n.metadata.labels ?? {}))
  if (infra) return infra.metadata.name
  const worker = nodes.filter((n) => 'node-role.kubernetes.io/worker' in (n.metadata.labels ?? {})).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))[0]
  cluster.api.patch('nodes', undefined, worker.metadata.name, 'merge', { metadata: { labels: { 'node-role.kubernetes.io/infra': '' } } })
  return worker.metadata.name
}

/** The invalid S3 endpoint `registry-crashloop` writes (a port that is not a number). */
export const BROKEN_ENDPOINT = 'https://s3.us-east-1.amazonaws.com:443s'

export const FAULTS: Fault[] = [
  {
    id: 's3-wrong-keys',
    title: 'The registry was given S3 keys that AWS does not know',
    scenarios: ['aws', 'aws-4.0', 'ocs'],
    symptoms: 'Config: StorageExists False (InvalidAccessKeyId), Progressing True "Unable to apply resources: unable to sync storage configuration: InvalidAccessKeyId: ..."; the image-registry ClusterOperator is Progressing/Degraded',
    fix: 'oc delete secret image-registry-private-configuration-user -n openshift-image-registry (or put valid keys in it)',
    apply(cluster) {
      const keys = drawAwsKeys(cluster)
      cluster.api.create('secrets', {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'image-registry-private-configuration-user', namespace: NS },
        type: 'Opaque',
        data: { REGISTRY_STORAGE_S3_ACCESSKEY: b64encode(keys.accessKeyId), REGISTRY_STORAGE_S3_SECRETKEY: b64encode(keys.secretAccessKey) },
      })
    },
  },
  {
    id: 's3-bucket-deleted',
    title: 'The registry bucket was deleted out of band while the operator was scaled down',
    scenarios: ['aws', 'aws-4.0', 'ocs'],
    symptoms: 'registry pods Running 0/1 with Unhealthy readiness events (the storage health check fails); no operator pod (deployment 0/0), so the Config and ClusterOperator still claim the registry is Available',
    fix: 'oc scale deployment cluster-image-registry-operator --replicas=1 -n openshift-image-registry (the operator re-creates the bucket on its first pass)',
    apply(cluster) {
      cluster.api.patch('deployments.apps', NS, 'cluster-image-registry-operator', 'merge', { spec: { replicas: 0 } })
      cluster.settle()
      cluster.advance(60_000)
      const bucket = cluster.api.tryGet(CONFIG, undefined, configName(cluster))?.status?.storage?.s3?.bucket
      if (bucket) s3Service(cluster.ctx)?.deleteBucketOutOfBand(bucket)
    },
  },
  {
    id: 'pvc-unbound',
    title: 'The registry was switched to a PVC on a cluster without a default StorageClass',
    scenarios: ['baremetal'],
    symptoms: 'PVC image-registry-storage Pending (FailedBinding: no persistent volumes available for this claim and no storage class is set); registry pod Pending (unbound immediate PersistentVolumeClaims); Config Available False NoReplicasAvailable, Degraded True Unavailable',
    fix: 'create a PersistentVolume (RWX, 100Gi) or a default StorageClass, or switch to emptyDir: oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p \'{"spec":{"storage":{"pvc":null,"emptyDir":{}}}}\'',
    apply(cluster) {
      const cr = cluster.api.tryGet(CONFIG, undefined, configName(cluster))
      const drop: Record<string, null> = {}
      for (const k of Object.keys(cr?.spec?.storage ?? {})) if (k !== 'managementState' && k !== 'pvc') drop[k] = null
      patchConfig(cluster, { spec: { managementState: 'Managed', storage: { ...drop, pvc: { claim: '' } } } })
    },
  },
  {
    id: 'rwo-two-replicas',
    title: 'A ReadWriteOnce claim shared by two registry replicas',
    scenarios: ['aws', 'ocs'],
    symptoms: 'second registry pod ContainerCreating with FailedAttachVolume "Multi-Attach error for volume ..."; Config Available True MinimumAvailability, Progressing True DeploymentNotCompleted',
    fix: 'oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p \'{"spec":{"replicas":1}}\' (or use a RWX claim)',
    apply(cluster) {
      ensureManaged(cluster)
      cluster.api.create('persistentvolumeclaims', {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'registry-rwo', namespace: NS },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } } },
      })
      const cr = cluster.api.get(CONFIG, undefined, configName(cluster))
      const drop: Record<string, null> = {}
      for (const k of Object.keys(cr.spec.storage ?? {})) if (k !== 'managementState' && k !== 'pvc') drop[k] = null
      patchConfig(cluster, { spec: { replicas: 1, rolloutStrategy: 'Recreate', storage: { ...drop, pvc: { claim: 'registry-rwo' } } } })
      cluster.settle()
      cluster.advance(3 * 60_000)
      patchConfig(cluster, { spec: { replicas: 2 } })
    },
  },
  {
    id: 'nodeselector-impossible',
    title: 'The registry was moved to nodes that do not exist (nodeSelector typo)',
    scenarios: ['aws', 'baremetal', 'ocs'],
    symptoms: 'new registry pod Pending with FailedScheduling "... didn\'t match Pod\'s node affinity/selector"; Config Available True MinimumAvailability, Progressing True, Degraded True ProgressDeadlineExceeded',
    fix: 'oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p \'{"spec":{"nodeSelector":null}}\' (or the right label)',
    apply(cluster) {
      ensureManaged(cluster)
      patchConfig(cluster, { spec: { nodeSelector: { 'node-role.kubernetes.io/infa': '' } } })
    },
  },
  {
    id: 'infra-tainted',
    title: 'The registry was moved to a tainted infra node without a toleration',
    scenarios: ['baremetal'],
    symptoms: 'new registry pod Pending with FailedScheduling "... had untolerated taint {node-role.kubernetes.io/infra: reserved}"; Config Degraded True ProgressDeadlineExceeded',
    fix: 'oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p \'{"spec":{"tolerations":[{"key":"node-role.kubernetes.io/infra","value":"reserved","effect":"NoSchedule"}]}}\' (or remove the taint)',
    apply(cluster) {
      ensureManaged(cluster)
      const node = infraNode(cluster)
      const n = cluster.api.get('nodes', undefined, node)
      cluster.api.patch('nodes', undefined, node, 'merge', { spec: { taints: [...(n.spec.taints ?? []), { key: 'node-role.kubernetes.io/infra', value: 'reserved', effect: 'NoSchedule' }] } })
      patchConfig(cluster, { spec: { nodeSelector: { 'node-role.kubernetes.io/infra': '' } } })
    },
  },
  {
    id: 'operator-scaled-down',
    title: 'The registry operator was scaled to zero',
    scenarios: ['aws', 'aws-4.0', 'baremetal', 'ocs'],
    symptoms: 'no cluster-image-registry-operator pod (deployment 0/0, ScalingReplicaSet "Scaled down" event); edits of the Config are not acted on and its status goes stale',
    fix: 'oc scale deployment cluster-image-registry-operator --replicas=1 -n openshift-image-registry',
    apply(cluster) {
      cluster.api.patch('deployments.apps', NS, 'cluster-image-registry-operator', 'merge', { spec: { replicas: 0 } })
    },
  },
  {
    id: 'registry-crashloop',
    title: 'A broken S3 endpoint makes the registry crash at start',
    scenarios: ['aws', 'ocs'],
    symptoms: `registry pods CrashLoopBackOff; oc logs shows "panic: parse \\"${BROKEN_ENDPOINT}\\": invalid port..."; Config Available True MinimumAvailability (old pods) / Progressing True, later Degraded ProgressDeadlineExceeded`,
    fix: 'oc patch configs.imageregistry.operator.openshift.io cluster --type json -p \'[{"op":"remove","path":"/spec/storage/s3/regionEndpoint"}]\'',
    apply(cluster) {
      ensureManaged(cluster)
      patchConfig(cluster, { spec: { storage: { s3: { regionEndpoint: BROKEN_ENDPOINT } } } })
    },
  },
]

/** The fault called `id`. */
export function faultById(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id)
}

/** Go's url.Parse complaint about an endpoint, if it does not parse (only the invalid-port case is modelled). */
export function endpointParseError(endpoint: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/:]+(:[^/]*)/i.exec(endpoint)
  if (!m || /^:\d*$/.test(m[1])) return undefined
  return `parse ${JSON.stringify(endpoint)}: invalid port ${JSON.stringify(m[1])} after host`
}

/**
 * The registry's reaction to a storage endpoint it cannot parse: it panics while building its S3 driver. Code,
 * registered by every scenario's `prepare` before the operator's behaviours so that its log lines win.
 */
export function installFaultBehaviours(cluster: Cluster): void {
  containerBehaviours(cluster.ctx).register('registry-bad-endpoint', (pod, container, ctx) => {
    if (pod.metadata.namespace !== NS || container.name !== 'registry' || pod.metadata.labels?.['docker-registry'] !== 'default') return undefined
    const endpoint = (container.env ?? []).find((e: any) => e.name === 'REGISTRY_STORAGE_S3_REGIONENDPOINT')?.value
    const err = endpoint ? endpointParseError(endpoint) : undefined
    if (!err) return undefined
    return {
      ready: false,
      exit: { code: 2, reason: 'Error', afterMs: 1200 },
      onStart: () => {
        const t = ctx.now()
        const log = (dt: number, line: string) => ctx.logs.append(NS, pod.metadata.name, container.name, t + dt, line)
        const ts = new Date(t).toISOString().replace(/\.\d+Z$/, '.' + String(t % 1000).padStart(3, '0') + '152255Z')
        log(0, `time="${ts}" level=info msg="start registry" distribution_version=v2.6.0+unknown go.version=go1.19.4 openshift_version=4.12.0-202301060433.p0.g3b2ac4b.assembly.stream-3b2ac4b`)
        log(1100, `panic: ${err}`)
        log(1100, '')
        log(1100, 'goroutine 1 [running]:')
        log(1100, 'github.com/openshift/image-registry/pkg/dockerregistry/server.NewApp({0x2a4e5a8, 0xc0000a8000}, {0x2a5a2d0, 0xc00012e000}, 0xc0001f0000, 0xc00047a000, {0x0, 0x0})')
        log(1100, '\t/go/src/github.com/openshift/image-registry/pkg/dockerregistry/server/app.go:118 +0x7a5')
      },
    }
  })
}

/** Switches the faults on at the end of a scenario's build and lets their symptoms develop. */
export function applyFaults(cluster: Cluster, ids: string[]): void {
  if (!ids.length) return
  for (const id of ids) {
    const f = faultById(id)
    if (!f) throw new Error(`unknown fault "${id}"`)
    f.apply(cluster)
    cluster.settle()
  }
  cluster.advance(FAULT_AGE_MS)
}
