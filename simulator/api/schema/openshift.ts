/** OpenShift kinds: routes, config.openshift.io and image.openshift.io. */
import type { Schema } from './types'
import { arr, bool, enumStr, freeform, int, int64, intOrStr, keyedArr, obj, str, strMap, time } from './builders'
import { conditions, kindSchema, objectReference } from './meta'

/** The Route kind (route.openshift.io). */
export const route: Schema = kindSchema(
  'Route',
  'Exposes a service at a host name so external clients can reach it.',
  {
    spec: obj(
      {
        host: str('Host name the route answers on; generated when empty.'),
        subdomain: str('Subdomain used to generate the host.'),
        path: str('Path the router matches for path-based routing.'),
        to: obj(
          {
            kind: enumStr(['Service', ''], 'Kind of the target; defaults to Service.'),
            name: str('Name of the target service.'),
            weight: int('Relative weight of the target.', { minimum: 0, maximum: 256 }),
          },
          { required: ['kind', 'name'], goName: 'RouteTargetReference', description: 'The service the route points to.' },
        ),
        alternateBackends: arr(obj({ kind: str(), name: str(), weight: int() }, { required: ['kind', 'name'], goName: 'RouteTargetReference' }), 'Extra weighted backends.'),
        port: obj({ targetPort: intOrStr('Target port on the service pods, by number or name.') }, { required: ['targetPort'], goName: 'RoutePort', description: 'Port of the target to use.' }),
        tls: obj(
          {
            termination: enumStr(['edge', 'reencrypt', 'passthrough'], 'Where TLS is terminated.'),
            certificate: str('PEM certificate served by the router.'),
            key: str('PEM key of the certificate.'),
            caCertificate: str('PEM CA chain of the certificate.'),
            destinationCACertificate: str('CA used to verify the backend for reencrypt routes.'),
            insecureEdgeTerminationPolicy: enumStr(['Allow', 'None', 'Redirect', ''], 'What to do with plain HTTP traffic.'),
          },
          { required: ['termination'], goName: 'TLSConfig', description: 'TLS settings of the route.' },
        ),
        wildcardPolicy: enumStr(['None', 'Subdomain', ''], 'Whether the route admits wildcard hosts.'),
      },
      { required: ['to'], goName: 'RouteSpec', description: 'Desired state of the route.' },
    ),
    status: obj(
      {
        ingress: arr(
          obj(
            {
              host: str('Host admitted by the router.'),
              routerName: str('Name of the router.'),
              routerCanonicalHostname: str('Canonical host of the router.'),
              wildcardPolicy: str(),
              conditions: conditions('Admission state of the route.'),
            },
            { goName: 'RouteIngress', description: 'Admission of the route by one router.' },
          ),
          'Places where the route is exposed.',
        ),
      },
      { goName: 'RouteStatus', description: 'Current state of the route.' },
    ),
  },
)

const operandVersion = obj({ name: str('Name of the operand.'), version: str('Version of the operand.') }, { required: ['name', 'version'], goName: 'OperandVersion' })

/** The ClusterOperator kind (config.openshift.io). */
export const clusterOperator: Schema = kindSchema('ClusterOperator', 'Reports the state of an operator managing a cluster component.', {
  spec: obj({}, { goName: 'ClusterOperatorSpec', description: 'Empty; the object is status only.' }),
  status: obj(
    {
      conditions: conditions('Available, Progressing and Degraded states of the operator.'),
      versions: arr(operandVersion, 'Versions of the operands.'),
      relatedObjects: arr(
        obj({ group: str(), resource: str(), namespace: str(), name: str() }, { required: ['group', 'resource', 'name'], goName: 'ObjectReference' }),
        'Objects useful for debugging the operator.',
      ),
      extension: freeform('Operator-specific status.', true),
    },
    { goName: 'ClusterOperatorStatus', description: 'Observed state of the operator.' },
  ),
})

const release = obj({ version: str(), image: str(), url: str(), channels: arr(str()) }, { goName: 'Release' })

/** The ClusterVersion kind (config.openshift.io). */
export const clusterVersion: Schema = kindSchema('ClusterVersion', 'The desired and current version of the cluster.', {
  spec: obj(
    {
      clusterID: str('Unique id of the cluster.'),
      channel: str('Update channel.'),
      upstream: str('Update server URL.'),
      desiredUpdate: obj({ version: str(), image: str(), force: bool() }, { goName: 'Update' }),
      overrides: arr(freeform(), 'Objects the CVO no longer manages.'),
    },
    { required: ['clusterID'], goName: 'ClusterVersionSpec', description: 'Desired state of the cluster version.' },
  ),
  status: obj(
    {
      desired: release,
      history: arr(
        obj({ state: str(), startedTime: time(), completionTime: time(), version: str(), image: str(), verified: bool() }, { goName: 'UpdateHistory' }),
        'Updates applied to the cluster.',
      ),
      observedGeneration: int64(),
      versionHash: str(),
      conditions: conditions(),
      availableUpdates: arr(release, 'Updates the cluster may move to.', { nullable: true }),
    },
    { goName: 'ClusterVersionStatus' },
  ),
})

