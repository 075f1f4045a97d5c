/**
 * What a container sees of its filesystems: the mount table behind `df -h` and `mount` inside `oc rsh`, built
 * from the pod's volumes (overlay root, /dev, shm, PVC-backed volumes through their PV, secrets as tmpfs).
 */
import type { KObject } from '../../api/types'
import type { Cluster } from '../../cluster'
import { hash16 } from '../../controllers/events'
import { parseQuantity } from '../../format/quantity'

/** One mounted filesystem: source, target, type, options and sizes in bytes. */
export interface PodMount {
  source: string
  target: string
  type: string
  options: string
  size: number
  used: number
}

const GI = 1024 ** 3
const CONTEXT = 'context="system_u:object_r:container_file_t:s0:c15,c25"'

function cephMonitors(cluster: Cluster, seed: string): string[] {
  const cm = cluster.api.tryGet('configmaps', 'openshift-storage', 'rook-ceph-csi-config')
  try {
    const cfg = JSON.parse(cm?.data?.['csi-cluster-config-json'] ?? '[]')
    if (cfg[0]?.monitors?.length) return cfg[0].monitors
  } catch {
    /* fall through */
  }
  const mons = cluster.api.query('services', { namespace: 'openshift-storage' }).filter((s) => /^rook-ceph-mon-[a-z]$/.test(s.metadata.name))
  if (mons.length) return mons.map((s) => `${s.spec?.clusterIP}:6789`)
  const h = hash16(seed)
  return [0, 1, 2].map((i) => `172.30.${parseInt(h.slice(i * 4, i * 4 + 2), 16)}.${parseInt(h.slice(i * 4 + 2, i * 4 + 4), 16)}:6789`)
}

function pvMount(cluster: Cluster, pv: KObject, target: string, readOnly: boolean): PodMount {
  const spec = pv.spec ?? {}
  const size = parseQuantity(spec.capacity?.storage ?? '0')
  const rw = readOnly ? 'ro' : 'rw'
  const csi = spec.csi
  if (csi && /cephfs\.csi\.ceph\.com$/.test(csi.driver)) {
    const attrs = csi.volumeAttributes ?? {}
    const uuid = String(csi.volumeHandle ?? '').slice(-36)
    const sub = attrs.subvolumeName ?? `csi-vol-${uuid}`
    const fs = attrs.fsName ?? 'ocs-storagecluster-cephfilesystem'
    // the provisioner records the monitors on the volume; older volumes fall back to the cluster's Ceph config
    const mons = typeof attrs.monitors === 'string' && attrs.monitors ? attrs.monitors.split(',') : cephMonitors(cluster, pv.metadata.uid ?? pv.metadata.name)
    const source = `${mons.join(',')}:/volumes/csi/${sub}`
    return { source, target, type: 'ceph', options: `${rw},relatime,name=csi-cephfs-node,secret=<hidden>,acl,mds_namespace=${fs}`, size, used: 0 }
  }
  if (csi && /rbd\.csi\.ceph\.com$/.test(csi.driver)) {
    const t = csi.fsType || 'ext4'
    return { source: '/dev/rbd0', target, type: t, options: `${rw},relatime,seclabel${t === 'ext4' ? ',stripe=16' : ',attr2,inode64,logbufs=8,logbsize=64k,sunit=128,swidth=128,noquota'}`, size, used: Math.min(size, 24 * 1024 * 1024) }
  }
  if ((csi && /ebs\.csi\.aws\.com$/.test(csi.driver)) || spec.awsElasticBlockStore) {
    const t = csi?.fsType || spec.awsElasticBlockStore?.fsType || 'ext4'
    return { source: '/dev/nvme1n1', target, type: t, options: `${rw},relatime,seclabel`, size, used: Math.min(size, 24 * 1024 * 1024) }
  }
  if (spec.nfs) return { source: `${spec.nfs.server}:${spec.nfs.path}`, target, type: 'nfs4', options: `${rw},relatime,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys`, size: size || 100 * GI, used: 0 }
  return rootMount(cluster, target)
}

function rootMount(cluster: Cluster, target: string): PodMount {
  const dev = cluster.profile === '4.0' ? '/dev/mapper/coreos-luks-root-nocrypt' : '/dev/nvme0n1p4'
  return { source: dev, target, type: 'xfs', options: 'rw,relatime,seclabel,attr2,inode64,logbufs=8,logbsize=32k,prjquota', size: 120 * GI, used: 15 * GI }
}

