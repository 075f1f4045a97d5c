/** Core (v1), storage, rbac and project kinds. */
import type { Schema } from './types'
import { arr, bool, enumStr, int, int64, intOrStr, keyedArr, map, obj, quantity, str, strMap, time } from './builders'
import { conditions, kindSchema, labelSelector, localObjectReference, objectReference, resourceRequirements } from './meta'

const nsSpec = obj({ finalizers: arr(str(), 'Finalizers that must be empty before deletion.') }, { goName: 'NamespaceSpec', description: 'Namespace behaviour.' })
const nsStatus = obj(
  { phase: enumStr(['Active', 'Terminating'], 'Lifecycle phase of the namespace.'), conditions: conditions() },
  { goName: 'NamespaceStatus', description: 'Current state of the namespace.' },
)

/** The Namespace kind. */
export const namespace: Schema = kindSchema('Namespace', 'A scope for names.', { spec: nsSpec, status: nsStatus })

/** The Project kind (project.openshift.io). */
export const project: Schema = kindSchema('Project', 'A namespace with OpenShift display metadata.', { spec: nsSpec, status: nsStatus })

/** The Node kind. */
export const node: Schema = kindSchema('Node', 'A worker machine of the cluster.', {
  spec: obj(
    {
      podCIDR: str('Pod IP range of the node.'),
      providerID: str('Cloud provider id of the node.'),
      unschedulable: bool('Prevents new pods from being scheduled.'),
      taints: arr(
        obj({ key: str(), value: str(), effect: enumStr(['NoSchedule', 'PreferNoSchedule', 'NoExecute']), timeAdded: time() }, { required: ['key', 'effect'], goName: 'Taint' }),
        'Taints of the node.',
      ),
    },
    { goName: 'NodeSpec', description: 'Node configuration.' },
  ),
  status: obj(
    {
      capacity: map(quantity(), 'Total resources of the node.'),
      allocatable: map(quantity(), 'Resources available for scheduling.'),
      phase: str('Deprecated lifecycle phase.'),
      conditions: conditions('Current node conditions.'),
      addresses: keyedArr(obj({ type: str(), address: str() }, { required: ['type', 'address'], goName: 'NodeAddress' }), 'type', 'Addresses of the node.'),
      nodeInfo: obj(
        {
          machineID: str(), systemUUID: str(), bootID: str(), kernelVersion: str(), osImage: str(),
          containerRuntimeVersion: str(), kubeletVersion: str(), kubeProxyVersion: str(), operatingSystem: str(), architecture: str(),
        },
        { goName: 'NodeSystemInfo', description: 'General node information.' },
      ),
      images: arr(obj({ names: arr(str()), sizeBytes: int64() }, { goName: 'ContainerImage' }), 'Images on the node.'),
    },
    { goName: 'NodeStatus', description: 'Most recently observed node status.' },
  ),
})

/** The Service kind. */
export const service: Schema = kindSchema('Service', 'A named abstraction of a software service.', {
  spec: obj(
    {
      type: enumStr(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], 'How the service is exposed.'),
      selector: strMap('Pods with these labels receive the traffic.'),
      ports: keyedArr(
        obj(
          {
            name: str('Name of the port.'),
            protocol: enumStr(['TCP', 'UDP', 'SCTP'], 'Protocol; defaults to TCP.'),
            port: int('Port exposed by the service.', { minimum: 1, maximum: 65535 }),
            targetPort: intOrStr('Port number or name on the pods.'),
            nodePort: int('Port on each node for NodePort and LoadBalancer services.'),
            appProtocol: str('Application protocol.'),
          },
          { required: ['port'], goName: 'ServicePort', description: 'A port of the service.' },
        ),
        'port',
        'Ports exposed by the service.',
      ),
      clusterIP: str('IP of the service; None for headless services.'),
      clusterIPs: arr(str(), 'IPs of the service.'),
      externalName: str('DNS name for ExternalName services.'),
      sessionAffinity: enumStr(['ClientIP', 'None'], 'Session affinity.'),
      internalTrafficPolicy: str('Internal traffic policy.'),
      ipFamilies: arr(str(), 'IP families.'),
      ipFamilyPolicy: str('IP family policy.'),
    },
    { goName: 'ServiceSpec', description: 'Behaviour of the service.' },
  ),
  status: obj({ loadBalancer: obj({ ingress: arr(obj({ ip: str(), hostname: str() }, { goName: 'LoadBalancerIngress' })) }, { goName: 'LoadBalancerStatus' }) }, { goName: 'ServiceStatus' }),
})

