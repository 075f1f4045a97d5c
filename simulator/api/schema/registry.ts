/** imageregistry.operator.openshift.io kinds: Config (4.12 and 4.0 shapes) and ImagePruner. */
import type { Schema } from './types'
import { arr, bool, duration, enumStr, freeform, int, int64, obj, str, strMap, time, withx } from './builders'
import { kindSchema, resourceRequirements } from './meta'
import { affinity, secretKeySelector, tolerations, topologySpreadConstraints, volume } from './pod'

const MANAGEMENT_STATE = '^(Managed|Unmanaged|Force|Removed)$'
const LOG_LEVELS = ['', 'Normal', 'Debug', 'Trace', 'TraceAll']

const managementState = str('Whether and how the operator manages the component (Managed, Unmanaged, Force, Removed).', { pattern: MANAGEMENT_STATE })
const logLevel = (what: string) => enumStr(LOG_LEVELS, `Log verbosity of the ${what}: Normal, Debug, Trace or TraceAll.`, { default: 'Normal' })

const proxy = obj(
  {
    http: str('Proxy URL for plain HTTP connections.'),
    https: str('Proxy URL for HTTPS connections.'),
    noProxy: str('Comma-separated hosts that bypass the proxy.'),
  },
  { goName: 'ImageRegistryConfigProxy', description: 'Proxy used by the registry to reach the storage backend.' },
)

const limits = (what: string) =>
  obj(
    {
      maxRunning: int(`Maximum ${what} requests running in parallel.`),
      maxInQueue: int(`Maximum ${what} requests waiting in the queue.`),
      maxWaitInQueue: duration(`Maximum time a ${what} request may wait in the queue.`),
    },
    { goName: 'ImageRegistryConfigRequestsLimits', description: `Limits on ${what} requests.` },
  )

const requests = obj(
  { read: limits('read'), write: limits('write') },
  { goName: 'ImageRegistryConfigRequests', description: 'Limits on concurrent requests to the registry.' },
)

const routes = arr(
  obj(
    {
      name: str('Name of the route to create.'),
      hostname: str('Host name of the route.'),
      secretName: str('Secret holding the TLS certificate, key and CA of the route.'),
    },
    { required: ['name'], goName: 'ImageRegistryConfigRoute', description: 'An extra route exposing the registry.' },
  ),
  'Extra routes created for the registry.',
)

const s3Base = {
  bucket: str('Bucket name; generated when empty.'),
  region: str('AWS region of the bucket.'),
  regionEndpoint: str('Endpoint for S3-compatible storage services.'),
  encrypt: bool('Whether the registry stores images encrypted.'),
  keyID: str('KMS key id used for encryption.'),
}

const conditionList = arr(
  obj(
    {
      type: str('Type of the condition.'),
      status: str('True, False or Unknown.'),
      reason: str('Machine-readable reason.'),
      message: str('Human-readable message.'),
      lastTransitionTime: time('Last time the status changed.'),
    },
    { goName: 'OperatorCondition', description: 'A condition of the operator.' },
  ),
  'Conditions of the operator.',
)

const generations = arr(
  obj(
    {
      group: str(), resource: str(), namespace: str(), name: str(),
      lastGeneration: int64('Generation last acted upon.'),
      hash: str('Hash of the applied content.'),
    },
    { goName: 'GenerationStatus', description: 'Last generation of a managed workload.' },
  ),
  'Generations of the workloads the operator manages.',
)

