/**
 * The image pruner (§7, 4.12 only): bootstraps `imagepruners/cluster`, applies the CronJob `image-pruner` with its
 * ServiceAccount and binding, and reports the pruner conditions from the CronJob and its latest finished Job.
 */
import type { KObject } from '../api/types'
import { jsonEqual } from '../api/patch'
import type { Controller, ControllerContext } from '../controllers/types'
import { clone } from '../controllers/util'
import { applyObject } from './apply'
import { syncClusterOperator } from './clusteroperator'
import { ConditionList } from './conditions'
import { IMAGE_CONFIG_RESOURCE, NS, PRUNER_RESOURCE, nsChanges, operatorEnv, operatorRunning, toChanges } from './names'
import { oplog } from './oplog'

function bootstrap(ctx: ControllerContext): KObject {
  oplog(ctx, 'I', 'bootstrap.go:89', 'generating image pruner custom resource')
  return ctx.api.create(PRUNER_RESOURCE, {
    apiVersion: 'imageregistry.operator.openshift.io/v1',
    kind: 'ImagePruner',
    metadata: { name: 'cluster' },
    spec: { failedJobsHistoryLimit: 3, ignoreInvalidImageReferences: true, keepTagRevisions: 3, logLevel: 'Normal', schedule: '0 0 * * *', successfulJobsHistoryLimit: 3, suspend: false },
  })
}

function cronJob(ctx: ControllerContext, spec: any): KObject {
  const internal = ctx.api.tryGet(IMAGE_CONFIG_RESOURCE, undefined, 'cluster')?.status?.internalRegistryHostname
  const args = [
    'adm', 'prune', 'images', '--confirm=true', '--certificate-authority=/var/run/configmaps/serviceca/service-ca.crt',
    `--keep-tag-revisions=${spec.keepTagRevisions ?? 3}`, `--keep-younger-than=${spec.keepYoungerThanDuration ?? '60m'}`,
    `--ignore-invalid-refs=${spec.ignoreInvalidImageReferences ?? true}`, '--loglevel=1',
    ...(internal ? ['--prune-registry=true', `--registry-url=https://${internal}`] : ['--prune-registry=false']),
  ]
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'image-pruner', namespace: NS },
    spec: {
      schedule: spec.schedule || '0 0 * * *',
      suspend: !!spec.suspend,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 3600,
      successfulJobsHistoryLimit: spec.successfulJobsHistoryLimit ?? 3,
      failedJobsHistoryLimit: spec.failedJobsHistoryLimit ?? 3,
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          template: {
            metadata: { labels: { 'created-by': 'image-pruner' } },
            spec: {
              restartPolicy: 'Never',
              serviceAccountName: 'pruner',
              ...(spec.nodeSelector ? { nodeSelector: spec.nodeSelector } : {}),
              ...(spec.tolerations ? { tolerations: spec.tolerations } : {}),
              containers: [{ name: 'image-pruner', image: operatorEnv(ctx, 'IMAGE_PRUNER') ?? 'quay.io/openshift/origin-cli:latest', command: ['oc'], args, resources: spec.resources ?? { requests: { cpu: '100m', memory: '256Mi' } }, terminationMessagePolicy: 'FallbackToLogsOnError', volumeMounts: [{ name: 'serviceca', mountPath: '/var/run/configmaps/serviceca', readOnly: true }] }],
              volumes: [{ name: 'serviceca', configMap: { name: 'serviceca', items: [{ key: 'service-ca.crt', path: 'service-ca.crt' }] } }],
            },
          },
        },
      },
    },
  }
}

/** The latest finished Job of the pruner CronJob (by completion/failure time). */
function latestFinishedJob(ctx: ControllerContext): { failed: boolean; reason?: string; message?: string } | undefined {
  const jobs = ctx.api.query('jobs.batch', { namespace: NS }).filter((j) => j.metadata.ownerReferences?.some((r) => r.kind === 'CronJob' && r.name === 'image-pruner'))
  let best: { at: string; failed: boolean; reason?: string; message?: string } | undefined
  for (const j of jobs) {
    const c = (j.status?.conditions ?? []).find((x: any) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True')
    if (!c) continue
    const at = c.lastTransitionTime ?? ''
    if (!best || at > best.at) best = { at, failed: c.type === 'Failed', reason: c.reason, message: c.message }
  }
  return best
}

function reconcile(_key: string, ctx: ControllerContext): void {
  if (!operatorRunning(ctx)) return
  const pruner = ctx.api.tryGet(PRUNER_RESOURCE, undefined, 'cluster') ?? bootstrap(ctx)
  const spec = pruner.spec ?? {}
  let syncError: string | undefined
  try {
    applyObject(ctx, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'pruner', namespace: NS } })
    applyObject(ctx, 'clusterrolebindings.rbac.authorization.k8s.io', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'openshift-image-registry-pruner' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:image-pruner' }, subjects: [{ kind: 'ServiceAccount', name: 'pruner', namespace: NS }] })
    applyObject(ctx, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'serviceca', namespace: NS, annotations: { 'service.beta.openshift.io/inject-cabundle': 'true' } } })
    applyObject(ctx, 'cronjobs.batch', cronJob(ctx, spec), { replaceSpec: true })
  } catch (e) {
    syncError = e instanceof Error ? e.message : String(e)
  }
  const cj = ctx.api.tryGet('cronjobs.batch', NS, 'image-pruner')
  const next = clone(pruner)
  next.status ??= {}
  const list = new ConditionList((next.status.conditions ??= []), ctx.now())
  list.set(cj ? { type: 'Available', status: 'True', reason: 'AsExpected', message: 'Pruner CronJob has been created' } : { type: 'Available', status: 'False', reason: 'Error', message: 'Pruner CronJob does not exist' })
  list.set(spec.suspend ? { type: 'Scheduled', status: 'False', reason: 'Suspended', message: 'The pruner job has been suspended' } : { type: 'Scheduled', status: 'True', reason: 'Scheduled', message: 'The pruner job has been scheduled' })
  const last = latestFinishedJob(ctx)
  list.set(last?.failed ? { type: 'Failed', status: 'True', reason: last.reason ?? 'BackoffLimitExceeded', message: last.message ?? '' } : { type: 'Failed', status: 'False', reason: 'Complete', message: 'Pruner completed successfully' })
  list.set(
    syncError
      ? { type: 'Degraded', status: 'True', reason: 'SyncError', message: `Error: ${syncError}` }
      : last?.failed
        ? { type: 'Degraded', status: 'True', reason: 'JobFailed', message: last.message ?? '' }
        : { type: 'Degraded', status: 'False', reason: 'AsExpected', message: '' },
  )
  next.status.observedGeneration = pruner.metadata.generation
  if (!jsonEqual(pruner.status, next.status)) {
    ctx.api.updateStatus(PRUNER_RESOURCE, next)
    oplog(ctx, 'I', 'controllerimagepruner.go:320', 'Updating pruner cr')
  }
  syncClusterOperator(ctx)
}

/** The image pruner controller. */
export const prunerController: Controller = {
  name: 'image-registry-pruner',
  watches: [
    { resource: PRUNER_RESOURCE, keys: toChanges },
    { resource: 'cronjobs.batch', keys: nsChanges },
    { resource: 'jobs.batch', keys: nsChanges },
    { resource: IMAGE_CONFIG_RESOURCE, keys: toChanges },
    { resource: 'pods', keys: (e) => (e.object.metadata.namespace === NS && e.object.metadata.labels?.name === 'cluster-image-registry-operator' ? ['changes'] : []) },
  ],
  reconcile,
}
