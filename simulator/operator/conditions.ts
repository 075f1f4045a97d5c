/**
 * Pure condition computation of the registry operator (§2.1, §13): the four main conditions of the Config CR
 * from the managementState, the registry Deployment as seen at the start of the pass and the apply result,
 * and the order-preserving condition list whose lastTransitionTime moves only when the status changes.
 */
import type { Condition, Profile } from '../api/types'
import { rfc3339, parseTime } from '../core/time'

/** The registry Deployment as the conditions need it. */
export interface DeploymentView {
  deleting: boolean
  availableReplicas: number
  /** updatedReplicas == replicas == availableReplicas == spec.replicas and observedGeneration >= generation */
  complete: boolean
  /** message of the Deployment's Progressing condition when its reason is ProgressDeadlineExceeded */
  deadlineExceeded?: string
}

/** A permanent error stops the retries and shows in Degraded/Available. */
export interface ApplyError {
  message: string
  permanent?: 'StorageNotConfigured' | 'VerificationFailed'
}

export interface MainInput {
  profile: Profile
  managementState: string
  deployment?: DeploymentView
  error?: ApplyError
  /** messages of routes not admitted (4.8+ RouteDegraded) */
  routeProblems?: string[]
}

/** How long Available may be not-True before Degraded turns `Unavailable` (4.7–4.20). */
export const UNAVAILABLE_DELAY_MS = 60_000

type C = Omit<Condition, 'lastTransitionTime'>
const cond = (type: string, status: Condition['status'], reason: string, message: string): C => ({ type, status, reason, message })

/** Available per §2.1 (4.12) or §13 (4.0). */
export function availableCondition(i: MainInput): C {
  const d = i.deployment
  if (i.profile === '4.0') {
    if (i.managementState === 'Unmanaged') return cond('Available', 'True', '', 'Unmanaged')
    if (!d) return cond('Available', 'False', '', 'Deployment does not exist')
    if (d.deleting) return cond('Available', 'False', '', 'Deployment is being deleted')
    if (d.availableReplicas === 0) return cond('Available', 'False', '', 'Deployment does not have available replicas')
    return cond('Available', 'True', '', 'Deployment has minimum availability')
  }
  const unmanaged = 'The registry configuration is set to unmanaged mode'
  if (i.managementState === 'Unmanaged') return cond('Available', 'True', 'Unmanaged', unmanaged)
  if (!d) {
    if (i.error?.permanent) return cond('Available', 'False', i.error.permanent, `Error: ${i.error.message}`)
    if (i.managementState === 'Removed') return cond('Available', 'True', 'Removed', 'The registry is removed')
    return cond('Available', 'False', 'DeploymentNotFound', 'The deployment does not exist')
  }
  if (d.deleting) return cond('Available', 'False', 'DeploymentDeleted', 'The deployment is being deleted')
  if (d.availableReplicas === 0) return cond('Available', 'False', 'NoReplicasAvailable', 'The deployment does not have available replicas')
  if (!d.complete) return cond('Available', 'True', 'MinimumAvailability', 'The registry has minimum availability')
  return cond('Available', 'True', 'Ready', 'The registry is ready')
}

/** Progressing per §2.1 (4.12) or §13 (4.0). */
export function progressingCondition(i: MainInput): C {
  const d = i.deployment
  const v40 = i.profile === '4.0'
  const r = (reason: string) => (v40 ? '' : reason)
  if (i.managementState === 'Unmanaged') return cond('Progressing', 'False', r('Unmanaged'), v40 ? 'Unmanaged' : 'The registry configuration is set to unmanaged mode')
  if (i.managementState === 'Removed') {
    if (d) return cond('Progressing', 'True', r('DeletingDeployment'), v40 ? 'The deployment still exists' : 'The deployment is being removed')
    return cond('Progressing', 'False', r('Removed'), v40 ? 'Everything is removed' : 'All registry resources are removed')
  }
  if (i.error) return cond('Progressing', i.error.permanent ? 'False' : 'True', r('Error'), `Unable to apply resources: ${i.error.message}`)
  if (!d) return cond('Progressing', 'True', r('WaitingForDeployment'), 'All resources are successfully applied, but the deployment does not exist')
  if (d.deleting) return cond('Progressing', 'True', r('FinalizingDeployment'), 'The deployment is being deleted')
  if (!d.complete) return cond('Progressing', 'True', r('DeploymentNotCompleted'), 'The deployment has not completed')
  return cond('Progressing', 'False', r('Ready'), v40 ? 'Everything is ready' : 'The registry is ready')
}