/** `spec.storage` of the 4.12 Config. */
function storage412(goName: string): Schema {
  return obj(
    {
      emptyDir: obj({}, { goName: 'ImageRegistryConfigStorageEmptyDir', description: 'Ephemeral storage; images are lost when the pod restarts. Not for more than one replica.' }),
      pvc: obj({ claim: str('Name of the claim; image-registry-storage is created when empty.') }, { goName: 'ImageRegistryConfigStoragePVC', description: 'Storage on a persistent volume claim.' }),
      s3: obj(
        {
          ...s3Base,
          cloudFront: obj(
            {
              baseURL: str('Base URL of the CloudFront distribution.'),
              privateKey: secretKeySelector,
              keypairID: str('Id of the CloudFront key pair.'),
              duration: duration('Lifetime of signed URLs.'),
            },
            { required: ['baseURL', 'keypairID', 'privateKey'], goName: 'ImageRegistryConfigStorageS3CloudFront', description: 'Serve blobs through CloudFront.' },
          ),
          virtualHostedStyle: bool('Use virtual-hosted-style bucket URLs.'),
          trustedCA: obj(
            {
              name: str('Name of a ConfigMap in openshift-config holding the CA bundle.', {
                maxLength: 253,
                pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
              }),
            },
            { goName: 'S3TrustedCASource', description: 'Extra CA bundle trusted for the S3 endpoint.' },
          ),
        },
        { goName: 'ImageRegistryConfigStorageS3', description: 'AWS S3 (or S3-compatible) storage.' },
      ),
      gcs: obj(
        { bucket: str('Bucket name.'), region: str('Region of the bucket.'), projectID: str('GCP project id.'), keyID: str('KMS key id.') },
        { goName: 'ImageRegistryConfigStorageGCS', description: 'Google Cloud Storage.' },
      ),
      swift: obj(
        {
          authURL: str('URL of the authentication service.'), authVersion: str('Keystone API version.'), container: str('Swift container.'),
          domain: str(), domainID: str(), tenant: str(), tenantID: str(), regionName: str(),
        },
        { goName: 'ImageRegistryConfigStorageSwift', description: 'OpenStack Swift storage.' },
      ),
      azure: obj(
        {
          accountName: str('Storage account name.'),
          container: str('Blob container name.', { minLength: 3, maxLength: 63, pattern: '^[0-9a-z]+(-[0-9a-z]+)*$' }),
          cloudName: str('Azure cloud environment.'),
        },
        { goName: 'ImageRegistryConfigStorageAzure', description: 'Azure Blob storage.' },
      ),
      ibmcos: obj(
        {
          bucket: str('Bucket name.'), location: str('IBM Cloud location.'), resourceGroupName: str('Resource group name.'),
          resourceKeyCRN: str('CRN of the resource key.', { pattern: '^crn:.+:.+:.+:cloud-object-storage:.+:.+:.+:resource-key:.+$' }),
          serviceInstanceCRN: str('CRN of the service instance.', { pattern: '^crn:.+:.+:.+:cloud-object-storage:.+:.+:.+::$' }),
        },
        { goName: 'ImageRegistryConfigStorageIBMCOS', description: 'IBM Cloud Object Storage.' },
      ),
      oss: obj(
        {
          bucket: str('Bucket name.', { minLength: 3, maxLength: 63, pattern: '^[0-9a-z]+(-[0-9a-z]+)*$' }),
          region: str('Alibaba Cloud region.'),
          endpointAccessibility: enumStr(['Internal', 'Public', ''], 'Whether the internal endpoint is used.', { default: 'Internal' }),
          encryption: obj(
            {
              method: enumStr(['KMS', 'AES256'], 'Server-side encryption method.', { default: 'AES256' }),
              kms: obj({ keyID: str('KMS key id.', { minLength: 1 }) }, { required: ['keyID'], goName: 'KMSEncryptionAlibaba' }),
            },
            { goName: 'EncryptionAlibaba', description: 'Server-side encryption settings.' },
          ),
        },
        { goName: 'ImageRegistryConfigStorageAlibabaOSS', description: 'Alibaba Cloud OSS storage.' },
      ),
      managementState: str('Managed: the operator manages the storage and deletes it on removal. Unmanaged: never touched.', { pattern: '^(Managed|Unmanaged)$' }),
    },
    { goName, description: 'Storage backend of the registry; exactly one must be set.' },
  )
}

/** `spec.storage` of the 4.0-era Config. */
function storage40(goName: string): Schema {
  const { name: _n, ...sources } = volume.properties!
  return obj(
    {
      azure: obj({ container: str('Blob container name.') }, { goName: 'ImageRegistryConfigStorageAzure', description: 'Azure Blob storage.' }),
      filesystem: obj(
        { volumeSource: obj(sources, { goName: 'VolumeSource', description: 'Volume holding the registry data.' }) },
        { goName: 'ImageRegistryConfigStorageFilesystem', description: 'Storage on a pod volume.' },
      ),
      gcs: obj({ bucket: str('Bucket name.') }, { goName: 'ImageRegistryConfigStorageGCS', description: 'Google Cloud Storage.' }),
      s3: obj(s3Base, { goName: 'ImageRegistryConfigStorageS3', description: 'AWS S3 storage.' }),
      swift: obj({ authURL: str('URL of the authentication service.'), container: str('Swift container.') }, { goName: 'ImageRegistryConfigStorageSwift', description: 'OpenStack Swift storage.' }),
    },
    { goName, description: 'Storage backend of the registry.' },
  )
}

const configDescription = 'Configuration of the integrated image registry managed by the registry operator.'

