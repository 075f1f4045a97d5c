/** kubectl's describers for persistent volume claims, persistent volumes and storage classes. */
import type { KObject } from '../../api/types'
import {
  accessModes, annotationsMultiline, describeEvents, type DescribeContext, DescribeWriter, eventsFor, formatLabels, goSlice,
  labelsMultiline, since,
} from './engine'

/** Describes a claim; oc ≤4.6 says `Mounted By:`, later `Used By:`. */
export function describePVC(pvc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const spec = pvc.spec ?? {}
  w.write(0, `Name:\t${pvc.metadata.name}\n`)
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`)
  w.write(0, `StorageClass:\t${spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`)
  if (pvc.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, ctx.now)})\n`)
  else w.write(0, `Status:\t${pvc.status?.phase ?? 'Pending'}\n`)
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`)
  labelsMultiline(w, 'Labels', pvc.metadata.labels)
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
  w.write(0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`)
  const bound = !!spec.volumeName
  w.write(0, `Capacity:\t${bound ? pvc.status?.capacity?.storage ?? '' : ''}\n`)
  w.write(0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ''}\n`)
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`)
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n')
    if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`)
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`)
    w.write(1, `Name:\t${spec.dataSource.name}\n`)
  }
  const users = ctx.list('pods', pvc.metadata.namespace).filter((p) => (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
  const title = ctx.profile === '4.0' ? 'Mounted By' : 'Used By'
  w.write(0, `${title}:\t`)
  if (!users.length) w.write(0, '<none>\n')
  users.forEach((p, i) => w.write(0, `${i ? '\t' : ''}${p.metadata.name}\n`))
  describeEvents(w, eventsFor(pvc, ctx), ctx)
  return w.done()
}

function pvSource(w: DescribeWriter, s: any): void {
  if (s.csi) {
    const c = s.csi
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${c.driver}\n    FSType:\t${c.fsType ?? ''}\n    VolumeHandle:\t${c.volumeHandle}\n    ReadOnly:\t${c.readOnly === true}\n`)
    const keys = Object.keys(c.volumeAttributes ?? {}).sort()
    w.write(2, 'VolumeAttributes:\t')
    if (!keys.length) w.write(0, '<none>\n')
    keys.forEach((k, i) => {
      if (i) w.write(2, '\t')
      const line = `${k}=${c.volumeAttributes[k]}`
      w.write(0, `${line.length > 140 ? line.slice(0, 140) + '...' : line}\n`)
    })
  } else if (s.nfs) w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s.nfs.server}\n    Path:\t${s.nfs.path}\n    ReadOnly:\t${s.nfs.readOnly === true}\n`)
  else if (s.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.hostPath.path}\n    HostPathType:\t${s.hostPath.type ?? ''}\n`)
  else if (s.awsElasticBlockStore) {
    const a = s.awsElasticBlockStore
    w.write(2, `Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t${a.volumeID}\n    FSType:\t${a.fsType ?? ''}\n    Partition:\t${a.partition ?? 0}\n    ReadOnly:\t${a.readOnly === true}\n`)
  } else if (s.local) w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${s.local.path}\n`)
}

/** Describes a persistent volume. */
export function describePV(pv: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const spec = pv.spec ?? {}
  w.write(0, `Name:\t${pv.metadata.name}\n`)
  labelsMultiline(w, 'Labels', pv.metadata.labels)
  annotationsMultiline(w, 'Annotations', pv.metadata.annotations)
  w.write(0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`)
  w.write(0, `StorageClass:\t${spec.storageClassName ?? ''}\n`)
  if (pv.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, ctx.now)})\n`)
  else w.write(0, `Status:\t${pv.status?.phase ?? 'Pending'}\n`)
  w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`)
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? 'Retain'}\n`)
  w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`)
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`)
  w.write(0, `Capacity:\t${spec.capacity?.storage ?? ''}\n`)
  w.write(0, 'Node Affinity:\t<none>\n')
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`)
  w.write(0, 'Source:\n')
  pvSource(w, spec)
  describeEvents(w, eventsFor(pv, ctx), ctx)
  return w.done()
}

/** Describes a storage class. */
export function describeStorageClass(sc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const ann = sc.metadata.annotations ?? {}
  const isDefault = ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  w.write(0, `Name:\t${sc.metadata.name}\n`)
  w.write(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`)
  w.write(0, `Annotations:\t${formatLabels(ann)}\n`)
  w.write(0, `Provisioner:\t${sc.provisioner}\n`)
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`)
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`)
  w.write(0, `MountOptions:\t${sc.mountOptions?.length ? '' : '<none>'}\n`)
  for (const o of sc.mountOptions ?? []) w.write(1, `${o}\n`)
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
  describeEvents(w, eventsFor(sc, ctx), ctx)
  return w.done()
}
