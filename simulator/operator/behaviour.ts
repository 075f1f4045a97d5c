/**
 * What the registry and operator processes do inside their containers (via the container-behaviour hook):
 * start-up log lines (§11.1, §11.2) and the registry's readiness, which fails while its S3 storage is
 * unreachable (storage health check → 503 on /healthz).
 */
import type { KObject } from '../api/types'
import { containerBehaviours, type ContainerOutcome } from '../controllers/container-behaviour'
import type { ControllerContext } from '../controllers/types'
import { hashInt } from '../controllers/util'
import { formatRFC3339Nano } from '../format/time'
import { klogStamp, subMillis } from './oplog'
import { s3Service } from '../world/s3'
import { NS, OPERATOR_CONTAINER, PRIVATE_CONFIG } from './names'
import { podS3Credentials } from './objects'

/** The registry's storage health: S3 reachable with the credentials and bucket the pod was given. */
export function registryStorageHealthy(ctx: ControllerContext, pod: KObject, container: any): boolean {
  const env: any[] = container.env ?? []
  if (env.find((e) => e.name === 'REGISTRY_STORAGE')?.value !== 's3') return true
  const s3 = s3Service(ctx)
  if (!s3) return false
  const bucket = env.find((e) => e.name === 'REGISTRY_STORAGE_S3_BUCKET')?.value
  const creds = podS3Credentials(ctx.api.tryGet('secrets', pod.metadata.namespace, PRIVATE_CONFIG))
  return s3.healthy(creds, bucket)
}

function registryStartLines(ctx: ControllerContext, pod: KObject, container: any): void {
  const v40 = ctx.profile === '4.0'
  const go = v40 ? 'go1.9.4' : 'go1.19.4'
  const version = v40 ? 'v4.0.0-0.149.0' : '4.12.0-202301060433.p0.g3b2ac4b.assembly.stream-3b2ac4b'
  const t0 = ctx.now()
  const env: any[] = container.env ?? []
  const line = (dt: number, level: string, msg: string, extra = '') => {
    const quoted = /[\s"=]/.test(msg) ? JSON.stringify(msg) : msg
    const ns = String(subMillis(ctx, pod.metadata.namespace!, pod.metadata.name, container.name, t0 + dt, msg, 1_000_000)).padStart(6, '0')
    ctx.logs.append(pod.metadata.namespace!, pod.metadata.name, container.name, t0 + dt, `time="${formatRFC3339Nano(t0 + dt, ns)}" level=${level} msg=${quoted}${extra} go.version=${go}`)
  }
  ctx.logs.append(pod.metadata.namespace!, pod.metadata.name, container.name, t0, `time="${formatRFC3339Nano(t0, '152255')}" level=info msg="start registry" distribution_version=v2.6.0+unknown go.version=${go} openshift_version=${version}`)
  line(1, 'info', 'caching project quota objects with TTL 1m0s')
  line(2, 'info', 'redis not configured')
  line(3, 'info', `Starting upload purge in ${hashInt(`${pod.metadata.uid}/purge`, 60)}m0s`)
  if (env.some((e) => e.name === 'REGISTRY_STORAGE_REDIRECT_DISABLE')) line(4, 'info', 'backend redirection disabled')
  line(12, 'info', 'using openshift blob descriptor cache')
  line(12, 'warning', 'Registry does not implement RempositoryRemover. Will not be able to delete repos and tags')
  line(13, 'info', 'Using "image-registry.openshift-image-registry.svc:5000" as Docker Registry URL')
  line(13, 'info', 'listening on :5000, tls')
}

function operatorStartLines(ctx: ControllerContext, pod: KObject): void {
  const t0 = ctx.now()
  const v40 = ctx.profile === '4.0'
  const log = (dt: number, file: string, msg: string) =>
    ctx.logs.append(NS, pod.metadata.name, OPERATOR_CONTAINER, t0 + dt, `I${klogStamp(ctx, pod.metadata.name, t0 + dt, msg)}       1 ${file}] ${msg}`)
  log(0, 'main.go:30', `Cluster Image Registry Operator Version: ${v40 ? 'v4.0.0-0.150.0.0-dirty' : 'v4.12.0-202301060433.p0.g0b4e6f8.assembly.stream-0b4e6f8'}`)
  log(0, 'main.go:31', `Go Version: ${v40 ? 'go1.10.3' : 'go1.19.4'}`)
  log(0, 'main.go:32', 'Go OS/Arch: linux/amd64')
  if (v40) return
  log(1, 'main.go:66', 'Watching files [/var/run/configmaps/trusted-ca/tls-ca-bundle.pem /etc/secrets/tls.crt /etc/secrets/tls.key]...')
  log(2, 'leaderelection.go:248', 'attempting to acquire leader lease openshift-image-registry/openshift-master-controllers...')
  log(3, 'leaderelection.go:258', 'successfully acquired lease openshift-image-registry/openshift-master-controllers')
  const controllers = ['ImageConfigController', 'ClusterOperatorStatusController', 'NodeCADaemonController', 'ImageRegistryCertificatesController', 'AzureStackCloudController', 'MetricsController']
  // The controllers start in parallel: every "Starting" line, then every "Started" line.
  for (const c of controllers) log(4, 'base_controller.go:67', `Starting ${c}`)
  for (const c of controllers) log(5, 'base_controller.go:73', `Started ${c}`)
  log(5, 'controllerimagepruner.go:386', 'Starting ImagePrunerController')
  log(5, 'controller.go:391', 'Starting Controller')
}

/** Registers the registry's and the operator's container behaviours on the cluster. */
export function installBehaviours(ctx: { services: Record<string, unknown> }): void {
  const reg = containerBehaviours(ctx)
  reg.register('image-registry', (pod, container, c): ContainerOutcome | undefined => {
    if (pod.metadata.namespace !== NS) return undefined
    if (container.name === 'registry' && pod.metadata.labels?.['docker-registry'] === 'default') {
      return { ready: registryStorageHealthy(c, pod, container), onStart: () => registryStartLines(c, pod, container) }
    }
    if (container.name === OPERATOR_CONTAINER) return { onStart: () => operatorStartLines(c, pod) }
    return undefined
  })
}
