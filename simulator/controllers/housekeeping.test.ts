import { describe, expect, it } from 'vitest'
import { deploymentObject, testCluster } from './testing'
import { b64decode, getCondition } from './util'

describe('service accounts', () => {
  it('gives every namespace builder/default/deployer with token and dockercfg secrets', () => {
    const c = testCluster({ namespaces: ['demo'] })
    const sas = c.api.query('serviceaccounts', { namespace: 'demo' }).map((s) => s.metadata.name)
    expect(sas).toEqual(['builder', 'default', 'deployer'])
    const sa = c.api.get('serviceaccounts', 'demo', 'builder')
    expect(sa.secrets.map((s: any) => s.name)).toEqual([expect.stringMatching(/^builder-token-[a-z0-9]{5}$/), expect.stringMatching(/^builder-dockercfg-[a-z0-9]{5}$/)])
    expect(sa.imagePullSecrets).toEqual([{ name: sa.secrets[1].name }])
    const token = c.api.get('secrets', 'demo', sa.secrets[0].name)
    expect(token.type).toBe('kubernetes.io/service-account-token')
    expect(Object.keys(token.data).sort()).toEqual(['ca.crt', 'namespace', 'service-ca.crt', 'token'])
    expect(b64decode(token.data.namespace)).toBe('demo')
    expect(token.metadata.annotations).toMatchObject({ 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': sa.metadata.uid })
    expect(c.api.get('secrets', 'demo', sa.secrets[1].name).type).toBe('kubernetes.io/dockercfg')
    expect(Object.keys(c.api.get('configmaps', 'demo', 'kube-root-ca.crt').data)).toEqual(['ca.crt'])
    expect(Object.keys(c.api.get('configmaps', 'demo', 'openshift-service-ca.crt').data)).toEqual(['service-ca.crt'])
  })
})

describe('services, endpoints and routes', () => {
  it('allocates a ClusterIP, keeps headless services headless and fills endpoints', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('deployments.apps', deploymentObject('demo', 'web', { replicas: 2, readinessDelay: 15 }))
    const svc = c.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'demo' }, spec: { selector: { app: 'web' }, ports: [{ name: '8080-tcp', port: 8080 }] } })
    expect(svc.spec.clusterIP).toMatch(/^172\.30\.\d+\.\d+$/)
    const headless = c.api.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'h', namespace: 'demo' }, spec: { clusterIP: 'None', ports: [{ port: 60000 }] } })
    expect(headless.spec.clusterIP).toBe('None')
    c.advance(8_000)
    let ep = c.api.get('endpoints', 'demo', 'web')
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(2)
    expect(ep.subsets[0].addresses).toBeUndefined()
    expect(ep.subsets[0].ports).toEqual([{ name: '8080-tcp', port: 8080, protocol: 'TCP' }])
    c.advance(30_000)
    ep = c.api.get('endpoints', 'demo', 'web')
    expect(ep.subsets[0].addresses).toHaveLength(2)
    expect(ep.subsets[0].addresses[0].targetRef.kind).toBe('Pod')
  })

  it('admits the first route for a host and refuses a younger one elsewhere', () => {
    const c = testCluster({ namespaces: ['a', 'b'] })
    const r1 = c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'default-route', namespace: 'a' }, spec: { to: { kind: 'Service', name: 'x' } } })
    expect(r1.spec.host).toBe('default-route-a.apps.test.example.com')
    c.advance(2000)
    c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'thief', namespace: 'b' }, spec: { host: r1.spec.host, to: { kind: 'Service', name: 'y' } } })
    c.settle()
    const a = c.api.get('routes.route.openshift.io', 'a', 'default-route').status.ingress[0]
    expect(a).toMatchObject({ host: r1.spec.host, routerName: 'default', wildcardPolicy: 'None', routerCanonicalHostname: 'router-default.apps.test.example.com' })
    expect(a.conditions[0]).toMatchObject({ type: 'Admitted', status: 'True' })
    const b = c.api.get('routes.route.openshift.io', 'b', 'thief').status.ingress[0]
    expect(b.conditions[0]).toMatchObject({ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' })
  })
})

describe('deletion', () => {
  it('foreground-deletes a deployment only after its pods are gone', () => {
    const c = testCluster({ namespaces: ['demo'] })
    const d = deploymentObject('demo', 'web', { replicas: 1 })
    d.spec.template.spec.terminationGracePeriodSeconds = 55
    d.spec.template.spec.containers[0].lifecycle = { preStop: { exec: { command: ['sleep', '25'] } } }
    c.api.create('deployments.apps', d)
    c.advance(10_000)
    c.api.delete('deployments.apps', 'demo', 'web', { propagationPolicy: 'Foreground' })
    c.settle()
    const dd = c.api.get('deployments.apps', 'demo', 'web')
    expect(dd.metadata.deletionTimestamp).toBeDefined()
    expect(dd.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(c.api.query('pods', { namespace: 'demo' })[0].metadata.deletionTimestamp).toBeDefined()
    c.advance(20_000)
    expect(c.api.tryGet('deployments.apps', 'demo', 'web')).toBeDefined()
    c.advance(15_000)
    expect(c.api.tryGet('deployments.apps', 'demo', 'web')).toBeUndefined()
    expect(c.api.query('replicasets.apps', { namespace: 'demo' })).toEqual([])
    expect(c.api.query('pods', { namespace: 'demo' })).toEqual([])
  })

  it('background deletion removes dependents through the garbage collector', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('deployments.apps', deploymentObject('demo', 'web', { replicas: 2 }))
    c.advance(10_000)
    c.api.delete('deployments.apps', 'demo', 'web')
    c.settle()
    expect(c.api.query('replicasets.apps', { namespace: 'demo' })).toEqual([])
    c.advance(5_000)
    expect(c.api.query('pods', { namespace: 'demo' })).toEqual([])
  })

  it('empties and removes a terminating namespace', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('deployments.apps', deploymentObject('demo', 'web', { replicas: 1 }))
    c.advance(10_000)
    c.api.delete('namespaces', undefined, 'demo')
    c.settle()
    expect(c.api.get('namespaces', undefined, 'demo').status.phase).toBe('Terminating')
    c.advance(10_000)
    expect(c.api.tryGet('namespaces', undefined, 'demo')).toBeUndefined()
    expect(c.api.query('pods', { namespace: 'demo' })).toEqual([])
  })

  it('expires events older than three hours', () => {
    const c = testCluster({ namespaces: ['demo'] })
    c.api.create('deployments.apps', deploymentObject('demo', 'web', { replicas: 1 }))
    c.advance(10_000)
    expect(c.api.query('events', { namespace: 'demo' }).length).toBeGreaterThan(0)
    c.advance(3 * 3600_000 + 11 * 60_000)
    expect(c.api.query('events', { namespace: 'demo' })).toEqual([])
    const d = c.api.get('deployments.apps', 'demo', 'web')
    expect(getCondition(d.status, 'Available')?.status).toBe('True')
  })
})
