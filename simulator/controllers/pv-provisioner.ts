/**
 * The simulated storage back-ends behind StorageClass provisioners: which access modes each supports, how its
 * dynamic PersistentVolumes look (CSI attributes, CephFS subvolumes and monitors, EBS volume ids), and the
 * identity its external provisioner signs events with.
 */
import type { KObject } from '../api/types'
import { fnv32a, hashHex, hashInt, safeEncode } from './util'

const SAFE = 'bcdfghjklmnpqrstvwxz2456789'

const RWO = 'ReadWriteOnce'
const RWX = 'ReadWriteMany'
const ROX = 'ReadOnlyMany'
const RWOP = 'ReadWriteOncePod'

/** A provisioner's behaviour: supported access modes; `none` provisions nothing (static PVs or OBCs only). */
export interface ProvisionerCaps {
  modes: string[]
  /** claims are left alone (no-provisioner, the NooBaa OBC provisioner) */
  none?: 'static' | 'obc'
  /** in-tree plugin (error texts differ from CSI drivers) */
  inTree?: boolean
  /** the CSI driver that really provisions (in-tree plugins migrated to CSI in 4.12) */
  migratedTo?: string
}

/** The capability table, by provisioner name. */
export function capabilities(provisioner: string): ProvisionerCaps {
  switch (provisioner) {
    case 'kubernetes.io/aws-ebs':
      return { modes: [RWO, RWOP], inTree: true, migratedTo: 'ebs.csi.aws.com' }
    case 'ebs.csi.aws.com':
    case 'pd.csi.storage.gke.io':
    case 'disk.csi.azure.com':
    case 'csi.vsphere.vmware.com':
    case 'cinder.csi.openstack.org':
      return { modes: [RWO, RWOP] }
    case 'kubernetes.io/gce-pd':
    case 'kubernetes.io/azure-disk':
    case 'kubernetes.io/vsphere-volume':
    case 'kubernetes.io/cinder':
      return { modes: [RWO], inTree: true }
    case 'openshift-storage.rbd.csi.ceph.com':
      return { modes: [RWO, RWOP] }
    case 'openshift-storage.cephfs.csi.ceph.com':
    case 'file.csi.azure.com':
    case 'kubernetes.io/azure-file':
      return { modes: [RWO, RWX, ROX, RWOP] }
    case 'openshift-storage.noobaa.io/obc':
      return { modes: [], none: 'obc' }
    case 'kubernetes.io/no-provisioner':
      return { modes: [], none: 'static' }
  }
  if (/nfs/i.test(provisioner)) return { modes: [RWO, RWX, ROX] }
  return { modes: [RWO, RWX, ROX, RWOP] }
}

/** The provisioning error for unsupported access modes, or undefined when the claim can be provisioned. */
export function accessModeError(sc: KObject, claim: KObject): string | undefined {
  const caps = capabilities(sc.provisioner)
  const wanted: string[] = claim.spec?.accessModes ?? []
  // Ceph RBD also serves RWX for raw block volumes.
  const modes = sc.provisioner === 'openshift-storage.rbd.csi.ceph.com' && claim.spec?.volumeMode === 'Block' ? [...caps.modes, RWX] : caps.modes
  const bad = wanted.filter((m) => !modes.includes(m))
  if (!bad.length) return undefined
  if (caps.inTree) return `Failed to provision volume with StorageClass "${sc.metadata.name}": invalid AccessModes [${bad.join(' ')}]: only AccessModes [${caps.modes.filter((m) => m !== RWOP).join(' ')}] are supported`
  const cap = bad.includes(RWX) ? 'MULTI_NODE_MULTI_WRITER' : 'MULTI_NODE_READER_ONLY'
  return `failed to provision volume with StorageClass "${sc.metadata.name}": rpc error: code = InvalidArgument desc = Volume capabilities ${cap} not supported`
}

/** The name the provisioner writes into claim annotations (the CSI driver for migrated in-tree plugins). */
export function provisionerName(sc: KObject): string {
  return capabilities(sc.provisioner).migratedTo ?? sc.provisioner
}

/** `<driver>_<provisioner pod>_<uuid>`: the event source of an external provisioner. */
export function provisionerIdentity(driver: string): string {
  const pod: Record<string, string> = {
    'openshift-storage.cephfs.csi.ceph.com': 'csi-cephfsplugin-provisioner',
    'openshift-storage.rbd.csi.ceph.com': 'csi-rbdplugin-provisioner',
    'ebs.csi.aws.com': 'aws-ebs-csi-driver-controller',
  }
  const base = pod[driver] ?? `${driver.replace(/[^a-z0-9]+/g, '-')}-provisioner`
  const h = hashHex(`prov:${driver}`, 40)
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
  const suffix = Array.from({ length: 5 }, (_, i) => SAFE[hashInt(`${h}/${i}`, SAFE.length)]).join('')
  return `${driver}_${base}-${safeEncode(fnv32a(h))}-${suffix}_${uuid}`
}

