/**
 * `minimal`: what the installer leaves on a small platform-None cluster before the registry operator acts —
 * 1 master, 2 workers, the operator's deployment and pod, a default StorageClass, healthy cluster operators.
 */
import type { ClusterInfo } from '../cluster'
import { addClusterOperator, addNode } from './builders'
import { INSTALL_AGE_MS, installBase, newCluster } from './install'
import { operatorDeployment, operatorImage } from './manifests'
import type { Scenario, ScenarioOptions } from './types'
import { CLUSTER_OPERATORS_412 } from './cluster-operators'

const INFO: ClusterInfo = {
  name: 'sandbox',
  baseDomain: 'example.com',
  appsDomain: 'apps.sandbox.example.com',
  apiUrl: 'https://api.sandbox.example.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.sandbox.example.com',
  infraID: 'sandbox-7xk2p',
  platform: 'None',
  region: '',
  release: '4.12.0',
  kubernetesVersion: 'v1.25.4+77bec7a',
}

export const minimalScenario: Scenario = {
  name: 'minimal',
  profile: '4.12',
  description: 'A small 4.12 cluster (platform None, 1 master, 2 workers) before the registry is configured',
  prepare(opts: ScenarioOptions) {
    return newCluster('4.12', opts.seed, INFO)
  },
  build(opts: ScenarioOptions) {
    const cluster = this.prepare(opts)
    installBase(cluster)
    addNode(cluster, { name: 'master-0', roles: ['master'], internalIP: '192.168.126.10' })
    addNode(cluster, { name: 'worker-0', roles: ['worker'], internalIP: '192.168.126.51' })
    addNode(cluster, { name: 'worker-1', roles: ['worker'], internalIP: '192.168.126.52' })
    for (let i = 0; i < (opts.extraNodes ?? 0); i++) {
      addNode(cluster, { name: `worker-${i + 2}`, roles: ['worker'], internalIP: `192.168.${128 + Math.floor((i + 2) / 250)}.${((i + 2) % 250) + 2}` })
    }
    cluster.api.create('storageclasses.storage.k8s.io', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'nfs-client', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'k8s-sigs.io/nfs-subdir-external-provisioner',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: true,
      parameters: { archiveOnDelete: 'false' },
    })
    for (const name of CLUSTER_OPERATORS_412) addClusterOperator(cluster, name, INFO.release)
    const image = operatorImage('4.12', cluster.rng.hex(64))
    cluster.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'cluster-image-registry-operator', namespace: 'openshift-image-registry' } })
    cluster.api.create('deployments.apps', operatorDeployment('4.12', INFO, image, operatorImage('4.12', cluster.rng.hex(64))))
    cluster.settle()
    cluster.advance(INSTALL_AGE_MS)
    return cluster
  },
}
