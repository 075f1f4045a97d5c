/** Pod-related schemas: containers, volumes, scheduling and the Pod kind. */
import type { Schema } from './types'
import { arr, bool, enumStr, int, int64, intOrStr, keyedArr, obj, str, strMap, time, map, freeform, withx } from './builders'
import { conditions, kindSchema, labelSelector, localObjectReference, objectMeta, resourceRequirements } from './meta'

const keySel = (goName: string, what: string): Schema =>
  obj(
    { name: str(`Name of the ${what}.`), key: str(`Key to select.`), optional: bool(`Whether the ${what} or key may be missing.`) },
    { required: ['key'], goName, description: `Selects a key of a ${what}.` },
  )

/** Selects a key of a Secret. */
export const secretKeySelector = keySel('SecretKeySelector', 'secret')

/** An environment variable. */
export const envVar: Schema = obj(
  {
    name: str('Name of the variable.'),
    value: str('Value of the variable; $(VAR) references are expanded.'),
    valueFrom: obj(
      {
        secretKeyRef: secretKeySelector,
        configMapKeyRef: keySel('ConfigMapKeySelector', 'config map'),
        fieldRef: obj(
          { apiVersion: str('Version of the schema fieldPath is written in.'), fieldPath: str('Path of the field to select.') },
          { required: ['fieldPath'], goName: 'ObjectFieldSelector', description: 'Selects a field of the pod.' },
        ),
        resourceFieldRef: obj(
          { containerName: str('Container name.'), resource: str('Resource to select.'), divisor: intOrStr('Output format.') },
          { required: ['resource'], goName: 'ResourceFieldSelector', description: 'Selects a container resource.' },
        ),
      },
      { goName: 'EnvVarSource', description: 'Source of the value when value is empty.' },
    ),
  },
  { required: ['name'], goName: 'EnvVar', description: 'An environment variable of a container.' },
)

const httpGet = obj(
  {
    path: str('Path to request.'),
    port: intOrStr('Port number or name.'),
    host: str('Host to connect to; defaults to the pod IP.'),
    scheme: enumStr(['HTTP', 'HTTPS'], 'Scheme to use; defaults to HTTP.'),
    httpHeaders: arr(obj({ name: str(), value: str() }, { required: ['name', 'value'], goName: 'HTTPHeader' }), 'Custom headers.'),
  },
  { required: ['port'], goName: 'HTTPGetAction', description: 'An HTTP GET request.' },
)
const execAction = obj({ command: arr(str(), 'Command line to run in the container.') }, { goName: 'ExecAction', description: 'A command to run.' })
const tcpSocket = obj({ port: intOrStr('Port number or name.'), host: str('Host to connect to.') }, { required: ['port'], goName: 'TCPSocketAction' })

/** A liveness/readiness/startup probe. */
export const probe: Schema = obj(
  {
    exec: execAction,
    httpGet,
    tcpSocket,
    initialDelaySeconds: int('Seconds after start before the first probe.'),
    timeoutSeconds: int('Seconds before a probe times out; defaults to 1.', { minimum: 0 }),
    periodSeconds: int('Seconds between probes; defaults to 10.', { minimum: 0 }),
    successThreshold: int('Consecutive successes needed after a failure; defaults to 1.', { minimum: 0 }),
    failureThreshold: int('Consecutive failures before giving up; defaults to 3.', { minimum: 0 }),
    terminationGracePeriodSeconds: int64('Grace period used when the probe fails.'),
  },
  { goName: 'Probe', description: 'A health check performed against a container.' },
)

const handler = (goName: string) => obj({ exec: execAction, httpGet, tcpSocket }, { goName, description: 'Action to take.' })

/** Security options of a container. */
export const securityContext: Schema = obj(
  {
    privileged: bool('Run in privileged mode.'),
    runAsUser: int64('UID to run the entrypoint as.'),
    runAsGroup: int64('GID to run the entrypoint as.'),
    runAsNonRoot: bool('Require a non-root user.'),
    readOnlyRootFilesystem: bool('Mount the root filesystem read-only.'),
    allowPrivilegeEscalation: bool('Allow gaining more privileges than the parent process.'),
    capabilities: obj({ add: arr(str(), 'Added capabilities.'), drop: arr(str(), 'Dropped capabilities.') }, { goName: 'Capabilities' }),
    seLinuxOptions: freeform('SELinux context.'),
    seccompProfile: obj({ type: str('RuntimeDefault, Unconfined or Localhost.'), localhostProfile: str() }, { goName: 'SeccompProfile' }),
  },
  { goName: 'SecurityContext', description: 'Security options of a container.' },
)

