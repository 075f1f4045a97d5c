/**
 * The registry Deployment `image-registry` and its pod template (§5.2, §4.12; 4.0 variant per §13): env in the
 * rendered order, volumes, probes, scheduling defaults, rolling parameters and the checksum annotations.
 */
import type { KObject } from '../api/types'
import type { ControllerContext } from '../controllers/types'
import { canonicalJson, hashHex } from '../controllers/util'
import { formatGoDuration } from '../format/duration'
import { CHECKSUM_ANNOTATION, DEPS_CHECKSUM_ANNOTATION, INTERNAL_HOSTNAME, NS, PRIVATE_CONFIG, PROXY_RESOURCE, REGISTRY, operatorEnv, releaseVersion } from './names'
import { storageEnv, storageVolume } from './storage-env'

const LABELS = { 'docker-registry': 'default' }

/** `sha256:<hex>` over a JSON value (a stand-in for the operator's sha256 of the object). */
export function checksum(v: unknown): string {
  const text = canonicalJson(v)
  let sum = checksums.get(text)
  if (sum === undefined) {
    sum = `sha256:${hashHex(text, 64)}`
    if (checksums.size >= 64) checksums.clear()
    checksums.set(text, sum)
  }
  return sum
}

/** canonical JSON → checksum: the operator hashes the same few objects on every reconcile */
const checksums = new Map<string, string>()

/** REGISTRY_LOG_LEVEL from logLevel, else the deprecated `logging` (§1.1). */
export function registryLogLevel(spec: any): string {
  if (['Debug', 'Trace', 'TraceAll'].includes(spec.logLevel)) return 'debug'
  const l = spec.logging ?? 0
  if (l === 1) return 'warn'
  if (l === 0 || l === 2 || l === 3) return 'info'
  return 'debug'
}

/** Go's time.Duration text of a maxWaitInQueue value (`0s` when unset). */
function waitText(v: unknown): string {
  if (typeof v === 'string' && v) return v
  if (typeof v === 'number') return formatGoDuration(v / 1e6)
  return '0s'
}

/** Env vars common to every storage type, in the rendered order. */
function commonEnv(ctx: ControllerContext, spec: any): any[] {
  const v40 = ctx.profile === '4.0'
  const env: any[] = [
    { name: 'REGISTRY_HTTP_ADDR', value: ':5000' },
    { name: 'REGISTRY_HTTP_NET', value: 'tcp' },
    { name: 'REGISTRY_HTTP_SECRET', value: spec.httpSecret ?? '' },
    { name: 'REGISTRY_LOG_LEVEL', value: registryLogLevel(spec) },
    { name: 'REGISTRY_OPENSHIFT_QUOTA_ENABLED', value: 'true' },
    { name: 'REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR', value: 'inmemory' },
    { name: 'REGISTRY_STORAGE_DELETE_ENABLED', value: 'true' },
  ]
  if (!v40) env.push({ name: 'REGISTRY_HEALTH_STORAGEDRIVER_ENABLED', value: 'true' }, { name: 'REGISTRY_HEALTH_STORAGEDRIVER_INTERVAL', value: '10s' }, { name: 'REGISTRY_HEALTH_STORAGEDRIVER_THRESHOLD', value: '1' })
  env.push({ name: 'REGISTRY_OPENSHIFT_METRICS_ENABLED', value: 'true' }, { name: 'REGISTRY_OPENSHIFT_SERVER_ADDR', value: INTERNAL_HOSTNAME })
  if (spec.readOnly) env.push({ name: 'REGISTRY_STORAGE_MAINTENANCE_READONLY', value: '{enabled: true}' })
  if (spec.disableRedirect) env.push({ name: 'REGISTRY_STORAGE_REDIRECT_DISABLE', value: 'true' })
  const proxy = ctx.api.tryGet(PROXY_RESOURCE, undefined, 'cluster')?.status ?? {}
  const p = spec.proxy ?? {}
  const http = p.http || proxy.httpProxy
  const https = p.https || proxy.httpsProxy
  const no = p.noProxy || proxy.noProxy
  if (http) env.push({ name: 'HTTP_PROXY', value: http })
  if (https) env.push({ name: 'HTTPS_PROXY', value: https })
  if (no) env.push({ name: 'NO_PROXY', value: no })
  for (const kind of ['read', 'write'] as const) {
    const r = spec.requests?.[kind] ?? {}
    if (!r.maxRunning && !r.maxInQueue) continue
    const K = kind.toUpperCase()
    env.push(
      { name: `REGISTRY_OPENSHIFT_REQUESTS_${K}_MAXRUNNING`, value: String(r.maxRunning ?? 0) },
      { name: `REGISTRY_OPENSHIFT_REQUESTS_${K}_MAXINQUEUE`, value: String(r.maxInQueue ?? 0) },
      { name: `REGISTRY_OPENSHIFT_REQUESTS_${K}_MAXWAITINQUEUE`, value: waitText(r.maxWaitInQueue) },
    )
  }
  env.push({ name: 'REGISTRY_HTTP_TLS_CERTIFICATE', value: '/etc/secrets/tls.crt' }, { name: 'REGISTRY_HTTP_TLS_KEY', value: '/etc/secrets/tls.key' })
  return env
}

