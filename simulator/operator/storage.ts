/**
 * Storage sync (§4.3–4.6, §4.13) and removal (§4.9) for emptyDir, PVC and S3 (4.0: `filesystem`). Mutates the
 * Config clone's spec/status and writes the storage conditions; returns an error text when the sync failed.
 */
import type { KObject } from '../api/types'
import type { ControllerContext } from '../controllers/types'
import { b64decode, clone } from '../controllers/util'
import { jsonEqual } from '../api/patch'
import { generateBucketName, S3Error, s3Service, type S3Credentials } from '../world/s3'
import type { ConditionList } from './conditions'
import { DEFAULT_CLAIM, INFRA_RESOURCE, MINTED_CREDS, NS, OWNED_ANNOTATION, PRIVATE_CONFIG_USER } from './names'
import { STORAGE_TYPES, configuredTypes } from './storage-env'
import { oplog } from './oplog'

export interface StorageResult {
  error?: string
  permanent?: 'StorageNotConfigured'
}

type Exists = (status: 'True' | 'False' | 'Unknown', reason: string, message?: string) => void

/** The S3 credentials the operator uses: the admin's `-user` secret first, else the minted one (§4.8). */
export function s3Credentials(ctx: ControllerContext): S3Credentials {
  const user = ctx.api.tryGet('secrets', NS, PRIVATE_CONFIG_USER)
  const val = (s: KObject, k: string) => (s.data?.[k] !== undefined ? b64decode(s.data[k]) : s.stringData?.[k])
  if (user) {
    for (const k of ['REGISTRY_STORAGE_S3_ACCESSKEY', 'REGISTRY_STORAGE_S3_SECRETKEY']) {
      if (val(user, k) === undefined) throw new Error(`secret "${NS}/${PRIVATE_CONFIG_USER}" does not contain required key "${k}"`)
    }
    return { accessKeyId: val(user, 'REGISTRY_STORAGE_S3_ACCESSKEY')!, secretAccessKey: val(user, 'REGISTRY_STORAGE_S3_SECRETKEY')! }
  }
  const minted = ctx.api.tryGet('secrets', NS, MINTED_CREDS)
  if (!minted) throw new Error(`unable to get cluster minted credentials "${NS}/${MINTED_CREDS}": secret "${MINTED_CREDS}" not found`)
  return { accessKeyId: val(minted, 'aws_access_key_id') ?? '', secretAccessKey: val(minted, 'aws_secret_access_key') ?? '' }
}

/** The platform's default storage block when spec.storage names none (§4.1). */
function platformDefault(ctx: ControllerContext): any {
  const p = ctx.api.tryGet(INFRA_RESOURCE, undefined, 'cluster')?.status?.platformStatus?.type
  return p === 'AWS' ? { s3: {} } : undefined
}

/** Syncs spec.storage into status.storage (Managed pass, step 2d). */
export function syncStorage(ctx: ControllerContext, cr: KObject, conds: ConditionList): StorageResult {
  const spec = cr.spec
  spec.storage ??= {}
  let types = configuredTypes(spec.storage)
  if (types.length === 0) {
    const d = platformDefault(ctx)
    if (!d) return { error: 'storage backend not configured', permanent: 'StorageNotConfigured' }
    Object.assign(spec.storage, d)
    types = configuredTypes(spec.storage)
  }
  if (types.length > 1) {
    const names = types.map((t) => STORAGE_TYPES.find(([k]) => k === t)![1])
    return { error: `unable to sync storage configuration: exactly one storage type should be configured at the same time, got ${types.length}: [${names.join(' ')}]` }
  }
  const type = types[0]
  cr.status ??= {}
  cr.status.storage ??= {}
  const exists: Exists = (status, reason, message) => conds.set({ type: 'StorageExists', status, reason, message: message ?? '' })
  let err: string | undefined
  if (type === 'emptyDir' || type === 'filesystem') err = syncEmptyDir(ctx, cr, type, exists)
  else if (type === 'pvc') err = syncPVC(ctx, cr, exists)
  else if (type === 's3') err = syncS3(ctx, cr, conds, exists)
  else err = `unable to sync storage configuration: storage type ${type} is not supported in this environment`
  if (err) return { error: err.startsWith('unable to') ? err : `unable to sync storage configuration: ${err}` }
  const managed = ctx.profile === '4.0' ? !!cr.status.storageManaged : spec.storage.managementState === 'Managed'
  cr.status.storageManaged = managed
  if (ctx.profile !== '4.0' && spec.storage.managementState) cr.status.storage.managementState = spec.storage.managementState
  return {}
}