/** One container of a pod. */
export const container: Schema = obj(
  {
    name: str('Name of the container, unique in the pod (DNS label).'),
    image: str('Container image name.'),
    imagePullPolicy: enumStr(['Always', 'Never', 'IfNotPresent'], 'When to pull the image.'),
    command: arr(str(), 'Entrypoint array; replaces the image ENTRYPOINT.'),
    args: arr(str(), 'Arguments to the entrypoint; replace the image CMD.'),
    workingDir: str('Working directory.'),
    env: keyedArr(envVar, 'name', 'Environment variables to set.'),
    envFrom: arr(
      obj({ prefix: str(), configMapRef: localObjectReference, secretRef: localObjectReference }, { goName: 'EnvFromSource' }),
      'Sources to populate environment variables from.',
    ),
    ports: keyedArr(
      obj(
        {
          name: str('IANA_SVC_NAME name of the port.'),
          containerPort: int('Port number on the pod IP.', { minimum: 1, maximum: 65535 }),
          hostPort: int('Port number on the host.'),
          protocol: enumStr(['TCP', 'UDP', 'SCTP'], 'Protocol; defaults to TCP.'),
          hostIP: str('Host IP to bind to.'),
        },
        { required: ['containerPort'], goName: 'ContainerPort', description: 'A network port of a container.' },
      ),
      'containerPort',
      'Ports exposed by the container.',
    ),
    resources: resourceRequirements,
    volumeMounts: keyedArr(
      obj(
        {
          name: str('Name of the volume.'),
          mountPath: str('Path in the container to mount at.'),
          subPath: str('Sub-path of the volume to mount.'),
          readOnly: bool('Mount read-only.'),
        },
        { required: ['name', 'mountPath'], goName: 'VolumeMount', description: 'A volume mounted in the container.' },
      ),
      'mountPath',
      'Volumes to mount into the container filesystem.',
    ),
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
    lifecycle: obj({ postStart: handler('LifecycleHandler'), preStop: handler('LifecycleHandler') }, { goName: 'Lifecycle', description: 'Hooks run on container events.' }),
    securityContext,
    terminationMessagePath: str('Path of the termination message file.'),
    terminationMessagePolicy: enumStr(['File', 'FallbackToLogsOnError'], 'How the termination message is filled.'),
    stdin: bool('Allocate a stdin buffer.'),
    tty: bool('Allocate a TTY.'),
  },
  { required: ['name'], goName: 'Container', description: 'A single application container run in a pod.' },
)

const keyToPath = arr(obj({ key: str(), path: str(), mode: int() }, { required: ['key', 'path'], goName: 'KeyToPath' }), 'Keys to project.')

/** A pod volume. */
export const volume: Schema = obj(
  {
    name: str('Name of the volume (DNS label).'),
    emptyDir: obj({ medium: str('Storage medium: "" or Memory.'), sizeLimit: intOrStr('Size limit.') }, { goName: 'EmptyDirVolumeSource', description: 'A temporary directory sharing the pod lifetime.' }),
    persistentVolumeClaim: obj(
      { claimName: str('Name of the claim in the pod namespace.'), readOnly: bool('Mount read-only.') },
      { required: ['claimName'], goName: 'PersistentVolumeClaimVolumeSource', description: 'A reference to a PersistentVolumeClaim.' },
    ),
    secret: obj(
      { secretName: str('Name of the secret.'), items: keyToPath, defaultMode: int('Mode bits of created files.'), optional: bool() },
      { goName: 'SecretVolumeSource', description: 'A secret to populate the volume.' },
    ),
    configMap: obj(
      { name: str('Name of the config map.'), items: keyToPath, defaultMode: int('Mode bits of created files.'), optional: bool() },
      { goName: 'ConfigMapVolumeSource', description: 'A config map to populate the volume.' },
    ),
    projected: obj(
      { sources: arr(freeform(), 'Volume projections.'), defaultMode: int('Mode bits of created files.') },
      { goName: 'ProjectedVolumeSource', description: 'Several sources projected into one directory.' },
    ),
    hostPath: obj({ path: str('Path on the host.'), type: str('Type of the host path.') }, { required: ['path'], goName: 'HostPathVolumeSource', description: 'A directory on the host.' }),
  },
  { required: ['name'], goName: 'Volume', description: 'A named volume that containers can mount.' },
)

