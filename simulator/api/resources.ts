/**
 * The resource registry: for every kind the simulated API server serves, its group, version, names, scope,
 * and how it is printed and validated. The RESTMapper-like `resolveResource` turns what a user types
 * (`po`, `deploy`, `configs.imageregistry`, `config.imageregistry.operator.openshift.io`) into one entry.
 */
import type { KObject, Profile } from './types'

export interface PrintContext {
  now: number
  profile: Profile
  /** looks up another object (e.g. a pod's node); undefined when missing */
  lookup(resource: string, namespace: string | undefined, name: string): KObject | undefined
}

/** One column of the server-side table (`oc get`). Priority 1 columns appear only with `-o wide`. */
export interface ColumnDef {
  name: string
  priority?: 0 | 1
  cell(obj: KObject, ctx: PrintContext): string
}

export interface ResourceType {
  /** registry key: plural for the core group, else `plural.group` */
  key: string
  group: string
  version: string
  kind: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** `oc get all` membership */
  categories: string[]
  /** status is written only through the status subresource */
  statusSubresource: boolean
  /** built-in (typed) kinds accept strategic merge patches; custom resources refuse them */
  builtin: boolean
  /** discovery priority used to break ties between groups (higher first) */
  priority: number
  /** apiVersion as printed, when it differs per profile (4.0 served deployments as extensions/v1beta1) */
  apiVersionByProfile?: Partial<Record<Profile, string>>
  /** the kind tracks `metadata.generation` (workloads, custom resources); others leave it unset */
  generation: boolean
  /** served from another resource (Project is a view of Namespace) */
  viewOf?: string
  /** absent on a profile (e.g. imagepruners did not exist in 4.0) */
  profiles?: Profile[]
}

export function apiVersionOf(rt: ResourceType, profile: Profile): string {
  return rt.apiVersionByProfile?.[profile] ?? (rt.group ? `${rt.group}/${rt.version}` : rt.version)
}

/** `pods`, `deployments.apps`, `configs.imageregistry.operator.openshift.io`: the name used in errors. */
export function qualifiedName(rt: ResourceType): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural
}

/** `pod`, `deployment.apps`, `config.imageregistry.operator.openshift.io`: the `-o name` / `kind/name` prefix. */
export function kindPrefix(rt: ResourceType): string {
  const k = rt.kind.toLowerCase()
  return rt.group ? `${k}.${rt.group}` : k
}

type Def = Omit<ResourceType, 'key' | 'categories' | 'statusSubresource' | 'builtin' | 'priority' | 'shortNames' | 'generation'> &
  Partial<Pick<ResourceType, 'categories' | 'statusSubresource' | 'builtin' | 'priority' | 'shortNames' | 'generation'>>

const WITH_GENERATION = new Set(['deployments', 'replicasets', 'daemonsets', 'jobs', 'cronjobs', 'poddisruptionbudgets', 'imagestreams'])

// Discovery priorities: built-in groups first, then openshift-apiserver groups (9900), then CRD groups (1000).
const CORE = 20000
const BUILTIN = 15000
const OPENSHIFT_API = 9900
const CRD = 1000

const DEFS: Def[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false, priority: CORE },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, priority: CORE },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, categories: ['all'], priority: CORE },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, categories: ['all'], priority: CORE },
  { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true, priority: CORE, statusSubresource: false },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true, priority: CORE, statusSubresource: false },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true, priority: CORE, statusSubresource: false },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true, priority: CORE, statusSubresource: false },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true, priority: CORE },
  { group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], namespaced: false, priority: CORE },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true, priority: CORE, statusSubresource: false },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, categories: ['all'], priority: BUILTIN + 900, apiVersionByProfile: { '4.0': 'extensions/v1beta1' } },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, categories: ['all'], priority: BUILTIN + 900, apiVersionByProfile: { '4.0': 'extensions/v1beta1' } },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, categories: ['all'], priority: BUILTIN + 900, apiVersionByProfile: { '4.0': 'extensions/v1beta1' } },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', singular: 'job', namespaced: true, categories: ['all'], priority: BUILTIN + 600 },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], namespaced: true, categories: ['all'], priority: BUILTIN + 600, apiVersionByProfile: { '4.0': 'batch/v1beta1' } },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'], namespaced: true, priority: BUILTIN + 400, apiVersionByProfile: { '4.0': 'policy/v1beta1' } },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', namespaced: false, priority: BUILTIN + 300, statusSubresource: false },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', namespaced: false, priority: BUILTIN + 300, statusSubresource: false },
  { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], namespaced: false, priority: BUILTIN + 200, statusSubresource: false },
  { group: 'project.openshift.io', version: 'v1', kind: 'Project', plural: 'projects', singular: 'project', namespaced: false, priority: OPENSHIFT_API, builtin: true, viewOf: 'namespaces' },
  { group: 'route.openshift.io', version: 'v1', kind: 'Route', plural: 'routes', singular: 'route', namespaced: true, categories: ['all'], priority: OPENSHIFT_API, builtin: true },
  { group: 'image.openshift.io', version: 'v1', kind: 'ImageStream', plural: 'imagestreams', singular: 'imagestream', shortNames: ['is'], namespaced: true, categories: ['all'], priority: OPENSHIFT_API, builtin: true },
  { group: 'image.openshift.io', version: 'v1', kind: 'ImageStreamTag', plural: 'imagestreamtags', singular: 'imagestreamtag', shortNames: ['istag'], namespaced: true, priority: OPENSHIFT_API, builtin: true, statusSubresource: false },
  { group: 'image.openshift.io', version: 'v1', kind: 'Image', plural: 'images', singular: 'image', namespaced: false, priority: OPENSHIFT_API, builtin: true, statusSubresource: false },
  { group: 'config.openshift.io', version: 'v1', kind: 'ClusterOperator', plural: 'clusteroperators', singular: 'clusteroperator', shortNames: ['co'], namespaced: false, priority: CRD },
  { group: 'config.openshift.io', version: 'v1', kind: 'ClusterVersion', plural: 'clusterversions', singular: 'clusterversion', namespaced: false, priority: CRD },
  { group: 'config.openshift.io', version: 'v1', kind: 'Infrastructure', plural: 'infrastructures', singular: 'infrastructure', namespaced: false, priority: CRD },
  { group: 'config.openshift.io', version: 'v1', kind: 'Proxy', plural: 'proxies', singular: 'proxy', namespaced: false, priority: CRD },
  { group: 'config.openshift.io', version: 'v1', kind: 'Image', plural: 'images', singular: 'image', namespaced: false, priority: CRD },
  // 4.0 had no status subresource on the registry config: the operator wrote status with a plain update.
  { group: 'imageregistry.operator.openshift.io', version: 'v1', kind: 'Config', plural: 'configs', singular: 'config', namespaced: false, priority: CRD },
  { group: 'imageregistry.operator.openshift.io', version: 'v1', kind: 'ImagePruner', plural: 'imagepruners', singular: 'imagepruner', namespaced: false, priority: CRD, profiles: ['4.12'] },
]

