/**
 * `aws-4.0`: the AWS cluster of workshops 000/001/003 on the 4.0 developer preview (release
 * `4.0.0-0.150.0.0-dirty`): Config `instance`, ClusterOperator `cluster-image-registry-operator`, condition
 * `Failing`, S3 storage bootstrapped by the operator, 3 masters + 3 workers (6 node-ca pods).
 */
import type { ClusterInfo } from '../cluster'
import { installBase } from './install'
import { addAwsNodes, addCloudCredentials, addPullSecret, addStorageClass, standardAwsPlan } from './platform'
import { finishInstall, installOperatorAndRelease, prepareWorkshop } from './workshop'
import type { Scenario, ScenarioOptions } from './types'

export const AWS_40_INFO: ClusterInfo = {
  name: 'cluster-a407',
  baseDomain: 'a407.ocp4.opentlc.com',
  appsDomain: 'apps.cluster-a407.a407.ocp4.opentlc.com',
  apiUrl: 'https://api.cluster-a407.a407.ocp4.opentlc.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.cluster-a407.a407.ocp4.opentlc.com',
  infraID: 'cluster-a407-k2x8d',
  platform: 'AWS',
  region: 'us-east-1',
  release: '4.0.0-0.150.0.0-dirty',
  kubernetesVersion: 'v1.12.4+4836bc9',
}

/** What 4.0-era cluster operators report as their version. */
export const VERSION_40 = `v${AWS_40_INFO.release}`

export const aws40Scenario: Scenario = {
  name: 'aws-4.0',
  profile: '4.0',
  description: 'OpenShift 4.0 developer preview on AWS (3 masters, 3 workers): Config "instance", registry on S3',
  prepare(opts: ScenarioOptions) {
    return prepareWorkshop('4.0', opts, AWS_40_INFO)
  },
  build(opts: ScenarioOptions) {
    const cluster = this.prepare(opts)
    installBase(cluster)
    addAwsNodes(cluster, standardAwsPlan(opts.extraNodes ?? 0))
    addStorageClass(cluster, 'gp2', 'kubernetes.io/aws-ebs', { isDefault: true, mode: 'WaitForFirstConsumer', parameters: { type: 'gp2' } })
    addCloudCredentials(cluster)
    addPullSecret(cluster)
    installOperatorAndRelease(cluster, { coVersion: VERSION_40, releaseEnv: VERSION_40 })
    return finishInstall(cluster, opts)
  },
}
