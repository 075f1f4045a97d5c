/**
 * `ocs`: the 4.12 AWS cluster of workshop 004 with OpenShift Container Storage added after the install: three
 * m5.4xlarge storage workers labelled `cluster.ocs.openshift.io/openshift-storage`, project `openshift-storage`,
 * classes gp2, ocs-storagecluster-ceph-rbd (default), ocs-storagecluster-cephfs, openshift-storage.noobaa.io.
 * The registry is on S3 (bootstrapped); the workshop moves it to a CephFS RWX claim.
 */
import type { ClusterInfo } from '../cluster'
import { addNamespace } from './builders'
import { installBase } from './install'
import { addAwsNodes, addCloudCredentials, addPullSecret, addStorageClass, addTrustedCA, standardAwsPlan } from './platform'
import { finishInstall, installOperatorAndRelease, prepareWorkshop } from './workshop'
import type { Scenario, ScenarioOptions } from './types'

export const OCS_INFO: ClusterInfo = {
  name: 'cluster-ocs-f562',
  baseDomain: 'ocs-f562.sandbox1417.opentlc.com',
  appsDomain: 'apps.cluster-ocs-f562.ocs-f562.sandbox1417.opentlc.com',
  apiUrl: 'https://api.cluster-ocs-f562.ocs-f562.sandbox1417.opentlc.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.cluster-ocs-f562.ocs-f562.sandbox1417.opentlc.com',
  infraID: 'cluster-ocs-f562-9d4rh',
  platform: 'AWS',
  region: 'us-east-1',
  release: '4.12.0',
  kubernetesVersion: 'v1.25.4+77bec7a',
}

/** The label OCS puts on its storage nodes. */
export const OCS_NODE_LABEL = 'cluster.ocs.openshift.io/openshift-storage'

export const ocsScenario: Scenario = {
  name: 'ocs',
  profile: '4.12',
  description: 'OpenShift 4.12 on AWS with OpenShift Container Storage (Ceph RBD, CephFS, NooBaa): the registry on S3, ready to move to CephFS',
  prepare(opts: ScenarioOptions) {
    return prepareWorkshop('4.12', opts, OCS_INFO)
  },
  build(opts: ScenarioOptions) {
    const cluster = this.prepare(opts)
    installBase(cluster)
    addAwsNodes(cluster, standardAwsPlan(opts.extraNodes ?? 0))
    addStorageClass(cluster, 'gp2', 'kubernetes.io/aws-ebs', { mode: 'WaitForFirstConsumer', parameters: { encrypted: 'true', type: 'gp2' }, expand: true })
    addCloudCredentials(cluster)
    addPullSecret(cluster)
    addTrustedCA(cluster)
    installOperatorAndRelease(cluster, { coVersion: OCS_INFO.release })
    cluster.settle()
    // OCS is installed about an hour and a half after the cluster.
    cluster.advance(50 * 60_000)
    addNamespace(cluster, 'openshift-storage', { labels: { 'openshift.io/cluster-monitoring': 'true' } })
    addAwsNodes(cluster, ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((zone) => ({ roles: ['worker'], zone, instanceType: 'm5.4xlarge', labels: { [OCS_NODE_LABEL]: '' } })))
    cluster.settle()
    cluster.advance(8 * 60_000)
    addStorageClass(cluster, 'ocs-storagecluster-ceph-rbd', 'openshift-storage.rbd.csi.ceph.com', {
      isDefault: true,
      expand: true,
      parameters: { clusterID: 'openshift-storage', 'csi.storage.k8s.io/fstype': 'ext4', imageFeatures: 'layering', imageFormat: '2', pool: 'ocs-storagecluster-cephblockpool' },
    })
    addStorageClass(cluster, 'ocs-storagecluster-cephfs', 'openshift-storage.cephfs.csi.ceph.com', { expand: true, parameters: { clusterID: 'openshift-storage', fsName: 'ocs-storagecluster-cephfilesystem' } })
    cluster.advance(6 * 60_000)
    addStorageClass(cluster, 'openshift-storage.noobaa.io', 'openshift-storage.noobaa.io/obc', { parameters: { bucketclass: 'noobaa-default-bucket-class' } })
    cluster.settle()
    return finishInstall(cluster, { ...opts })
  },
}
