/**
 * Building blocks of the scenarios: what an OpenShift installer leaves behind (nodes, namespaces, cluster
 * operators, cluster-scoped config objects). Objects are created through the API server like any other write.
 */
import type { KObject, Profile } from '../api/types'
import type { Cluster, ClusterInfo } from '../cluster'
import { rfc3339 } from '../core/time'

export type NodeRole = 'master' | 'worker' | 'infra'

export interface NodeSpec {
  name: string
  roles: NodeRole[]
  internalIP: string
  zone?: string
  instanceType?: string
  /** masters carry the NoSchedule taint unless told otherwise */
  taints?: { key: string; value?: string; effect: string }[]
  cpu?: string
  memoryKi?: number
  labels?: Record<string, string>
}

const NODE_INFO: Record<Profile, { kubelet: string; os: string; kernel: string; runtime: string }> = {
  '4.0': {
    kubelet: 'v1.12.4+4836bc9',
    os: 'Red Hat CoreOS 400.7.20190219.0',
    kernel: '3.10.0-957.5.1.el7.x86_64',
    runtime: 'cri-o://1.12.5-6.rhaos4.0.git80d1487.el7',
  },
  '4.12': {
    kubelet: 'v1.25.4+77bec7a',
    os: 'Red Hat Enterprise Linux CoreOS 412.86.202301061548-0 (Ootpa)',
    kernel: '4.18.0-372.40.1.el8_6.x86_64',
    runtime: 'cri-o://1.25.1-5.rhaos4.12.git6005903.el8',
  },
}

export function kubeletVersion(profile: Profile): string {
  return NODE_INFO[profile].kubelet
}

