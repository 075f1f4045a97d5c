/**
 * The operator's helper controllers (§2.3, §6, §8): the node-ca DaemonSet, the image-registry-certificates
 * ConfigMap and the serving-cert Secret, and the status of `image.config.openshift.io/cluster`. Each writes its
 * own conditions into the Config CR and refreshes the ClusterOperator.
 */
import type { KObject, Profile } from '../api/types'
import { jsonEqual } from '../api/patch'
import type { Controller, ControllerContext } from '../controllers/types'
import { b64encode, clone, emit, hashHex } from '../controllers/util'
import { applyObject } from './apply'
import { syncClusterOperator } from './clusteroperator'
import { configConditions } from './conditions'
import { CONFIG_RESOURCE, EVENT_SOURCE, IMAGE_CONFIG_RESOURCE, INTERNAL_HOSTNAME, NS, REGISTRY, configName, nsChanges, operatorDeployment, operatorEnv, operatorRunning, toChanges } from './names'

type Cond = { type: string; status: 'True' | 'False' | 'Unknown'; reason: string; message: string }

/** Sets conditions on the Config CR's status (if it exists) and refreshes the ClusterOperator. */
export function setConfigConditions(ctx: ControllerContext, conds: Cond[], extra?: (status: any) => void): void {
  const cr = ctx.api.tryGet(CONFIG_RESOURCE, undefined, configName(ctx.profile))
  if (cr && !cr.metadata.deletionTimestamp) {
    const next = clone(cr)
    next.status ??= {}
    const list = configConditions((next.status.conditions ??= []), ctx.now())
    // The 4.0 operator had no helper conditions on its CR.
    if (ctx.profile !== '4.0') for (const c of conds) list.set(c)
    extra?.(next.status)
    if (!jsonEqual(cr.status, next.status)) ctx.api.updateStatus(CONFIG_RESOURCE, next)
  }
  syncClusterOperator(ctx)
}

