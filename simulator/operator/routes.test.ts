import { describe, expect, it } from 'vitest'
import type { Condition } from '../api/types'
import { cond, config, operatorCluster, patchConfig } from './testing'

const NS = 'openshift-image-registry'
const coCond = (c: ReturnType<typeof operatorCluster>, type: string) => c.api.tryGet('clusteroperators.config.openshift.io', undefined, 'image-registry')!.status.conditions.find((x: Condition) => x.type === type)

function readyRegistry() {
  const c = operatorCluster()
  c.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })
  patchConfig(c, { spec: { managementState: 'Managed', storage: { emptyDir: {} } } })
  c.advance(60_000)
  expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
  return c
}

describe('RouteDegraded (§2.1 Degraded row 6, §12 #10)', () => {
  it('reports an operator route whose host an older route already claims, and clears once the route is admitted', () => {
    const c = readyRegistry()
    c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'web', namespace: 'team-a' }, spec: { host: 'registry.apps.test.example.com', to: { kind: 'Service', name: 'web' } } })
    c.advance(5_000)
    patchConfig(c, { spec: { routes: [{ name: 'public-registry', hostname: 'registry.apps.test.example.com' }] } })
    const route = c.api.tryGet('routes.route.openshift.io', NS, 'public-registry')!
    expect(route.status.ingress[0].conditions[0]).toMatchObject({ type: 'Admitted', status: 'False', reason: 'HostAlreadyClaimed' })
    const message = 'route public-registry (host registry.apps.test.example.com, router default) not admitted: route web already exposes registry.apps.test.example.com and is older'
    expect(cond(c, 'Degraded')).toBe(`True RouteDegraded: ${message}`)
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(cond(c, 'Progressing')).toBe('False Ready: The registry is ready')
    expect(coCond(c, 'Degraded')).toMatchObject({ status: 'True', reason: 'RouteDegraded', message: `Degraded: ${message}` })
    // the other claimant goes away: the router admits the registry's route and Degraded clears
    c.api.delete('routes.route.openshift.io', 'team-a', 'web')
    c.settle()
    expect(c.api.tryGet('routes.route.openshift.io', NS, 'public-registry')!.status.ingress[0].conditions[0]).toMatchObject({ type: 'Admitted', status: 'True' })
    expect(cond(c, 'Degraded')).toBe('False : ')
    expect(coCond(c, 'Degraded')).toMatchObject({ status: 'False', reason: 'AsExpected' })
  })

  it('joins several refused routes with commas, and ignores refused routes the operator does not own', () => {
    const c = readyRegistry()
    for (const [name, host] of [['a', 'one.example.com'], ['b', 'two.example.com']]) {
      c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name, namespace: 'team-a' }, spec: { host, to: { kind: 'Service', name: 'web' } } })
    }
    c.advance(5_000)
    // a route of the user's own in the registry namespace, refused too: not the operator's business
    c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'mine', namespace: NS }, spec: { host: 'one.example.com', to: { kind: 'Service', name: 'image-registry' } } })
    c.advance(5_000)
    expect(c.api.tryGet('routes.route.openshift.io', NS, 'mine')!.status.ingress[0].conditions[0]).toMatchObject({ status: 'False', reason: 'HostAlreadyClaimed' })
    expect(cond(c, 'Degraded')).toBe('False : ')
    patchConfig(c, { spec: { routes: [{ name: 'r1', hostname: 'one.example.com' }, { name: 'r2', hostname: 'two.example.com' }] } })
    expect(cond(c, 'Degraded')).toBe(
      'True RouteDegraded: route r1 (host one.example.com, router default) not admitted: route a already exposes one.example.com and is older,route r2 (host two.example.com, router default) not admitted: route b already exposes two.example.com and is older',
    )
  })

  it('waits for a rollout to complete before reporting routes (one else-if chain in status.go)', () => {
    const c = readyRegistry()
    c.api.create('routes.route.openshift.io', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'web', namespace: 'team-a' }, spec: { host: 'taken.example.com', to: { kind: 'Service', name: 'web' } } })
    c.advance(5_000)
    patchConfig(c, { spec: { routes: [{ name: 'r1', hostname: 'taken.example.com' }], nodeSelector: { 'node-role.kubernetes.io/worker': '' } } })
    expect(cond(c, 'Progressing')).toBe('True DeploymentNotCompleted: The deployment has not completed')
    expect(cond(c, 'Degraded')).toBe('False : ')
    c.advance(90_000)
    expect(cond(c, 'Progressing')).toBe('False Ready: The registry is ready')
    expect(cond(c, 'Degraded')).toMatch(/^True RouteDegraded: route r1 \(host taken\.example\.com, router default\) not admitted: /)
    expect(config(c).status.conditions.map((x: Condition) => x.type).slice(0, 4)).toEqual(['Available', 'Progressing', 'Degraded', 'Removed'])
  })
})