/** The Infrastructure kind (config.openshift.io). */
export const infrastructure: Schema = kindSchema('Infrastructure', 'Cluster-wide infrastructure information.', {
  spec: obj({ cloudConfig: obj({ name: str(), key: str() }, { goName: 'ConfigMapFileReference' }), platformSpec: freeform('Platform-specific configuration.') }, { goName: 'InfrastructureSpec' }),
  status: obj(
    {
      infrastructureName: str('Unique name of the cluster infrastructure.'),
      platform: str('Underlying platform (AWS, BareMetal, None...).'),
      platformStatus: freeform('Platform-specific status (type, aws.region...).'),
      etcdDiscoveryDomain: str(),
      apiServerURL: str('URL of the API server.'),
      apiServerInternalURI: str('Internal URL of the API server.'),
      controlPlaneTopology: str('HighlyAvailable or SingleReplica.'),
      infrastructureTopology: str('HighlyAvailable or SingleReplica.'),
    },
    { goName: 'InfrastructureStatus' },
  ),
})

/** The Proxy kind (config.openshift.io). */
export const proxy: Schema = kindSchema('Proxy', 'Cluster-wide proxy settings.', {
  spec: obj(
    {
      httpProxy: str('Proxy URL for HTTP requests.'),
      httpsProxy: str('Proxy URL for HTTPS requests.'),
      noProxy: str('Comma-separated hosts that bypass the proxy.'),
      readinessEndpoints: arr(str(), 'URLs used to check the proxy.'),
      trustedCA: obj({ name: str() }, { required: ['name'], goName: 'ConfigMapNameReference' }),
    },
    { goName: 'ProxySpec' },
  ),
  status: obj({ httpProxy: str(), httpsProxy: str(), noProxy: str() }, { goName: 'ProxyStatus' }),
})

/** The Image kind of config.openshift.io (cluster image policy). */
export const imageConfig: Schema = kindSchema('Image', 'Cluster-wide image settings.', {
  spec: obj(
    {
      allowedRegistriesForImport: arr(obj({ domainName: str(), insecure: bool() }, { goName: 'RegistryLocation' }), 'Registries users may import from.'),
      externalRegistryHostnames: arr(str(), 'Host names the registry is reachable at from outside.'),
      additionalTrustedCA: obj({ name: str() }, { required: ['name'], goName: 'ConfigMapNameReference', description: 'ConfigMap with extra CAs keyed by registry host.' }),
      registrySources: obj({ insecureRegistries: arr(str()), blockedRegistries: arr(str()), allowedRegistries: arr(str()) }, { goName: 'RegistrySources' }),
    },
    { goName: 'ImageSpec' },
  ),
  status: obj(
    { internalRegistryHostname: str('Host name of the internal registry.'), externalRegistryHostnames: arr(str()) },
    { goName: 'ImageStatus' },
  ),
})

const tagReference = obj(
  {
    name: str('Name of the tag.'),
    annotations: strMap(),
    from: objectReference,
    reference: bool('Whether the tag only references the source.'),
    generation: int64(),
    importPolicy: obj({ insecure: bool(), scheduled: bool(), importMode: str() }, { goName: 'TagImportPolicy' }),
    referencePolicy: obj({ type: enumStr(['Source', 'Local']) }, { required: ['type'], goName: 'TagReferencePolicy' }),
  },
  { required: ['name'], goName: 'TagReference', description: 'A tag specification.' },
)
const tagEvent = obj({ created: time(), dockerImageReference: str(), image: str(), generation: int64() }, { required: ['created', 'dockerImageReference', 'image', 'generation'], goName: 'TagEvent' })

/** The ImageStream kind (image.openshift.io). */
export const imageStream: Schema = kindSchema('ImageStream', 'A set of tags pointing at images.', {
  spec: obj(
    {
      lookupPolicy: obj({ local: bool('Resolve short names to this stream.') }, { required: ['local'], goName: 'ImageLookupPolicy' }),
      dockerImageRepository: str('Deprecated external repository.'),
      tags: keyedArr(tagReference, 'name', 'Tags of the stream.'),
    },
    { goName: 'ImageStreamSpec' },
  ),
  status: obj(
    {
      dockerImageRepository: str('Internal registry repository of the stream.'),
      publicDockerImageRepository: str('External registry repository of the stream.'),
      tags: arr(obj({ tag: str(), items: arr(tagEvent), conditions: arr(freeform()) }, { required: ['tag', 'items'], goName: 'NamedTagEventList' }), 'History of each tag.'),
    },
    { required: ['dockerImageRepository'], goName: 'ImageStreamStatus' },
  ),
})

/** The Image kind of image.openshift.io. */
export const image: Schema = kindSchema('Image', 'An immutable container image known to the cluster.', {
  dockerImageReference: str('Pull spec of the image.'),
  dockerImageMetadata: freeform('Image configuration metadata.'),
  dockerImageMetadataVersion: str(),
  dockerImageManifest: str(),
  dockerImageManifestMediaType: str(),
  dockerImageLayers: arr(obj({ name: str(), size: int64(), mediaType: str() }, { required: ['name', 'size', 'mediaType'], goName: 'ImageLayer' }), 'Layers of the image.'),
  dockerImageSignatures: arr(str()),
})

/** The ImageStreamTag kind (image.openshift.io). */
export const imageStreamTag: Schema = kindSchema('ImageStreamTag', 'A tag of an image stream and the image it points to.', {
  tag: tagReference,
  generation: int64(),
  lookupPolicy: obj({ local: bool() }, { required: ['local'], goName: 'ImageLookupPolicy' }),
  conditions: arr(freeform()),
  image,
})