/** Degraded (4.12) given the Available condition already merged (its lastTransitionTime drives the timer). */
export function degradedCondition(i: MainInput, available: Condition, now: number): { condition: C; recheckAfter?: number } {
  if (i.profile === '4.0') {
    if (i.error?.permanent) return { condition: cond('Failing', 'True', '', i.error.message) }
    return { condition: cond('Failing', 'False', '', '') }
  }
  if (i.managementState === 'Unmanaged') return { condition: cond('Degraded', 'False', 'Unmanaged', 'The registry configuration is set to unmanaged mode') }
  if (i.error?.permanent) return { condition: cond('Degraded', 'True', i.error.permanent, `Error: ${i.error.message}`) }
  if (i.managementState === 'Removed') return { condition: cond('Degraded', 'False', 'Removed', 'The registry is removed') }
  if (available.status !== 'True') {
    const since = parseTime(available.lastTransitionTime)
    const due = (Number.isNaN(since) ? now : since) + UNAVAILABLE_DELAY_MS
    if (now > due) return { condition: cond('Degraded', 'True', 'Unavailable', available.message ?? '') }
    // The real operator only sees the timer at its next sync; ask for one just after it expires.
    return { condition: cond('Degraded', 'False', '', ''), recheckAfter: due - now + 1000 }
  }
  const d = i.deployment
  // One else-if chain in status.go: an incomplete rollout hides route problems until it completes.
  if (d && !d.complete) {
    if (d.deadlineExceeded !== undefined) return { condition: cond('Degraded', 'True', 'ProgressDeadlineExceeded', `Registry deployment has timed out progressing: ${d.deadlineExceeded}`) }
    return { condition: cond('Degraded', 'False', '', '') }
  }
  if (i.routeProblems?.length) return { condition: cond('Degraded', 'True', 'RouteDegraded', i.routeProblems.join(',')) }
  return { condition: cond('Degraded', 'False', '', '') }
}

/** Removed: True while managementState is Removed. */
export function removedCondition(i: MainInput): C {
  if (i.managementState === 'Removed') return cond('Removed', 'True', i.profile === '4.0' ? '' : 'Removed', i.profile === '4.0' ? 'The image registry is removed' : 'The registry is removed')
  return cond('Removed', 'False', '', '')
}

/**
 * The Config CR's leading conditions, in the order the main controller writes them (status.go; seed 001 shows
 * Available, Progressing, Failing, Removed before the storage conditions). `Failing` is the 4.0 name of Degraded.
 */
export const MAIN_CONDITION_ORDER = ['Available', 'Progressing', 'Degraded', 'Failing', 'Removed']

/**
 * A condition list edited in place: known types keep their position, new ones are appended, and
 * lastTransitionTime changes only when the status does (operator-framework's SetStatusCondition).
 * With `leading`, a new condition of one of those types is inserted among the leading ones, in that order,
 * instead of appended: the helper controllers and the storage sync may create theirs before the main
 * controller's first status write, and the CR (workshop 001, status.go's write order) lists the main four first.
 */
export class ConditionList {
  constructor(
    readonly list: Condition[],
    private readonly at: number,
    private readonly leading: readonly string[] = [],
  ) {}

  get(type: string): Condition | undefined {
    return this.list.find((c) => c.type === type)
  }

  /** Sets a condition; empty reason/message are omitted, as the Go structs' omitempty does. */
  set(c: C): Condition {
    const i = this.list.findIndex((x) => x.type === c.type)
    const old = i >= 0 ? this.list[i] : undefined
    const next: Condition = { type: c.type, status: c.status }
    next.lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : rfc3339(this.at)
    if (c.message) next.message = c.message
    if (c.reason) next.reason = c.reason
    if (i >= 0) this.list[i] = next
    else this.list.splice(this.insertAt(c.type), 0, next)
    return next
  }

  /** Where a new condition goes: after the leading ones that precede it, or at the end. */
  private insertAt(type: string): number {
    const rank = this.leading.indexOf(type)
    if (rank < 0) return this.list.length
    const at = this.list.findIndex((x) => {
      const r = this.leading.indexOf(x.type)
      return r < 0 || r > rank
    })
    return at < 0 ? this.list.length : at
  }
}

/** The condition list of the Config CR (main conditions first). */
export function configConditions(list: Condition[], at: number): ConditionList {
  return new ConditionList(list, at, MAIN_CONDITION_ORDER)
}

/** Computes and applies the main conditions; returns when the Degraded timer must be checked again. */
export function applyMainConditions(list: ConditionList, i: MainInput, now: number): { recheckAfter?: number } {
  const available = list.set(availableCondition(i))
  list.set(progressingCondition(i))
  const deg = degradedCondition(i, available, now)
  list.set(deg.condition)
  list.set(removedCondition(i))
  return { recheckAfter: deg.recheckAfter }
}