/** Validates the request limits: a negative value fails the deployment update (§1.1). */
export function requestsError(spec: any): string | undefined {
  for (const kind of ['Read', 'Write']) {
    const r = spec.requests?.[kind.toLowerCase()] ?? {}
    if ((r.maxRunning ?? 0) < 0) return `Requests.${kind}.MaxRunning must be positive number`
    if ((r.maxInQueue ?? 0) < 0) return `Requests.${kind}.MaxInQueue must be positive number`
  }
  return undefined
}

/** The supplemental group of the namespace (fsGroup of the registry pods). */
function fsGroup(ctx: ControllerContext): number | undefined {
  const a = ctx.api.tryGet('namespaces', undefined, NS)?.metadata.annotations?.['openshift.io/sa.scc.supplemental-groups']
  const n = a ? Number(a.split('/')[0]) : NaN
  return Number.isNaN(n) ? undefined : n
}

/** Default topology spread constraints (4.11+), dropped when spec.nodeSelector is set. */
function topologySpread(ctx: ControllerContext, spec: any): any[] | undefined {
  if (spec.topologySpreadConstraints?.length) return spec.topologySpreadConstraints
  if (spec.nodeSelector && Object.keys(spec.nodeSelector).length) return undefined
  const keys = ['kubernetes.io/hostname', 'node-role.kubernetes.io/worker']
  // (the store counts the objects carrying a label key: no listing of every node)
  if (ctx.api.store.hasLabelKey('nodes', 'topology.kubernetes.io/zone')) keys.push('topology.kubernetes.io/zone')
  return keys.map((topologyKey) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { ...LABELS } } }))
}

