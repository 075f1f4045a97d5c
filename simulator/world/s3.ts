/**
 * A simulated AWS S3 for the scenarios: buckets owned by accounts, access keys that map to accounts, and the
 * error texts of aws-sdk-go (`<Code>: <message>\n\tstatus code: <n>, request id: <id>, host id: <id>`).
 * Plain JSON state, saved with the cluster (`cluster.services.s3`).
 */
import type { WorldService } from '../cluster'
import type { Profile } from '../api/types'
import type { Rng } from '../core/rng'
import { hashHex } from '../controllers/util'

/** One bucket as AWS keeps it. */
export interface S3Bucket {
  name: string
  /** AWS account id of the owner */
  account: string
  region: string
  tags: Record<string, string>
  /** default encryption: `AES256` or `aws:kms` (with keyID) */
  encryption?: { algorithm: string; keyID?: string }
  /** lifecycle rule ids */
  lifecycle: string[]
  publicAccessBlock: boolean
  objects: number
}

/** An access key pair and the account it belongs to. */
export interface S3Key {
  accessKeyId: string
  secretAccessKey: string
  account: string
}

/** The credentials a client presents. */
export interface S3Credentials {
  accessKeyId: string
  secretAccessKey: string
}

interface S3State {
  buckets: Record<string, S3Bucket>
  keys: S3Key[]
  requests: number
}

/** An AWS API error: `code` is the AWS error code, `message` the whole aws-sdk-go error text. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The simulated S3 endpoint of the scenario's AWS account (and of others that own taken bucket names). */
export class S3Service implements WorldService {
  private s: S3State = { buckets: {}, keys: [], requests: 0 }

  snapshot(): unknown {
    return JSON.parse(JSON.stringify(this.s))
  }

  restore(s: unknown): void {
    this.s = JSON.parse(JSON.stringify(s)) as S3State
  }

  // ---- scenario / fault side (out of band) ----

  /** Accepts a key pair for `account` (the one the scenario puts in `installer-cloud-credentials`). */
  addKey(key: S3Key): void {
    this.s.keys = this.s.keys.filter((k) => k.accessKeyId !== key.accessKeyId)
    this.s.keys.push({ ...key })
  }

  /** Revokes an access key (expired / deleted IAM user). */
  removeKey(accessKeyId: string): void {
    this.s.keys = this.s.keys.filter((k) => k.accessKeyId !== accessKeyId)
  }

  /** Creates a bucket directly, e.g. a name already taken by another account. */
  putBucketOutOfBand(b: Partial<S3Bucket> & { name: string; account: string }): void {
    this.s.buckets[b.name] = { region: 'us-east-1', tags: {}, lifecycle: [], publicAccessBlock: false, objects: 0, ...b }
  }

  /** Deletes a bucket behind the operator's back (fault `s3-bucket-deleted`). */
  deleteBucketOutOfBand(name: string): boolean {
    const had = !!this.s.buckets[name]
    delete this.s.buckets[name]
    return had
  }

  /** A bucket as AWS has it, if it exists. */
  bucket(name: string): S3Bucket | undefined {
    const b = this.s.buckets[name]
    return b && JSON.parse(JSON.stringify(b))
  }

  bucketNames(): string[] {
    return Object.keys(this.s.buckets).sort()
  }

  /** Counts objects written by the registry (pushes). */
  addObjects(name: string, n: number): void {
    const b = this.s.buckets[name]
    if (b) b.objects += n
  }

  // ---- the API (what the operator and the registry call) ----

  /** HeadBucket: resolves when the bucket exists and the caller may use it. */
  headBucket(creds: S3Credentials, name: string): void {
    const account = this.auth(creds)
    const b = this.s.buckets[name]
    if (!b) throw this.error('NotFound', 404, 'Not Found')
    if (b.account !== account) throw this.error('Forbidden', 403, 'Forbidden')
  }

