/** apps, batch and policy kinds. */
import type { Schema } from './types'
import { arr, bool, enumStr, int, int64, intOrStr, obj, str, time } from './builders'
import { conditions, kindSchema, labelSelector, objectMeta, objectReference } from './meta'
import { podTemplateSpec } from './pod'

const replicas = (d = 'Number of desired pods; defaults to 1.') => int(d, { minimum: 0 })

/** The Deployment kind. */
export const deployment: Schema = kindSchema('Deployment', 'Declarative updates for pods and replica sets.', {
  spec: obj(
    {
      replicas: replicas(),
      selector: labelSelector,
      template: podTemplateSpec,
      strategy: obj(
        {
          type: enumStr(['Recreate', 'RollingUpdate'], 'Type of deployment; defaults to RollingUpdate.'),
          rollingUpdate: obj(
            {
              maxUnavailable: intOrStr('Pods that may be unavailable during the update (number or percentage).'),
              maxSurge: intOrStr('Pods that may be created above the desired count (number or percentage).'),
            },
            { goName: 'RollingUpdateDeployment', description: 'Rolling update parameters.' },
          ),
        },
        { goName: 'DeploymentStrategy', description: 'How existing pods are replaced with new ones.' },
      ),
      minReadySeconds: int('Seconds a new pod must be ready to count as available.', { minimum: 0 }),
      revisionHistoryLimit: int('Old replica sets kept for rollback; defaults to 10.', { minimum: 0 }),
      paused: bool('Whether the deployment is paused.'),
      progressDeadlineSeconds: int('Seconds before a stalled rollout is reported; defaults to 600.', { minimum: 0 }),
    },
    { required: ['selector', 'template'], goName: 'DeploymentSpec', description: 'Desired behaviour of the deployment.' },
  ),
  status: obj(
    {
      observedGeneration: int64('Generation observed by the controller.'),
      replicas: int('Total pods targeted by the deployment.'),
      updatedReplicas: int('Pods with the desired template.'),
      readyReplicas: int('Ready pods.'),
      availableReplicas: int('Available pods.'),
      unavailableReplicas: int('Unavailable pods.'),
      conditions: conditions('Latest observations of the deployment state.'),
      collisionCount: int('Hash collision count.'),
    },
    { goName: 'DeploymentStatus', description: 'Most recently observed status of the deployment.' },
  ),
})

/** The ReplicaSet kind. */
export const replicaSet: Schema = kindSchema('ReplicaSet', 'Keeps a number of pod replicas running.', {
  spec: obj(
    {
      replicas: replicas(),
      selector: labelSelector,
      template: podTemplateSpec,
      minReadySeconds: int('Seconds a new pod must be ready to count as available.', { minimum: 0 }),
    },
    { required: ['selector'], goName: 'ReplicaSetSpec', description: 'Desired state of the replica set.' },
  ),
  status: obj(
    {
      replicas: int('Most recently observed number of replicas.'),
      fullyLabeledReplicas: int('Pods whose labels match the template.'),
      readyReplicas: int('Ready pods.'),
      availableReplicas: int('Available pods.'),
      observedGeneration: int64('Generation observed by the controller.'),
      conditions: conditions(),
    },
    { required: ['replicas'], goName: 'ReplicaSetStatus', description: 'Observed status of the replica set.' },
  ),
})

