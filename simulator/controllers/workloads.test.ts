import { describe, expect, it } from 'vitest'
import { containerBehaviours } from './container-behaviour'
import { deploymentObject, eventsFor, podObject, testCluster } from './testing'
import { getCondition } from './util'
import { nextAfter, parseCron } from './cron'

const NS = 'openshift-image-registry'

function nodeCa() {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'node-ca', namespace: NS },
    spec: {
      selector: { matchLabels: { name: 'node-ca' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      template: {
        metadata: { labels: { name: 'node-ca' } },
        spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }], hostNetwork: true, containers: [{ name: 'node-ca', image: 'quay.io/openshift/origin-cluster-image-registry-operator:4.12' }] },
      },
    },
  }
}

describe('daemonsets', () => {
  it('runs node-ca on every node, pinned by matchFields, with hostNetwork IPs', () => {
    const c = testCluster({ infra: 1 })
    c.api.create('daemonsets.apps', nodeCa())
    c.advance(10_000)
    const pods = c.api.query('pods', { namespace: NS })
    expect(pods).toHaveLength(7)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^node-ca-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      const field = p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0]
      expect(field).toEqual({ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] })
      expect(p.status.podIP).toBe(p.status.hostIP)
      expect(eventsFor(c, NS, p.metadata.name).some((e) => e.startsWith('AddedInterface'))).toBe(false)
    }
    const ds = c.api.get('daemonsets.apps', NS, 'node-ca')
    expect(ds.status).toEqual({ currentNumberScheduled: 7, desiredNumberScheduled: 7, numberMisscheduled: 0, numberReady: 7, observedGeneration: 1, numberAvailable: 7, updatedNumberScheduled: 7 })
    expect(eventsFor(c, NS, 'node-ca').filter((e) => e.startsWith('SuccessfulCreate: Created pod: node-ca-'))).toHaveLength(7)
  })

  it('gives a new node a pod and rolls a changed template one node at a time', () => {
    const c = testCluster()
    c.api.create('daemonsets.apps', nodeCa())
    c.advance(10_000)
    const ds = structuredClone(c.api.get('daemonsets.apps', NS, 'node-ca'))
    ds.spec.template.spec.containers[0].image = 'quay.io/openshift/origin-cluster-image-registry-operator:4.13'
    c.api.update('daemonsets.apps', ds)
    c.settle()
    expect(c.api.query('pods', { namespace: NS }).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(1)
    c.advance(120_000)
    const pods = c.api.query('pods', { namespace: NS })
    expect(pods).toHaveLength(6)
    expect(pods.every((p) => p.spec.containers[0].image.endsWith(':4.13'))).toBe(true)
  })

  it('only runs where tolerations allow', () => {
    const c = testCluster()
    const d = nodeCa()
    d.spec.template.spec.tolerations = []
    c.api.create('daemonsets.apps', d)
    c.advance(10_000)
    expect(c.api.query('pods', { namespace: NS }).map((p) => p.spec.nodeName).sort()).toEqual(['worker-0.test.example.com', 'worker-1.test.example.com', 'worker-2.test.example.com'])
  })
})

describe('kubelet behaviours', () => {
  it('restarts a crashing container with CrashLoopBackOff back-off', () => {
    const c = testCluster({ namespaces: ['demo'] })
    containerBehaviours(c.ctx).register('crasher', (pod) => (pod.metadata.labels?.app === 'web' ? { exit: { code: 1, reason: 'Error', afterMs: 2000 } } : undefined))
    c.api.create('deployments.apps', deploymentObject('demo', 'web'))
    c.advance(8_000)
    let p = c.api.query('pods', { namespace: 'demo' })[0]
    expect(p.status.containerStatuses[0].restartCount).toBe(1)
    c.advance(5_000)
    p = c.api.query('pods', { namespace: 'demo' })[0]
    const cs = p.status.containerStatuses[0]
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff')
    expect(cs.state.waiting.message).toBe(`back-off 10s restarting failed container=web pod=${p.metadata.name}_demo(${p.metadata.uid})`)
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(eventsFor(c, 'demo', p.metadata.name)).toContain(`BackOff: Back-off restarting failed container web in pod ${p.metadata.name}_demo(${p.metadata.uid})`)
    c.advance(300_000)
    p = c.api.query('pods', { namespace: 'demo' })[0]
    expect(p.status.containerStatuses[0].restartCount).toBeGreaterThanOrEqual(5)
    expect(p.status.containerStatuses[0].restartCount).toBeLessThanOrEqual(7)
  })

  it('calls onStart and honours ready=false', () => {
    const c = testCluster({ namespaces: ['demo'] })
    let ready = false
    containerBehaviours(c.ctx).register('reg', (pod, container, ctx) => ({ ready, onStart: () => ctx.logs.append(pod.metadata.namespace!, pod.metadata.name, container.name, ctx.now(), 'starting') }))
    c.api.create('pods', podObject('demo', 'solo'))
    c.advance(10_000)
    let p = c.api.get('pods', 'demo', 'solo')
    expect(p.status.phase).toBe('Running')
    expect(getCondition(p.status, 'Ready')?.status).toBe('False')
    expect(c.logs.lines('demo', 'solo', 'main').map((l) => l.text)).toEqual(['starting'])
    ready = true
    c.advance(10_000)
    p = c.api.get('pods', 'demo', 'solo')
    expect(getCondition(p.status, 'Ready')?.status).toBe('True')
  })

  it('stops a terminating pod after its preStop sleep', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('pods', podObject('demo', 'solo', { terminationGracePeriodSeconds: 55, containers: [{ name: 'registry', image: 'r:1', lifecycle: { preStop: { exec: { command: ['sleep', '25'] } } } }] }))
    c.advance(10_000)
    c.api.delete('pods', 'demo', 'solo')
    c.advance(20_000)
    expect(c.api.tryGet('pods', 'demo', 'solo')?.metadata.deletionTimestamp).toBeDefined()
    c.advance(10_000)
    expect(c.api.tryGet('pods', 'demo', 'solo')).toBeUndefined()
    expect(eventsFor(c, 'demo', 'solo')).toContain('Killing: Stopping container registry')
  })
})

