/**
 * `aws`: a 4.12 IPI cluster on AWS us-east-1 (3 m5.xlarge masters, 3 m5.large workers over us-east-1a/b/c) whose
 * registry operator bootstrapped S3 storage with the minted `installer-cloud-credentials` (§4.14 D).
 */
import type { ClusterInfo } from '../cluster'
import { installBase } from './install'
import { addAwsNodes, addAwsStorageClasses, addCloudCredentials, addPullSecret, addTrustedCA, standardAwsPlan } from './platform'
import { finishInstall, installOperatorAndRelease, prepareWorkshop } from './workshop'
import type { Scenario, ScenarioOptions } from './types'

export const AWS_INFO: ClusterInfo = {
  name: 'cluster-b9c2',
  baseDomain: 'b9c2.sandbox1417.opentlc.com',
  appsDomain: 'apps.cluster-b9c2.b9c2.sandbox1417.opentlc.com',
  apiUrl: 'https://api.cluster-b9c2.b9c2.sandbox1417.opentlc.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.cluster-b9c2.b9c2.sandbox1417.opentlc.com',
  infraID: 'cluster-b9c2-7xq4m',
  platform: 'AWS',
  region: 'us-east-1',
  release: '4.12.0',
  kubernetesVersion: 'v1.25.4+77bec7a',
}

export const awsScenario: Scenario = {
  name: 'aws',
  profile: '4.12',
  description: 'OpenShift 4.12 on AWS (us-east-1, 3 masters, 3 workers): the registry on S3, bootstrapped by its operator',
  prepare(opts: ScenarioOptions) {
    return prepareWorkshop('4.12', opts, AWS_INFO)
  },
  build(opts: ScenarioOptions) {
    const cluster = this.prepare(opts)
    installBase(cluster)
    addAwsNodes(cluster, standardAwsPlan(opts.extraNodes ?? 0))
    addAwsStorageClasses(cluster)
    addCloudCredentials(cluster)
    addPullSecret(cluster)
    addTrustedCA(cluster)
    installOperatorAndRelease(cluster, { coVersion: AWS_INFO.release })
    return finishInstall(cluster, opts)
  },
}
