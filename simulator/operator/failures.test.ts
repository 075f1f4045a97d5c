import { describe, expect, it } from 'vitest'
import { b64encode } from '../controllers/util'
import type { S3Service } from '../world/s3'
import { cond, conditionHistory, config, operatorCluster, patchConfig, registryPods } from './testing'

const NS = 'openshift-image-registry'

describe('timelines C and D, failure modes', () => {
  it('C: Managed → Removed shows DeploymentDeleted while pods terminate, then Removed', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed' } })
    c.advance(60_000)
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    patchConfig(c, { spec: { managementState: 'Removed' } })
    expect(cond(c, 'Available')).toBe('False DeploymentDeleted: The deployment is being deleted')
    expect(cond(c, 'Progressing')).toBe('True DeletingDeployment: The deployment is being removed')
    expect(cond(c, 'Degraded')).toBe('False Removed: The registry is removed')
    c.advance(60_000)
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')).toBeUndefined()
    expect(registryPods(c)).toHaveLength(0)
    expect(cond(c, 'Available')).toBe('True Removed: The registry is removed')
    expect(cond(c, 'Progressing')).toBe('False Removed: All registry resources are removed')
    expect(config(c).status.storage).toEqual({})
    expect(c.manager.errors).toEqual([])
  })

  it('D: AWS install creates a bucket and two ready pods', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    const cr = config(c)
    expect(cr.spec.replicas).toBe(2)
    expect(cr.spec.storage.managementState).toBe('Managed')
    expect(cr.spec.storage.s3.bucket).toMatch(/^test-x7k2p-image-registry-us-east-1-[a-y]+$/)
    expect(cr.spec.storage.s3.bucket).toHaveLength(62)
    expect(cond(c, 'StorageExists')).toBe('True S3 Bucket Exists: ')
    expect(cond(c, 'StorageEncrypted')).toBe('True Encryption Successful: Default AES256 encryption was successfully enabled on the S3 bucket')
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    const nodes = registryPods(c).map((p) => p.spec.nodeName)
    expect(new Set(nodes).size).toBe(2)
    const co = c.api.tryGet('clusteroperators.config.openshift.io', undefined, 'image-registry')!
    expect(co.status.conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual(['Available=True', 'Progressing=False', 'Degraded=False'])
  })

  it('2: Managed without storage → StorageNotConfigured', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { managementState: 'Managed' } })
    expect(cond(c, 'Available')).toBe('False StorageNotConfigured: Error: storage backend not configured')
    expect(cond(c, 'Progressing')).toBe('False Error: Unable to apply resources: storage backend not configured')
    expect(cond(c, 'Degraded')).toBe('True StorageNotConfigured: Error: storage backend not configured')
  })

  it('9: two storage types', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { managementState: 'Managed', storage: { emptyDir: {}, pvc: { claim: '' } } } })
    expect(cond(c, 'Progressing')).toBe('True Error: Unable to apply resources: unable to sync storage configuration: exactly one storage type should be configured at the same time, got 2: [EmptyDir PVC]')
  })

  it('6: named claim missing, and 5: RWO with RollingUpdate', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { managementState: 'Managed', storage: { pvc: { claim: 'mine' } } } })
    expect(cond(c, 'StorageExists')).toBe('False PVC Issues Found: persistentvolumeclaims "mine" not found')
    expect(cond(c, 'Progressing')).toBe('True Error: Unable to apply resources: unable to sync storage configuration: persistentvolumeclaims "mine" not found')
    c.advance(70_000)
    expect(cond(c, 'Degraded')).toBe('True Unavailable: The deployment does not exist')
    c.api.create('persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'mine', namespace: NS }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } })
    c.settle()
    expect(cond(c, 'StorageExists')).toBe('False PVC Issues Found: cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy')
    patchConfig(c, { spec: { rolloutStrategy: 'Recreate' } })
    expect(cond(c, 'StorageExists')).toBe('True PVC Exists: ')
    expect(config(c).spec.storage.managementState).toBe('Unmanaged')
  })

  it('3: operator PVC Pending (no default StorageClass): PVC Created, pod Pending, then Degraded Unavailable after a minute', () => {
    const c = operatorCluster()
    expect(c.api.query('storageclasses.storage.k8s.io')).toHaveLength(0)
    patchConfig(c, { spec: { managementState: 'Managed', storage: { pvc: { claim: '' } } } })
    const degraded = conditionHistory(c, 'Degraded')
    expect(cond(c, 'StorageExists')).toBe('True PVC Created: ')
    c.advance(30_000)
    expect(c.api.tryGet('persistentvolumeclaims', NS, 'image-registry-storage')!.status.phase).toBe('Pending')
    const [pod] = registryPods(c)
    expect(pod.status.phase).toBe('Pending')
    expect(pod.status.conditions.find((x: any) => x.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' })
    expect(pod.status.conditions.find((x: any) => x.type === 'PodScheduled').message).toMatch(/pod has unbound immediate PersistentVolumeClaims/)
    expect(cond(c, 'Available')).toBe('False NoReplicasAvailable: The deployment does not have available replicas')
    expect(cond(c, 'Progressing')).toBe('True DeploymentNotCompleted: The deployment has not completed')
    expect(cond(c, 'Degraded')).toBe('False : ')
    c.advance(60_000)
    expect(cond(c, 'Degraded')).toBe('True Unavailable: The deployment does not have available replicas')
    expect(cond(c, 'StorageExists')).toBe('True PVC Created: ')
    // it turned Degraded about a minute after Available went False (the operator's next pass after the timer)
    const turned = degraded.find((h) => h.value.startsWith('True'))!
    expect(turned.at).toBeGreaterThanOrEqual(60)
    expect(turned.at).toBeLessThanOrEqual(62)
  })

  it('5: RWO claim with the cloud defaults: more than one replica, then RollingUpdate', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    c.api.create('persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'rwo', namespace: NS }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } } } })
    patchConfig(c, { spec: { storage: { s3: null, pvc: { claim: 'rwo' } } } })
    expect(config(c).spec.replicas).toBe(2)
    expect(cond(c, 'StorageExists')).toBe('False PVC Issues Found: cannot use ReadWriteOnce access mode with more than one replica of the image registry')
    expect(cond(c, 'Progressing')).toBe('True Error: Unable to apply resources: unable to sync storage configuration: cannot use ReadWriteOnce access mode with more than one replica of the image registry')
    // nothing changes: the old S3-backed registry keeps serving
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')!.spec.template.spec.containers[0].env[0]).toEqual({ name: 'REGISTRY_STORAGE', value: 's3' })
    patchConfig(c, { spec: { replicas: 1 } })
    expect(cond(c, 'StorageExists')).toBe('False PVC Issues Found: cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy')
    patchConfig(c, { spec: { rolloutStrategy: 'Recreate' } })
    expect(cond(c, 'StorageExists')).toBe('True PVC Exists: ')
    expect(cond(c, 'Progressing')).toBe('True DeploymentNotCompleted: The deployment has not completed')
  })

  it('pvc with empty claim creates image-registry-storage', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { managementState: 'Managed', storage: { pvc: { claim: '' } } } })
    const pvc = c.api.tryGet('persistentvolumeclaims', NS, 'image-registry-storage')!
    expect(pvc.spec.accessModes).toEqual(['ReadWriteMany'])
    expect(pvc.metadata.annotations).toEqual({ 'imageregistry.openshift.io': 'true' })
    expect(cond(c, 'StorageExists')).toBe('True PVC Created: ')
    expect(config(c).spec.storage.pvc.claim).toBe('image-registry-storage')
  })

  it('8: wrong S3 keys in the user secret', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    c.api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'image-registry-private-configuration-user', namespace: NS }, data: { REGISTRY_STORAGE_S3_ACCESSKEY: b64encode('AKIAWRONG'), REGISTRY_STORAGE_S3_SECRETKEY: b64encode('nope') } })
    c.settle()
    expect(cond(c, 'StorageExists')).toMatch(/^False InvalidAccessKeyId: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.\n\tstatus code: 403, request id: [0-9A-F]{16}, host id: /)
    expect(cond(c, 'Progressing')).toMatch(/^True Error: Unable to apply resources: unable to sync storage configuration: InvalidAccessKeyId: /)
  })

  it('13: deleted bucket is re-created under the same name', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    const bucket = config(c).spec.storage.s3.bucket
    const s3 = c.services.s3 as S3Service
    s3.deleteBucketOutOfBand(bucket)
    patchConfig(c, { spec: { logLevel: 'Debug' } })
    expect(s3.bucket(bucket)).toBeDefined()
    expect(config(c).spec.storage.s3.bucket).toBe(bucket)
  })

  it('replicas 0 → NoReplicasAvailable, Progressing Ready, Degraded Unavailable after a minute', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed' } })
    c.advance(60_000)
    patchConfig(c, { spec: { replicas: 0 } })
    c.advance(30_000)
    expect(cond(c, 'Available')).toBe('False NoReplicasAvailable: The deployment does not have available replicas')
    expect(cond(c, 'Progressing')).toBe('False Ready: The registry is ready')
    expect(cond(c, 'Degraded')).toBe('False : ')
    c.advance(60_000)
    expect(cond(c, 'Degraded')).toBe('True Unavailable: The deployment does not have available replicas')
  })

  it('10: custom route with a missing secret fails after the Deployment', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed', routes: [{ name: 'reg', hostname: 'reg.example.com', secretName: 'gone' }] } })
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')).toBeDefined()
    expect(cond(c, 'Progressing')).toBe('True Error: Unable to apply resources: unable to apply objects: failed to create object *v1.Route, Namespace=openshift-image-registry, Name=reg: secret "gone" not found')
  })

  it('duplicate route names and negative replicas are permanent VerificationFailed', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed', replicas: -1 } })
    expect(cond(c, 'Degraded')).toBe('True VerificationFailed: Error: unable to complete resource: replicas must be greater than or equal to 0')
  })

  it('manual edits of the Deployment are reverted; Unmanaged leaves them', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed' } })
    c.advance(60_000)
    c.api.patch('deployments.apps', NS, 'image-registry', 'merge', { spec: { template: { spec: { nodeSelector: { foo: 'bar' } } } } })
    c.settle()
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')!.spec.template.spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' })
    patchConfig(c, { spec: { managementState: 'Unmanaged' } })
    c.api.patch('deployments.apps', NS, 'image-registry', 'merge', { spec: { template: { spec: { nodeSelector: { foo: 'bar' } } } } })
    c.settle()
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')!.spec.template.spec.nodeSelector.foo).toBe('bar')
    expect(cond(c, 'Available')).toBe('True Unmanaged: The registry configuration is set to unmanaged mode')
  })

  it('4.0: instance, Failing, no reasons, cluster-image-registry-operator CO', () => {
    const c = operatorCluster({ profile: '4.0', platform: 'AWS', workers: 3 })
    c.advance(60_000)
    const cr = config(c)
    expect(cr.metadata.name).toBe('instance')
    expect(cr.spec.logging).toBe(2)
    expect(cr.spec.storage.s3.bucket).toMatch(/^image-registry-us-east-1-[0-9a-f]{32}-/)
    expect(cr.status.internalRegistryHostname).toBe('image-registry.openshift-image-registry.svc:5000')
    expect(cr.status.generations).toBeNull()
    expect(cond(c, 'Available')).toBe('True : Deployment has minimum availability')
    expect(cond(c, 'Progressing')).toBe('False : Everything is ready')
    expect(cond(c, 'Failing')).toBe('False : ')
    expect(cond(c, 'Degraded')).toBe('missing')
    const co = c.api.tryGet('clusteroperators.config.openshift.io', undefined, 'cluster-image-registry-operator')!
    expect(co.status.conditions.map((x: any) => x.type)).toEqual(['Available', 'Progressing', 'Failing'])
  })

  it('operator scaled down does nothing', () => {
    const c = operatorCluster()
    c.api.patch('deployments.apps', NS, 'cluster-image-registry-operator', 'merge', { spec: { replicas: 0 } })
    c.advance(60_000)
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed' } })
    c.advance(60_000)
    expect(c.api.tryGet('deployments.apps', NS, 'image-registry')).toBeUndefined()
  })
})