/** The DaemonSet kind. */
export const daemonSet: Schema = kindSchema('DaemonSet', 'Runs one copy of a pod on each eligible node.', {
  spec: obj(
    {
      selector: labelSelector,
      template: podTemplateSpec,
      updateStrategy: obj(
        {
          type: enumStr(['RollingUpdate', 'OnDelete'], 'Type of update.'),
          rollingUpdate: obj(
            { maxUnavailable: intOrStr('Nodes that may be unavailable during the update.'), maxSurge: intOrStr('Extra pods during the update.') },
            { goName: 'RollingUpdateDaemonSet' },
          ),
        },
        { goName: 'DaemonSetUpdateStrategy', description: 'How pods are replaced.' },
      ),
      minReadySeconds: int('Seconds a new pod must be ready to count as available.', { minimum: 0 }),
      revisionHistoryLimit: int('Old histories kept for rollback.'),
    },
    { required: ['selector', 'template'], goName: 'DaemonSetSpec', description: 'Desired behaviour of the daemon set.' },
  ),
  status: obj(
    {
      currentNumberScheduled: int('Nodes running at least one daemon pod.'),
      numberMisscheduled: int('Nodes running a daemon pod that should not.'),
      desiredNumberScheduled: int('Nodes that should run the daemon pod.'),
      numberReady: int('Nodes with a ready daemon pod.'),
      updatedNumberScheduled: int('Nodes running the updated pod.'),
      numberAvailable: int('Nodes with an available daemon pod.'),
      numberUnavailable: int('Nodes without an available daemon pod.'),
      observedGeneration: int64('Generation observed by the controller.'),
      conditions: conditions(),
    },
    { required: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'], goName: 'DaemonSetStatus' },
  ),
})

const jobSpec = obj(
  {
    parallelism: int('Pods run in parallel.', { minimum: 0 }),
    completions: int('Successful pods needed.', { minimum: 0 }),
    activeDeadlineSeconds: int64('Seconds the job may be active.', { minimum: 0 }),
    backoffLimit: int('Retries before the job is failed; defaults to 6.', { minimum: 0 }),
    selector: labelSelector,
    manualSelector: bool('Use the given selector as is.'),
    template: podTemplateSpec,
    ttlSecondsAfterFinished: int('Seconds after which a finished job is deleted.', { minimum: 0 }),
    suspend: bool('Whether the job is suspended.'),
  },
  { required: ['template'], goName: 'JobSpec', description: 'Desired behaviour of the job.' },
)

/** The Job kind. */
export const job: Schema = kindSchema('Job', 'A single run-to-completion task.', {
  spec: jobSpec,
  status: obj(
    {
      conditions: conditions('Latest observations of the job state.'),
      startTime: time('Time the job started.'),
      completionTime: time('Time the job completed.'),
      active: int('Running pods.'),
      succeeded: int('Pods that succeeded.'),
      failed: int('Pods that failed.'),
    },
    { goName: 'JobStatus', description: 'Current state of the job.' },
  ),
})

/** The CronJob kind. */
export const cronJob: Schema = kindSchema('CronJob', 'Runs a job on a schedule.', {
  spec: obj(
    {
      schedule: str('Schedule in cron format.'),
      timeZone: str('Time zone of the schedule.'),
      startingDeadlineSeconds: int64('Seconds a missed run may still start.', { minimum: 0 }),
      concurrencyPolicy: enumStr(['Allow', 'Forbid', 'Replace'], 'How concurrent runs are treated.'),
      suspend: bool('Suspend future runs.'),
      jobTemplate: obj({ metadata: objectMeta, spec: jobSpec }, { required: ['spec'], goName: 'JobTemplateSpec', description: 'Job created on each run.' }),
      successfulJobsHistoryLimit: int('Successful jobs kept.', { minimum: 0 }),
      failedJobsHistoryLimit: int('Failed jobs kept.', { minimum: 0 }),
    },
    { required: ['schedule', 'jobTemplate'], goName: 'CronJobSpec', description: 'Desired behaviour of the cron job.' },
  ),
  status: obj(
    {
      active: arr(objectReference, 'Running jobs.'),
      lastScheduleTime: time('Last time a job was scheduled.'),
      lastSuccessfulTime: time('Last time a job succeeded.'),
    },
    { goName: 'CronJobStatus' },
  ),
})

/** The PodDisruptionBudget kind. */
export const podDisruptionBudget: Schema = kindSchema('PodDisruptionBudget', 'Limits voluntary disruptions of a set of pods.', {
  spec: obj(
    {
      minAvailable: intOrStr('Pods that must stay available (number or percentage).'),
      maxUnavailable: intOrStr('Pods that may be unavailable (number or percentage).'),
      selector: labelSelector,
      unhealthyPodEvictionPolicy: enumStr(['IfHealthyBudget', 'AlwaysAllow'], 'When unhealthy pods may be evicted.'),
    },
    { goName: 'PodDisruptionBudgetSpec', description: 'Desired behaviour of the budget.' },
  ),
  status: obj(
    {
      observedGeneration: int64(),
      disruptionsAllowed: int('Disruptions currently allowed.'),
      currentHealthy: int('Healthy pods.'),
      desiredHealthy: int('Minimum healthy pods.'),
      expectedPods: int('Pods counted by the budget.'),
      conditions: conditions(),
    },
    { required: ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'], goName: 'PodDisruptionBudgetStatus' },
  ),
})