function build(d: Def): ResourceType {
  const isCrd = d.priority === CRD
  return {
    shortNames: [],
    categories: [],
    statusSubresource: true,
    builtin: !isCrd,
    generation: isCrd || WITH_GENERATION.has(d.plural),
    ...d,
    key: d.group ? `${d.plural}.${d.group}` : d.plural,
  } as ResourceType
}

/** All resource types, in discovery order (priority, then group name). */
export const RESOURCE_TYPES: ResourceType[] = DEFS.map(build).sort(
  (a, b) => b.priority - a.priority || a.group.localeCompare(b.group),
)

const BY_KEY = new Map(RESOURCE_TYPES.map((r) => [r.key, r]))

/** The entry for a registry key; throws for an unknown key (a programming error, not a user error). */
export function resourceByKey(key: string): ResourceType {
  const rt = BY_KEY.get(key)
  if (!rt) throw new Error(`unknown resource key ${key}`)
  return rt
}

export function servedOn(rt: ResourceType, profile: Profile): boolean {
  return !rt.profiles || rt.profiles.includes(profile)
}

/** The entry serving `apiVersion`+`kind` (for `oc create -f`), accepting the 4.0-era group aliases. */
export function resourceForKind(apiVersion: string, kind: string, profile: Profile): ResourceType | undefined {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : ''
  const aliases: Record<string, string> = { extensions: 'apps' }
  const g = aliases[group] ?? group
  return RESOURCE_TYPES.find((r) => r.kind === kind && (r.group === g || (group === 'extensions' && r.group === 'apps')) && servedOn(r, profile))
}

export class UnknownResourceError extends Error {
  constructor(readonly typed: string, message: string) {
    super(message)
  }
}

/**
 * RESTMapper resolution of a typed resource name: plural, singular, short name or kind (any case), optionally
 * followed by `.version.group`, `.group`, or a group prefix (`configs.imageregistry`).
 */
export function resolveResource(typed: string, profile: Profile): ResourceType {
  const lower = typed.toLowerCase()
  const served = RESOURCE_TYPES.filter((r) => servedOn(r, profile))
  const names = (r: ResourceType) => [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames]
  const exact = served.find((r) => names(r).includes(lower))
  if (exact) return exact
  const dot = lower.indexOf('.')
  if (dot > 0) {
    const res = lower.slice(0, dot)
    let rest = lower.slice(dot + 1)
    const candidates = served.filter((r) => names(r).includes(res) && !r.shortNames.includes(res))
    // resource.version.group
    const vg = rest.match(/^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/)
    if (vg) {
      const byVersion = candidates.find((r) => r.group === vg[2] && r.version === vg[1])
      if (byVersion) return byVersion
    }
    const byGroup = candidates.find((r) => r.group === rest)
    if (byGroup) return byGroup
    const byPrefix = candidates.find((r) => r.group.startsWith(rest))
    if (byPrefix) return byPrefix
    if (rest === 'extensions' || rest.startsWith('v1beta1.extensions')) {
      const ext = candidates.find((r) => r.group === 'apps')
      if (ext) return ext
    }
    if (vg) rest = vg[2]
    throw new UnknownResourceError(typed, `the server doesn't have a resource type "${res}" in group "${rest}"`)
  }
  throw new UnknownResourceError(typed, `the server doesn't have a resource type "${typed}"`)
}
