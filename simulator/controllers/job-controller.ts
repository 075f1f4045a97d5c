/**
 * The Job controller: runs `parallelism` pods (`<job>-<5 chars>`) until `completions` succeeded, gives up after
 * `backoffLimit` failures (BackoffLimitExceeded), and keeps the status `oc get jobs` shows.
 */
import type { KObject } from '../api/types'
import { rfc3339 } from '../core/time'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, emit, getCondition, isPodActive, isPodReady, ms, ownedBy, ownerKey } from './util'
import { podFromTemplate } from './replicaset-controller'

const SOURCE = { component: 'job-controller' }

/** Whether a Job has finished (a Complete or Failed condition that is True). */
export function jobFinished(job: KObject): 'Complete' | 'Failed' | undefined {
  for (const t of ['Complete', 'Failed'] as const) if (getCondition(job.status, t)?.status === 'True') return t
  return undefined
}

function finishTime(p: KObject): number {
  let t = 0
  for (const s of p.status?.containerStatuses ?? []) t = Math.max(t, ms(s.state?.terminated?.finishedAt))
  return t || ms(p.metadata.creationTimestamp)
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  const job = ctx.api.tryGet('jobs.batch', namespace, name)
  if (!job) return
  const pods = ownedBy(ctx, job, 'pods')
  const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded')
  const failed = pods.filter((p) => p.status?.phase === 'Failed')
  let active = pods.filter(isPodActive)
  const status = clone(job.status ?? {})
  const at = rfc3339(ctx.now())
  const done = jobFinished(job)
  const completions = job.spec?.completions ?? 1
  const parallelism = job.spec?.parallelism ?? 1
  const backoffLimit = job.spec?.backoffLimit ?? 6
  if (!done && !job.metadata.deletionTimestamp && !job.spec?.suspend) {
    status.startTime ??= at
    if (failed.length > backoffLimit) {
      for (const p of active) ctx.api.delete('pods', p.metadata.namespace, p.metadata.name)
      active = []
      status.conditions = [...(status.conditions ?? []), { type: 'Failed', status: 'True', lastProbeTime: at, lastTransitionTime: at, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }]
      emit(ctx, job, 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', SOURCE)
    } else if (succeeded.length >= completions) {
      status.completionTime = rfc3339(Math.max(...succeeded.map(finishTime), ms(status.startTime)))
      status.conditions = [...(status.conditions ?? []), { type: 'Complete', status: 'True', lastProbeTime: at, lastTransitionTime: at }]
      emit(ctx, job, 'Normal', 'Completed', 'Job completed', SOURCE)
    } else {
      const want = Math.min(parallelism, completions - succeeded.length)
      for (let i = active.length; i < want; i++) {
        const pod = ctx.api.create('pods', podFromTemplate(job, job.spec?.template, `${job.metadata.name}-`))
        emit(ctx, job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE)
        active.push(pod)
      }
    }
  }
  if (active.length) status.active = active.length
  else delete status.active
  if (succeeded.length) status.succeeded = succeeded.length
  else delete status.succeeded
  if (failed.length) status.failed = failed.length
  else delete status.failed
  status.ready = active.filter(isPodReady).length
  status.uncountedTerminatedPods ??= {}
  const cur = ctx.api.tryGet('jobs.batch', namespace, name)!
  if (JSON.stringify(cur.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus('jobs.batch', { ...cur, status })
}

/** The Job controller (kube-controller-manager `job-controller`). */
export const jobController: Controller = {
  name: 'job-controller',
  watches: [{ resource: 'jobs.batch' }, { resource: 'pods', keys: ownerKey('Job') }],
  reconcile,
}
