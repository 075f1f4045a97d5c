/**
 * The operator's main controller (§4.2): every watched change collapses into the key `changes`; each pass
 * recomputes everything from the current objects — bootstrap, finalize, Removed/Managed/Unmanaged, storage,
 * objects in order, conditions, status — and writes only what differs.
 */
import type { KObject } from '../api/types'
import { jsonEqual } from '../api/patch'
import type { Controller, ControllerContext, ReconcileResult } from '../controllers/types'
import { clone, emit, getCondition } from '../controllers/util'
import { applyObject, deleteObject } from './apply'
import { bootstrapConfig } from './bootstrap'
import { applyMainConditions, configConditions, type ApplyError, type ConditionList, type DeploymentView } from './conditions'
import { syncClusterOperator } from './clusteroperator'
import { checksum, registryDeployment, requestsError } from './deployment'
import { CONFIG_RESOURCE, EVENT_SOURCE, FINALIZER, INTERNAL_HOSTNAME, NS, REGISTRY, configName, nsChanges, operatorDeployment, operatorRunning, toChanges } from './names'
import { objectsAfterDeployment, objectsBeforeDeployment, removableObjects, wantedRoutes } from './objects'
import { diff, oplog } from './oplog'
import { removeStorage, syncStorage } from './storage'

/** How the registry Deployment looks to the conditions. */
export function deploymentView(d: KObject | undefined): DeploymentView | undefined {
  if (!d) return undefined
  const s = d.status ?? {}
  const want = d.spec?.replicas ?? 1
  const complete = (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  const p = getCondition(s, 'Progressing')
  return { deleting: !!d.metadata.deletionTimestamp, availableReplicas: s.availableReplicas ?? 0, complete, deadlineExceeded: p?.reason === 'ProgressDeadlineExceeded' ? p.message ?? '' : undefined }
}

/** Checksum over the Secrets/ConfigMaps the registry pods read (a change rolls the pods, §4.12). */
function dependenciesChecksum(ctx: ControllerContext, privateConfig: KObject | undefined): string {
  const pull = ctx.api.tryGet('secrets', NS, 'installation-pull-secrets')
  const trusted = ctx.api.tryGet('configmaps', NS, 'trusted-ca')
  return checksum([privateConfig?.data ?? null, pull?.data ?? null, trusted?.data ?? null])
}

/**
 * `route <name> (host <h>, router <r>) not admitted: <msg>` for every router ingress of the routes the spec asks
 * for whose Admitted condition is not True (status.go checkRoutesStatus, 4.8+); routes not created yet are skipped.
 */
export function routeProblems(ctx: ControllerContext, spec: any): string[] {
  const out: string[] = []
  for (const name of wantedRoutes(spec ?? {})) {
    const route = ctx.api.tryGet('routes.route.openshift.io', NS, name)
    for (const ingress of route?.status?.ingress ?? []) {
      for (const c of ingress.conditions ?? []) {
        if (c.type === 'Admitted' && c.status !== 'True') out.push(`route ${name} (host ${ingress.host ?? ''}, router ${ingress.routerName ?? ''}) not admitted: ${c.message ?? ''}`)
      }
    }
  }
  return out
}

/** Permanent verification errors (§2.1). */
function verify(spec: any): string | undefined {
  if ((spec.replicas ?? 0) < 0) return 'unable to complete resource: replicas must be greater than or equal to 0'
  const names = wantedRoutes(spec)
  if (new Set(names).size !== names.length) return 'unable to complete resource: duplication of names has been detected in the additional routes'
  return undefined
}

/** The Managed pass: storage, then the objects in order; returns the first error. */
function applyManaged(ctx: ControllerContext, cr: KObject, conds: ConditionList): ApplyError | undefined {
  const spec = cr.spec
  if (!cr.metadata.finalizers?.includes(FINALIZER)) cr.metadata.finalizers = [...(cr.metadata.finalizers ?? []), FINALIZER]
  const bad = verify(spec)
  if (bad) return { message: bad, permanent: 'VerificationFailed' }
  if (!spec.httpSecret) spec.httpSecret = ctx.rng.hex(128)
  const st = syncStorage(ctx, cr, conds)
  if (st.error) return { message: st.error, permanent: st.permanent }
  let privateConfig: KObject | undefined
  try {
    for (const g of objectsBeforeDeployment(ctx, spec)) {
      const r = applyObject(ctx, g.resource, g.object)
      if (g.object.metadata.name === 'image-registry-private-configuration') privateConfig = r.object
    }
    const reqErr = requestsError(spec)
    if (reqErr) throw new Error(`failed to update object *v1.Deployment, Namespace=${NS}, Name=${REGISTRY}: ${reqErr}`)
    const want = registryDeployment(ctx, spec, dependenciesChecksum(ctx, privateConfig))
    const existing = ctx.api.tryGet('deployments.apps', NS, REGISTRY)
    const recorded = (cr.status?.generations ?? []).find((g: any) => g.resource === 'deployments' && g.name === REGISTRY)
    const edited = !!existing && !!recorded && existing.metadata.generation !== recorded.lastGeneration
    if (!existing?.metadata.deletionTimestamp) {
      const r = applyObject(ctx, 'deployments.apps', want, { replaceSpec: true, force: edited })
      const op = operatorDeployment(ctx)
      if (op && r.action === 'created') emit(ctx, op, 'Normal', 'DeploymentCreated', `Created Deployment.apps/${REGISTRY} -n ${NS} because it was missing`, EVENT_SOURCE)
      if (op && r.action === 'updated') emit(ctx, op, 'Normal', 'DeploymentUpdated', `Updated Deployment.apps/${REGISTRY} -n ${NS} because it changed`, EVENT_SOURCE)
      if (ctx.profile !== '4.0') setGeneration(cr, r.object)
    }
    for (const make of objectsAfterDeployment(ctx, spec)) {
      const g = make()
      applyObject(ctx, g.resource, g.object)
    }
  } catch (e) {
    return { message: `unable to apply objects: ${e instanceof Error ? e.message : String(e)}` }
  }
  // Operator-owned routes that the spec no longer asks for go away (§4.2 f).
  const wanted = new Set(wantedRoutes(spec))
  for (const r of ctx.api.query('routes.route.openshift.io', { namespace: NS })) {
    if (r.metadata.annotations?.['imageregistry.openshift.io'] && !wanted.has(r.metadata.name)) deleteObject(ctx, 'routes.route.openshift.io', NS, r.metadata.name)
  }
  return undefined
}

/** Records the Deployment's generation in status.generations (detects out-of-band edits on the next pass). */
function setGeneration(cr: KObject, d: KObject): void {
  const list: any[] = (cr.status.generations ?? []).filter((g: any) => !(g.resource === 'deployments' && g.name === REGISTRY))
  list.unshift({ group: 'apps', hash: '', lastGeneration: d.metadata.generation, name: REGISTRY, namespace: NS, resource: 'deployments' })
  cr.status.generations = list
}

/** The Removed pass (and finalization): delete the objects, then Managed storage once the Deployment is gone. */
function applyRemoved(ctx: ControllerContext, cr: KObject, conds: ConditionList): ApplyError | undefined {
  for (const [res, ns, name] of removableObjects(cr.spec)) deleteObject(ctx, res, ns, name)
  for (const r of ctx.api.query('routes.route.openshift.io', { namespace: NS })) {
    if (r.metadata.annotations?.['imageregistry.openshift.io']) deleteObject(ctx, 'routes.route.openshift.io', NS, r.metadata.name)
  }
  const err = removeStorage(ctx, cr, conds)
  if (cr.status?.generations) cr.status.generations = cr.status.generations.filter((g: any) => g.resource !== 'deployments')
  return err ? { message: err } : undefined
}

function reconcile(_key: string, ctx: ControllerContext): ReconcileResult | void {
  if (!operatorRunning(ctx)) return { requeueAfter: 60_000 }
  const v40 = ctx.profile === '4.0'
  const stored = ctx.api.tryGet(CONFIG_RESOURCE, undefined, configName(ctx.profile))
  if (!stored) {
    bootstrapConfig(ctx)
    return
  }
  const now = ctx.now()
  const cr = clone(stored)
  cr.status ??= {}
  const conds = configConditions((cr.status.conditions ??= []), now)
  // The conditions describe the Deployment as the informer saw it when the pass started.
  const seen = ctx.api.tryGet('deployments.apps', NS, REGISTRY)
  const deleting = !!cr.metadata.deletionTimestamp
  const state = deleting ? 'Removed' : cr.spec?.managementState ?? ''
  let error: ApplyError | undefined
  if (state === 'Removed') error = applyRemoved(ctx, cr, conds)
  else if (state === 'Managed') error = applyManaged(ctx, cr, conds)
  else if (state !== 'Unmanaged') oplog(ctx, 'I', 'controller.go:266', `unknown custom resource state: ${state}`)
  if (deleting) {
    if (ctx.api.tryGet('deployments.apps', NS, REGISTRY)) return { requeueAfter: 5000 }
    const next = clone(stored)
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f: string) => f !== FINALIZER)
    ctx.api.update(CONFIG_RESOURCE, next)
    return
  }
  const routes = v40 ? [] : routeProblems(ctx, cr.spec)
  const { recheckAfter } = applyMainConditions(conds, { profile: ctx.profile, managementState: state, deployment: deploymentView(seen), error, routeProblems: routes }, now)
  cr.status.readyReplicas = seen?.status?.readyReplicas ?? 0
  cr.status.observedGeneration = cr.metadata.generation
  if (v40) {
    cr.status.generations = null
    cr.status.internalRegistryHostname = INTERNAL_HOSTNAME
    cr.status.version = ''
  } else cr.status.generations ??= []
  cr.status.storage ??= {}
  cr.status.storageManaged ??= false
  write(ctx, stored, cr)
  if (error && !error.permanent) oplog(ctx, 'E', 'controller.go:330', `unable to sync: ${error.message}, requeuing`)
  syncClusterOperator(ctx)
  const waits = [recheckAfter, error && !error.permanent ? 30_000 : undefined].filter((x): x is number => x !== undefined)
  if (waits.length) return { requeueAfter: Math.min(...waits) }
}