describe('jobs and cronjobs', () => {
  it('parses cron schedules', () => {
    const s = parseCron('0 0 * * *')
    expect(nextAfter(s, Date.UTC(2023, 0, 16, 9))).toBe(Date.UTC(2023, 0, 17))
    expect(nextAfter(parseCron('*/15 * * * *'), Date.UTC(2023, 0, 16, 9, 1))).toBe(Date.UTC(2023, 0, 16, 9, 15))
    expect(nextAfter(parseCron('0 3 * * mon'), Date.UTC(2023, 0, 16, 9))).toBe(Date.UTC(2023, 0, 23, 3))
    expect(() => parseCron('61 * * * *')).toThrow()
  })

  it('runs a job to completion', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('jobs.batch', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'demo' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } } } })
    c.advance(20_000)
    const job = c.api.get('jobs.batch', 'demo', 'once')
    expect(job.status).toMatchObject({ succeeded: 1, ready: 0 })
    expect(job.status.completionTime).toBeDefined()
    expect(getCondition(job.status, 'Complete')?.status).toBe('True')
    const pod = c.api.query('pods', { namespace: 'demo' })[0]
    expect(pod.status.phase).toBe('Succeeded')
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })

  it('fails a job after backoffLimit', () => {
    const c = testCluster({ namespaces: ['demo'] })
    containerBehaviours(c.ctx).register('fail', () => ({ exit: { code: 2, reason: 'Error', afterMs: 1000 } }))
    c.api.create('jobs.batch', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'bad', namespace: 'demo' }, spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x:1' }] } } } })
    c.advance(20_000)
    const job = c.api.get('jobs.batch', 'demo', 'bad')
    expect(getCondition(job.status, 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' })
    expect(job.status.failed).toBe(1)
  })

  it('schedules the image pruner daily and keeps the history limit', () => {
    const c = testCluster()
    c.api.create('cronjobs.batch', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'image-pruner', namespace: NS },
      spec: { schedule: '0 0 * * *', concurrencyPolicy: 'Forbid', successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 3, jobTemplate: { spec: { backoffLimit: 0, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'image-pruner', image: 'cli:4.12' }] } } } } },
    })
    c.advance(4 * 86400_000 + 15 * 3600_000 + 60_000)
    const jobs = c.api.query('jobs.batch', { namespace: NS }).map((j) => j.metadata.name)
    expect(jobs).toHaveLength(3)
    const day5 = Math.floor(Date.UTC(2023, 0, 21) / 60000)
    expect(jobs).toContain(`image-pruner-${day5}`)
    const cj = c.api.get('cronjobs.batch', NS, 'image-pruner')
    expect(cj.status.lastScheduleTime).toBe('2023-01-21T00:00:00Z')
    expect(cj.status.lastSuccessfulTime).toBeDefined()
    expect(cj.status.active).toBeUndefined()
    const ev = eventsFor(c, NS, 'image-pruner', 'CronJob')
    expect(ev).toContain(`SuccessfulCreate: Created job image-pruner-${day5}`)
    expect(ev).toContain(`SawCompletedJob: Saw completed job: image-pruner-${day5}, status: Complete`)
    expect(ev.some((e) => e.startsWith('SuccessfulDelete: Deleted job image-pruner-'))).toBe(true)
  })
})