/** The Endpoints kind. */
export const endpoints: Schema = kindSchema('Endpoints', 'The endpoints implementing a service.', {
  subsets: arr(
    obj(
      {
        addresses: arr(obj({ ip: str(), hostname: str(), nodeName: str(), targetRef: objectReference }, { required: ['ip'], goName: 'EndpointAddress' }), 'Ready addresses.'),
        notReadyAddresses: arr(obj({ ip: str(), hostname: str(), nodeName: str(), targetRef: objectReference }, { required: ['ip'], goName: 'EndpointAddress' }), 'Addresses not ready yet.'),
        ports: arr(obj({ name: str(), port: int(), protocol: str() }, { required: ['port'], goName: 'EndpointPort' }), 'Port numbers.'),
      },
      { goName: 'EndpointSubset', description: 'A group of addresses sharing ports.' },
    ),
    'Sets of addresses and ports.',
  ),
})

/** The Secret kind. */
export const secret: Schema = kindSchema('Secret', 'Holds secret data of a given type.', {
  data: map(str(undefined, { format: 'byte' }), 'Secret data, base64 encoded.'),
  stringData: strMap('Write-only plain-text data merged into data.'),
  type: str('Type of the secret, e.g. Opaque or kubernetes.io/tls.'),
  immutable: bool('Whether the data can no longer change.'),
})

/** The ConfigMap kind. */
export const configMap: Schema = kindSchema('ConfigMap', 'Holds configuration data for pods.', {
  data: strMap('UTF-8 configuration data.'),
  binaryData: map(str(undefined, { format: 'byte' }), 'Binary configuration data, base64 encoded.'),
  immutable: bool('Whether the data can no longer change.'),
})

/** The ServiceAccount kind. */
export const serviceAccount: Schema = kindSchema('ServiceAccount', 'An identity for processes running in pods.', {
  secrets: keyedArr(objectReference, 'name', 'Secrets the service account may use.'),
  imagePullSecrets: arr(localObjectReference, 'Secrets used to pull images.'),
  automountServiceAccountToken: bool('Mount an API token automatically.'),
})

