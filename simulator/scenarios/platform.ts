/**
 * Install steps shared by the workshop scenarios: AWS-style node names, storage classes, the CVO-created objects of
 * the registry operator (service accounts, deployment, pull secret, trusted CA), cloud credentials and the healthy
 * cluster operators of a release. Everything is created through the API like any other write.
 */
import type { KObject } from '../api/types'
import type { Cluster } from '../cluster'
import { b64encode } from '../controllers/util'
import { installS3 } from '../world/s3'
import { addClusterOperator, addNode, type NodeRole } from './builders'
import { CLUSTER_OPERATORS_40, CLUSTER_OPERATORS_412 } from './cluster-operators'
import { operatorDeployment, operatorImage } from './manifests'

const NS = 'openshift-image-registry'
const DEFAULT_SC = 'storageclass.kubernetes.io/is-default-class'

/** Memory in KiB and vCPUs of the EC2 instance types the scenarios use. */
export const INSTANCE_TYPES: Record<string, { cpu: string; memoryKi: number }> = {
  'm5.large': { cpu: '2', memoryKi: 7935284 },
  'm5.xlarge': { cpu: '4', memoryKi: 16082248 },
  'm5.4xlarge': { cpu: '16', memoryKi: 64920380 },
}

/** An AWS node to create: role, zone and instance type (the name and IP are drawn by `addAwsNodes`). */
export interface AwsNodePlan {
  roles: NodeRole[]
  zone: string
  instanceType: string
  labels?: Record<string, string>
}

/** The private subnet of a zone in an IPI VPC (10.0.128.0/20 for a, 10.0.144.0/20 for b, ...). */
function zoneThirdOctet(zone: string): number {
  return 128 + 16 * Math.max(0, zone.charCodeAt(zone.length - 1) - 97)
}

/** Creates AWS nodes named `ip-10-0-<x>-<y>.ec2.internal` with distinct IPs drawn from the cluster's rng. */
export function addAwsNodes(cluster: Cluster, plans: AwsNodePlan[]): KObject[] {
  const taken = new Set(cluster.api.query('nodes').map((n) => n.metadata.name))
  return plans.map((p) => {
    let ip = ''
    do ip = `10.0.${zoneThirdOctet(p.zone) + cluster.rng.int(16)}.${cluster.rng.range(4, 254)}`
    while (taken.has(awsNodeName(ip)))
    taken.add(awsNodeName(ip))
    const it = INSTANCE_TYPES[p.instanceType]
    return addNode(cluster, { name: awsNodeName(ip), roles: p.roles, internalIP: ip, zone: p.zone, instanceType: p.instanceType, cpu: it?.cpu, memoryKi: it?.memoryKi, labels: p.labels })
  })
}

/** The EC2 private DNS name of an IP in us-east-1. */
export function awsNodeName(ip: string): string {
  return `ip-${ip.replace(/\./g, '-')}.ec2.internal`
}

/** 3 masters (m5.xlarge) and 3 workers (m5.large) spread over us-east-1a/b/c, plus `extra` more workers. */
export function standardAwsPlan(extra = 0): AwsNodePlan[] {
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c']
  const plans: AwsNodePlan[] = zones.map((zone) => ({ roles: ['master'], zone, instanceType: 'm5.xlarge' }))
  for (let i = 0; i < 3 + extra; i++) plans.push({ roles: ['worker'], zone: zones[i % 3], instanceType: 'm5.large' })
  return plans
}

/** Creates a StorageClass. */
export function addStorageClass(cluster: Cluster, name: string, provisioner: string, opts: { isDefault?: boolean; mode?: string; parameters?: Record<string, string>; expand?: boolean } = {}): KObject {
  return cluster.api.create('storageclasses.storage.k8s.io', {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(opts.isDefault ? { annotations: { [DEFAULT_SC]: 'true' } } : {}) },
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: opts.mode ?? 'Immediate',
    ...(opts.expand ? { allowVolumeExpansion: true } : {}),
    ...(opts.parameters ? { parameters: opts.parameters } : {}),
  })
}

/** The two classes of a 4.12 AWS install: `gp2-csi` (default, EBS CSI) and the in-tree `gp2`. */
export function addAwsStorageClasses(cluster: Cluster, opts: { csi?: boolean; defaultGp2?: boolean } = {}): void {
  if (opts.csi !== false) addStorageClass(cluster, 'gp2-csi', 'ebs.csi.aws.com', { isDefault: true, mode: 'WaitForFirstConsumer', parameters: { encrypted: 'true', type: 'gp2' }, expand: true })
  addStorageClass(cluster, 'gp2', 'kubernetes.io/aws-ebs', { isDefault: !!opts.defaultGp2, mode: 'WaitForFirstConsumer', parameters: { encrypted: 'true', type: 'gp2' }, expand: true })
}

