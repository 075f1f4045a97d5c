/** Schema registry: one structural schema per resource key and profile. */
import type { Profile } from '../types'
import type { Schema } from './types'
import * as core from './core'
import * as os from './openshift'
import { pod } from './pod'
import { config40, config412, imagePruner } from './registry'
import * as wl from './workloads'

export type { Schema, SchemaType, SchemaFormat } from './types'
export { validateObject, pruneUnknownFields, applyDefaults, validateName, DecodeError } from './validate'
export type { ValidateOptions, ValidateResult, PruneResult, NameRule } from './validate'
export { pruneNonNullableNulls } from './prune'
export { admitObject } from './admit'
export type { AdmitResult } from './admit'
export { renderExplain } from './explain'
export type { ExplainRequest } from './explain'

/** Kind, group and version of every resource key with a schema. */
export const SCHEMA_KINDS: Record<string, { kind: string; group: string; version: string }> = {
  namespaces: { kind: 'Namespace', group: '', version: 'v1' },
  'projects.project.openshift.io': { kind: 'Project', group: 'project.openshift.io', version: 'v1' },
  nodes: { kind: 'Node', group: '', version: 'v1' },
  pods: { kind: 'Pod', group: '', version: 'v1' },
  'deployments.apps': { kind: 'Deployment', group: 'apps', version: 'v1' },
  'replicasets.apps': { kind: 'ReplicaSet', group: 'apps', version: 'v1' },
  'daemonsets.apps': { kind: 'DaemonSet', group: 'apps', version: 'v1' },
  'jobs.batch': { kind: 'Job', group: 'batch', version: 'v1' },
  'cronjobs.batch': { kind: 'CronJob', group: 'batch', version: 'v1' },
  services: { kind: 'Service', group: '', version: 'v1' },
  endpoints: { kind: 'Endpoints', group: '', version: 'v1' },
  'routes.route.openshift.io': { kind: 'Route', group: 'route.openshift.io', version: 'v1' },
  secrets: { kind: 'Secret', group: '', version: 'v1' },
  configmaps: { kind: 'ConfigMap', group: '', version: 'v1' },
  serviceaccounts: { kind: 'ServiceAccount', group: '', version: 'v1' },
  persistentvolumeclaims: { kind: 'PersistentVolumeClaim', group: '', version: 'v1' },
  persistentvolumes: { kind: 'PersistentVolume', group: '', version: 'v1' },
  'storageclasses.storage.k8s.io': { kind: 'StorageClass', group: 'storage.k8s.io', version: 'v1' },
  'poddisruptionbudgets.policy': { kind: 'PodDisruptionBudget', group: 'policy', version: 'v1' },
  'clusterroles.rbac.authorization.k8s.io': { kind: 'ClusterRole', group: 'rbac.authorization.k8s.io', version: 'v1' },
  'clusterrolebindings.rbac.authorization.k8s.io': { kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io', version: 'v1' },
  events: { kind: 'Event', group: '', version: 'v1' },
  'clusteroperators.config.openshift.io': { kind: 'ClusterOperator', group: 'config.openshift.io', version: 'v1' },
  'clusterversions.config.openshift.io': { kind: 'ClusterVersion', group: 'config.openshift.io', version: 'v1' },
  'infrastructures.config.openshift.io': { kind: 'Infrastructure', group: 'config.openshift.io', version: 'v1' },
  'proxies.config.openshift.io': { kind: 'Proxy', group: 'config.openshift.io', version: 'v1' },
  'images.config.openshift.io': { kind: 'Image', group: 'config.openshift.io', version: 'v1' },
  'imagestreams.image.openshift.io': { kind: 'ImageStream', group: 'image.openshift.io', version: 'v1' },
  'imagestreamtags.image.openshift.io': { kind: 'ImageStreamTag', group: 'image.openshift.io', version: 'v1' },
  'images.image.openshift.io': { kind: 'Image', group: 'image.openshift.io', version: 'v1' },
  'configs.imageregistry.operator.openshift.io': { kind: 'Config', group: 'imageregistry.operator.openshift.io', version: 'v1' },
  'imagepruners.imageregistry.operator.openshift.io': { kind: 'ImagePruner', group: 'imageregistry.operator.openshift.io', version: 'v1' },
}

const SHARED: Record<string, Schema> = {
  namespaces: core.namespace,
  'projects.project.openshift.io': core.project,
  nodes: core.node,
  pods: pod,
  'deployments.apps': wl.deployment,
  'replicasets.apps': wl.replicaSet,
  'daemonsets.apps': wl.daemonSet,
  'jobs.batch': wl.job,
  'cronjobs.batch': wl.cronJob,
  services: core.service,
  endpoints: core.endpoints,
  'routes.route.openshift.io': os.route,
  secrets: core.secret,
  configmaps: core.configMap,
  serviceaccounts: core.serviceAccount,
  persistentvolumeclaims: core.persistentVolumeClaim,
  persistentvolumes: core.persistentVolume,
  'storageclasses.storage.k8s.io': core.storageClass,
  'poddisruptionbudgets.policy': wl.podDisruptionBudget,
  'clusterroles.rbac.authorization.k8s.io': core.clusterRole,
  'clusterrolebindings.rbac.authorization.k8s.io': core.clusterRoleBinding,
  events: core.event,
  'clusteroperators.config.openshift.io': os.clusterOperator,
  'clusterversions.config.openshift.io': os.clusterVersion,
  'infrastructures.config.openshift.io': os.infrastructure,
  'proxies.config.openshift.io': os.proxy,
  'images.config.openshift.io': os.imageConfig,
  'imagestreams.image.openshift.io': os.imageStream,
  'imagestreamtags.image.openshift.io': os.imageStreamTag,
  'images.image.openshift.io': os.image,
  'imagepruners.imageregistry.operator.openshift.io': imagePruner,
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}
deepFreeze(SHARED)
deepFreeze(config40)
deepFreeze(config412)

/** Resource keys that are served as CRDs (validated with apiextensions semantics). */
export const CRD_RESOURCES: ReadonlySet<string> = new Set([
  'configs.imageregistry.operator.openshift.io',
  'imagepruners.imageregistry.operator.openshift.io',
  'clusteroperators.config.openshift.io',
  'clusterversions.config.openshift.io',
  'infrastructures.config.openshift.io',
  'proxies.config.openshift.io',
  'images.config.openshift.io',
])

/** The schema of a resource key (`pods`, `deployments.apps`, `configs.imageregistry.operator.openshift.io`) for a profile. */
export function getSchema(resourceKey: string, profile: Profile): Schema | undefined {
  if (resourceKey === 'configs.imageregistry.operator.openshift.io') return profile === '4.0' ? config40 : config412
  return Object.prototype.hasOwnProperty.call(SHARED, resourceKey) ? SHARED[resourceKey] : undefined
}

/** Resource keys that have a schema. */
export function schemaResourceKeys(): string[] {
  return Object.keys(SCHEMA_KINDS)
}

/** Walks `path` (property names; array items are entered implicitly, numeric segments skip an index). */
export function schemaFieldAt(schema: Schema, path: string[]): Schema | undefined {
  let cur: Schema | undefined = schema
  for (const seg of path) {
    if (!cur) return undefined
    if (cur.type === 'array' && cur.items) {
      if (/^\d+$/.test(seg)) {
        cur = cur.items
        continue
      }
      cur = cur.items
    }
    if (cur.properties && Object.prototype.hasOwnProperty.call(cur.properties, seg)) cur = cur.properties[seg]
    else if (cur.additionalProperties && typeof cur.additionalProperties === 'object') cur = cur.additionalProperties
    else return undefined
  }
  return cur
}
