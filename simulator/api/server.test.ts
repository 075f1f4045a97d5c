import { describe, expect, it } from 'vitest'
import { ApiServer } from './server'
import { VirtualClock } from '../core/clock'
import { Rng } from '../core/rng'
import { schemaAdmission } from './admission'
import type { KObject } from './types'
import { ApiError } from './errors'
import { formatApiError } from '../cli/errors'

function server(profile: '4.0' | '4.12' = '4.12') {
  const clock = new VirtualClock(Date.UTC(2023, 0, 1))
  const api = new ApiServer(clock, new Rng(7), profile)
  api.admission = schemaAdmission
  api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } })
  return { api, clock }
}

const cm = (name: string, data: Record<string, string> = { a: '1' }): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'demo' }, data })

const errorText = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    if (e instanceof ApiError) return formatApiError(e)
    throw e
  }
  throw new Error('expected an error')
}

const registryConfig = (): KObject => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster' },
  spec: { managementState: 'Managed', replicas: 1, storage: { emptyDir: {} } },
})

describe('ApiServer create/get', () => {
  it('assigns uid, resourceVersion, creationTimestamp, and generation to kinds that track it', () => {
    const { api } = server()
    const o = api.create('configmaps', cm('x'))
    expect(o.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(o.metadata.generation).toBeUndefined()
    expect(api.create('configs.imageregistry.operator.openshift.io', registryConfig()).metadata.generation).toBe(1)
    expect(o.metadata.creationTimestamp).toBe('2023-01-01T00:00:00Z')
    expect(Number(o.metadata.resourceVersion)).toBeGreaterThan(0)
    expect(api.get('configmaps', 'demo', 'x')).toBe(o)
  })

  it('answers NotFound and AlreadyExists in the real words', () => {
    const { api } = server()
    expect(errorText(() => api.get('configmaps', 'demo', 'nope'))).toBe('Error from server (NotFound): configmaps "nope" not found')
    expect(errorText(() => api.get('configs.imageregistry.operator.openshift.io', undefined, 'instance'))).toBe(
      'Error from server (NotFound): configs.imageregistry.operator.openshift.io "instance" not found',
    )
    api.create('configmaps', cm('x'))
    expect(errorText(() => api.create('configmaps', cm('x')))).toBe('Error from server (AlreadyExists): configmaps "x" already exists')
  })

  it('refuses an invalid name and a missing namespace', () => {
    const { api } = server()
    expect(errorText(() => api.create('configmaps', cm('Bad_Name')))).toBe(
      `The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    )
    expect(errorText(() => api.create('configmaps', { ...cm('y'), metadata: { name: 'y', namespace: 'nope' } }))).toBe(
      'Error from server (NotFound): namespaces "nope" not found',
    )
  })

  it('generateName draws a suffix from the seeded source', () => {
    const { api } = server()
    const o = api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-', namespace: 'demo' } } as KObject)
    expect(o.metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
  })
})

describe('ApiServer update', () => {
  it('answers Conflict for a stale resourceVersion', () => {
    const { api } = server()
    const o = api.create('configmaps', cm('x'))
    api.update('configmaps', { ...o, data: { a: '2' } })
    expect(errorText(() => api.update('configmaps', { ...o, data: { a: '3' } }))).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again',
    )
  })

  it('bumps generation on spec changes only, and keeps status behind the status subresource', () => {
    const { api } = server()
    const c = api.create('configs.imageregistry.operator.openshift.io', registryConfig())
    const labelled = api.update('configs.imageregistry.operator.openshift.io', { ...c, metadata: { ...c.metadata, labels: { a: 'b' } } })
    expect(labelled.metadata.generation).toBe(1)
    const withStatus = api.update('configs.imageregistry.operator.openshift.io', { ...labelled, status: { readyReplicas: 5, storage: {}, storageManaged: false } })
    expect(withStatus.status).toBeUndefined()
    const st = api.updateStatus('configs.imageregistry.operator.openshift.io', { ...labelled, status: { readyReplicas: 5, storage: {}, storageManaged: false } })
    expect(st.status).toEqual({ readyReplicas: 5, storage: {}, storageManaged: false })
    expect(st.metadata.generation).toBe(1)
    const spec = api.update('configs.imageregistry.operator.openshift.io', { ...st, spec: { ...st.spec, replicas: 2 } })
    expect(spec.metadata.generation).toBe(2)
    expect(spec.status).toEqual({ readyReplicas: 5, storage: {}, storageManaged: false })
  })

  it('does not bump resourceVersion for a no-op update', () => {
    const { api } = server()
    const o = api.create('configmaps', cm('x'))
    expect(api.update('configmaps', o).metadata.resourceVersion).toBe(o.metadata.resourceVersion)
  })
})

describe('ApiServer patch', () => {
  it('applies a merge patch and reports no change', () => {
    const { api } = server()
    api.create('configs.imageregistry.operator.openshift.io', registryConfig())
    const r = api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { storage: { emptyDir: null, pvc: { claim: 'x' } } } })
    expect(r.changed).toBe(true)
    expect(r.object.spec.storage).toEqual({ pvc: { claim: 'x' } })
    expect(api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { replicas: 1 } }).changed).toBe(false)
  })

  it('validates against the CRD schema with the apiextensions wording', () => {
    const { api } = server()
    api.create('configs.imageregistry.operator.openshift.io', registryConfig())
    expect(errorText(() => api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { managementState: 'Foo' } }))).toBe(
      `The Config "cluster" is invalid: spec.managementState: Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'`,
    )
    expect(errorText(() => api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { defaultRoute: 'true' } }))).toBe(
      'The Config "cluster" is invalid: spec.defaultRoute: Invalid value: "string": spec.defaultRoute in body must be of type boolean: "string"',
    )
  })

  it('warns about unknown fields and drops them', () => {
    const { api } = server()
    api.create('configs.imageregistry.operator.openshift.io', registryConfig())
    const warnings: string[] = []
    const r = api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'merge', { spec: { requests: { read: { maxrunning: 10 } } } }, { warnings })
    expect(warnings).toEqual(['unknown field "spec.requests.read.maxrunning"'])
    expect(r.object.spec.requests).toEqual({ read: {} })
  })

  it('applies a JSON patch, and refuses a failing one with the 422 wording', () => {
    const { api } = server()
    api.create('configmaps', cm('x'))
    const r = api.patch('configmaps', 'demo', 'x', 'json', [{ op: 'replace', path: '/data/a', value: '9' }])
    expect(r.object.data).toEqual({ a: '9' })
    expect(errorText(() => api.patch('configmaps', 'demo', 'x', 'json', [{ op: 'remove', path: '/data/missing' }]))).toBe(
      'The request is invalid: the server rejected our request due to an error in our request',
    )
    expect(errorText(() => api.patch('configmaps', 'demo', 'x', 'json', { data: {} }))).toBe(
      'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp',
    )
  })

  it('merges lists by their merge key in a strategic merge patch on a built-in kind', () => {
    const { api } = server()
    api.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'demo' },
      spec: { containers: [{ name: 'a', image: 'x', env: [{ name: 'A', value: '1' }] }, { name: 'b', image: 'y' }] },
    })
    const r = api.patch('pods', 'demo', 'p', 'strategic', { spec: { containers: [{ name: 'a', env: [{ name: 'B', value: '2' }] }] } })
    expect(r.object.spec.containers).toEqual([
      { name: 'a', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'b', image: 'y' },
    ])
  })

  it('refuses a strategic merge patch on a custom resource, per profile', () => {
    const { api } = server()
    api.create('configs.imageregistry.operator.openshift.io', registryConfig())
    expect(errorText(() => api.patch('configs.imageregistry.operator.openshift.io', undefined, 'cluster', 'strategic', { spec: {} }))).toBe(
      'Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    )
  })
})