function nodeCADaemonSet(ctx: ControllerContext): KObject {
  const image = operatorEnv(ctx, 'IMAGE') ?? 'quay.io/openshift/origin-docker-registry:latest'
  const script = 'trap \'jobs -p | xargs -r kill; echo shutting down node-ca; exit 0\' TERM\nwhile [ true ];\ndo\n  for f in $(ls /tmp/serviceca); do\n    echo $f\n    ca_file_path="/tmp/serviceca/${f}"\n    f=$(echo $f | sed  -r \'s/(.*)\\.\\./\\1:/\')\n    reg_dir_path="/etc/docker/certs.d/${f}"\n    if [ -e "${reg_dir_path}" ]; then\n      cp -u $ca_file_path $reg_dir_path/ca.crt\n    else\n      mkdir $reg_dir_path\n      cp $ca_file_path $reg_dir_path/ca.crt\n    fi\n  done\n  sleep 60 & wait ${!}\ndone\n'
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-ca', namespace: NS },
    spec: {
      selector: { matchLabels: { name: 'node-ca' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      template: {
        metadata: { labels: { name: 'node-ca' }, annotations: { 'target.workload.openshift.io/management': '{"effect": "PreferredDuringScheduling"}' } },
        spec: {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          tolerations: [{ operator: 'Exists' }],
          serviceAccountName: 'node-ca',
          hostNetwork: true,
          containers: [
            {
              name: 'node-ca',
              image,
              command: ['/bin/sh', '-c', script],
              securityContext: { privileged: true, runAsUser: 1001, runAsGroup: 0 },
              resources: { requests: { cpu: '10m', memory: '10Mi' } },
              terminationMessagePolicy: 'FallbackToLogsOnError',
              volumeMounts: [
                { name: 'serviceca', mountPath: '/tmp/serviceca' },
                { name: 'host', mountPath: '/etc/docker/certs.d' },
              ],
            },
          ],
          volumes: [
            { name: 'host', hostPath: { path: '/etc/docker/certs.d' } },
            { name: 'serviceca', configMap: { name: 'image-registry-certificates' } },
          ],
        },
      },
    },
  }
}

function nodeCA(_key: string, ctx: ControllerContext): void {
  if (!operatorRunning(ctx)) return
  let degraded: Cond = { type: 'NodeCADaemonControllerDegraded', status: 'False', reason: 'AsExpected', message: '' }
  try {
    const r = applyObject(ctx, 'daemonsets.apps', nodeCADaemonSet(ctx), { replaceSpec: true })
    const op = operatorDeployment(ctx)
    if (op && r.action === 'created') emit(ctx, op, 'Normal', 'DaemonSetCreated', `Created DaemonSet.apps/node-ca -n ${NS} because it was missing`, EVENT_SOURCE)
    if (op && r.action === 'updated') emit(ctx, op, 'Normal', 'DaemonSetUpdated', `Updated DaemonSet.apps/node-ca -n ${NS} because it changed`, EVENT_SOURCE)
  } catch (e) {
    degraded = { type: 'NodeCADaemonControllerDegraded', status: 'True', reason: 'Error', message: e instanceof Error ? e.message : String(e) }
  }
  const ds = ctx.api.tryGet('daemonsets.apps', NS, 'node-ca')
  const s = ds?.status ?? {}
  const available: Cond = !ds
    ? { type: 'NodeCADaemonAvailable', status: 'False', reason: 'NotFound', message: 'The daemon set node-ca does not exist' }
    : (s.numberAvailable ?? 0) === 0
      ? { type: 'NodeCADaemonAvailable', status: 'False', reason: 'NoAvailableReplicas', message: 'The daemon set node-ca does not have available replicas' }
      : { type: 'NodeCADaemonAvailable', status: 'True', reason: 'AsExpected', message: 'The daemon set node-ca has available replicas' }
  const progressing: Cond = !ds
    ? { type: 'NodeCADaemonProgressing', status: 'True', reason: 'NotFound', message: 'The daemon set node-ca does not exist' }
    : (ds.metadata.generation ?? 1) !== (s.observedGeneration ?? 0)
      ? { type: 'NodeCADaemonProgressing', status: 'True', reason: 'Progressing', message: 'The daemon set node-ca is updating node pods' }
      : (s.numberUnavailable ?? 0) > 0
        ? { type: 'NodeCADaemonProgressing', status: 'True', reason: 'Unavailable', message: 'The daemon set node-ca is deploying node pods' }
        : { type: 'NodeCADaemonProgressing', status: 'False', reason: 'AsExpected', message: 'The daemon set node-ca is deployed' }
  setConfigConditions(ctx, [available, progressing, degraded], (status) => {
    if (!ds || ctx.profile === '4.0') return
    const list: any[] = (status.generations ?? []).filter((g: any) => g.resource !== 'daemonsets')
    list.push({ group: 'apps', hash: '', lastGeneration: ds.metadata.generation, name: 'node-ca', namespace: NS, resource: 'daemonsets' })
    status.generations = list
  })
}

/** The certificates ConfigMap (service CA for the internal hostnames while the Service exists) and the TLS secret. */
function certificates(_key: string, ctx: ControllerContext): void {
  if (!operatorRunning(ctx)) return
  const svc = ctx.api.tryGet('services', NS, REGISTRY)
  const ca = `-----BEGIN CERTIFICATE-----\n${b64encode(hashHex('service-ca', 96))}\n-----END CERTIFICATE-----\n`
  const data: Record<string, string> = {}
  if (svc) {
    data['image-registry.openshift-image-registry.svc..5000'] = ca
    data['image-registry.openshift-image-registry.svc.cluster.local..5000'] = ca
  }
  const imageConfig = ctx.api.tryGet(IMAGE_CONFIG_RESOURCE, undefined, 'cluster')
  const extra = imageConfig?.spec?.additionalTrustedCA?.name
  let degraded: Cond = { type: 'ImageRegistryCertificatesControllerDegraded', status: 'False', reason: 'AsExpected', message: '' }
  if (extra) {
    const cm = ctx.api.tryGet('configmaps', 'openshift-config', extra)
    if (!cm) degraded = { type: 'ImageRegistryCertificatesControllerDegraded', status: 'True', reason: 'Error', message: `configmap "${extra}" not found` }
    else Object.assign(data, cm.data ?? {})
  }
  const existing = ctx.api.tryGet('configmaps', NS, 'image-registry-certificates')
  if (!existing || !jsonEqual(existing.data ?? {}, data)) applyObject(ctx, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'image-registry-certificates', namespace: NS }, data }, { replaceSpec: true })
  // The service-ca operator is not simulated: mint the serving certificate once the Service asks for it.
  if (svc && !ctx.api.tryGet('secrets', NS, 'image-registry-tls')) {
    ctx.api.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'image-registry-tls', namespace: NS, annotations: { 'service.alpha.openshift.io/originating-service-name': REGISTRY } },
      type: 'kubernetes.io/tls',
      data: { 'tls.crt': b64encode(`-----BEGIN CERTIFICATE-----\n${b64encode(hashHex('tls.crt', 96))}\n-----END CERTIFICATE-----\n`), 'tls.key': b64encode(`-----BEGIN RSA PRIVATE KEY-----\n${b64encode(hashHex('tls.key', 96))}\n-----END RSA PRIVATE KEY-----\n`) },
    })
  }
  setConfigConditions(ctx, [degraded])
}

