import { describe, expect, it } from 'vitest'
import { deploymentObject, eventsFor, testCluster } from './testing'
import { getCondition } from './util'

const NS = 'demo'

function setup(replicas = 2, readinessDelay?: number) {
  const c = testCluster({ namespaces: [NS] })
  c.api.create('deployments.apps', deploymentObject(NS, 'web', { replicas, readinessDelay }))
  c.settle()
  return c
}

describe('deployment → replicaset → scheduler → kubelet', () => {
  it('creates a ReplicaSet named after the pod-template hash, with revision annotations', () => {
    const c = setup()
    const [rs] = c.api.query('replicasets.apps', { namespace: NS })
    expect(rs.metadata.name).toMatch(/^web-[4-9bcdf]{9,10}$/)
    const hash = rs.metadata.name.slice(4)
    expect(rs.metadata.labels!['pod-template-hash']).toBe(hash)
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3' })
    expect(rs.metadata.ownerReferences![0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true })
    const d = c.api.get('deployments.apps', NS, 'web')
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } })
    expect(eventsFor(c, NS, 'web', 'Deployment')).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} to 2`])
  })

  it('walks pods through Pending → ContainerCreating → Running/Ready and the deployment to Available', () => {
    const c = setup(2)
    let pods = c.api.query('pods', { namespace: NS })
    expect(pods).toHaveLength(2)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.spec.nodeName).toMatch(/^worker-/)
      expect(p.status.phase).toBe('Pending')
      expect(p.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } })
      expect(getCondition(p.status, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' })
    }
    // spread over two different workers
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(2)
    let d = c.api.get('deployments.apps', NS, 'web')
    expect(getCondition(d.status, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' })
    expect(getCondition(d.status, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' })
    c.advance(10_000)
    pods = c.api.query('pods', { namespace: NS })
    for (const p of pods) {
      expect(p.status.phase).toBe('Running')
      expect(p.status.podIP).toMatch(/^10\.12[89]\./)
      expect(p.status.containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0 })
      expect(p.status.containerStatuses[0].containerID).toMatch(/^cri-o:\/\/[0-9a-f]{64}$/)
      const ev = eventsFor(c, NS, p.metadata.name)
      expect(ev[0]).toBe(`Scheduled: Successfully assigned ${NS}/${p.metadata.name} to ${p.spec.nodeName}`)
      expect(ev).toContain(`AddedInterface: Add eth0 [${p.status.podIP}/23] from ovn-kubernetes`)
      expect(ev.slice(-3)).toEqual(['Pulled: Container image "quay.io/example/web:1.0" already present on machine', 'Created: Created container web', 'Started: Started container web'])
    }
    d = c.api.get('deployments.apps', NS, 'web')
    expect(d.status).toMatchObject({ replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 })
    expect(d.status.unavailableReplicas).toBeUndefined()
    expect(getCondition(d.status, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' })
    const rs = c.api.query('replicasets.apps', { namespace: NS })[0]
    expect(getCondition(d.status, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` })
    expect(d.status.conditions.map((x: any) => x.type)).toEqual(['Available', 'Progressing'])
    expect(rs.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 })
  })

  it('readiness waits for the probe initial delay', () => {
    const c = setup(1, 15)
    c.advance(6_000)
    let p = c.api.query('pods', { namespace: NS })[0]
    expect(p.status.phase).toBe('Running')
    expect(p.status.containerStatuses[0].ready).toBe(false)
    c.advance(30_000)
    p = c.api.query('pods', { namespace: NS })[0]
    expect(p.status.containerStatuses[0].ready).toBe(true)
    expect(getCondition(p.status, 'Ready')?.status).toBe('True')
  })

  it('rolls out a template change with a new ReplicaSet and keeps the old one at 0', () => {
    const c = setup(1)
    c.advance(10_000)
    const oldRs = c.api.query('replicasets.apps', { namespace: NS })[0]
    const d = structuredClone(c.api.get('deployments.apps', NS, 'web'))
    d.spec.template.spec.containers[0].image = 'quay.io/example/web:2.0'
    c.api.update('deployments.apps', d)
    c.settle()
    let rss = c.api.query('replicasets.apps', { namespace: NS })
    expect(rss).toHaveLength(2)
    const newRs = rss.find((r) => r.metadata.name !== oldRs.metadata.name)!
    expect(newRs.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2')
    expect(newRs.spec.replicas).toBe(1)
    expect(c.api.get('replicasets.apps', NS, oldRs.metadata.name).spec.replicas).toBe(1)
    c.advance(10_000)
    rss = c.api.query('replicasets.apps', { namespace: NS })
    expect(c.api.get('replicasets.apps', NS, oldRs.metadata.name).spec.replicas).toBe(0)
    // the old pod terminates, then disappears
    c.advance(5_000)
    const pods = c.api.query('pods', { namespace: NS })
    expect(pods).toHaveLength(1)
    expect(pods[0].metadata.labels!['pod-template-hash']).toBe(newRs.metadata.labels!['pod-template-hash'])
    const dd = c.api.get('deployments.apps', NS, 'web')
    expect(dd.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2')
    expect(eventsFor(c, NS, 'web', 'Deployment')).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${oldRs.metadata.name} to 1`,
      `ScalingReplicaSet: Scaled up replica set ${newRs.metadata.name} to 1`,
      `ScalingReplicaSet: Scaled down replica set ${oldRs.metadata.name} to 0`,
    ])
    expect(getCondition(dd.status, 'Progressing')?.reason).toBe('NewReplicaSetAvailable')
  })

  it('Recreate scales the old ReplicaSet down first and waits for its pods to be gone', () => {
    const c = testCluster({ namespaces: [NS] })
    c.api.create('deployments.apps', deploymentObject(NS, 'web', { replicas: 1, strategy: { type: 'Recreate' } }))
    c.advance(10_000)
    const d = structuredClone(c.api.get('deployments.apps', NS, 'web'))
    d.spec.template.spec.containers[0].image = 'quay.io/example/web:2.0'
    c.api.update('deployments.apps', d)
    c.settle()
    expect(c.api.query('replicasets.apps', { namespace: NS })).toHaveLength(1)
    const pods = c.api.query('pods', { namespace: NS })
    expect(pods[0].metadata.deletionTimestamp).toBeDefined()
    c.advance(5_000)
    expect(c.api.query('replicasets.apps', { namespace: NS })).toHaveLength(2)
    c.advance(10_000)
    expect(getCondition(c.api.get('deployments.apps', NS, 'web').status, 'Available')?.status).toBe('True')
  })

  it('times out progressing after progressDeadlineSeconds when pods cannot be scheduled', () => {
    const c = testCluster({ namespaces: [NS] })
    const obj = deploymentObject(NS, 'web', { replicas: 1 })
    obj.spec.progressDeadlineSeconds = 60
    obj.spec.template.spec.nodeSelector = { 'node-role.kubernetes.io/infra': '' }
    c.api.create('deployments.apps', obj)
    c.settle()
    const pod = c.api.query('pods', { namespace: NS })[0]
    const msg = "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {node-role.kubernetes.io/master: }. preemption: 0/6 nodes are available: 6 Preemption is not helpful for scheduling."
    expect(getCondition(pod.status, 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg })
    expect(eventsFor(c, NS, pod.metadata.name)).toEqual([`FailedScheduling: ${msg}`])
    c.advance(62_000)
    const d = c.api.get('deployments.apps', NS, 'web')
    const rs = c.api.query('replicasets.apps', { namespace: NS })[0]
    expect(getCondition(d.status, 'Progressing')).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.` })
  })

  it('scales down the newest, not-ready pods first', () => {
    const c = setup(3)
    c.advance(10_000)
    const d = structuredClone(c.api.get('deployments.apps', NS, 'web'))
    d.spec.replicas = 1
    c.api.update('deployments.apps', d)
    c.settle()
    const rs = c.api.query('replicasets.apps', { namespace: NS })[0]
    expect(rs.spec.replicas).toBe(1)
    expect(eventsFor(c, NS, rs.metadata.name).filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2)
    c.advance(5_000)
    expect(c.api.query('pods', { namespace: NS })).toHaveLength(1)
    expect(eventsFor(c, NS, 'web', 'Deployment').at(-1)).toBe(`ScalingReplicaSet: Scaled down replica set ${rs.metadata.name} to 1`)
  })
})
