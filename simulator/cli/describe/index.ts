/** Picks the describer for a resource type (kubectl's describer map plus oc's own for projects and routes). */
import type { KObject } from '../../api/types'
import type { Cluster } from '../../cluster'
import type { DescribeContext } from './engine'
import { describeGeneric } from './generic'
import { describeConfigMap, describeRoute, describeSecret, describeService } from './misc'
import { describeNode } from './node'
import { describePod } from './pod'
import { describeNamespace, describeProject } from './project'
import { describePV, describePVC, describeStorageClass } from './storage'
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads'

type Describer = (obj: KObject, ctx: DescribeContext) => string

const DESCRIBERS: Record<string, Describer> = {
  pods: describePod,
  'deployments.apps': describeDeployment,
  'replicasets.apps': describeReplicaSet,
  'daemonsets.apps': describeDaemonSet,
  services: describeService,
  'routes.route.openshift.io': describeRoute,
  persistentvolumeclaims: describePVC,
  persistentvolumes: describePV,
  'storageclasses.storage.k8s.io': describeStorageClass,
  nodes: describeNode,
  namespaces: describeNamespace,
  'projects.project.openshift.io': describeProject,
  secrets: (o) => describeSecret(o),
  configmaps: describeConfigMap,
}

/** The describe context for a cluster (reads are not audited as user requests). */
export function describeContext(cluster: Cluster): DescribeContext {
  return {
    now: cluster.now(),
    profile: cluster.profile,
    list: (resource, namespace) => {
      try {
        return cluster.api.query(resource, { namespace })
      } catch {
        return [] // a kind this cluster does not model (quotas, limit ranges)
      }
    },
    get: (resource, namespace, name) => cluster.api.tryGet(resource, namespace, name),
  }
}

/** Describes one object of the resource `key`. */
export function describeObject(key: string, obj: KObject, ctx: DescribeContext): string {
  return (DESCRIBERS[key] ?? describeGeneric)(obj, ctx)
}