/** `image.config.openshift.io/cluster` status: internal hostname while the Service exists, route hosts (§8). */
function imageConfig(_key: string, ctx: ControllerContext): void {
  if (!operatorRunning(ctx)) return
  let cfg = ctx.api.tryGet(IMAGE_CONFIG_RESOURCE, undefined, 'cluster')
  if (!cfg) cfg = ctx.api.create(IMAGE_CONFIG_RESOURCE, { apiVersion: 'config.openshift.io/v1', kind: 'Image', metadata: { name: 'cluster' }, spec: {} })
  const svc = ctx.api.tryGet('services', NS, REGISTRY)
  const routes = ctx.api.query('routes.route.openshift.io', { namespace: NS }).filter((r) => r.metadata.annotations?.['imageregistry.openshift.io'])
  const hostOf = (r: KObject) => r.status?.ingress?.[0]?.host as string | undefined
  const def = routes.filter((r) => r.metadata.name === 'default-route').map(hostOf).filter(Boolean) as string[]
  const rest = (routes.filter((r) => r.metadata.name !== 'default-route').map(hostOf).filter(Boolean) as string[]).sort()
  const status: any = {}
  if (svc) status.internalRegistryHostname = INTERNAL_HOSTNAME
  if (def.length + rest.length) status.externalRegistryHostnames = [...def, ...rest]
  if (!jsonEqual(cfg.status ?? {}, status)) {
    const next = clone(cfg)
    next.status = status
    ctx.api.updateStatus(IMAGE_CONFIG_RESOURCE, next)
  }
  setConfigConditions(ctx, [{ type: 'ImageConfigControllerDegraded', status: 'False', reason: 'AsExpected', message: '' }])
}

const opPods = { resource: 'pods', keys: (e: { object: KObject }) => (e.object.metadata.namespace === NS && e.object.metadata.labels?.name === 'cluster-image-registry-operator' ? ['changes'] : []) }

/** The helper controllers of a profile (4.0 had node-ca and the image config already, not the CA controller). */
export function helperControllers(_profile: Profile): Controller[] {
  return [
    { name: 'image-registry-node-ca', watches: [opPods, { resource: 'daemonsets.apps', keys: nsChanges }, { resource: CONFIG_RESOURCE, keys: toChanges }], reconcile: nodeCA },
    { name: 'image-registry-certificates', watches: [opPods, { resource: 'services', keys: nsChanges }, { resource: 'configmaps', keys: toChanges }, { resource: IMAGE_CONFIG_RESOURCE, keys: toChanges }, { resource: CONFIG_RESOURCE, keys: toChanges }], reconcile: certificates },
    { name: 'image-registry-image-config', watches: [opPods, { resource: 'services', keys: nsChanges }, { resource: 'routes.route.openshift.io', keys: nsChanges }, { resource: IMAGE_CONFIG_RESOURCE, keys: toChanges }, { resource: CONFIG_RESOURCE, keys: toChanges }], reconcile: imageConfig },
  ]
}