/** The Deployment the operator wants, given the Config spec and the checksum of the objects it depends on. */
export function registryDeployment(ctx: ControllerContext, spec: any, depsChecksum: string): KObject {
  const v40 = ctx.profile === '4.0'
  const replicas = spec.replicas ?? 1
  const image = operatorEnv(ctx, 'IMAGE') ?? 'quay.io/openshift/origin-docker-registry:latest'
  const storage = storageVolume(spec.storage ?? {})
  const volumes: any[] = []
  const mounts: any[] = []
  if (storage.volume) {
    volumes.push({ name: 'registry-storage', ...storage.volume })
    mounts.push({ name: 'registry-storage', mountPath: '/registry' })
  }
  if (storage.cloud && !v40) {
    volumes.push({ name: PRIVATE_CONFIG, secret: { secretName: PRIVATE_CONFIG } })
    mounts.push({ name: PRIVATE_CONFIG, mountPath: '/var/run/secrets/cloud', readOnly: true })
  }
  volumes.push(
    { name: 'registry-tls', projected: { sources: [{ secret: { name: 'image-registry-tls' } }] } },
    { name: 'ca-trust-extracted', emptyDir: {} },
    { name: 'registry-certificates', configMap: { name: 'image-registry-certificates' } },
    { name: 'trusted-ca', configMap: { name: 'trusted-ca', optional: true, items: [{ key: 'ca-bundle.crt', path: 'anchors/ca-bundle.crt' }] } },
    { name: 'installation-pull-secrets', secret: { secretName: 'installation-pull-secrets', optional: true, items: [{ key: '.dockerconfigjson', path: 'config.json' }] } },
  )
  mounts.push(
    { name: 'registry-tls', mountPath: '/etc/secrets' },
    { name: 'ca-trust-extracted', mountPath: '/etc/pki/ca-trust/extracted' },
    { name: 'registry-certificates', mountPath: '/etc/pki/ca-trust/source/anchors' },
    { name: 'trusted-ca', mountPath: '/usr/share/pki/ca-trust-source' },
    { name: 'installation-pull-secrets', mountPath: '/var/lib/kubelet/' },
  )
  if (!v40) {
    volumes.push({ name: 'bound-sa-token', projected: { sources: [{ serviceAccountToken: { audience: 'openshift', expirationSeconds: 3600, path: 'token' } }] } })
    mounts.push({ name: 'bound-sa-token', mountPath: '/var/run/secrets/openshift/serviceaccount', readOnly: true })
  }
  const probe = (initialDelaySeconds: number) => ({ httpGet: { path: '/healthz', port: 5000, scheme: 'HTTPS' }, initialDelaySeconds, timeoutSeconds: 5 })
  const container: any = {
    name: 'registry',
    image,
    command: ['/bin/sh', '-c', 'mkdir -p /etc/pki/ca-trust/extracted/edk2 /etc/pki/ca-trust/extracted/java /etc/pki/ca-trust/extracted/openssl /etc/pki/ca-trust/extracted/pem && update-ca-trust extract && exec /usr/bin/dockerregistry'],
    ports: [{ containerPort: 5000, protocol: 'TCP' }],
    env: [...storageEnv(ctx, spec.storage ?? {}), ...commonEnv(ctx, spec)],
    resources: spec.resources && Object.keys(spec.resources).length ? spec.resources : { requests: { cpu: '100m', memory: '256Mi' } },
    livenessProbe: probe(v40 ? 10 : 5),
    readinessProbe: probe(v40 ? 0 : 15),
    volumeMounts: mounts,
    terminationMessagePolicy: 'FallbackToLogsOnError',
  }
  if (!v40) container.lifecycle = { preStop: { exec: { command: ['sleep', '25'] } } }
  const nodeSelector = { ...(spec.nodeSelector ?? {}) }
  if (!('kubernetes.io/os' in nodeSelector)) nodeSelector['kubernetes.io/os'] = 'linux'
  const podSpec: any = {
    serviceAccountName: 'registry',
    priorityClassName: 'system-cluster-critical',
    nodeSelector,
    containers: [container],
    volumes,
  }
  if (!v40) {
    podSpec.terminationGracePeriodSeconds = 55
    const g = fsGroup(ctx)
    podSpec.securityContext = g === undefined ? { fsGroupChangePolicy: 'OnRootMismatch' } : { fsGroup: g, fsGroupChangePolicy: 'OnRootMismatch' }
  }
  if (spec.tolerations?.length) podSpec.tolerations = spec.tolerations
  if (spec.affinity && Object.keys(spec.affinity).length) podSpec.affinity = spec.affinity
  else if (!v40 && replicas === 2) {
    podSpec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { ...LABELS } }, namespaces: [NS], topologyKey: 'kubernetes.io/hostname' }] } }
  }
  if (!v40) {
    const tsc = topologySpread(ctx, spec)
    if (tsc) podSpec.topologySpreadConstraints = tsc
  }
  if (spec.unsupportedConfigOverrides?.deployment?.runtimeClassName) podSpec.runtimeClassName = spec.unsupportedConfigOverrides.deployment.runtimeClassName
  const overrideAnn = spec.unsupportedConfigOverrides?.deployment?.annotations ?? {}
  const strategyType = spec.rolloutStrategy === 'Recreate' ? 'Recreate' : 'RollingUpdate'
  const strategy: any = { type: strategyType }
  if (strategyType === 'RollingUpdate' && !v40) {
    strategy.rollingUpdate = replicas === 2 ? { maxUnavailable: 1, maxSurge: 1 } : { maxUnavailable: Math.max(replicas - 1, 0), maxSurge: '25%' }
  }
  const podAnnotations: Record<string, string> = { ...overrideAnn, [DEPS_CHECKSUM_ANNOTATION]: depsChecksum }
  if (!v40) podAnnotations['target.workload.openshift.io/management'] = '{"effect": "PreferredDuringScheduling"}'
  const body = {
    replicas,
    selector: { matchLabels: { ...LABELS } },
    strategy,
    ...(v40 ? {} : { progressDeadlineSeconds: 60 }),
    template: { metadata: { labels: { ...LABELS }, annotations: podAnnotations }, spec: podSpec },
  }
  const annotations: Record<string, string> = { ...overrideAnn, [CHECKSUM_ANNOTATION]: checksum(body) }
  if (!v40) annotations['release.openshift.io/version'] = releaseVersion(ctx)
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: REGISTRY, namespace: NS, labels: { ...LABELS }, annotations }, spec: body }
}