/** A toleration of node taints. */
export const toleration: Schema = obj(
  {
    key: str('Taint key the toleration applies to; empty matches all keys.'),
    operator: enumStr(['Exists', 'Equal'], 'Relationship to the value; defaults to Equal.'),
    value: str('Taint value the toleration matches.'),
    effect: enumStr(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], 'Taint effect to match; empty matches all.'),
    tolerationSeconds: int64('How long a NoExecute taint is tolerated.'),
  },
  { goName: 'Toleration', description: 'Allows scheduling onto nodes with matching taints.' },
)

/** Tolerations (replaced as a whole by strategic merge patch). */
export const tolerations: Schema = arr(toleration, 'Tolerations of node taints.')

const nodeSelectorTerm = obj(
  {
    matchExpressions: arr(obj({ key: str(), operator: str(), values: arr(str()) }, { required: ['key', 'operator'], goName: 'NodeSelectorRequirement' }), 'Node label requirements.'),
    matchFields: arr(obj({ key: str(), operator: str(), values: arr(str()) }, { required: ['key', 'operator'], goName: 'NodeSelectorRequirement' }), 'Node field requirements.'),
  },
  { goName: 'NodeSelectorTerm', description: 'A node selector term; requirements are ANDed.' },
)
const podAffinityTerm = obj(
  {
    labelSelector,
    namespaces: arr(str(), 'Namespaces the selector applies to.'),
    namespaceSelector: labelSelector,
    topologyKey: str('Node label whose value defines the topology domain.'),
  },
  { required: ['topologyKey'], goName: 'PodAffinityTerm', description: 'Pods to be co-located with (or away from).' },
)
const weighted = (term: Schema, key: string) =>
  arr(obj({ weight: int('Weight in the range 1-100.', { minimum: 1, maximum: 100 }), [key]: term }, { required: ['weight', key], goName: 'WeightedPodAffinityTerm' }), 'Preferred terms; the scheduler favours nodes scoring best.')
const podAff = (goName: string, d: string) =>
  obj(
    {
      requiredDuringSchedulingIgnoredDuringExecution: arr(podAffinityTerm, 'Terms that must be met at scheduling time.'),
      preferredDuringSchedulingIgnoredDuringExecution: weighted(podAffinityTerm, 'podAffinityTerm'),
    },
    { goName, description: d },
  )

/** Scheduling affinity rules. */
export const affinity: Schema = obj(
  {
    nodeAffinity: obj(
      {
        requiredDuringSchedulingIgnoredDuringExecution: obj({ nodeSelectorTerms: arr(nodeSelectorTerm, 'Terms, ORed.') }, { required: ['nodeSelectorTerms'], goName: 'NodeSelector', description: 'Node requirements that must be met.' }),
        preferredDuringSchedulingIgnoredDuringExecution: arr(
          obj({ weight: int('Weight in the range 1-100.'), preference: nodeSelectorTerm }, { required: ['weight', 'preference'], goName: 'PreferredSchedulingTerm' }),
          'Preferred node terms.',
        ),
      },
      { goName: 'NodeAffinity', description: 'Node affinity rules.' },
    ),
    podAffinity: podAff('PodAffinity', 'Pod affinity rules.'),
    podAntiAffinity: podAff('PodAntiAffinity', 'Pod anti-affinity rules.'),
  },
  { goName: 'Affinity', description: 'Scheduling constraints.' },
)