const accessModes = arr(enumStr(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']), 'Access modes of the volume.')
const volumeMode = enumStr(['Block', 'Filesystem'], 'Filesystem or raw block volume.')

/** The PersistentVolumeClaim kind. */
export const persistentVolumeClaim: Schema = kindSchema('PersistentVolumeClaim', 'A request for a persistent volume.', {
  spec: obj(
    {
      accessModes,
      resources: resourceRequirements,
      storageClassName: str('Storage class required by the claim.'),
      volumeName: str('Volume bound to the claim.'),
      volumeMode,
      selector: labelSelector,
    },
    { goName: 'PersistentVolumeClaimSpec', description: 'Desired characteristics of the volume.' },
  ),
  status: obj(
    {
      phase: enumStr(['Pending', 'Bound', 'Lost'], 'Phase of the claim.'),
      accessModes,
      capacity: map(quantity(), 'Actual resources of the bound volume.'),
      conditions: conditions(),
    },
    { goName: 'PersistentVolumeClaimStatus', description: 'Current status of the claim.' },
  ),
})

/** The PersistentVolume kind. */
export const persistentVolume: Schema = kindSchema('PersistentVolume', 'A piece of storage provisioned in the cluster.', {
  spec: obj(
    {
      capacity: map(quantity(), 'Capacity of the volume.'),
      accessModes,
      claimRef: objectReference,
      persistentVolumeReclaimPolicy: enumStr(['Retain', 'Delete', 'Recycle'], 'What happens when the claim is released.'),
      storageClassName: str('Storage class of the volume.'),
      volumeMode,
      mountOptions: arr(str(), 'Mount options.'),
      hostPath: obj({ path: str(), type: str() }, { required: ['path'], goName: 'HostPathVolumeSource' }),
      nfs: obj({ server: str(), path: str(), readOnly: bool() }, { required: ['server', 'path'], goName: 'NFSVolumeSource' }),
      csi: obj({ driver: str(), volumeHandle: str(), fsType: str(), readOnly: bool(), volumeAttributes: strMap() }, { required: ['driver', 'volumeHandle'], goName: 'CSIPersistentVolumeSource' }),
      awsElasticBlockStore: obj({ volumeID: str(), fsType: str(), partition: int(), readOnly: bool() }, { required: ['volumeID'], goName: 'AWSElasticBlockStoreVolumeSource' }),
      nodeAffinity: obj({ required: obj({ nodeSelectorTerms: arr(obj({}, { goName: 'NodeSelectorTerm' })) }, { goName: 'NodeSelector' }) }, { goName: 'VolumeNodeAffinity' }),
    },
    { goName: 'PersistentVolumeSpec', description: 'Specification of the volume.' },
  ),
  status: obj(
    { phase: enumStr(['Pending', 'Available', 'Bound', 'Released', 'Failed'], 'Phase of the volume.'), message: str(), reason: str() },
    { goName: 'PersistentVolumeStatus', description: 'Current status of the volume.' },
  ),
})

/** The StorageClass kind (storage.k8s.io). */
export const storageClass: Schema = kindSchema(
  'StorageClass',
  'A class of dynamically provisioned storage.',
  {
    provisioner: str('Name of the volume plugin that provisions volumes.'),
    parameters: strMap('Parameters for the provisioner.'),
    reclaimPolicy: enumStr(['Retain', 'Delete', 'Recycle'], 'Reclaim policy of provisioned volumes; defaults to Delete.'),
    volumeBindingMode: enumStr(['Immediate', 'WaitForFirstConsumer'], 'When volumes are bound.'),
    allowVolumeExpansion: bool('Whether claims may be expanded.'),
    mountOptions: arr(str(), 'Mount options of provisioned volumes.'),
  },
  ['provisioner'],
)

const policyRule = obj(
  {
    apiGroups: arr(str(), 'API groups of the resources.'),
    resources: arr(str(), 'Resources the rule applies to.'),
    resourceNames: arr(str(), 'Names the rule is restricted to.'),
    verbs: arr(str(), 'Allowed verbs.'),
    nonResourceURLs: arr(str(), 'Non-resource URLs.'),
  },
  { required: ['verbs'], goName: 'PolicyRule', description: 'A permission.' },
)

/** The ClusterRole kind. */
export const clusterRole: Schema = kindSchema('ClusterRole', 'A cluster-wide set of permissions.', {
  rules: arr(policyRule, 'Permissions of the role.'),
  aggregationRule: obj({ clusterRoleSelectors: arr(labelSelector) }, { goName: 'AggregationRule' }),
})

/** The ClusterRoleBinding kind. */
export const clusterRoleBinding: Schema = kindSchema(
  'ClusterRoleBinding',
  'Grants a cluster role to subjects.',
  {
    subjects: arr(obj({ kind: str(), apiGroup: str(), name: str(), namespace: str() }, { required: ['kind', 'name'], goName: 'Subject' }), 'Subjects of the binding.'),
    roleRef: obj({ apiGroup: str(), kind: str(), name: str() }, { required: ['apiGroup', 'kind', 'name'], goName: 'RoleRef', description: 'The role granted.' }),
    userNames: arr(str(), 'OpenShift legacy user names.'),
    groupNames: arr(str(), 'OpenShift legacy group names.'),
  },
  ['roleRef'],
)

/** The Event kind (core/v1). */
export const event: Schema = kindSchema(
  'Event',
  'A report of something that happened in the cluster.',
  {
    involvedObject: objectReference,
    reason: str('Short machine-readable reason.'),
    message: str('Human-readable description.'),
    source: obj({ component: str(), host: str() }, { goName: 'EventSource' }),
    firstTimestamp: time('First time the event was seen.'),
    lastTimestamp: time('Last time the event was seen.'),
    eventTime: str('Time the event was first observed (micro precision).'),
    count: int('Times the event occurred.'),
    type: str('Normal or Warning.'),
    reportingComponent: str(),
    reportingInstance: str(),
    action: str(),
  },
  ['involvedObject'],
)
