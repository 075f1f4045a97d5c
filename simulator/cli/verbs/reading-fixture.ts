/** Test fixtures for the reading verbs: a registry pod on a CephFS claim, a secret, a config map. */
import type { ClusterSession } from '../../session'

/** Adds `openshift-storage`-style CephFS PV + PVC + a running registry pod to the session's cluster. */
export function addRegistryPod(session: ClusterSession): void {
  const api = session.cluster.api
  const ns = 'openshift-image-registry'
  api.create('persistentvolumes', {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: { name: 'pvc-5e2c9a7e-3f1b-4c1e-9d7a-2b6f0c8e1a44' },
    spec: {
      capacity: { storage: '100Gi' }, accessModes: ['ReadWriteMany'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'ocs-storagecluster-cephfs', volumeMode: 'Filesystem',
      claimRef: { namespace: ns, name: 'ocs4registry' },
      csi: { driver: 'openshift-storage.cephfs.csi.ceph.com', volumeHandle: '0001-0011-openshift-storage-0000000000000001-5b88bd0e-fc09-11e9-9939-0a580a820206', volumeAttributes: { clusterID: 'openshift-storage', fsName: 'ocs-storagecluster-cephfilesystem' } },
    },
    status: { phase: 'Bound' },
  }, { keepStatus: true })
  if (!api.tryGet('namespaces', undefined, 'openshift-storage')) api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openshift-storage' } })
  api.create('configmaps', {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'rook-ceph-csi-config', namespace: 'openshift-storage' },
    data: { 'csi-cluster-config-json': '[{"clusterID":"openshift-storage","monitors":["172.30.107.130:6789","172.30.82.116:6789","172.30.125.23:6789"]}]' },
  })
  api.create('persistentvolumeclaims', {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'ocs4registry', namespace: ns, finalizers: ['kubernetes.io/pvc-protection'] },
    spec: { accessModes: ['ReadWriteMany'], resources: { requests: { storage: '100Gi' } }, storageClassName: 'ocs-storagecluster-cephfs', volumeMode: 'Filesystem', volumeName: 'pvc-5e2c9a7e-3f1b-4c1e-9d7a-2b6f0c8e1a44' },
    status: { phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '100Gi' } },
  }, { keepStatus: true })
  api.create('secrets', {
    apiVersion: 'v1', kind: 'Secret', metadata: { name: 'image-registry-private-configuration', namespace: ns }, type: 'Opaque',
    data: { REGISTRY_HTTP_SECRET: 'c2VjcmV0LXZhbHVl' },
  })
  const started = '2023-03-14T11:00:00Z'
  api.create('pods', {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'image-registry-6c4dbbcdbb-9bl8w', namespace: ns, labels: { 'docker-registry': 'default' } },
    spec: {
      nodeName: 'worker-0', serviceAccountName: 'registry',
      containers: [{
        name: 'registry', image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:9a1b',
        ports: [{ containerPort: 5000, protocol: 'TCP' }],
        env: [
          { name: 'REGISTRY_STORAGE', value: 'filesystem' },
          { name: 'REGISTRY_HTTP_SECRET', valueFrom: { secretKeyRef: { name: 'image-registry-private-configuration', key: 'REGISTRY_HTTP_SECRET' } } },
        ],
        volumeMounts: [{ name: 'registry-storage', mountPath: '/registry' }],
      }],
      volumes: [{ name: 'registry-storage', persistentVolumeClaim: { claimName: 'ocs4registry' } }],
    },
    status: {
      phase: 'Running', hostIP: '192.168.126.51', podIP: '10.131.0.20', podIPs: [{ ip: '10.131.0.20' }], startTime: started, qosClass: 'BestEffort',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'registry', ready: true, restartCount: 0, containerID: 'cri-o://abc', image: 'img', imageID: 'img@sha', state: { running: { startedAt: started } } }],
    },
  }, { keepStatus: true })
}