/** The mount table of `container` in `pod`, in the order `mount` lists it. */
export function podMounts(cluster: Cluster, pod: KObject, container: string): PodMount[] {
  const c = (pod.spec?.containers ?? []).find((x: any) => x.name === container) ?? {}
  const mem = 8 * GI
  const out: PodMount[] = [
    { source: 'overlay', target: '/', type: 'overlay', options: `rw,relatime,${CONTEXT},lowerdir=/var/lib/containers/storage/overlay/l/ABCD:/var/lib/containers/storage/overlay/l/EFGH,upperdir=/var/lib/containers/storage/overlay/${hash16(pod.metadata.uid ?? '')}/diff,workdir=/var/lib/containers/storage/overlay/${hash16(pod.metadata.uid ?? '')}/work`, size: 120 * GI, used: 15 * GI },
    { source: 'proc', target: '/proc', type: 'proc', options: 'rw,nosuid,nodev,noexec,relatime', size: -1, used: 0 },
    { source: 'tmpfs', target: '/dev', type: 'tmpfs', options: `rw,nosuid,${CONTEXT},size=65536k,mode=755`, size: 64 * 1024 * 1024, used: 0 },
    { source: 'sysfs', target: '/sys', type: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime,seclabel', size: -1, used: 0 },
    { source: 'tmpfs', target: '/sys/fs/cgroup', type: 'tmpfs', options: `ro,nosuid,nodev,noexec,relatime,${CONTEXT},mode=755`, size: mem, used: 0 },
    { source: 'shm', target: '/dev/shm', type: 'tmpfs', options: `rw,nosuid,nodev,noexec,relatime,${CONTEXT},size=65536k`, size: 64 * 1024 * 1024, used: 0 },
    { source: 'tmpfs', target: '/etc/resolv.conf', type: 'tmpfs', options: 'rw,nosuid,nodev,seclabel,mode=755', size: mem, used: 60 * 1024 * 1024 },
    { ...rootMount(cluster, '/etc/hosts') },
    { ...rootMount(cluster, '/etc/hostname') },
  ]
  const volumes = new Map<string, any>((pod.spec?.volumes ?? []).map((v: any) => [v.name, v]))
  for (const m of c.volumeMounts ?? []) {
    const v = volumes.get(m.name)
    if (!v) continue
    const target = String(m.mountPath).replace(/\/+$/, '') || '/'
    const ro = m.readOnly === true
    if (v.persistentVolumeClaim) {
      const pvc = cluster.api.tryGet('persistentvolumeclaims', pod.metadata.namespace, v.persistentVolumeClaim.claimName)
      const pv = pvc?.spec?.volumeName ? cluster.api.tryGet('persistentvolumes', undefined, pvc.spec.volumeName) : undefined
      out.push(pv ? pvMount(cluster, pv, target, ro) : rootMount(cluster, target))
    } else if (v.emptyDir) {
      out.push(v.emptyDir.medium === 'Memory' ? { source: 'tmpfs', target, type: 'tmpfs', options: 'rw,relatime,seclabel', size: mem, used: 0 } : rootMount(cluster, target))
    } else if (v.secret || v.projected || v.configMap || v.downwardAPI) {
      if (v.configMap) out.push({ ...rootMount(cluster, target), options: `${ro ? 'ro' : 'rw'},relatime,seclabel,attr2,inode64,logbufs=8,logbsize=32k,prjquota` })
      else out.push({ source: 'tmpfs', target, type: 'tmpfs', options: `${ro ? 'ro' : 'rw'},relatime,seclabel`, size: mem, used: 24 * 1024 })
    } else if (v.hostPath) out.push(rootMount(cluster, target))
    else if (v.nfs) out.push({ source: `${v.nfs.server}:${v.nfs.path}`, target, type: 'nfs4', options: 'rw,relatime,vers=4.2', size: 100 * GI, used: 0 })
  }
  return out
}

/** GNU `human_readable` with -h: powers of 1024, one decimal below 10, rounded up. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes)
  const units = ['K', 'M', 'G', 'T', 'P', 'E']
  let v = bytes
  let i = -1
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10
    return r >= 10 ? `10${units[i]}` : `${r.toFixed(1)}${units[i]}`
  }
  return `${Math.ceil(v)}${units[i]}`
}
