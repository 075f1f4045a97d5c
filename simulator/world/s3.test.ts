import { describe, expect, it } from 'vitest'
import { Rng } from '../core/rng'
import { generateBucketName, S3Error, S3Service } from './s3'

describe('S3 service', () => {
  it('authenticates keys and owns buckets per account', () => {
    const s3 = new S3Service()
    s3.addKey({ accessKeyId: 'A', secretAccessKey: 'S', account: '1' })
    s3.putBucketOutOfBand({ name: 'taken', account: '2' })
    expect(() => s3.headBucket({ accessKeyId: 'B', secretAccessKey: 'S' }, 'x')).toThrow(/^InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.\n\tstatus code: 403, request id: /)
    expect(() => s3.headBucket({ accessKeyId: 'A', secretAccessKey: 'S' }, 'taken')).toThrow(S3Error)
    s3.createBucket({ accessKeyId: 'A', secretAccessKey: 'S' }, 'mine', 'us-east-1')
    const snap = s3.snapshot()
    s3.deleteBucketOutOfBand('mine')
    expect(s3.bucket('mine')).toBeUndefined()
    s3.restore(snap)
    expect(s3.bucket('mine')?.account).toBe('1')
  })

  it('generates bucket names per release', () => {
    const n = generateBucketName('4.12', { infrastructureName: 'sjenning-dev', region: 'us-west-1', clusterID: '' }, new Rng(1))
    expect(n).toMatch(/^sjenning-dev-image-registry-us-west-1-[a-y]+$/)
    expect(n).toHaveLength(62)
    const o = generateBucketName('4.0', { infrastructureName: '', region: '', clusterID: 'babcd3c9-183b-44a1-aa1c-24ff8c9e53f3' }, new Rng(1))
    expect(o).toMatch(/^image-registry--babcd3c9183b44a1aa1c24ff8c9e53f3-[0-9a-f]{13}$/)
  })
})
