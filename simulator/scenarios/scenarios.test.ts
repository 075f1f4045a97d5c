import { describe, expect, it } from 'vitest'
import { b64decode } from '../controllers/util'
import { s3Service } from '../world/s3'
import { awsScenario } from './aws'
import { aws40Scenario } from './aws-40'
import { baremetalScenario } from './baremetal'
import { ocsScenario } from './ocs'
import { SCENARIOS, scenarioByName } from './index'
import type { Cluster } from '../cluster'

const NS = 'openshift-image-registry'
const names = (c: Cluster, resource: string, namespace?: string) => c.api.query(resource, namespace ? { namespace } : {}).map((o) => o.metadata.name).sort()
const cond = (o: any, type: string) => o?.status?.conditions?.find((x: any) => x.type === type)?.status

describe('scenario registry', () => {
  it('lists the workshop scenarios and keeps minimal', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual(['minimal', 'aws', 'aws-4.0', 'baremetal', 'ocs'])
    expect(scenarioByName('aws-4.0')?.profile).toBe('4.0')
  })

  it('prepare() creates no objects', () => {
    for (const s of SCENARIOS) {
      const c = s.prepare({ seed: 3 })
      expect(c.api.query('namespaces')).toEqual([])
      expect(c.api.query('nodes')).toEqual([])
    }
  })
})