/** An `AKIA…` access key id (20 chars) and a 40-char secret drawn from the rng. */
export function drawAwsKeys(cluster: Cluster): { accessKeyId: string; secretAccessKey: string } {
  const accessKeyId = 'AKIA' + cluster.rng.string(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')
  const secretAccessKey = cluster.rng.string(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  return { accessKeyId, secretAccessKey }
}

/**
 * Secret `installer-cloud-credentials` (what the cloud credential operator mints for the registry) with keys
 * that the S3 world accepts as the only valid ones of the cluster's account.
 */
export function addCloudCredentials(cluster: Cluster): { accessKeyId: string; secretAccessKey: string } {
  const keys = drawAwsKeys(cluster)
  const account = String(cluster.rng.range(100000000000, 999999999999))
  installS3(cluster).addKey({ ...keys, account })
  const credentials = `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`
  cluster.api.create('secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'installer-cloud-credentials', namespace: NS, annotations: { 'cloudcredential.openshift.io/credentials-request': 'openshift-cloud-credential-operator/openshift-image-registry' } },
    type: 'Opaque',
    data: {
      aws_access_key_id: b64encode(keys.accessKeyId),
      aws_secret_access_key: b64encode(keys.secretAccessKey),
      ...(cluster.profile === '4.12' ? { credentials: b64encode(credentials) } : {}),
    },
  })
  return keys
}

/** Secret `openshift-config/pull-secret` (the installer's pull secret, copied by the operator into its namespace). */
export function addPullSecret(cluster: Cluster): void {
  const auth = () => b64encode(`${cluster.rng.string(12, 'abcdefghijklmnopqrstuvwxyz')}:${cluster.rng.hex(40)}`)
  const hosts = ['cloud.openshift.com', 'quay.io', 'registry.connect.redhat.com', 'registry.redhat.io']
  const auths: Record<string, { auth: string; email: string }> = {}
  for (const h of hosts) auths[h] = { auth: auth(), email: 'trainee@example.com' }
  cluster.api.create('secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'pull-secret', namespace: 'openshift-config' },
    type: 'kubernetes.io/dockerconfigjson',
    data: { '.dockerconfigjson': b64encode(JSON.stringify({ auths })) },
  })
}

/** A PEM block of plausible length (not a real certificate). */
function pem(cluster: Cluster): string {
  const body = cluster.rng.string(64 * 12, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  const lines = body.match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** ConfigMap `trusted-ca` (create-only by the CVO, filled by the network operator; 4.2+). */
export function addTrustedCA(cluster: Cluster): void {
  cluster.api.create('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'trusted-ca', namespace: NS, labels: { 'config.openshift.io/inject-trusted-cabundle': 'true' } },
    data: { 'ca-bundle.crt': pem(cluster) },
  })
}

/** `images.config.openshift.io/cluster`, created by the CVO (the operator fills its status). */
export function addImageConfig(cluster: Cluster): void {
  if (cluster.api.tryGet('images.config.openshift.io', undefined, 'cluster')) return
  cluster.api.create('images.config.openshift.io', { apiVersion: 'config.openshift.io/v1', kind: 'Image', metadata: { name: 'cluster' }, spec: {} })
}

/** The CVO's objects for the registry operator: service accounts, metrics service, Deployment (1 replica on a master). */
export function addOperatorManifests(cluster: Cluster, releaseEnv?: string): void {
  for (const name of ['cluster-image-registry-operator', 'node-ca']) {
    cluster.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NS } })
  }
  if (cluster.profile === '4.12') {
    cluster.api.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'image-registry-operator', namespace: NS, labels: { name: 'image-registry-operator' }, annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': 'image-registry-operator-tls' } },
      spec: { clusterIP: 'None', ports: [{ name: 'metrics', port: 60000, protocol: 'TCP', targetPort: 60000 }], selector: { name: 'cluster-image-registry-operator' }, type: 'ClusterIP' },
    })
  }
  const image = operatorImage(cluster.profile, cluster.rng.hex(64))
  const registryImage = operatorImage(cluster.profile, cluster.rng.hex(64))
  const d = operatorDeployment(cluster.profile, cluster.info, image, registryImage)
  if (releaseEnv) {
    const env = d.spec.template.spec.containers[0].env.find((e: any) => e.name === 'RELEASE_VERSION')
    if (env) env.value = releaseEnv
  }
  cluster.api.create('deployments.apps', d)
}

/** The healthy cluster operators of the cluster's release, except the registry's own (its operator writes that one). */
export function addHealthyClusterOperators(cluster: Cluster, version: string): void {
  if (cluster.profile === '4.0') {
    for (const name of CLUSTER_OPERATORS_40) {
      if (name === 'cluster-monitoring-operator') addClusterOperator(cluster, name, '', { progressing: true })
      else addClusterOperator(cluster, name, version)
    }
    return
  }
  for (const name of CLUSTER_OPERATORS_412) if (name !== 'image-registry') addClusterOperator(cluster, name, version)
}