describe('ApiServer delete', () => {
  it('keeps an object with finalizers until they are removed', () => {
    const { api } = server()
    const c = api.create('configs.imageregistry.operator.openshift.io', { ...registryConfig(), metadata: { name: 'cluster', finalizers: ['x/y'] } })
    const d = api.delete('configs.imageregistry.operator.openshift.io', undefined, 'cluster')!
    expect(d.metadata.deletionTimestamp).toBe('2023-01-01T00:00:00Z')
    expect(api.tryGet('configs.imageregistry.operator.openshift.io', undefined, 'cluster')).toBeDefined()
    api.update('configs.imageregistry.operator.openshift.io', { ...d, metadata: { ...d.metadata, finalizers: [] } })
    expect(api.tryGet('configs.imageregistry.operator.openshift.io', undefined, 'cluster')).toBeUndefined()
    void c
  })

  it('terminates a scheduled pod gracefully and removes an unscheduled one at once', () => {
    const { api } = server()
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'demo' }, spec: { nodeName: 'n1', terminationGracePeriodSeconds: 55, containers: [{ name: 'c', image: 'i' }] } })
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'demo' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    const a = api.delete('pods', 'demo', 'a')!
    expect(a.metadata.deletionTimestamp).toBe('2023-01-01T00:00:55Z')
    expect(a.metadata.deletionGracePeriodSeconds).toBe(55)
    expect(api.delete('pods', 'demo', 'b')).toBeUndefined()
    expect(api.tryGet('pods', 'demo', 'b')).toBeUndefined()
  })

  it('notifies watchers with the event type and immer patches', () => {
    const { api } = server()
    const seen: string[] = []
    api.watch((e) => seen.push(`${e.type} ${e.object.metadata.name} ${e.patches.length}`))
    api.create('configmaps', cm('x'))
    api.patch('configmaps', 'demo', 'x', 'merge', { data: { a: '2' } })
    api.delete('configmaps', 'demo', 'x')
    expect(seen).toEqual(['ADDED x 1', 'MODIFIED x 1', 'DELETED x 1'])
  })
})