/** Creates a Ready node with the labels, taints, capacity and node info of a real one of that release. */
export function addNode(cluster: Cluster, spec: NodeSpec): KObject {
  const info = NODE_INFO[cluster.profile]
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': spec.name,
    'kubernetes.io/os': 'linux',
    'node.openshift.io/os_id': 'rhcos',
    ...(spec.labels ?? {}),
  }
  for (const r of spec.roles) {
    labels[`node-role.kubernetes.io/${r}`] = ''
    if (r === 'master' && cluster.profile === '4.12') labels['node-role.kubernetes.io/control-plane'] = ''
  }
  if (spec.zone) {
    labels['topology.kubernetes.io/region'] = cluster.info.region
    labels['topology.kubernetes.io/zone'] = spec.zone
    labels['failure-domain.beta.kubernetes.io/region'] = cluster.info.region
    labels['failure-domain.beta.kubernetes.io/zone'] = spec.zone
  }
  if (spec.instanceType) {
    labels['node.kubernetes.io/instance-type'] = spec.instanceType
    labels['beta.kubernetes.io/instance-type'] = spec.instanceType
  }
  const taints = spec.taints ?? (spec.roles.includes('master') ? [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] : [])
  const now = rfc3339(cluster.now())
  const memoryKi = spec.memoryKi ?? (spec.roles.includes('master') ? 16261820 : 16261820)
  const cpu = spec.cpu ?? '4'
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now,
  })
  return cluster.api.create('nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'machineconfiguration.openshift.io/currentConfig': `rendered-${spec.roles[0]}-${cluster.rng.hex(32)}`,
        'machineconfiguration.openshift.io/state': 'Done',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      ...(taints.length ? { taints } : {}),
      ...(cluster.info.platform === 'AWS' ? { providerID: `aws:///${spec.zone ?? cluster.info.region + 'a'}/i-0${cluster.rng.hex(16)}` } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: spec.internalIP },
        { type: 'Hostname', address: spec.name },
        ...(cluster.info.platform === 'AWS' ? [{ type: 'InternalDNS', address: spec.name }] : []),
      ],
      capacity: { cpu, 'ephemeral-storage': '125293548Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memoryKi}Ki`, pods: '250' },
      allocatable: { cpu: `${Number(cpu) * 1000 - 500}m`, 'ephemeral-storage': '114396791822', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memoryKi - 1150976}Ki`, pods: '250' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: cluster.rng.uuid(),
        containerRuntimeVersion: info.runtime,
        kernelVersion: info.kernel,
        kubeProxyVersion: info.kubelet,
        kubeletVersion: info.kubelet,
        machineID: cluster.rng.hex(32),
        operatingSystem: 'linux',
        osImage: info.os,
        systemUUID: cluster.rng.uuid(),
      },
    },
  }, { keepStatus: true })
}

/** Creates a namespace the way the installer's manifests do (OpenShift SCC annotations included). */
export function addNamespace(cluster: Cluster, name: string, extra: { labels?: Record<string, string>; annotations?: Record<string, string> } = {}): KObject {
  const n = 1000000000 + cluster.rng.int(900) * 10000
  return cluster.api.create('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { ...(cluster.profile === '4.12' ? { 'kubernetes.io/metadata.name': name } : {}), ...(extra.labels ?? {}) },
      annotations: {
        'openshift.io/sa.scc.mcs': `s0:c${cluster.rng.range(10, 30)},c${cluster.rng.range(0, 9)}`,
        'openshift.io/sa.scc.supplemental-groups': `${n}/10000`,
        'openshift.io/sa.scc.uid-range': `${n}/10000`,
        ...(extra.annotations ?? {}),
      },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }, { keepStatus: true })
}

/** A healthy cluster operator as a plain object (operators other than the image registry are not simulated). */
export function addClusterOperator(cluster: Cluster, name: string, version: string, opts: { progressing?: boolean; message?: string } = {}): KObject {
  const now = rfc3339(cluster.now())
  const failing = cluster.profile === '4.0' ? 'Failing' : 'Degraded'
  const conditions = cluster.profile === '4.0'
    ? [
        { type: 'Available', status: 'True', lastTransitionTime: now },
        { type: 'Progressing', status: opts.progressing ? 'True' : 'False', lastTransitionTime: now, ...(opts.message ? { message: opts.message } : {}) },
        { type: failing, status: 'False', lastTransitionTime: now },
      ]
    : [
        { type: 'Degraded', status: 'False', reason: 'AsExpected', lastTransitionTime: now },
        { type: 'Progressing', status: opts.progressing ? 'True' : 'False', reason: 'AsExpected', lastTransitionTime: now, ...(opts.message ? { message: opts.message } : {}) },
        { type: 'Available', status: 'True', reason: 'AsExpected', lastTransitionTime: now },
        { type: 'Upgradeable', status: 'True', reason: 'AsExpected', lastTransitionTime: now },
      ]
  return cluster.api.create('clusteroperators.config.openshift.io', {
    apiVersion: 'config.openshift.io/v1',
    kind: 'ClusterOperator',
    metadata: { name },
    spec: {},
    status: { conditions, versions: version ? [{ name: 'operator', version }] : [], extension: null },
  }, { keepStatus: true })
}

/** The cluster-scoped config objects every OpenShift 4 cluster has (clusterversion, infrastructure, proxy, image). */
export function addClusterConfig(cluster: Cluster): void {
  const info: ClusterInfo = cluster.info
  const now = rfc3339(cluster.now())
  const api = cluster.api
  api.create('clusterversions.config.openshift.io', {
    apiVersion: 'config.openshift.io/v1',
    kind: 'ClusterVersion',
    metadata: { name: 'version' },
    spec: { channel: cluster.profile === '4.0' ? '' : 'stable-4.12', clusterID: cluster.rng.uuid() },
    status: {
      desired: { version: info.release, image: `quay.io/openshift-release-dev/ocp-release@sha256:${cluster.rng.hex(64)}` },
      conditions: [
        { type: 'Available', status: 'True', message: `Done applying ${info.release}`, lastTransitionTime: now },
        { type: 'Failing', status: 'False', lastTransitionTime: now },
        { type: 'Progressing', status: 'False', message: `Cluster version is ${info.release}`, lastTransitionTime: now },
        { type: 'RetrievedUpdates', status: 'False', reason: 'NoChannel', message: 'The update channel has not been configured.', lastTransitionTime: now },
      ],
      history: [{ state: 'Completed', version: info.release, startedTime: now, completionTime: now }],
    },
  }, { keepStatus: true })
  const platformStatus = info.platform === 'AWS' ? { type: 'AWS', aws: { region: info.region } } : { type: info.platform }
  api.create('infrastructures.config.openshift.io', {
    apiVersion: 'config.openshift.io/v1',
    kind: 'Infrastructure',
    metadata: { name: 'cluster' },
    spec: { cloudConfig: { name: '' }, platformSpec: { type: info.platform } },
    status: {
      apiServerInternalURI: info.apiUrl.replace('://api.', '://api-int.'),
      apiServerURL: info.apiUrl,
      controlPlaneTopology: 'HighlyAvailable',
      etcdDiscoveryDomain: '',
      infrastructureName: info.infraID,
      infrastructureTopology: 'HighlyAvailable',
      platform: info.platform,
      platformStatus,
    },
  }, { keepStatus: true })
  api.create('proxies.config.openshift.io', {
    apiVersion: 'config.openshift.io/v1',
    kind: 'Proxy',
    metadata: { name: 'cluster' },
    spec: { trustedCA: { name: '' } },
    status: {},
  }, { keepStatus: true })
}