/** Records the applied storage in status (only the active backend, plus managementState). */
function setApplied(ctx: ControllerContext, cr: KObject, type: string, managed: boolean): void {
  if (ctx.profile === '4.0') {
    cr.status.storage = { [type]: clone(cr.spec.storage[type]) }
    cr.status.storageManaged = managed
    return
  }
  cr.spec.storage.managementState ??= managed ? 'Managed' : 'Unmanaged'
  cr.status.storage = { [type]: clone(cr.spec.storage[type]), managementState: cr.spec.storage.managementState }
}

function syncEmptyDir(ctx: ControllerContext, cr: KObject, type: string, exists: Exists): undefined {
  if (jsonEqual(cr.spec.storage[type], cr.status.storage[type])) return undefined
  const label = type === 'emptyDir' ? 'EmptyDir' : 'Filesystem'
  exists('Unknown', `${label} Configuration Changed`, `${label} storage is in an unknown state`)
  exists('True', 'Creation Successful', `${label} storage successfully created`)
  setApplied(ctx, cr, type, true)
  return undefined
}

function syncPVC(ctx: ControllerContext, cr: KObject, exists: Exists): string | undefined {
  const spec = cr.spec
  const claim: string = spec.storage.pvc.claim ?? ''
  const changed = !jsonEqual(spec.storage.pvc, cr.status.storage.pvc)
  if (!changed) {
    if (ctx.api.tryGet('persistentvolumeclaims', NS, claim)) return undefined
    exists('False', 'PVC does not exist')
  } else exists('Unknown', 'PVC Configuration Changed', 'PVC storage is in an old state')
  if (!claim) {
    const pvc = ctx.api.tryGet('persistentvolumeclaims', NS, DEFAULT_CLAIM)
    if (pvc && pvc.metadata.annotations?.[OWNED_ANNOTATION] !== 'true') {
      const msg = 'could not create default PVC, it already exists and is not owned by the operator'
      exists('False', 'PVC Already Exists', msg)
      return msg
    }
    if (!pvc) {
      try {
        ctx.api.create('persistentvolumeclaims', {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: DEFAULT_CLAIM, namespace: NS, annotations: { [OWNED_ANNOTATION]: 'true' } },
          spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '100Gi' } } },
        })
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        exists('False', 'Creation Failed', msg)
        return msg
      }
      exists('True', 'PVC Created')
    } else exists('True', 'PVC Exists')
    spec.storage.pvc.claim = DEFAULT_CLAIM
    setApplied(ctx, cr, 'pvc', true)
    return undefined
  }
  const pvc = ctx.api.tryGet('persistentvolumeclaims', NS, claim)
  let problem: string | undefined
  if (!pvc) problem = `persistentvolumeclaims "${claim}" not found`
  else {
    const modes: string[] = pvc.spec?.accessModes ?? []
    if (modes.includes('ReadWriteMany')) problem = undefined
    else if (modes.includes('ReadWriteOnce')) {
      if ((spec.replicas ?? 1) > 1) problem = 'cannot use ReadWriteOnce access mode with more than one replica of the image registry'
      else if (spec.rolloutStrategy !== 'Recreate') problem = `cannot use ReadWriteOnce access mode with ${spec.rolloutStrategy ?? ''} rollout strategy`
    } else problem = `PVC ${claim} does not contain the necessary access modes: ReadWriteMany or ReadWriteOnce`
  }
  if (problem) {
    exists('False', 'PVC Issues Found', problem)
    return problem
  }
  exists('True', 'PVC Exists')
  setApplied(ctx, cr, 'pvc', pvc!.metadata.annotations?.[OWNED_ANNOTATION] === 'true' && spec.storage.managementState !== 'Unmanaged')
  return undefined
}

function s3Fail(e: unknown, exists: Exists): string {
  if (e instanceof S3Error) {
    if (e.status === 403 || e.status === 404) exists('False', e.code, e.message)
    else exists('Unknown', 'Unknown Error Occurred', e.message)
    return e.message
  }
  const msg = e instanceof Error ? e.message : String(e)
  exists('Unknown', 'Unknown Error Occurred', msg)
  return msg
}

