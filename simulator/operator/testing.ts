/** Test clusters for the operator: nodes, namespaces, cluster config, the operator Deployment, S3 credentials. */
import type { Condition, KObject, Profile } from '../api/types'
import { Cluster, type ClusterInfo } from '../cluster'
import { coreControllers, installCoreMutators } from '../controllers'
import { nodeObject, TEST_INFO } from '../controllers/testing'
import { b64encode } from '../controllers/util'
import { addClusterConfig, addNamespace } from '../scenarios/builders'
import { operatorDeployment, operatorImage } from '../scenarios/manifests'
import { installImageRegistryOperator } from './index'
import { CONFIG_RESOURCE, configName, NS } from './names'
import { installS3 } from '../world/s3'

export const AWS_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', account: '123456789012' }

export interface OperatorClusterOptions {
  profile?: Profile
  platform?: ClusterInfo['platform']
  workers?: number
  infra?: number
  seed?: number
  /** called once the cluster exists, before the operator's first pass (e.g. to start a conditionHistory) */
  before?: (cluster: Cluster) => void
}

/** A cluster with the operator installed and settled a few minutes after start. */
export function operatorCluster(o: OperatorClusterOptions = {}): Cluster {
  const profile = o.profile ?? '4.12'
  const info: ClusterInfo = { ...TEST_INFO, platform: o.platform ?? 'None', region: o.platform === 'AWS' ? 'us-east-1' : '', release: profile === '4.0' ? '4.0.0-0.alpha-2019-02-22-073342' : '4.12.0' }
  const cluster = new Cluster({ profile, seed: o.seed ?? 7, startTime: Date.UTC(2023, 0, 16, 9, 0, 0), info })
  installCoreMutators(cluster.api, info)
  cluster.register(...coreControllers())
  for (const ns of ['default', 'kube-system', 'openshift-config', NS]) addNamespace(cluster, ns)
  addClusterConfig(cluster)
  let ip = 10
  const add = (name: string, role: 'master' | 'worker' | 'infra') => cluster.api.create('nodes', nodeObject(name, role, `10.0.0.${ip++}`), { keepStatus: true })
  add('master-0', 'master')
  for (let i = 0; i < (o.workers ?? 2); i++) add(`worker-${i}`, 'worker')
  for (let i = 0; i < (o.infra ?? 0); i++) add(`infra-${i}`, 'infra')
  if (info.platform === 'AWS') {
    installS3(cluster).addKey(AWS_KEY)
    cluster.api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'installer-cloud-credentials', namespace: NS }, type: 'Opaque', data: { aws_access_key_id: b64encode(AWS_KEY.accessKeyId), aws_secret_access_key: b64encode(AWS_KEY.secretAccessKey) } })
  }
  cluster.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'cluster-image-registry-operator', namespace: NS } })
  cluster.api.create('deployments.apps', operatorDeployment(profile, info, operatorImage(profile, 'a'.repeat(64)), operatorImage(profile, 'b'.repeat(64))))
  installImageRegistryOperator(cluster)
  o.before?.(cluster)
  cluster.settle()
  cluster.advance(120_000)
  return cluster
}

/** The Config CR. */
export function config(cluster: Cluster) {
  return cluster.api.tryGet(CONFIG_RESOURCE, undefined, configName(cluster.profile))!
}

/** `status reason: message` of a condition of the Config CR. */
export function cond(cluster: Cluster, type: string): string {
  const c: Condition | undefined = config(cluster)?.status?.conditions?.find((x: Condition) => x.type === type)
  return c ? `${c.status} ${c.reason ?? ''}: ${c.message ?? ''}` : 'missing'
}

/** Merge-patches the Config CR as a trainee would. */
export function patchConfig(cluster: Cluster, body: unknown): void {
  cluster.api.patch(CONFIG_RESOURCE, undefined, configName(cluster.profile), 'merge', body)
  cluster.settle()
}

/** Registry pods (not the operator). */
export function registryPods(cluster: Cluster) {
  return cluster.api.query('pods', { namespace: NS, labelSelector: 'docker-registry=default' })
}

/**
 * Every distinct `status reason: message` a condition of the Config CR (or of `of`) takes from now on, with the
 * virtual seconds since the call it was written at (the intermediate states a settled cluster no longer shows).
 */
export function conditionHistory(cluster: Cluster, type: string, of: { resource: string; name: string } = { resource: CONFIG_RESOURCE, name: configName(cluster.profile) }): { at: number; value: string }[] {
  const { resource, name } = of
  const out: { at: number; value: string }[] = []
  const t0 = cluster.now()
  const record = (o: KObject | undefined) => {
    const c: Condition | undefined = o?.status?.conditions?.find((x: Condition) => x.type === type)
    const value = c ? `${c.status} ${c.reason ?? ''}: ${c.message ?? ''}` : 'missing'
    if (out.at(-1)?.value !== value) out.push({ at: Math.round((cluster.now() - t0) / 1000), value })
  }
  record(cluster.api.tryGet(resource, undefined, name))
  cluster.api.watch((e) => {
    if (e.resource === resource && e.object.metadata.name === name) record(e.object)
  })
  return out
}
