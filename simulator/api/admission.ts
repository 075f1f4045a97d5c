/**
 * Schema admission for the API server: the resource schemas (one source of truth, also used by the editor and
 * `oc explain`) prune, default and validate every write, with the real server's error shapes.
 */
import { ApiError, invalid, type StatusCause } from './errors'
import { qualifiedName } from './resources'
import type { Admission } from './server'
import type { ResourceType } from './resources'
import type { KObject } from './types'
import { admitObject, DecodeError, getSchema, validateName } from './schema'

/** Kinds whose names must be DNS-1123 labels rather than subdomains. */
const LABEL_NAMED = new Set(['namespaces', 'services', 'projects.project.openshift.io'])
/** Kinds whose names are not validated as DNS names (events carry dots and digits freely; RBAC allows colons). */
const FREE_NAMED = new Set(['events', 'clusterroles.rbac.authorization.k8s.io', 'clusterrolebindings.rbac.authorization.k8s.io', 'imagestreamtags.image.openshift.io', 'images.image.openshift.io'])

/**
 * Namespaces the NamespaceLifecycle plugin never lets go: upstream's default, kube-system and kube-public, and the
 * two OpenShift adds (openshift/kubernetes carry "kube-apiserver: add our immortal namespaces directly to
 * admission plugin"): openshift-config (user configuration) and openshift-config-managed (generated
 * configuration, etcd encryption keys). `openshift` and other `openshift-*` namespaces can be deleted.
 */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'openshift-config', 'openshift-config-managed'])

export const schemaAdmission: Admission = {
  admitDelete(rt, _namespace, name) {
    if (rt.key === 'namespaces' && IMMORTAL_NAMESPACES.has(name)) {
      throw new ApiError('Forbidden', `${qualifiedName(rt)} "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' })
    }
  },
  admit(rt: ResourceType, obj: KObject, ctx) {
    const name = obj.metadata?.name ?? ''
    const causes: StatusCause[] = []
    if (ctx.operation === 'CREATE' && !FREE_NAMED.has(rt.key)) {
      for (const msg of validateName(name, LABEL_NAMED.has(rt.key) ? 'dns1123-label' : 'dns1123-subdomain')) {
        causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": ${msg}` })
      }
    }
    const schema = getSchema(rt.key, ctx.profile)
    // CRDs of the 4.0 era had no structural schema: the server stored whatever it was given.
    if (!schema || (!rt.builtin && ctx.profile === '4.0')) {
      if (causes.length) throw invalid(rt.kind, name, causes)
      return obj
    }
    let result
    try {
      result = admitObject(schema, obj, { style: rt.builtin ? 'builtin' : 'crd', kind: rt.kind })
    } catch (e) {
      if (e instanceof DecodeError) throw new ApiError('BadRequest', e.forKind(rt.kind, rt.version))
      throw e
    }
    causes.push(...result.causes)
    if (causes.length) throw invalid(rt.kind, name, causes)
    // Servers of Kubernetes ≥1.25 report dropped fields as warnings (oc sends fieldValidation=Warn by default).
    for (const f of result.unknownFields) ctx.warnings.push(`unknown field "${f}"`)
    return result.value as KObject
  },
}