describe('aws', () => {
  const c = awsScenario.build({ seed: 1 })
  it('has 3 masters and 3 workers over three zones with EC2 names', () => {
    const nodes = c.api.query('nodes')
    expect(nodes).toHaveLength(6)
    for (const n of nodes) expect(n.metadata.name).toMatch(/^ip-10-0-\d+-\d+\.ec2\.internal$/)
    const masters = nodes.filter((n) => 'node-role.kubernetes.io/master' in n.metadata.labels!)
    expect(masters.map((n) => n.metadata.labels!['node.kubernetes.io/instance-type'])).toEqual(['m5.xlarge', 'm5.xlarge', 'm5.xlarge'])
    expect(new Set(nodes.map((n) => n.metadata.labels!['topology.kubernetes.io/zone']))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']))
  })
  it('has the storage classes, credentials accepted by S3, and a bucket made by the operator', () => {
    expect(names(c, 'storageclasses.storage.k8s.io')).toEqual(['gp2', 'gp2-csi'])
    const secret = c.api.get('secrets', NS, 'installer-cloud-credentials')
    const id = b64decode(secret.data.aws_access_key_id)
    expect(id).toMatch(/^AKIA[A-Z2-7]{16}$/)
    expect(b64decode(secret.data.aws_secret_access_key)).toHaveLength(40)
    const cfg = c.api.get('configs.imageregistry.operator.openshift.io', undefined, 'cluster')
    expect(s3Service(c.ctx)!.bucket(cfg.spec.storage.s3.bucket)).toBeDefined()
    expect(cond(cfg, 'Available')).toBe('True')
  })
  it('runs 2 registry pods, 6 node-ca pods, Prometheus, and the healthy operators', () => {
    const pods = c.api.query('pods', { namespace: NS })
    expect(pods.filter((p) => p.metadata.name.startsWith('image-registry-') && p.status?.phase === 'Running')).toHaveLength(2)
    expect(pods.filter((p) => p.metadata.name.startsWith('node-ca-'))).toHaveLength(6)
    expect(names(c, 'pods', 'openshift-monitoring')).toEqual(['prometheus-k8s-0', 'prometheus-k8s-1'])
    expect(c.api.get('routes.route.openshift.io', 'openshift-monitoring', 'prometheus-k8s').spec.host).toBe('prometheus-k8s-openshift-monitoring.apps.cluster-b9c2.b9c2.sandbox1417.opentlc.com')
    const cos = c.api.query('clusteroperators.config.openshift.io')
    expect(cos).toHaveLength(33)
    for (const co of cos) expect(cond(co, 'Available')).toBe('True')
    expect(names(c, 'imagestreams.image.openshift.io', 'openshift')).toContain('ruby')
    expect(c.api.get('imagestreams.image.openshift.io', 'openshift', 'ruby').status.dockerImageRepository).toBe('image-registry.openshift-image-registry.svc:5000/openshift/ruby')
  })
  it('is deterministic per seed and names extra nodes', () => {
    const again = awsScenario.build({ seed: 1 })
    expect(names(again, 'nodes')).toEqual(names(c, 'nodes'))
    const big = awsScenario.build({ seed: 1, extraNodes: 4 })
    expect(big.api.query('nodes')).toHaveLength(10)
  })
})

describe('baremetal', () => {
  const c = baremetalScenario.build({ seed: 1 })
  it('has the workshop 002 nodes and no storage class; the registry is Removed', () => {
    expect(names(c, 'nodes')).toEqual(['master-0', 'master-1', 'master-2', 'node02', 'worker-0', 'worker-1'])
    const infra = c.api.get('nodes', undefined, 'node02')
    expect(infra.metadata.labels!['node-role.kubernetes.io/infra']).toBe('')
    expect(infra.spec.taints ?? []).toEqual([])
    expect(c.api.query('storageclasses.storage.k8s.io')).toEqual([])
    const cfg = c.api.get('configs.imageregistry.operator.openshift.io', undefined, 'cluster')
    expect(cfg.spec.managementState).toBe('Removed')
    expect(c.api.query('pods', { namespace: NS }).filter((p) => p.metadata.name.startsWith('node-ca-'))).toHaveLength(6)
  })
  it('names extra workers deterministically', () => {
    const big = baremetalScenario.build({ seed: 2, extraNodes: 2 })
    expect(names(big, 'nodes')).toContain('worker-3')
  })
})

describe('ocs', () => {
  const c = ocsScenario.build({ seed: 1 })
  it('has OCS storage classes, the storage project and labelled storage nodes', () => {
    const sc = c.api.query('storageclasses.storage.k8s.io')
    expect(sc.map((s) => s.metadata.name).sort()).toEqual(['gp2', 'ocs-storagecluster-ceph-rbd', 'ocs-storagecluster-cephfs', 'openshift-storage.noobaa.io'])
    expect(sc.filter((s) => s.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true').map((s) => s.metadata.name)).toEqual(['ocs-storagecluster-ceph-rbd'])
    expect(c.api.get('namespaces', undefined, 'openshift-storage').status.phase).toBe('Active')
    expect(c.api.query('nodes').filter((n) => 'cluster.ocs.openshift.io/openshift-storage' in n.metadata.labels!)).toHaveLength(3)
    const cfg = c.api.get('configs.imageregistry.operator.openshift.io', undefined, 'cluster')
    expect(cfg.spec.storage.s3.bucket).toMatch(/^cluster-ocs-f562-9d4rh-image-registry-us-east-1-[a-y]+$/)
  })
  it('moves the registry to a CephFS RWX claim (workshop 004)', () => {
    const d = ocsScenario.build({ seed: 1 })
    d.api.create('persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'ocs4registry', namespace: NS }, spec: { storageClassName: 'ocs-storagecluster-cephfs', accessModes: ['ReadWriteMany'], resources: { requests: { storage: '100Gi' } } } })
    d.api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { storage: { s3: null, pvc: { claim: 'ocs4registry' } } } })
    d.settle()
    d.advance(5 * 60_000)
    expect(d.api.get('persistentvolumeclaims', NS, 'ocs4registry').status.phase).toBe('Bound')
    const cfg = d.api.get('configs.imageregistry.operator.openshift.io', undefined, 'cluster')
    expect(cond(cfg, 'Available')).toBe('True')
    const pods = d.api.query('pods', { namespace: NS }).filter((p) => p.metadata.labels?.['docker-registry'] === 'default')
    expect(pods.every((p) => p.spec.volumes.some((v: any) => v.persistentVolumeClaim?.claimName === 'ocs4registry'))).toBe(true)
  })
})

describe('aws-4.0', () => {
  const c = aws40Scenario.build({ seed: 1 })
  it('is the 4.0 era cluster of workshops 000/001/003', () => {
    expect(c.api.get('configs.imageregistry.operator.openshift.io', undefined, 'instance').spec.storage.s3.bucket).toMatch(/^image-registry-us-east-1-/)
    const co = c.api.get('clusteroperators.config.openshift.io', undefined, 'cluster-image-registry-operator')
    expect(co.status.versions[0].version).toBe('v4.0.0-0.150.0.0-dirty')
    const mon = c.api.get('clusteroperators.config.openshift.io', undefined, 'cluster-monitoring-operator')
    expect(mon.status.versions).toEqual([])
    expect(cond(mon, 'Progressing')).toBe('True')
    expect(c.api.query('pods', { namespace: NS }).filter((p) => p.metadata.name.startsWith('node-ca-'))).toHaveLength(6)
    expect(c.api.get('routes.route.openshift.io', 'openshift-monitoring', 'prometheus-k8s').spec.host).toBe('prometheus-k8s-openshift-monitoring.apps.cluster-a407.a407.ocp4.opentlc.com')
  })
})