/** The 4.12 `configs.imageregistry.operator.openshift.io` schema. */
export const config412: Schema = kindSchema(
  'Config',
  configDescription,
  {
    spec: obj(
      {
        managementState,
        logLevel: logLevel('registry'),
        operatorLogLevel: logLevel('operator'),
        unsupportedConfigOverrides: freeform('Unsupported overrides; may break upgrades.', true),
        observedConfig: freeform('Sparse config observed from the cluster.', true),
        httpSecret: str('Secret used to sign upload state; generated when empty.'),
        proxy,
        storage: storage412('ImageRegistryConfigStorage'),
        readOnly: bool('Put the registry in read-only mode.'),
        disableRedirect: bool('Serve blobs through the registry instead of redirecting to the storage.'),
        requests,
        defaultRoute: bool('Create the default-route route for external access.'),
        routes,
        replicas: int('Number of registry replicas.'),
        logging: int64('Deprecated registry log level; use logLevel.'),
        resources: resourceRequirements,
        nodeSelector: strMap('Node labels the registry pods must run on.'),
        tolerations,
        rolloutStrategy: str('Rollout strategy of the registry deployment: RollingUpdate or Recreate.', { pattern: '^(RollingUpdate|Recreate)$' }),
        affinity,
        topologySpreadConstraints: withx(topologySpreadConstraints, { description: 'How registry pods spread across topology domains.' }),
      },
      { required: ['replicas'], goName: 'ImageRegistrySpec', description: 'Desired configuration of the registry.' },
    ),
    status: obj(
      {
        observedGeneration: int64('Last generation seen by the operator.'),
        conditions: conditionList,
        version: str('Level the operator is at.'),
        readyReplicas: int('Ready registry pods.'),
        latestAvailableRevision: int('Latest deployment revision.'),
        generations,
        storageManaged: bool('Deprecated: whether the operator manages the storage.'),
        storage: storage412('ImageRegistryConfigStorage'),
      },
      { required: ['storage', 'storageManaged'], goName: 'ImageRegistryStatus', description: 'Observed state of the registry.' },
    ),
  },
  ['spec'],
)

/** The 4.0-era `configs.imageregistry.operator.openshift.io` schema (object `instance`). */
export const config40: Schema = kindSchema(
  'Config',
  configDescription,
  {
    spec: obj(
      {
        managementState,
        httpSecret: str('Secret used to sign upload state; generated when empty.'),
        proxy,
        storage: storage40('ImageRegistryConfigStorage'),
        requests,
        defaultRoute: bool('Create the default route for external access.'),
        routes,
        replicas: int('Number of registry replicas.'),
        logging: int64('Registry log level, 0 (lowest) to 3 (highest).'),
        resources: resourceRequirements,
        nodeSelector: strMap('Node labels the registry pods must run on.'),
      },
      { required: ['managementState'], goName: 'ImageRegistrySpec', description: 'Desired configuration of the registry.' },
    ),
    status: obj(
      {
        observedGeneration: int64('Last generation seen by the operator.'),
        conditions: conditionList,
        version: str('Level the operator is at.'),
        readyReplicas: int('Ready registry pods.'),
        generations: withx(generations, { nullable: true }),
        internalRegistryHostname: str('Host name of the registry inside the cluster.'),
        storageManaged: bool('Whether the operator manages the storage.'),
        storage: storage40('ImageRegistryConfigStorage'),
      },
      { goName: 'ImageRegistryStatus', description: 'Observed state of the registry.' },
    ),
  },
  ['spec'],
)

/** The `imagepruners.imageregistry.operator.openshift.io` schema. */
export const imagePruner: Schema = kindSchema(
  'ImagePruner',
  'Configuration of the automatic image pruner run by the registry operator.',
  {
    spec: obj(
      {
        schedule: str('Cron schedule of the pruner job; defaults to 0 0 * * *.'),
        suspend: bool('Suspend the pruner job.'),
        keepTagRevisions: int('Revisions of each tag to keep.'),
        keepYoungerThan: int64('Deprecated: nanoseconds an image must be old before pruning.'),
        keepYoungerThanDuration: duration('Minimum age of an image before pruning.'),
        resources: resourceRequirements,
        affinity,
        nodeSelector: strMap('Node labels the pruner pods must run on.'),
        tolerations,
        successfulJobsHistoryLimit: int('Successful jobs kept.'),
        failedJobsHistoryLimit: int('Failed jobs kept.'),
        ignoreInvalidImageReferences: bool('Ignore invalid image references while pruning.'),
        logLevel: logLevel('pruner'),
      },
      { goName: 'ImagePrunerSpec', description: 'Desired configuration of the pruner.' },
    ),
    status: obj(
      { observedGeneration: int64('Last generation seen by the operator.'), conditions: conditionList },
      { goName: 'ImagePrunerStatus', description: 'Observed state of the pruner.' },
    ),
  },
  ['spec'],
)

