import { describe, expect, it } from 'vitest'
import { deploymentObject, eventsFor, testCluster } from './testing'
import { getCondition } from './util'

const NS = 'openshift-image-registry'

function sc(name: string, provisioner: string, opts: { default?: boolean; mode?: string; reclaim?: string } = {}) {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(opts.default ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner,
    reclaimPolicy: opts.reclaim ?? 'Delete',
    volumeBindingMode: opts.mode ?? 'Immediate',
  }
}

function pvc(name: string, modes: string[], cls?: string) {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: NS }, spec: { accessModes: modes, resources: { requests: { storage: '100Gi' } }, ...(cls !== undefined ? { storageClassName: cls } : {}) } }
}

function registryWithClaim(claim: string, replicas = 1) {
  const d = deploymentObject(NS, 'image-registry', { replicas })
  d.spec.template.spec.volumes = [{ name: 'registry-storage', persistentVolumeClaim: { claimName: claim } }]
  return d
}

describe('persistent volumes', () => {
  it('defaults the class, provisions a CephFS RWX volume and binds it', () => {
    const c = testCluster()
    c.api.create('storageclasses.storage.k8s.io', sc('ocs-storagecluster-cephfs', 'openshift-storage.cephfs.csi.ceph.com', { default: true }))
    c.api.create('persistentvolumeclaims', pvc('image-registry-storage', ['ReadWriteMany']))
    c.settle()
    let claim = c.api.get('persistentvolumeclaims', NS, 'image-registry-storage')
    expect(claim.spec.storageClassName).toBe('ocs-storagecluster-cephfs')
    expect(claim.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection'])
    expect(claim.status.phase).toBe('Pending')
    c.advance(5000)
    claim = c.api.get('persistentvolumeclaims', NS, 'image-registry-storage')
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '100Gi' } })
    expect(claim.spec.volumeName).toBe(`pvc-${claim.metadata.uid}`)
    expect(claim.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'openshift-storage.cephfs.csi.ceph.com',
      'volume.kubernetes.io/storage-provisioner': 'openshift-storage.cephfs.csi.ceph.com',
    })
    const pv = c.api.get('persistentvolumes', undefined, claim.spec.volumeName)
    expect(pv.status.phase).toBe('Bound')
    expect(pv.spec.csi.volumeAttributes.subvolumeName).toMatch(/^csi-vol-[0-9a-f-]{36}$/)
    expect(pv.spec.claimRef).toMatchObject({ namespace: NS, name: 'image-registry-storage', uid: claim.metadata.uid })
    expect(pv.metadata.annotations!['pv.kubernetes.io/provisioned-by']).toBe('openshift-storage.cephfs.csi.ceph.com')
    const ev = eventsFor(c, NS, 'image-registry-storage')
    expect(ev).toContain("ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'openshift-storage.cephfs.csi.ceph.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
    expect(ev).toContain(`Provisioning: External provisioner is provisioning volume for claim "${NS}/image-registry-storage"`)
    expect(ev.at(-1)).toBe(`ProvisioningSucceeded: Successfully provisioned volume ${pv.metadata.name}`)
  })

  it('refuses RWX on gp2 and leaves the registry pod unschedulable', () => {
    const c = testCluster()
    c.api.create('storageclasses.storage.k8s.io', sc('gp2', 'kubernetes.io/aws-ebs', { default: true, mode: 'WaitForFirstConsumer' }))
    c.api.create('persistentvolumeclaims', pvc('image-registry-storage', ['ReadWriteMany']))
    c.settle()
    expect(eventsFor(c, NS, 'image-registry-storage')).toEqual(['WaitForFirstConsumer: waiting for first consumer to be created before binding'])
    c.api.create('deployments.apps', registryWithClaim('image-registry-storage'))
    c.advance(5000)
    const claim = c.api.get('persistentvolumeclaims', NS, 'image-registry-storage')
    expect(claim.metadata.annotations!['volume.kubernetes.io/selected-node']).toMatch(/^worker-/)
    expect(claim.status.phase).toBe('Pending')
    expect(eventsFor(c, NS, 'image-registry-storage')).toContain('ProvisioningFailed: Failed to provision volume with StorageClass "gp2": invalid AccessModes [ReadWriteMany]: only AccessModes [ReadWriteOnce] are supported')
    const pod = c.api.query('pods', { namespace: NS })[0]
    expect(pod.spec.nodeName).toBeUndefined()
  })

  it('reports no storage class, then binds a static PV created later', () => {
    const c = testCluster()
    c.api.create('persistentvolumeclaims', pvc('image-registry-storage', ['ReadWriteMany']))
    c.api.create('deployments.apps', registryWithClaim('image-registry-storage'))
    c.settle()
    expect(eventsFor(c, NS, 'image-registry-storage')).toEqual(['FailedBinding: no persistent volumes available for this claim and no storage class is set'])
    const pod = c.api.query('pods', { namespace: NS })[0]
    expect(getCondition(pod.status, 'PodScheduled')?.message).toBe('0/6 nodes are available: 6 pod has unbound immediate PersistentVolumeClaims. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling.')
    c.api.create('persistentvolumes', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'nfs-registry' }, spec: { capacity: { storage: '200Gi' }, accessModes: ['ReadWriteMany'], nfs: { server: 'nfs.example.com', path: '/exports/registry' } } })
    c.advance(10_000)
    expect(c.api.get('persistentvolumeclaims', NS, 'image-registry-storage').status.phase).toBe('Bound')
    expect(c.api.get('persistentvolumes', undefined, 'nfs-registry').status.phase).toBe('Bound')
    const running = c.api.query('pods', { namespace: NS })[0]
    expect(running.status.phase).toBe('Running')
  })

  it('blocks a second pod of an RWO volume on another node with a Multi-Attach error', () => {
    const c = testCluster()
    c.api.create('storageclasses.storage.k8s.io', sc('gp3-csi', 'ebs.csi.aws.com', { default: true, mode: 'WaitForFirstConsumer' }))
    c.api.create('persistentvolumeclaims', pvc('registry-rwo', ['ReadWriteOnce']))
    const d = registryWithClaim('registry-rwo', 1)
    d.spec.template.spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'image-registry' } } }] } }
    c.api.create('deployments.apps', d)
    c.advance(15_000)
    const first = c.api.query('pods', { namespace: NS })[0]
    expect(first.status.phase).toBe('Running')
    const dd = structuredClone(c.api.get('deployments.apps', NS, 'image-registry'))
    dd.spec.replicas = 2
    c.api.update('deployments.apps', dd)
    c.advance(15_000)
    const second = c.api.query('pods', { namespace: NS }).find((p) => p.metadata.name !== first.metadata.name)!
    expect(second.spec.nodeName).not.toBe(first.spec.nodeName)
    expect(second.status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating')
    const pvName = c.api.get('persistentvolumeclaims', NS, 'registry-rwo').spec.volumeName
    expect(eventsFor(c, NS, second.metadata.name)).toContain(`FailedAttachVolume: Multi-Attach error for volume "${pvName}" Volume is already used by pod(s) ${first.metadata.name}`)
  })

  it('releases pvc-protection when the claim is unused and deletes the Delete-policy volume', () => {
    const c = testCluster()
    c.api.create('storageclasses.storage.k8s.io', sc('ocs-storagecluster-cephfs', 'openshift-storage.cephfs.csi.ceph.com', { default: true }))
    c.api.create('persistentvolumeclaims', pvc('data', ['ReadWriteMany']))
    c.advance(5000)
    const pvName = c.api.get('persistentvolumeclaims', NS, 'data').spec.volumeName
    c.api.delete('persistentvolumeclaims', NS, 'data')
    c.settle()
    expect(c.api.tryGet('persistentvolumeclaims', NS, 'data')).toBeUndefined()
    expect(c.api.tryGet('persistentvolumes', undefined, pvName)).toBeUndefined()
  })

  it('keeps a Retain volume Released', () => {
    const c = testCluster()
    c.api.create('storageclasses.storage.k8s.io', sc('keep', 'openshift-storage.cephfs.csi.ceph.com', { reclaim: 'Retain' }))
    c.api.create('persistentvolumeclaims', pvc('data', ['ReadWriteMany'], 'keep'))
    c.advance(5000)
    const pvName = c.api.get('persistentvolumeclaims', NS, 'data').spec.volumeName
    c.api.delete('persistentvolumeclaims', NS, 'data')
    c.settle()
    expect(c.api.get('persistentvolumes', undefined, pvName).status.phase).toBe('Released')
  })
})
