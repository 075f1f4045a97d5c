/**
 * The part of an install shared by every scenario: a Cluster with the core controllers and admission, the
 * namespaces and cluster-scoped objects of a fresh OpenShift cluster of that release.
 */
import { schemaAdmission } from '../api/admission'
import type { Profile } from '../api/types'
import { Cluster, type ClusterInfo } from '../cluster'
import { coreControllers, installCoreMutators } from '../controllers'
import { addClusterConfig, addNamespace } from './builders'

/** Namespaces an OpenShift 4 installer creates (the ones a trainee meets, plus the usual system ones). */
export const BASE_NAMESPACES = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
  'openshift',
  'openshift-apiserver',
  'openshift-apiserver-operator',
  'openshift-authentication',
  'openshift-authentication-operator',
  'openshift-cloud-credential-operator',
  'openshift-cluster-machine-approver',
  'openshift-cluster-node-tuning-operator',
  'openshift-cluster-samples-operator',
  'openshift-cluster-storage-operator',
  'openshift-cluster-version',
  'openshift-config',
  'openshift-config-managed',
  'openshift-console',
  'openshift-controller-manager',
  'openshift-dns',
  'openshift-etcd',
  'openshift-image-registry',
  'openshift-infra',
  'openshift-ingress',
  'openshift-ingress-operator',
  'openshift-kube-apiserver',
  'openshift-kube-controller-manager',
  'openshift-kube-scheduler',
  'openshift-machine-api',
  'openshift-machine-config-operator',
  'openshift-marketplace',
  'openshift-monitoring',
  'openshift-network-operator',
  'openshift-node',
  'openshift-operator-lifecycle-manager',
  'openshift-operators',
  'openshift-service-ca',
]

export const START_TIME: Record<Profile, number> = {
  '4.0': Date.UTC(2019, 1, 22, 9, 0, 0),
  '4.12': Date.UTC(2023, 2, 14, 8, 0, 0),
}

/** Hours between the install and the trainee's first command. */
export const INSTALL_AGE_MS = 3 * 3600_000 + 12 * 60_000

/** A cluster with admission, server-side defaulting and the core controllers, and no objects yet. */
export function newCluster(profile: Profile, seed: number, info: ClusterInfo): Cluster {
  const cluster = new Cluster({ profile, seed, startTime: START_TIME[profile], info })
  cluster.api.admission = schemaAdmission
  installCoreMutators(cluster.api, info)
  cluster.register(...coreControllers())
  return cluster
}

/** What every installer creates first: the namespaces and the cluster-scoped config objects. */
export function installBase(cluster: Cluster): void {
  for (const ns of BASE_NAMESPACES) {
    const extra =
      ns === 'openshift-image-registry'
        ? { labels: { 'openshift.io/cluster-monitoring': 'true' }, annotations: { 'openshift.io/node-selector': '', 'workload.openshift.io/allowed': 'management' } }
        : ns === 'openshift-monitoring'
          ? { labels: { 'openshift.io/cluster-monitoring': 'true' } }
          : {}
    addNamespace(cluster, ns, extra)
  }
  addClusterConfig(cluster)
}
