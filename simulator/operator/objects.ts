/**
 * The objects of the registry besides its Deployment (§5.1), in the apply order of §4.2: RBAC, ServiceAccount,
 * the pull-secret copy, the private configuration (S3 credentials file, §4.8), the Service, the PDB and routes.
 */
import type { KObject } from '../api/types'
import type { ControllerContext } from '../controllers/types'
import { b64decode, b64encode } from '../controllers/util'
import { NS, OWNED_ANNOTATION, PRIVATE_CONFIG, REGISTRY } from './names'
import { s3Credentials } from './storage'

const LABELS = { 'docker-registry': 'default' }

/** One object to apply: its resource key and desired state. */
export interface Generated {
  resource: string
  object: KObject
}

function clusterRole(): KObject {
  const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs })
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'system:registry' },
    rules: [
      rule([''], ['limitranges', 'resourcequotas'], ['list']),
      rule(['', 'image.openshift.io'], ['imagestreamimages', 'imagestreams/layers', 'imagestreams/secrets'], ['get']),
      rule(['', 'image.openshift.io'], ['imagestreams'], ['get', 'update']),
      rule(['', 'image.openshift.io'], ['imagestreamtags'], ['delete']),
      rule(['', 'image.openshift.io'], ['images'], ['get', 'update']),
      rule(['', 'image.openshift.io'], ['imagestreammappings'], ['create']),
      rule(['operator.openshift.io'], ['imagecontentsourcepolicies'], ['list']),
    ],
  }
}

function clusterRoleBinding(): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'registry-registry-role' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:registry' },
    subjects: [{ kind: 'ServiceAccount', name: 'registry', namespace: NS }],
  }
}

function pullSecret(ctx: ControllerContext): KObject {
  const src = ctx.api.tryGet('secrets', 'openshift-config', 'pull-secret')
  const data = src?.data?.['.dockerconfigjson'] ?? b64encode('{"auths":{}}')
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'installation-pull-secrets', namespace: NS }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': data } }
}

/** The secret the registry pod reads its storage credentials from (empty for filesystem storage). */
export function privateConfiguration(ctx: ControllerContext, spec: any): KObject {
  const data: Record<string, string> = {}
  if (spec.storage?.s3) {
    try {
      const c = s3Credentials(ctx)
      if (ctx.profile === '4.0') {
        data.REGISTRY_STORAGE_S3_ACCESSKEY = b64encode(c.accessKeyId)
        data.REGISTRY_STORAGE_S3_SECRETKEY = b64encode(c.secretAccessKey)
      } else data.credentials = b64encode(`[default]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\n`)
    } catch {
      // Storage sync already reported the missing credentials; the secret stays empty.
    }
  }
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: PRIVATE_CONFIG, namespace: NS }, type: 'Opaque', data }
}

/** The credentials the registry pods run with, read back from the private configuration secret. */
export function podS3Credentials(secret: KObject | undefined): { accessKeyId: string; secretAccessKey: string } | undefined {
  const d = secret?.data ?? {}
  if (d.REGISTRY_STORAGE_S3_ACCESSKEY) return { accessKeyId: b64decode(d.REGISTRY_STORAGE_S3_ACCESSKEY), secretAccessKey: b64decode(d.REGISTRY_STORAGE_S3_SECRETKEY ?? '') }
  if (!d.credentials) return undefined
  const text = b64decode(d.credentials)
  const get = (k: string) => new RegExp(`${k}\\s*=\\s*(\\S+)`).exec(text)?.[1] ?? ''
  return { accessKeyId: get('aws_access_key_id'), secretAccessKey: get('aws_secret_access_key') }
}

function service(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: REGISTRY, namespace: NS, labels: { ...LABELS }, annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': 'image-registry-tls' } },
    spec: { type: 'ClusterIP', selector: { ...LABELS }, sessionAffinity: 'None', ports: [{ name: '5000-tcp', port: 5000, protocol: 'TCP', targetPort: 5000 }] },
  }
}

function pdb(spec: any): KObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: REGISTRY, namespace: NS },
    spec: { minAvailable: (spec.replicas ?? 1) > 1 ? 1 : 0, selector: { matchLabels: { ...LABELS } } },
  }
}

/** A route of the registry; `secretName` contents are copied into its TLS block (throws when missing). */
function route(ctx: ControllerContext, name: string, host?: string, secretName?: string): KObject {
  const tls: any = { termination: 'reencrypt' }
  if (secretName) {
    const s = ctx.api.tryGet('secrets', NS, secretName)
    if (!s) throw new Error(`failed to create object *v1.Route, Namespace=${NS}, Name=${name}: secret "${secretName}" not found`)
    const get = (k: string) => (s.data?.[k] !== undefined ? b64decode(s.data[k]) : undefined)
    if (get('tls.crt') !== undefined) tls.certificate = get('tls.crt')
    if (get('tls.key') !== undefined) tls.key = get('tls.key')
    if (get('tls.cacrt') !== undefined) tls.caCertificate = get('tls.cacrt')
  }
  return {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name, namespace: NS, annotations: { [OWNED_ANNOTATION]: 'true' } },
    spec: { ...(host ? { host } : {}), to: { kind: 'Service', name: REGISTRY, weight: 100 }, tls, wildcardPolicy: 'None' },
  }
}

/** The names of the routes the spec asks for (default first). */
export function wantedRoutes(spec: any): string[] {
  return [...(spec.defaultRoute ? ['default-route'] : []), ...(spec.routes ?? []).map((r: any) => r.name)]
}

/** Objects applied before the Deployment, in order. */
export function objectsBeforeDeployment(ctx: ControllerContext, spec: any): Generated[] {
  return [
    { resource: 'clusterroles.rbac.authorization.k8s.io', object: clusterRole() },
    { resource: 'clusterrolebindings.rbac.authorization.k8s.io', object: clusterRoleBinding() },
    { resource: 'serviceaccounts', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'registry', namespace: NS } } },
    { resource: 'secrets', object: pullSecret(ctx) },
    { resource: 'secrets', object: privateConfiguration(ctx, spec) },
    { resource: 'services', object: service() },
  ]
}

/** Objects applied after the Deployment: the PDB, then each route (a route may throw: missing secret). */
export function objectsAfterDeployment(ctx: ControllerContext, spec: any): (() => Generated)[] {
  return [
    () => ({ resource: 'poddisruptionbudgets.policy', object: pdb(spec) }),
    ...(spec.defaultRoute ? [() => ({ resource: 'routes.route.openshift.io', object: route(ctx, 'default-route') })] : []),
    ...(spec.routes ?? []).map((r: any) => () => ({ resource: 'routes.route.openshift.io', object: route(ctx, r.name, r.hostname, r.secretName) })),
  ]
}

/** Everything the Removed state deletes, in order (§4.9). */
export function removableObjects(spec: any): [string, string | undefined, string][] {
  return [
    ['clusterroles.rbac.authorization.k8s.io', undefined, 'system:registry'],
    ['clusterrolebindings.rbac.authorization.k8s.io', undefined, 'registry-registry-role'],
    ['serviceaccounts', NS, 'registry'],
    ['secrets', NS, 'installation-pull-secrets'],
    ['secrets', NS, PRIVATE_CONFIG],
    ['services', NS, REGISTRY],
    ['deployments.apps', NS, REGISTRY],
    ['poddisruptionbudgets.policy', NS, REGISTRY],
    ...wantedRoutes(spec).map((n): [string, string, string] => ['routes.route.openshift.io', NS, n]),
  ]
}