describe('ApiServer audit and projects', () => {
  it('records requests made by a trainee command, not by controllers', () => {
    const { api } = server()
    api.create('configmaps', cm('x'))
    api.as({ user: 'kube:admin', command: 'oc get cm x' }, () => api.get('configmaps', 'demo', 'x'))
    expect(api.audit).toEqual([{ time: Date.UTC(2023, 0, 1), verb: 'get', resource: 'configmaps', namespace: 'demo', name: 'x', user: 'kube:admin', command: 'oc get cm x' }])
  })

  it('records the status of a request that failed, and of a log or exec request the pod cannot serve', () => {
    const { api } = server()
    api.create('configmaps', cm('x'))
    api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'demo' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
    const as = (command: string, fn: () => unknown) => api.as({ user: 'kube:admin', command }, () => {
      try {
        fn()
      } catch {
        // the error is what the CLI prints; here only the audit entry matters
      }
    })
    as('oc get cm nope', () => api.get('configmaps', 'demo', 'nope'))
    as('oc create cm x', () => api.create('configmaps', cm('x')))
    as('oc patch cm x', () => api.patch('configmaps', 'demo', 'x', 'merge', { data: { a: '2' } }))
    as('oc logs p', () => api.recordSubresource('get', 'pods', 'demo', 'p', 'log'))
    expect(api.audit.map((e) => [e.command, e.code])).toEqual([['oc get cm nope', 404], ['oc create cm x', 409], ['oc patch cm x', undefined], ['oc logs p', 400]])
    expect('code' in api.audit[2]).toBe(false)
  })

  it('serves projects from namespaces', () => {
    const { api } = server()
    const p = api.get('projects.project.openshift.io', undefined, 'demo')
    expect(p.kind).toBe('Project')
    expect(p.apiVersion).toBe('project.openshift.io/v1')
    expect(api.list('projects.project.openshift.io').map((x) => x.metadata.name)).toEqual(['demo'])
  })
})