function uuidFrom(seed: string): string {
  const h = hashHex(seed, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The dynamic PersistentVolume a provisioner creates for `claim` (`pvc-<claim uid>`), bound to it. */
export function dynamicVolume(sc: KObject, claim: KObject, region: string, now: number): KObject {
  const name = `pvc-${claim.metadata.uid}`
  const driver = provisionerName(sc)
  const identity = `${now}-${hashInt(driver, 9000) + 1000}-${driver}`
  const spec: any = {
    capacity: { storage: claim.spec?.resources?.requests?.storage ?? '1Gi' },
    accessModes: claim.spec?.accessModes ?? [RWO],
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    storageClassName: sc.metadata.name,
    volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    claimRef: { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion },
  }
  if (sc.mountOptions) spec.mountOptions = sc.mountOptions
  const annotations: Record<string, string> = { 'pv.kubernetes.io/provisioned-by': sc.provisioner }
  const finalizers: string[] = ['kubernetes.io/pv-protection']
  const sub = uuidFrom(`sub:${claim.metadata.uid}`)
  const zone = `${region}${'abc'[hashInt(claim.metadata.uid!, 3)]}`
  const fsType = sc.parameters?.['csi.storage.k8s.io/fstype'] ?? sc.parameters?.fsType ?? 'ext4'
  switch (driver) {
    case 'openshift-storage.cephfs.csi.ceph.com':
      spec.csi = {
        driver,
        volumeHandle: `0001-0011-openshift-storage-0000000000000001-${sub}`,
        volumeAttributes: {
          clusterID: 'openshift-storage',
          fsName: sc.parameters?.fsName ?? 'ocs-storagecluster-cephfilesystem',
          'storage.kubernetes.io/csiProvisionerIdentity': identity,
          subvolumeName: `csi-vol-${sub}`,
          subvolumePath: `/volumes/csi/csi-vol-${sub}/${uuidFrom(`path:${claim.metadata.uid}`)}`,
          monitors: '172.30.12.41:6789,172.30.87.113:6789,172.30.201.9:6789',
        },
        nodeStageSecretRef: { name: 'rook-csi-cephfs-node', namespace: 'openshift-storage' },
        controllerExpandSecretRef: { name: 'rook-csi-cephfs-provisioner', namespace: 'openshift-storage' },
      }
      break
    case 'openshift-storage.rbd.csi.ceph.com':
      spec.csi = {
        driver,
        fsType,
        volumeHandle: `0001-0011-openshift-storage-0000000000000001-${sub}`,
        volumeAttributes: { clusterID: 'openshift-storage', imageFeatures: 'layering,deep-flatten,exclusive-lock,object-map,fast-diff', imageFormat: '2', imageName: `csi-vol-${sub}`, journalPool: 'ocs-storagecluster-cephblockpool', pool: 'ocs-storagecluster-cephblockpool', 'storage.kubernetes.io/csiProvisionerIdentity': identity },
        nodeStageSecretRef: { name: 'rook-csi-rbd-node', namespace: 'openshift-storage' },
        controllerExpandSecretRef: { name: 'rook-csi-rbd-provisioner', namespace: 'openshift-storage' },
      }
      break
    case 'ebs.csi.aws.com': {
      const vol = `vol-0${hashHex(`ebs:${claim.metadata.uid}`, 16)}`
      if (sc.provisioner === 'kubernetes.io/aws-ebs') {
        annotations['pv.kubernetes.io/migrated-to'] = driver
        spec.awsElasticBlockStore = { volumeID: `aws://${zone}/${vol}`, fsType }
        spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] }, { key: 'topology.kubernetes.io/region', operator: 'In', values: [region] }] }] } }
      } else {
        spec.csi = { driver, fsType, volumeHandle: vol, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': identity } }
        spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.ebs.csi.aws.com/zone', operator: 'In', values: [zone] }] }] } }
      }
      break
    }
    default:
      if (/nfs/i.test(driver)) spec.nfs = { server: sc.parameters?.server ?? 'nfs.example.com', path: `${sc.parameters?.path ?? '/exports'}/${claim.metadata.namespace}-${claim.metadata.name}-${name}` }
      else spec.csi = { driver, fsType, volumeHandle: sub, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': identity } }
  }
  if (spec.csi) finalizers.push('external-provisioner.volume.kubernetes.io/finalizer')
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, annotations, finalizers }, spec }
}
