import { describe, expect, it } from 'vitest'
import type { Cluster } from '../cluster'
import { runInSession } from '../runner/run-script'
import { ClusterSession } from '../session'
import { FAULT_IDS, FAULTS } from './faults'
import { scenarioByName } from './index'

const NS = 'openshift-image-registry'
const CONFIG = 'configs.imageregistry.operator.openshift.io'
const cond = (c: Cluster, type: string) => {
  const x = c.api.get(CONFIG, undefined, c.profile === '4.0' ? 'instance' : 'cluster').status?.conditions?.find((k: any) => k.type === type)
  return x ? `${x.status} ${x.reason ?? ''}` : 'missing'
}
const registryPods = (c: Cluster) => c.api.query('pods', { namespace: NS }).filter((p) => p.metadata.labels?.['docker-registry'] === 'default')
const events = (c: Cluster) => c.api.query('events', { namespace: NS }).map((e) => `${e.reason}: ${e.message}`)

async function oc(c: Cluster, script: string) {
  const session = new ClusterSession(c, { timeMode: 'instant' })
  const out = await runInSession(session, script)
  for (const r of out) expect(r.exitCode, `${r.command}\n${r.terminal}`).toBe(0)
  return out
}

function build(scenario: string, fault: string): Cluster {
  return scenarioByName(scenario)!.build({ seed: 1, faults: [fault] })
}

function healed(c: Cluster) {
  c.advance(12 * 60_000)
  expect(cond(c, 'Available')).toBe('True Ready')
  expect(cond(c, 'Progressing')).toBe('False Ready')
}

describe('fault table', () => {
  it('covers every fault id exactly', () => {
    expect(FAULTS.map((f) => f.id)).toEqual(FAULT_IDS)
  })
})

describe('faults', () => {
  it('s3-wrong-keys', async () => {
    const c = build('aws', 's3-wrong-keys')
    expect(cond(c, 'StorageExists')).toMatch(/^False/)
    expect(cond(c, 'Progressing')).toBe('True Error')
    await oc(c, 'oc delete secret image-registry-private-configuration-user -n openshift-image-registry\n')
    healed(c)
  })

  it('s3-bucket-deleted', async () => {
    const c = build('aws', 's3-bucket-deleted')
    expect(registryPods(c).every((p) => p.status.containerStatuses[0].ready === false)).toBe(true)
    expect(events(c).some((e) => e.startsWith('Unhealthy:'))).toBe(true)
    await oc(c, 'oc scale deployment cluster-image-registry-operator --replicas=1 -n openshift-image-registry\n')
    healed(c)
  })

  it('pvc-unbound', async () => {
    const c = build('baremetal', 'pvc-unbound')
    expect(c.api.get('persistentvolumeclaims', NS, 'image-registry-storage').status.phase).toBe('Pending')
    expect(registryPods(c).map((p) => p.status.phase)).toEqual(['Pending'])
    expect(cond(c, 'Available')).toBe('False NoReplicasAvailable')
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"storage":{"pvc":null,"emptyDir":{}}}}'\n`)
    healed(c)
  })

  it('rwo-two-replicas', async () => {
    const c = build('aws', 'rwo-two-replicas')
    expect(events(c).some((e) => e.includes('Multi-Attach error'))).toBe(true)
    expect(cond(c, 'Available')).toBe('True MinimumAvailability')
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":1}}'\n`)
    healed(c)
  })

  it('nodeselector-impossible', async () => {
    const c = build('aws', 'nodeselector-impossible')
    expect(events(c).some((e) => e.startsWith('FailedScheduling:') && e.includes("didn't match Pod's node affinity/selector"))).toBe(true)
    expect(cond(c, 'Degraded')).toBe('True ProgressDeadlineExceeded')
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"nodeSelector":null}}'\n`)
    healed(c)
  })

  it('infra-tainted', async () => {
    const c = build('baremetal', 'infra-tainted')
    expect(events(c).some((e) => e.startsWith('FailedScheduling:') && e.includes('untolerated taint'))).toBe(true)
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"tolerations":[{"key":"node-role.kubernetes.io/infra","value":"reserved","effect":"NoSchedule"}]}}'\n`)
    healed(c)
    expect(registryPods(c).map((p) => p.spec.nodeName)).toEqual(['node02'])
  })

  it('operator-scaled-down', async () => {
    const c = build('aws', 'operator-scaled-down')
    expect(c.api.query('pods', { namespace: NS, labelSelector: 'name=cluster-image-registry-operator' })).toEqual([])
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"defaultRoute":true}}'\n`)
    c.advance(60_000)
    expect(c.api.tryGet('routes.route.openshift.io', NS, 'default-route')).toBeUndefined()
    await oc(c, 'oc scale deployment cluster-image-registry-operator --replicas=1 -n openshift-image-registry\n')
    healed(c)
    expect(c.api.tryGet('routes.route.openshift.io', NS, 'default-route')).toBeDefined()
  })

  it('registry-crashloop', async () => {
    const c = build('aws', 'registry-crashloop')
    const crashing = registryPods(c).filter((p) => p.status.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff' || p.status.containerStatuses?.[0]?.lastState?.terminated)
    expect(crashing.length).toBeGreaterThan(0)
    const logs = c.logs.lines(NS, crashing[0].metadata.name, 'registry')
    expect(JSON.stringify(logs)).toContain('panic: parse')
    await oc(c, `oc patch configs.imageregistry.operator.openshift.io cluster --type json -p '[{"op":"remove","path":"/spec/storage/s3/regionEndpoint"}]'\n`)
    healed(c)
  })
})