  /** CreateBucket. */
  createBucket(creds: S3Credentials, name: string, region: string): void {
    const account = this.auth(creds)
    const b = this.s.buckets[name]
    if (b && b.account === account) throw this.error('BucketAlreadyOwnedByYou', 409, 'Your previous request to create the named bucket succeeded and you already own it.')
    if (b) throw this.error('BucketAlreadyExists', 409, 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.')
    this.s.buckets[name] = { name, account, region, tags: {}, lifecycle: [], publicAccessBlock: false, objects: 0 }
  }

  putPublicAccessBlock(creds: S3Credentials, name: string): void {
    this.own(creds, name).publicAccessBlock = true
  }

  putBucketTagging(creds: S3Credentials, name: string, tags: Record<string, string>): void {
    this.own(creds, name).tags = { ...tags }
  }

  putBucketEncryption(creds: S3Credentials, name: string, algorithm: string, keyID?: string): void {
    this.own(creds, name).encryption = keyID ? { algorithm, keyID } : { algorithm }
  }

  putBucketLifecycle(creds: S3Credentials, name: string, ruleId: string): void {
    const b = this.own(creds, name)
    if (!b.lifecycle.includes(ruleId)) b.lifecycle.push(ruleId)
  }

  /** Empties and deletes a bucket. */
  deleteBucket(creds: S3Credentials, name: string): void {
    this.own(creds, name)
    delete this.s.buckets[name]
  }

  /** Whether the registry's storage driver health check passes (credentials valid, bucket there and ours). */
  healthy(creds: S3Credentials | undefined, name: string | undefined): boolean {
    if (!creds || !name) return false
    try {
      this.headBucket(creds, name)
      return true
    } catch {
      return false
    }
  }

  private own(creds: S3Credentials, name: string): S3Bucket {
    const account = this.auth(creds)
    const b = this.s.buckets[name]
    if (!b) throw this.error('NoSuchBucket', 404, 'The specified bucket does not exist')
    if (b.account !== account) throw this.error('AccessDenied', 403, 'Access Denied')
    return b
  }

  private auth(creds: S3Credentials): string {
    const k = this.s.keys.find((x) => x.accessKeyId === creds.accessKeyId)
    if (!k) throw this.error('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.')
    if (k.secretAccessKey !== creds.secretAccessKey) {
      throw this.error('SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.')
    }
    return k.account
  }

  private error(code: string, status: number, text: string): S3Error {
    // Ids come from the error itself and the state version (not the Rng, not a per-call counter): a controller
    // retrying the same failing call sees the same text, so its status does not change on every retry.
    this.s.requests++
    const seed = `${code}/${text}/${JSON.stringify(this.s.keys)}/${Object.keys(this.s.buckets).join(',')}`
    const requestId = hashHex(`s3-req-${seed}`, 16).toUpperCase()
    const hostId = hashHex(`s3-host-${seed}`, 56)
    return new S3Error(code, status, `${code}: ${text}\n\tstatus code: ${status}, request id: ${requestId}, host id: ${hostId}`)
  }
}

/** The cluster's S3 service, if the scenario has one. */
export function s3Service(ctx: { services: Record<string, unknown> }): S3Service | undefined {
  return ctx.services.s3 as S3Service | undefined
}

/** Registers a fresh S3 service as `services.s3` (returns the existing one if already there). */
export function installS3(cluster: { services: Record<string, WorldService> }): S3Service {
  const existing = cluster.services.s3
  if (existing instanceof S3Service) return existing
  const s = new S3Service()
  cluster.services.s3 = s
  return s
}

/**
 * The bucket name the operator generates (§1.4). 4.12: `<infra>-image-registry-<region>` squeezed, padded with
 * `-` and random a–y letters to 62 characters (or cut). 4.0: `image-registry-<region>-<clusterID>-<uuid>`
 * without dashes inside the ids, cut to 62.
 */
export function generateBucketName(profile: Profile, p: { infrastructureName: string; region: string; clusterID: string }, rng: Rng): string {
  if (profile === '4.0') {
    const s = `image-registry-${p.region}-${p.clusterID.replace(/-/g, '')}-${rng.uuid().replace(/-/g, '')}`
    return s.slice(0, 62)
  }
  let s = [p.infrastructureName, 'image-registry', p.region].join('-').replace(/-+/g, '-')
  if (s.length >= 62) return s.slice(0, 62).toLowerCase()
  s += '-'
  s += rng.string(62 - s.length, 'abcdefghijklmnopqrstuvwxy')
  return s.toLowerCase()
}
