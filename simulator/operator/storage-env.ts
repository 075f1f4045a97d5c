/** What a storage configuration means for the registry pod: its env vars and volume (§4.4–4.6, §13). */
import type { ControllerContext } from '../controllers/types'
import { PRIVATE_CONFIG } from './names'

/** Backend keys in the fixed order of the "exactly one storage type" error, with their display names. */
export const STORAGE_TYPES: [string, string][] = [
  ['emptyDir', 'EmptyDir'],
  ['s3', 'S3'],
  ['swift', 'Swift'],
  ['gcs', 'GCS'],
  ['ibmcos', 'IBMCOS'],
  ['pvc', 'PVC'],
  ['azure', 'Azure'],
  ['oss', 'OSS'],
  ['filesystem', 'Filesystem'],
]

/** The backend keys set (non-null) in a storage block, in the fixed order. */
export function configuredTypes(storage: any): string[] {
  return STORAGE_TYPES.filter(([k]) => storage?.[k] !== undefined && storage?.[k] !== null).map(([k]) => k)
}

/** The pod volume for filesystem-like storage, and whether the pod needs the cloud credentials secret. */
export function storageVolume(storage: any): { volume?: any; cloud: boolean } {
  if (storage.emptyDir) return { volume: { emptyDir: {} }, cloud: false }
  if (storage.pvc) return { volume: { persistentVolumeClaim: { claimName: storage.pvc.claim } }, cloud: false }
  if (storage.filesystem) return { volume: storage.filesystem.volumeSource ?? { emptyDir: {} }, cloud: false }
  if (storage.s3) return { cloud: true }
  return { cloud: false }
}

/** Storage env vars, first in the container's env list. */
export function storageEnv(ctx: ControllerContext, storage: any): any[] {
  if (storage.emptyDir || storage.pvc || storage.filesystem) {
    return [
      { name: 'REGISTRY_STORAGE', value: 'filesystem' },
      { name: 'REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY', value: '/registry' },
    ]
  }
  const s3 = storage.s3
  if (!s3) return []
  const env: any[] = [
    { name: 'REGISTRY_STORAGE', value: 's3' },
    { name: 'REGISTRY_STORAGE_S3_BUCKET', value: s3.bucket ?? '' },
    { name: 'REGISTRY_STORAGE_S3_REGION', value: s3.region ?? '' },
  ]
  if (ctx.profile === '4.0') {
    // 4.0 always rendered the endpoint and encrypt flags, and passed the keys through secretKeyRef.
    env.push(
      { name: 'REGISTRY_STORAGE_S3_REGIONENDPOINT', value: s3.regionEndpoint ?? '' },
      { name: 'REGISTRY_STORAGE_S3_ENCRYPT', value: String(!!s3.encrypt) },
      { name: 'REGISTRY_STORAGE_S3_ACCESSKEY', valueFrom: { secretKeyRef: { name: PRIVATE_CONFIG, key: 'REGISTRY_STORAGE_S3_ACCESSKEY' } } },
      { name: 'REGISTRY_STORAGE_S3_SECRETKEY', valueFrom: { secretKeyRef: { name: PRIVATE_CONFIG, key: 'REGISTRY_STORAGE_S3_SECRETKEY' } } },
    )
    return env
  }
  if (s3.regionEndpoint) env.push({ name: 'REGISTRY_STORAGE_S3_REGIONENDPOINT', value: s3.regionEndpoint })
  if (s3.keyID) env.push({ name: 'REGISTRY_STORAGE_S3_KEYID', value: s3.keyID })
  env.push(
    { name: 'REGISTRY_STORAGE_S3_ENCRYPT', value: String(!!s3.encrypt) },
    { name: 'REGISTRY_STORAGE_S3_VIRTUALHOSTEDSTYLE', value: String(!!s3.virtualHostedStyle) },
    { name: 'REGISTRY_STORAGE_S3_USEDUALSTACK', value: 'true' },
    { name: 'REGISTRY_STORAGE_S3_CREDENTIALSCONFIGPATH', value: '/var/run/secrets/cloud/credentials' },
  )
  return env
}
