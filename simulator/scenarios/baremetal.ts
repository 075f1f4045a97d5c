/**
 * `baremetal`: a 4.12 user-provisioned cluster on platform None (workshop 002): masters `master-0..2`, workers
 * `worker-0`, `worker-1`, an untainted infra node `node02`, no StorageClass, so the registry bootstraps Removed.
 */
import type { ClusterInfo } from '../cluster'
import { addNode } from './builders'
import { installBase } from './install'
import { addPullSecret, addTrustedCA } from './platform'
import { finishInstall, installOperatorAndRelease, prepareWorkshop } from './workshop'
import type { Scenario, ScenarioOptions } from './types'

export const BAREMETAL_INFO: ClusterInfo = {
  name: 'ocp4',
  baseDomain: 'lab.example.com',
  appsDomain: 'apps.ocp4.lab.example.com',
  apiUrl: 'https://api.ocp4.lab.example.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.ocp4.lab.example.com',
  infraID: 'ocp4-6jq8v',
  platform: 'None',
  region: '',
  release: '4.12.0',
  kubernetesVersion: 'v1.25.4+77bec7a',
}

/** The IP of the `i`-th extra worker (`worker-<i+2>`), deterministic and distinct. */
export function extraWorkerIP(i: number): string {
  const n = 60 + i
  return `192.168.${126 + Math.floor(n / 250)}.${(n % 250) + 2}`
}

export const baremetalScenario: Scenario = {
  name: 'baremetal',
  profile: '4.12',
  description: 'OpenShift 4.12 on bare metal (platform None, 3 masters, 2 workers, infra node node02): registry Removed, no storage',
  prepare(opts: ScenarioOptions) {
    return prepareWorkshop('4.12', opts, BAREMETAL_INFO)
  },
  build(opts: ScenarioOptions) {
    const cluster = this.prepare(opts)
    installBase(cluster)
    for (const i of [0, 1, 2]) addNode(cluster, { name: `master-${i}`, roles: ['master'], internalIP: `192.168.126.${10 + i}`, cpu: '8', memoryKi: 32842708 })
    addNode(cluster, { name: 'worker-0', roles: ['worker'], internalIP: '192.168.126.51' })
    addNode(cluster, { name: 'worker-1', roles: ['worker'], internalIP: '192.168.126.52' })
    addNode(cluster, { name: 'node02', roles: ['infra'], internalIP: '192.168.126.53', taints: [] })
    for (let i = 0; i < (opts.extraNodes ?? 0); i++) addNode(cluster, { name: `worker-${i + 2}`, roles: ['worker'], internalIP: extraWorkerIP(i) })
    addPullSecret(cluster)
    addTrustedCA(cluster)
    installOperatorAndRelease(cluster, { coVersion: BAREMETAL_INFO.release })
    return finishInstall(cluster, opts)
  },
}