/** Topology spread constraints. */
export const topologySpreadConstraints: Schema = keyedArr(
  obj(
    {
      maxSkew: int('Maximum allowed difference of matching pods between domains.', { minimum: 1 }),
      topologyKey: str('Node label key defining the domains.'),
      whenUnsatisfiable: enumStr(['DoNotSchedule', 'ScheduleAnyway'], 'What to do when the constraint cannot be met.'),
      labelSelector,
      minDomains: int('Minimum number of eligible domains.'),
    },
    { required: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'], goName: 'TopologySpreadConstraint', description: 'How to spread matching pods.' },
  ),
  'topologyKey',
  'How pods spread across topology domains.',
)

/** The pod specification. */
export const podSpec: Schema = obj(
  {
    containers: keyedArr(container, 'name', 'Containers of the pod; at least one.'),
    initContainers: keyedArr(container, 'name', 'Containers run to completion before the others start.'),
    volumes: withx(keyedArr(volume, 'name', 'Volumes that containers can mount.'), { 'x-kubernetes-patch-strategy': 'merge,retainKeys' }),
    nodeSelector: strMap('Labels a node must have to run the pod.'),
    nodeName: str('Node the pod is bound to.'),
    tolerations,
    affinity,
    topologySpreadConstraints,
    serviceAccountName: str('Service account the pod runs as.'),
    serviceAccount: str('Deprecated alias of serviceAccountName.'),
    automountServiceAccountToken: bool('Mount the service account token.'),
    priorityClassName: str('Priority class of the pod.'),
    priority: int('Priority value resolved from the priority class.'),
    terminationGracePeriodSeconds: int64('Seconds given to terminate gracefully; defaults to 30.', { minimum: 0 }),
    activeDeadlineSeconds: int64('Seconds the pod may run before it is failed.'),
    restartPolicy: enumStr(['Always', 'OnFailure', 'Never'], 'Restart policy of the containers.'),
    dnsPolicy: enumStr(['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], 'DNS policy of the pod.'),
    hostNetwork: bool('Use the host network namespace.'),
    hostPID: bool('Use the host PID namespace.'),
    schedulerName: str('Scheduler that schedules the pod.'),
    securityContext: freeform('Pod-level security attributes.'),
    imagePullSecrets: keyedArr(localObjectReference, 'name', 'Secrets used to pull images.'),
    runtimeClassName: str('RuntimeClass used to run the pod.'),
    hostname: str('Hostname of the pod.'),
    subdomain: str('Subdomain of the pod.'),
  },
  { required: ['containers'], goName: 'PodSpec', description: 'Specification of a pod.' },
)

/** A pod template (metadata + spec). */
export const podTemplateSpec: Schema = obj(
  { metadata: objectMeta, spec: podSpec },
  { goName: 'PodTemplateSpec', description: 'Describes the pods that will be created.' },
)

const containerState = obj(
  {
    waiting: obj({ reason: str(), message: str() }, { goName: 'ContainerStateWaiting' }),
    running: obj({ startedAt: time() }, { goName: 'ContainerStateRunning' }),
    terminated: obj(
      { exitCode: int(), signal: int(), reason: str(), message: str(), startedAt: time(), finishedAt: time(), containerID: str() },
      { required: ['exitCode'], goName: 'ContainerStateTerminated' },
    ),
  },
  { goName: 'ContainerState', description: 'State of a container.' },
)
const containerStatus = obj(
  {
    name: str('Container name.'),
    state: containerState,
    lastState: containerState,
    ready: bool('Whether the readiness probe passes.'),
    restartCount: int('Number of restarts.'),
    image: str('Image the container runs.'),
    imageID: str('Image digest.'),
    containerID: str('Runtime container id.'),
    started: bool('Whether the container has started.'),
  },
  { required: ['name', 'ready', 'restartCount', 'image', 'imageID'], goName: 'ContainerStatus', description: 'Status of one container.' },
)

/** Observed pod status. */
export const podStatus: Schema = obj(
  {
    phase: enumStr(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'], 'High-level lifecycle phase.'),
    conditions: conditions('Current service state of the pod.'),
    message: str('Why the pod is in this condition.'),
    reason: str('Brief reason for the state.'),
    hostIP: str('IP of the node.'),
    podIP: str('IP of the pod.'),
    podIPs: arr(obj({ ip: str() }, { goName: 'PodIP' }), 'IPs of the pod.'),
    startTime: time('Time the kubelet acknowledged the pod.'),
    containerStatuses: arr(containerStatus, 'Status of each container.'),
    initContainerStatuses: arr(containerStatus, 'Status of each init container.'),
    qosClass: str('Quality of service class.'),
    nominatedNodeName: str('Node nominated by preemption.'),
  },
  { goName: 'PodStatus', description: 'Most recently observed status of the pod.' },
)

/** The Pod kind. */
export const pod: Schema = kindSchema('Pod', 'A collection of containers that run on a host.', {
  spec: podSpec,
  status: podStatus,
})

/** A selector map used by services and replication controllers. */
export const selectorMap: Schema = map(str(), 'Label selector.')