function syncS3(ctx: ControllerContext, cr: KObject, conds: ConditionList, exists: Exists): string | undefined {
  const s3 = s3Service(ctx)
  if (!s3) {
    exists('Unknown', 'Unknown Error Occurred', 'no S3 endpoint is reachable from this cluster')
    return 'no S3 endpoint is reachable from this cluster'
  }
  const v40 = ctx.profile === '4.0'
  const spec = cr.spec.storage.s3
  const infra = ctx.api.tryGet(INFRA_RESOURCE, undefined, 'cluster')
  if (!spec.region && !spec.regionEndpoint) spec.region = infra?.status?.platformStatus?.aws?.region ?? 'us-east-1'
  if (!v40) {
    spec.trustedCA ??= { name: '' }
    spec.virtualHostedStyle ??= false
  }
  let creds: S3Credentials
  try {
    creds = s3Credentials(ctx)
  } catch (e) {
    return s3Fail(e, exists)
  }
  const changed = !jsonEqual(spec, cr.status.storage.s3)
  if (!changed && spec.bucket) {
    try {
      // StorageExists check of every pass (s3.go): once HeadBucket succeeds, `Creation Successful` and the
      // user-bucket message give way to a plain `S3 Bucket Exists` (lastTransitionTime kept: status unchanged).
      s3.headBucket(creds, spec.bucket)
      exists('True', 'S3 Bucket Exists')
      return undefined
    } catch (e) {
      if (!(e instanceof S3Error && e.code === 'NotFound')) return s3Fail(e, exists)
      // Gone behind the operator's back: False for a moment, then re-created below (a new lastTransitionTime).
      exists('False', e.code, e.message)
    }
  }
  if (changed) exists('Unknown', 'S3 Configuration Changed', 'S3 storage is in an unknown state')
  let managed = v40 ? !!cr.status.storageManaged : cr.spec.storage.managementState === 'Managed'
  try {
    if (spec.bucket) {
      let found = true
      try {
        s3.headBucket(creds, spec.bucket)
      } catch (e) {
        if (!(e instanceof S3Error && e.code === 'NotFound')) {
          if (e instanceof S3Error && e.code === 'Forbidden') {
            exists('False', 'Unable to Access Bucket', 'The bucket exists, but we do not have permission to access it')
            return e.message
          }
          throw e
        }
        found = false
      }
      if (found) {
        if (!v40 && !cr.spec.storage.managementState) managed = false
        exists('True', 'S3 Bucket Exists', 'User supplied S3 bucket exists and is accessible')
      } else {
        s3.createBucket(creds, spec.bucket, spec.region)
        if (v40 || !cr.spec.storage.managementState) managed = true
        exists('True', 'Creation Successful', 'S3 bucket was successfully created')
      }
    } else {
      const p = { infrastructureName: infra?.status?.infrastructureName ?? '', region: spec.region ?? '', clusterID: ctx.api.tryGet('clusterversions.config.openshift.io', undefined, 'version')?.spec?.clusterID ?? '' }
      let name = ''
      for (let i = 0; i < 5000 && !name; i++) {
        const candidate = generateBucketName(ctx.profile, p, ctx.rng)
        if (!s3.bucket(candidate)) name = candidate
      }
      if (!name) {
        exists('False', 'Unable to Generate Unique Bucket Name')
        return 'unable to generate a unique s3 bucket name'
      }
      s3.createBucket(creds, name, spec.region)
      spec.bucket = name
      managed = true
      exists('True', 'Creation Successful', 'S3 bucket was successfully created')
    }
  } catch (e) {
    return s3Fail(e, exists)
  }
  if (!v40 && !cr.spec.storage.managementState) cr.spec.storage.managementState = managed ? 'Managed' : 'Unmanaged'
  if (managed) applyManagedDefaults(ctx, cr, creds, conds)
  else oplog(ctx, 'I', 's3.go:481', 'ignoring bucket tags, storage is not managed')
  setApplied(ctx, cr, 's3', managed)
  return undefined
}