/** Writes spec/metadata and then status when they changed, logging the diffs like the operator does. */
function write(ctx: ControllerContext, stored: KObject, cr: KObject): void {
  const name = cr.metadata.name
  let current = stored
  const metaChanged = !jsonEqual(stored.metadata.finalizers, cr.metadata.finalizers)
  const specChanged = !jsonEqual(stored.spec, cr.spec)
  if (metaChanged || specChanged) {
    const next = clone(stored)
    next.metadata.finalizers = cr.metadata.finalizers
    next.spec = cr.spec
    current = ctx.api.update(CONFIG_RESOURCE, next)
    oplog(ctx, 'I', 'controller.go:299', `object changed: *v1.Config, Name=${name} (metadata=${metaChanged}, spec=${specChanged}): ${diff({ metadata: { finalizers: stored.metadata.finalizers }, spec: stored.spec }, { metadata: { finalizers: cr.metadata.finalizers }, spec: cr.spec })}`)
  }
  const status = { ...cr.status, observedGeneration: current.metadata.generation }
  if (jsonEqual(current.status, status)) return
  const next = clone(current)
  next.status = status
  ctx.api.updateStatus(CONFIG_RESOURCE, next)
  oplog(ctx, 'I', 'controller.go:311', `object changed: *v1.Config, Name=${name} (status=true): ${diff(current.status ?? {}, status)}`)
}

const NS_RESOURCES = ['deployments.apps', 'services', 'secrets', 'configmaps', 'serviceaccounts', 'poddisruptionbudgets.policy', 'routes.route.openshift.io', 'persistentvolumeclaims']

/** The main controller (`changes` key). */
export const mainController: Controller = {
  name: 'image-registry-operator',
  watches: [
    { resource: CONFIG_RESOURCE, keys: toChanges },
    { resource: 'infrastructures.config.openshift.io', keys: toChanges },
    { resource: 'proxies.config.openshift.io', keys: toChanges },
    { resource: 'pods', keys: (e) => (e.object.metadata.namespace === NS && e.object.metadata.labels?.name === 'cluster-image-registry-operator' ? ['changes'] : []) },
    ...NS_RESOURCES.map((resource) => ({ resource, keys: nsChanges })),
  ],
  reconcile,
}
