import { describe, expect, it } from 'vitest'
import type { Condition } from '../api/types'
import { rfc3339 } from '../core/time'
import type { S3Service } from '../world/s3'
import { cond, conditionHistory, config, operatorCluster, patchConfig } from './testing'

const START = Date.UTC(2023, 0, 16, 9, 0, 0)
const storageExists = (c: ReturnType<typeof operatorCluster>): Condition => config(c).status.conditions.find((x: Condition) => x.type === 'StorageExists')

describe('S3 StorageExists on every pass (§2.2)', () => {
  it('says Creation Successful on the pass that creates the bucket, then S3 Bucket Exists (no message) once HeadBucket succeeds', () => {
    let history: { at: number; value: string }[] = []
    const c = operatorCluster({ platform: 'AWS', workers: 3, before: (x) => (history = conditionHistory(x, 'StorageExists')) })
    expect(history.map((h) => h.value)).toEqual(['missing', 'True Creation Successful: S3 bucket was successfully created', 'True S3 Bucket Exists: '])
    // the next pass came with the objects the first one created, within the same virtual second
    expect(history[2].at - history[1].at).toBeLessThanOrEqual(1)
    c.advance(60_000)
    expect(cond(c, 'StorageExists')).toBe('True S3 Bucket Exists: ')
    // only the reason and message changed: the status did not, so neither did lastTransitionTime
    expect(storageExists(c).lastTransitionTime).toBe(rfc3339(START + history[1].at * 1000))
  })

  it('4.0: the same, as workshop 001 shows it', () => {
    const c = operatorCluster({ profile: '4.0', platform: 'AWS', workers: 3 })
    expect(cond(c, 'StorageExists')).toBe('True S3 Bucket Exists: ')
  })

  it('a bucket deleted out of band is re-created under its name (False NotFound inside that pass: a new lastTransitionTime), then exists again', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    const bucket = config(c).spec.storage.s3.bucket
    const before = storageExists(c).lastTransitionTime
    ;(c.services.s3 as S3Service).deleteBucketOutOfBand(bucket)
    const t0 = c.now()
    const history = conditionHistory(c, 'StorageExists')
    c.advance(30_000)
    patchConfig(c, { spec: { logLevel: 'Debug' } })
    expect(history.map((h) => h.value)).toEqual(['True S3 Bucket Exists: ', 'True Creation Successful: S3 bucket was successfully created', 'True S3 Bucket Exists: '])
    // True → False → True within one pass: a new lastTransitionTime
    expect(storageExists(c).lastTransitionTime).toBe(rfc3339(t0 + history[1].at * 1000))
    expect(storageExists(c).lastTransitionTime).not.toBe(before)
    expect(config(c).spec.storage.s3.bucket).toBe(bucket)
  })

  it('a user-named bucket of the same account: User supplied ... is accessible, then S3 Bucket Exists; storage Unmanaged', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    ;(c.services.s3 as S3Service).putBucketOutOfBand({ name: 'my-registry-bucket', account: '123456789012' })
    const history = conditionHistory(c, 'StorageExists')
    patchConfig(c, { spec: { storage: { managementState: null, s3: { bucket: 'my-registry-bucket' } } } })
    expect(history.map((h) => h.value)).toEqual(['True S3 Bucket Exists: ', 'True S3 Bucket Exists: User supplied S3 bucket exists and is accessible', 'True S3 Bucket Exists: '])
    expect(config(c).spec.storage.managementState).toBe('Unmanaged')
  })

  it('a bucket name owned by another AWS account: False Unable to Access Bucket, and the sync fails (§12 #8 family)', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    ;(c.services.s3 as S3Service).putBucketOutOfBand({ name: 'registry', account: '999988887777' })
    patchConfig(c, { spec: { storage: { s3: { bucket: 'registry' } } } })
    expect(cond(c, 'StorageExists')).toBe('False Unable to Access Bucket: The bucket exists, but we do not have permission to access it')
    expect(cond(c, 'Progressing')).toMatch(/^True Error: Unable to apply resources: unable to sync storage configuration: Forbidden: Forbidden\n\tstatus code: 403, request id: [0-9A-F]{16}, host id: [0-9a-f]+$/)
    // the running registry keeps its old bucket: nothing further was applied
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    const env = c.api.tryGet('deployments.apps', 'openshift-image-registry', 'image-registry')!.spec.template.spec.containers[0].env
    expect(env.find((e: any) => e.name === 'REGISTRY_STORAGE_S3_BUCKET').value).not.toBe('registry')
    expect(config(c).status.storage.s3.bucket).not.toBe('registry')
  })
})