/** Public access block, tags, encryption and lifecycle on a Managed bucket; failures only mark a condition. */
function applyManagedDefaults(ctx: ControllerContext, cr: KObject, creds: S3Credentials, conds: ConditionList): void {
  const s3 = s3Service(ctx)!
  const spec = cr.spec.storage.s3
  const v40 = ctx.profile === '4.0'
  const infra = ctx.api.tryGet(INFRA_RESOURCE, undefined, 'cluster')
  const infraName = infra?.status?.infrastructureName ?? ''
  const step = (type: string, ok: [string, string], fn: () => void) => {
    try {
      fn()
      conds.set({ type, status: 'True', reason: ok[0], message: ok[1] })
    } catch (e) {
      conds.set({ type, status: 'False', reason: e instanceof S3Error ? e.code : 'Unknown Error Occurred', message: e instanceof Error ? e.message : String(e) })
    }
  }
  if (!v40) step('StoragePublicAccessBlocked', ['Public Access Block Successful', 'Public access to the S3 bucket and its contents have been successfully blocked.'], () => s3.putPublicAccessBlock(creds, spec.bucket))
  oplog(ctx, 'I', 's3.go:434', 'setting aws bucket tags')
  const tags: Record<string, string> = v40
    ? { openshiftClusterID: ctx.api.tryGet('clusterversions.config.openshift.io', undefined, 'version')?.spec?.clusterID ?? '' }
    : { [`kubernetes.io/cluster/${infraName}`]: 'owned', Name: `${infraName}-image-registry` }
  const userTags: any[] = infra?.status?.platformStatus?.aws?.resourceTags ?? []
  oplog(ctx, 'I', 's3.go:449', `user provided ${userTags.length} tags`)
  for (const t of userTags) tags[t.key] = t.value
  step('StorageTagged', ['Tagging Successful', v40 ? 'UserTags were successfully applied to the S3 bucket' : 'Tags were successfully applied to the S3 bucket'], () => s3.putBucketTagging(creds, spec.bucket, tags))
  const algo = spec.keyID ? 'aws:kms' : 'AES256'
  step('StorageEncrypted', ['Encryption Successful', v40 ? 'Default encryption was successfully enabled on the S3 bucket' : `Default ${algo} encryption was successfully enabled on the S3 bucket`], () => {
    s3.putBucketEncryption(creds, spec.bucket, algo, spec.keyID)
    if (!v40) spec.encrypt = true
  })
  step('StorageIncompleteUploadCleanupEnabled', ['Enable Cleanup Successful', 'Default cleanup of incomplete multipart uploads after one (1) day was successfully enabled'], () => s3.putBucketLifecycle(creds, spec.bucket, 'cleanup-incomplete-multipart-registry-uploads'))
}

/** Removes the storage recorded in status.storage if the operator manages it, then clears status.storage (§4.9). */
export function removeStorage(ctx: ControllerContext, cr: KObject, conds: ConditionList): string | undefined {
  const applied = cr.status?.storage ?? {}
  const managed = ctx.profile === '4.0' ? !!cr.status?.storageManaged : applied.managementState === 'Managed'
  if (managed && applied.pvc?.claim) {
    const pvc = ctx.api.tryGet('persistentvolumeclaims', NS, applied.pvc.claim)
    if (pvc && !pvc.metadata.deletionTimestamp) {
      ctx.api.delete('persistentvolumeclaims', NS, applied.pvc.claim)
      oplog(ctx, 'I', 'generator.go:95', `object *v1.PersistentVolumeClaim, Namespace=${NS}, Name=${applied.pvc.claim} deleted`)
    }
  }
  if (managed && applied.s3?.bucket) {
    const s3 = s3Service(ctx)
    let existed = true
    try {
      const creds = s3Credentials(ctx)
      if (s3?.bucket(applied.s3.bucket)) s3.deleteBucket(creds, applied.s3.bucket)
      else existed = false
    } catch (e) {
      return `unable to remove storage: ${e instanceof Error ? e.message : String(e)}`
    }
    conds.set({ type: 'StorageExists', status: 'False', reason: 'S3 Bucket Deleted', message: existed ? 'The S3 bucket has been removed.' : 'The S3 bucket did not exist.' })
    if (cr.spec.storage?.s3) delete cr.spec.storage.s3.bucket
  }
  if (Object.keys(applied).length) cr.status.storage = {}
  if (cr.status) cr.status.storageManaged = false
  return undefined
}
