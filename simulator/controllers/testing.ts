/**
 * Test helpers: a small simulated OpenShift cluster (masters tainted NoSchedule, workers, optional infra nodes,
 * the usual namespaces) with the core controllers and mutators installed, plus object builders.
 */
import { Cluster, type ClusterInfo } from '../cluster'
import type { KObject } from '../api/types'
import { coreControllers, installCoreMutators } from './index'

/** Options of `testCluster`. */
export interface TestClusterOptions {
  seed?: number
  /** virtual epoch ms; default 2023-01-16T09:00:00Z */
  startTime?: number
  masters?: number
  workers?: number
  /** infra nodes, labelled `node-role.kubernetes.io/infra` and tainted `node-role.kubernetes.io/infra:NoSchedule` */
  infra?: number
  namespaces?: string[]
  /** register the core controllers (default true) */
  controllers?: boolean
  /** node allocatable (defaults: 4 cpu / 16Gi for workers, 8 cpu / 32Gi for masters, 250 pods) */
  workerCpu?: string
  workerMemory?: string
}

/** The ClusterInfo used by test clusters (apps domain `apps.test.example.com`). */
export const TEST_INFO: ClusterInfo = {
  name: 'test',
  baseDomain: 'example.com',
  appsDomain: 'apps.test.example.com',
  apiUrl: 'https://api.test.example.com:6443',
  consoleUrl: 'https://console-openshift-console.apps.test.example.com',
  infraID: 'test-x7k2p',
  platform: 'AWS',
  region: 'us-east-1',
  release: '4.12.0',
  kubernetesVersion: 'v1.25.4+77bec7a',
}

/** A Node object as an installer-provisioned 4.12 cluster has it. */
export function nodeObject(name: string, role: 'master' | 'worker' | 'infra', ip: string, opts: { cpu?: string; memory?: string } = {}): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'node.openshift.io/os_id': 'rhcos',
  }
  const taints: any[] = []
  if (role === 'master') {
    labels['node-role.kubernetes.io/master'] = ''
    labels['node-role.kubernetes.io/control-plane'] = ''
    taints.push({ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' })
  } else if (role === 'infra') {
    labels['node-role.kubernetes.io/infra'] = ''
    labels['node-role.kubernetes.io/worker'] = ''
    taints.push({ key: 'node-role.kubernetes.io/infra', effect: 'NoSchedule' })
  } else labels['node-role.kubernetes.io/worker'] = ''
  const cpu = opts.cpu ?? (role === 'master' ? '7500m' : '3500m')
  const memory = opts.memory ?? (role === 'master' ? '31Gi' : '15Gi')
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: taints.length ? { taints } : {},
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      allocatable: { cpu, memory, pods: '250', 'ephemeral-storage': '114396791822' },
      capacity: { cpu: role === 'master' ? '8' : '4', memory, pods: '250', 'ephemeral-storage': '125293548Ki' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: { kubeletVersion: TEST_INFO.kubernetesVersion, containerRuntimeVersion: 'cri-o://1.25.1-5.rhaos4.12.git6005903.el8', osImage: 'Red Hat Enterprise Linux CoreOS 412.86.202301061548-0 (Ootpa)', kernelVersion: '4.18.0-372.40.1.el8_6.x86_64', architecture: 'amd64', operatingSystem: 'linux' },
    },
  }
}

/** Builds a cluster with nodes and namespaces and the core controllers, then settles it. */
export function testCluster(opts: TestClusterOptions = {}): Cluster {
  const cluster = new Cluster({ profile: '4.12', seed: opts.seed ?? 42, startTime: opts.startTime ?? Date.UTC(2023, 0, 16, 9, 0, 0), info: TEST_INFO })
  installCoreMutators(cluster.api, TEST_INFO)
  if (opts.controllers !== false) cluster.register(...coreControllers())
  const api = cluster.api
  for (const ns of ['default', 'kube-system', 'openshift-config', 'openshift-image-registry', ...(opts.namespaces ?? [])]) {
    if (!api.tryGet('namespaces', undefined, ns)) api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, { keepStatus: true })
  }
  let ip = 10
  const add = (name: string, role: 'master' | 'worker' | 'infra') => api.create('nodes', nodeObject(name, role, `10.0.0.${ip++}`, role === 'master' ? {} : { cpu: opts.workerCpu, memory: opts.workerMemory }), { keepStatus: true })
  for (let i = 0; i < (opts.masters ?? 3); i++) add(`master-${i}.test.example.com`, 'master')
  for (let i = 0; i < (opts.workers ?? 3); i++) add(`worker-${i}.test.example.com`, 'worker')
  for (let i = 0; i < (opts.infra ?? 0); i++) add(`infra-${i}.test.example.com`, 'infra')
  cluster.settle()
  return cluster
}

/** A Deployment with one container (`app=<name>` labels). */
export function deploymentObject(namespace: string, name: string, opts: { replicas?: number; image?: string; strategy?: any; readinessDelay?: number; template?: any } = {}): KObject {
  const container: any = { name, image: opts.image ?? `quay.io/example/${name}:1.0`, ports: [{ containerPort: 8080 }] }
  if (opts.readinessDelay !== undefined) container.readinessProbe = { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: opts.readinessDelay, periodSeconds: 10 }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: opts.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      ...(opts.strategy ? { strategy: opts.strategy } : {}),
      template: opts.template ?? { metadata: { labels: { app: name } }, spec: { containers: [container] } },
    },
  }
}

/** A bare pod with one container. */
export function podObject(namespace: string, name: string, spec: any = {}, labels: Record<string, string> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'main', image: 'registry.example.com/main:1' }], ...spec } }
}

/** Events of one object, oldest first (`reason: message` strings). */
export function eventsFor(cluster: Cluster, namespace: string, name: string, kind?: string): string[] {
  return cluster.api
    .query('events', { namespace })
    .filter((e) => e.involvedObject?.name === name && (!kind || e.involvedObject?.kind === kind))
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)))
    .map((e) => `${e.reason}: ${e.message}`)
}
