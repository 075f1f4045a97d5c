/**
 * The CronJob controller (v2): creates `<cronjob>-<scheduled minutes since epoch>` Jobs on schedule, honours
 * suspend and concurrencyPolicy, records lastScheduleTime/lastSuccessfulTime and the active list, notices
 * finished jobs and trims the job history to the configured limits.
 */
import { rfc3339 } from '../core/time'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, emit, ms, ownedBy, ownerKey, ownerRefTo } from './util'
import { lastBetween, nextAfter, parseCron } from './cron'
import { jobFinished } from './job-controller'

const SOURCE = { component: 'cronjob-controller' }

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  const cj = ctx.api.tryGet('cronjobs.batch', namespace, name)
  if (!cj || cj.metadata.deletionTimestamp) return
  const now = ctx.now()
  const status = clone(cj.status ?? {})
  const jobs = ownedBy(ctx, cj, 'jobs.batch')
  const wasActive = new Set<string>((status.active ?? []).map((r: any) => r.uid))
  // Finished jobs leave the active list (once, with an event); the newest success is remembered.
  for (const j of jobs) {
    const done = jobFinished(j)
    if (done && wasActive.has(j.metadata.uid!)) emit(ctx, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${done}`, SOURCE)
    if (done === 'Complete' && j.status?.completionTime && ms(j.status.completionTime) > ms(status.lastSuccessfulTime)) status.lastSuccessfulTime = j.status.completionTime
  }
  let active = jobs.filter((j) => !jobFinished(j) && !j.metadata.deletionTimestamp)
  // History limits (oldest first).
  for (const [kind, limit] of [['Complete', cj.spec?.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec?.failedJobsHistoryLimit ?? 1]] as const) {
    const finished = jobs.filter((j) => jobFinished(j) === kind && !j.metadata.deletionTimestamp).sort((a, b) => ms(a.status?.startTime ?? a.metadata.creationTimestamp) - ms(b.status?.startTime ?? b.metadata.creationTimestamp))
    for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
      ctx.api.delete('jobs.batch', namespace, j.metadata.name, { propagationPolicy: 'Background' })
      emit(ctx, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, SOURCE)
    }
  }
  let requeue: number | undefined
  let sched
  try {
    sched = parseCron(cj.spec?.schedule ?? '')
  } catch (e) {
    emit(ctx, cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${(e as Error).message}`, SOURCE)
  }
  if (sched && !cj.spec?.suspend) {
    const since = Math.max(ms(status.lastScheduleTime), ms(cj.metadata.creationTimestamp))
    const due = lastBetween(sched, since, now)
    const deadline = cj.spec?.startingDeadlineSeconds
    const missed = due !== undefined && deadline !== undefined && now - due > deadline * 1000
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow'
    if (due !== undefined && !missed && !(policy === 'Forbid' && active.length)) {
      if (policy === 'Replace') {
        for (const j of active) {
          ctx.api.delete('jobs.batch', namespace, j.metadata.name, { propagationPolicy: 'Background' })
          emit(ctx, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, SOURCE)
        }
        active = []
      }
      const jobName = `${cj.metadata.name}-${Math.floor(due / 60000)}`
      let job = ctx.api.tryGet('jobs.batch', namespace, jobName)
      if (!job) {
        const t = clone(cj.spec?.jobTemplate ?? {})
        job = ctx.api.create('jobs.batch', {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: jobName, namespace, labels: t.metadata?.labels, annotations: t.metadata?.annotations, ownerReferences: [ownerRefTo(cj)] },
          spec: t.spec ?? {},
        })
        emit(ctx, cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`, SOURCE)
      }
      active.push(job)
      status.lastScheduleTime = rfc3339(due)
    } else if (due !== undefined && missed) status.lastScheduleTime = rfc3339(due)
    const next = nextAfter(sched, now)
    if (next !== undefined) requeue = next - now
    if (policy === 'Forbid' && active.length && due !== undefined && !missed) requeue = Math.min(requeue ?? Infinity, 10000)
  }
  const refs = active.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name, namespace, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid }))
  if (refs.length) status.active = refs
  else delete status.active
  const cur = ctx.api.tryGet('cronjobs.batch', namespace, name)!
  if (JSON.stringify(cur.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus('cronjobs.batch', { ...cur, status })
  if (requeue !== undefined) return { requeueAfter: requeue }
}

/** The CronJob controller (kube-controller-manager `cronjob-controller`). */
export const cronJobController: Controller = {
  name: 'cronjob-controller',
  watches: [{ resource: 'cronjobs.batch' }, { resource: 'jobs.batch', keys: ownerKey('CronJob') }],
  reconcile,
}

