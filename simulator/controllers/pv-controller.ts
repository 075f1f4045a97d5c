/**
 * The PersistentVolume controller with its simulated external provisioners: binds claims to matching static
 * volumes, provisions dynamic ones (Immediate, or WaitForFirstConsumer once the scheduler picked a node),
 * reclaims volumes of deleted claims (Delete/Retain), and releases the pvc-/pv-protection finalizers.
 * Keys: `ns/name` for claims, `pv:<name>` for volumes.
 */
import type { KObject } from '../api/types'
import { parseQuantity } from '../format/quantity'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, emit, ms } from './util'
import { hash16 } from './events'
import { clusterInfoOf } from './admission'
import { accessModeError, capabilities, dynamicVolume, provisionerIdentity, provisionerName } from './pv-provisioner'

const SOURCE = { component: 'persistentvolume-controller' }
/** The PV controller's resync period: pending claims are looked at (and their events repeated) this often. */
const RESYNC = 15000
const PROVISION_MS = 3000

const size = (q: string | undefined) => {
  try {
    return q ? parseQuantity(q) : 0
  } catch {
    return 0
  }
}

function claimUsers(ctx: ControllerContext, claim: KObject): KObject[] {
  return ctx.api.store.list('pods', claim.metadata.namespace).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === claim.metadata.name))
}

function removeFinalizer(ctx: ControllerContext, resource: string, obj: KObject, f: string): void {
  if (!obj.metadata.finalizers?.includes(f)) return
  const next = clone(obj)
  next.metadata.finalizers = next.metadata.finalizers!.filter((x) => x !== f)
  ctx.api.update(resource, next)
}

/** Binds claim and volume both ways and writes both statuses (bind + syncClaim). */
function bind(ctx: ControllerContext, claim: KObject, pv: KObject, byController: boolean): void {
  let v = clone(pv)
  if (!v.spec.claimRef || v.spec.claimRef.uid !== claim.metadata.uid) {
    v.spec.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion }
    ;(v.metadata.annotations ??= {})['pv.kubernetes.io/bound-by-controller'] = 'yes'
    v = clone(ctx.api.update('persistentvolumes', v))
  }
  if (v.status?.phase !== 'Bound') ctx.api.updateStatus('persistentvolumes', { ...v, status: { phase: 'Bound' } })
  const c = clone(claim)
  const ann = (c.metadata.annotations ??= {})
  ann['pv.kubernetes.io/bind-completed'] = 'yes'
  if (byController) ann['pv.kubernetes.io/bound-by-controller'] = 'yes'
  c.spec.volumeName = pv.metadata.name
  const updated = JSON.stringify(c) !== JSON.stringify(claim) ? ctx.api.update('persistentvolumeclaims', c) : claim
  const status = { phase: 'Bound', accessModes: pv.spec.accessModes, capacity: pv.spec.capacity }
  if (JSON.stringify(updated.status) !== JSON.stringify(status)) ctx.api.updateStatus('persistentvolumeclaims', { ...updated, status })
}

/** The smallest Available static volume that satisfies the claim (class, access modes, size, mode). */
function findMatch(ctx: ControllerContext, claim: KObject): KObject | undefined {
  const cls = claim.spec?.storageClassName ?? ''
  const want = size(claim.spec?.resources?.requests?.storage)
  const modes: string[] = claim.spec?.accessModes ?? []
  const candidates = ctx.api.store.list('persistentvolumes').filter((pv) => {
    if (pv.metadata.deletionTimestamp) return false
    const ref = pv.spec?.claimRef
    if (ref && !(ref.namespace === claim.metadata.namespace && ref.name === claim.metadata.name && (!ref.uid || ref.uid === claim.metadata.uid))) return false
    if ((pv.spec?.storageClassName ?? '') !== cls) return false
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false
    if (!modes.every((m) => (pv.spec?.accessModes ?? []).includes(m))) return false
    return size(pv.spec?.capacity?.storage) >= want
  })
  return candidates.sort((a, b) => Number(!!b.spec.claimRef) - Number(!!a.spec.claimRef) || size(a.spec.capacity.storage) - size(b.spec.capacity.storage) || a.metadata.name.localeCompare(b.metadata.name))[0]
}

