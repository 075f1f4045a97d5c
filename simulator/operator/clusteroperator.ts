/**
 * The ClusterOperator of the registry (§3). 4.12: `image-registry`, aggregated from the Config CR's conditions and
 * the ImagePruner's (prefixed `ImagePruner`) by type suffix. 4.0: `cluster-image-registry-operator`, with the
 * CR's Available/Progressing/Failing copied as they are.
 */
import type { Condition, KObject } from '../api/types'
import { parseTime, rfc3339 } from '../core/time'
import type { ControllerContext } from '../controllers/types'
import { clone } from '../controllers/util'
import { CO_NAME_40, CO_NAME_412, CONFIG_RESOURCE, CO_RESOURCE, configName, NS, PRUNER_RESOURCE, releaseVersion } from './names'

const NORMAL: Record<string, 'True' | 'False'> = { Available: 'True', Progressing: 'False', Degraded: 'False' }

/** One aggregated condition (§3.1 steps 1–5). */
export function aggregate(kind: 'Available' | 'Progressing' | 'Degraded', inputs: Condition[]): Condition {
  const normal = NORMAL[kind]
  const matching = inputs.filter((c) => c.type.endsWith(kind))
  const bad = matching.find((c) => c.status !== normal)
  const status: Condition['status'] = bad ? (bad.status === 'Unknown' ? 'Unknown' : bad.status) : matching.some((c) => c.status === 'Unknown') ? 'Unknown' : normal
  const reasons = matching
    .filter((c) => c.reason && c.reason !== 'AsExpected')
    .map((c) => c.type.slice(0, c.type.length - kind.length) + c.reason)
    .sort()
  let reason = reasons.join('::')
  if (!reason && status === normal) reason = 'AsExpected'
  const message = matching.filter((c) => c.message).map((c) => `${c.type}: ${c.message}`).join('\n')
  let latest = NaN
  for (const c of matching) {
    const t = parseTime(c.lastTransitionTime)
    if (!Number.isNaN(t) && !(t <= latest)) latest = t
  }
  const out: Condition = { type: kind, status }
  if (!Number.isNaN(latest)) out.lastTransitionTime = rfc3339(latest)
  if (message) out.message = message
  if (reason) out.reason = reason
  return out
}

/** The 4.12 ClusterOperator conditions from the Config and ImagePruner conditions. */
export function clusterOperatorConditions(config: Condition[], pruner: Condition[]): Condition[] {
  const inputs = [...config, ...pruner.map((c) => ({ ...c, type: `ImagePruner${c.type}` }))]
  return [aggregate('Available', inputs), aggregate('Progressing', inputs), aggregate('Degraded', inputs)]
}

/** relatedObjects of the 4.12 operator (starter.go). */
export function relatedObjects(): unknown[] {
  return [
    { group: 'imageregistry.operator.openshift.io', name: 'cluster', resource: 'configs' },
    { group: 'imageregistry.operator.openshift.io', name: 'cluster', resource: 'imagepruners' },
    { group: 'rbac.authorization.k8s.io', name: 'system:registry', resource: 'clusterroles' },
    { group: 'rbac.authorization.k8s.io', name: 'registry-registry-role', resource: 'clusterrolebindings' },
    { group: 'rbac.authorization.k8s.io', name: 'openshift-image-registry-pruner', resource: 'clusterrolebindings' },
    { group: '', name: NS, resource: 'namespaces' },
  ]
}

/** Keeps a condition's lastTransitionTime when its status did not change (the CO's own history). */
function keepTimes(next: Condition[], old: Condition[] | undefined, at: string): Condition[] {
  return next.map((c) => {
    const o = old?.find((x) => x.type === c.type)
    return { ...c, lastTransitionTime: o && o.status === c.status ? o.lastTransitionTime : (c.lastTransitionTime ?? at) }
  })
}

/** Writes the ClusterOperator from the current CRs (creating it, or taking over the installer's placeholder). */
export function syncClusterOperator(ctx: ControllerContext): void {
  const v40 = ctx.profile === '4.0'
  const name = v40 ? CO_NAME_40 : CO_NAME_412
  const cr = ctx.api.tryGet(CONFIG_RESOURCE, undefined, configName(ctx.profile))
  const at = rfc3339(ctx.now())
  let conditions: Condition[]
  if (v40) {
    const want = ['Available', 'Progressing', 'Failing']
    conditions = want.map((t) => {
      const c = cr?.status?.conditions?.find((x: Condition) => x.type === t)
      const out: Condition = { type: t, status: c?.status ?? 'Unknown', lastTransitionTime: c?.lastTransitionTime ?? at }
      if (c?.message) out.message = c.message
      return out
    })
  } else {
    const pruner = ctx.api.tryGet(PRUNER_RESOURCE, undefined, 'cluster')
    conditions = clusterOperatorConditions(cr?.status?.conditions ?? [], pruner?.status?.conditions ?? [])
  }
  const existing = ctx.api.tryGet(CO_RESOURCE, undefined, name)
  const status: any = {
    conditions: keepTimes(conditions, existing?.status?.conditions, at),
    versions: [{ name: 'operator', version: releaseVersion(ctx) }],
    ...(v40 ? { extension: null } : { relatedObjects: relatedObjects(), extension: null }),
  }
  if (!existing) {
    ctx.api.create(CO_RESOURCE, { apiVersion: 'config.openshift.io/v1', kind: 'ClusterOperator', metadata: { name }, spec: {}, status } as KObject, { keepStatus: true })
    return
  }
  if (JSON.stringify(existing.status) === JSON.stringify(status)) return
  const next = clone(existing)
  next.status = status
  ctx.api.updateStatus(CO_RESOURCE, next)
}