function provisionEvent(ctx: ControllerContext, claim: KObject, component: string, reason: string, message: string): KObject | undefined {
  const name = `${claim.metadata.name}.${hash16(`${claim.metadata.uid}|${reason}|${message}|${component}|`)}`
  return ctx.api.store.get('events', claim.metadata.namespace!, name)
}

function syncClaim(ctx: ControllerContext, claim: KObject): ReconcileResult | void {
  if (claim.metadata.deletionTimestamp) {
    if (!claimUsers(ctx, claim).length) removeFinalizer(ctx, 'persistentvolumeclaims', claim, 'kubernetes.io/pvc-protection')
    return
  }
  if (claim.spec?.volumeName) {
    const pv = ctx.api.tryGet('persistentvolumes', undefined, claim.spec.volumeName)
    if (!pv) {
      if (claim.status?.phase === 'Bound') {
        ctx.api.updateStatus('persistentvolumeclaims', { ...claim, status: { phase: 'Lost' } })
        emit(ctx, claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', SOURCE)
      }
      return
    }
    if (pv.spec?.claimRef && pv.spec.claimRef.uid && pv.spec.claimRef.uid !== claim.metadata.uid) return
    return void bind(ctx, claim, pv, false)
  }
  const match = findMatch(ctx, claim)
  if (match) return void bind(ctx, claim, match, true)
  const clsName = claim.spec?.storageClassName
  if (!clsName) {
    emit(ctx, claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', SOURCE)
    return { requeueAfter: RESYNC }
  }
  const sc = ctx.api.tryGet('storageclasses.storage.k8s.io', undefined, clsName)
  if (!sc) {
    emit(ctx, claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${clsName}" not found`, SOURCE)
    return { requeueAfter: RESYNC }
  }
  const selected = claim.metadata.annotations?.['volume.kubernetes.io/selected-node']
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selected) {
    emit(ctx, claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', SOURCE)
    return { requeueAfter: RESYNC }
  }
  const caps = capabilities(sc.provisioner)
  if (caps.none === 'static') {
    emit(ctx, claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${clsName}" uses provisioner kubernetes.io/no-provisioner, which does not support dynamic provisioning`, SOURCE)
    return { requeueAfter: RESYNC }
  }
  const driver = provisionerName(sc)
  // The controller hands the claim to the external provisioner through these annotations.
  if (claim.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'] !== driver) {
    const c = clone(claim)
    const ann = (c.metadata.annotations ??= {})
    ann['volume.beta.kubernetes.io/storage-provisioner'] = driver
    ann['volume.kubernetes.io/storage-provisioner'] = driver
    claim = ctx.api.update('persistentvolumeclaims', c)
  }
  emit(ctx, claim, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${driver}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, SOURCE)
  if (caps.none === 'obc') return { requeueAfter: RESYNC }
  const identity = provisionerIdentity(driver)
  const src = { component: identity }
  const provMsg = `External provisioner is provisioning volume for claim "${claim.metadata.namespace}/${claim.metadata.name}"`
  const err = accessModeError(sc, claim)
  if (!provisionEvent(ctx, claim, identity, 'Provisioning', provMsg) || err) emit(ctx, claim, 'Normal', 'Provisioning', provMsg, src)
  if (err) {
    emit(ctx, claim, 'Warning', 'ProvisioningFailed', err, src)
    return { requeueAfter: RESYNC }
  }
  const started = provisionEvent(ctx, claim, identity, 'Provisioning', provMsg)
  const doneAt = (started ? ms(started.firstTimestamp) : ctx.now()) + PROVISION_MS
  if (ctx.now() < doneAt) return { requeueAfter: doneAt - ctx.now() }
  const info = clusterInfoOf(ctx.api) ?? { region: 'us-east-1' }
  let pv = ctx.api.tryGet('persistentvolumes', undefined, `pvc-${claim.metadata.uid}`)
  if (!pv) {
    pv = ctx.api.create('persistentvolumes', dynamicVolume(sc, claim, info.region ?? 'us-east-1', ctx.now()))
    emit(ctx, claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, src)
  }
  bind(ctx, ctx.api.get('persistentvolumeclaims', claim.metadata.namespace, claim.metadata.name), pv, true)
}

function syncVolume(ctx: ControllerContext, pv: KObject): ReconcileResult | void {
  const ref = pv.spec?.claimRef
  const claim = ref ? ctx.api.tryGet('persistentvolumeclaims', ref.namespace, ref.name) : undefined
  const claimGone = !!ref && (!claim || (ref.uid && claim.metadata.uid !== ref.uid))
  if (pv.metadata.deletionTimestamp) {
    // The back-end volume is deleted, then pv-protection lets go once nothing is bound to it.
    removeFinalizer(ctx, 'persistentvolumes', pv, 'external-provisioner.volume.kubernetes.io/finalizer')
    const cur = ctx.api.tryGet('persistentvolumes', undefined, pv.metadata.name)
    if (cur && (cur.status?.phase !== 'Bound' || claimGone)) removeFinalizer(ctx, 'persistentvolumes', cur, 'kubernetes.io/pv-protection')
    return
  }
  let phase = 'Available'
  if (ref && claimGone) phase = 'Released'
  else if (ref && claim?.spec?.volumeName === pv.metadata.name) phase = 'Bound'
  else if (ref && pv.status?.phase === 'Bound') phase = 'Bound'
  if (pv.status?.phase !== phase) ctx.api.updateStatus('persistentvolumes', { ...pv, status: { phase } })
  if (phase === 'Released' && (pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete') ctx.api.delete('persistentvolumes', undefined, pv.metadata.name)
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  if (key.startsWith('pv:')) {
    const pv = ctx.api.tryGet('persistentvolumes', undefined, key.slice(3))
    return pv ? syncVolume(ctx, pv) : undefined
  }
  const { namespace, name } = splitKey(key)
  const claim = ctx.api.tryGet('persistentvolumeclaims', namespace, name)
  if (claim) return syncClaim(ctx, claim)
}

const pendingClaims = (ctx: ControllerContext) => ctx.api.store.list('persistentvolumeclaims').filter((c) => !c.spec?.volumeName).map((c) => `${c.metadata.namespace}/${c.metadata.name}`)

/** The PersistentVolume controller (binder, protection controllers and simulated provisioners). */
export const persistentVolumeController: Controller = {
  name: 'persistentvolume-controller',
  watches: [
    {
      resource: 'persistentvolumeclaims',
      keys: (e, ctx) => {
        const ref = e.object.spec?.volumeName
        return [`${e.object.metadata.namespace}/${e.object.metadata.name}`, ...(ref ? [`pv:${ref}`] : []), ...(e.type === 'DELETED' ? ctx.api.store.list('persistentvolumes').filter((p) => p.spec?.claimRef?.uid === e.object.metadata.uid).map((p) => `pv:${p.metadata.name}`) : [])]
      },
    },
    { resource: 'persistentvolumes', keys: (e, ctx) => [`pv:${e.object.metadata.name}`, ...(e.object.spec?.claimRef ? [`${e.object.spec.claimRef.namespace}/${e.object.spec.claimRef.name}`] : pendingClaims(ctx))] },
    { resource: 'storageclasses.storage.k8s.io', keys: (_e, ctx) => pendingClaims(ctx) },
    // Pods leaving (deleted, finished) may release a claim being deleted (pvc-protection).
    { resource: 'pods', keys: (e) => (e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp && e.object.status?.phase !== 'Succeeded' && e.object.status?.phase !== 'Failed' ? [] : e.object.spec?.volumes ?? []).filter((v: any) => v.persistentVolumeClaim).map((v: any) => `${e.object.metadata.namespace}/${v.persistentVolumeClaim.claimName}`) },
  ],
  reconcile,
}
