import { describe, expect, it } from 'vitest'
import { applyDefaults, getSchema, pruneUnknownFields, validateObject } from './index'

const s412 = getSchema('configs.imageregistry.operator.openshift.io', '4.12')!
const s40 = getSchema('configs.imageregistry.operator.openshift.io', '4.0')!
const crd = { style: 'crd' as const, kind: 'Config' }
const cfg = (spec: Record<string, unknown>) => ({
  apiVersion: 'imageregistry.operator.openshift.io/v1',
  kind: 'Config',
  metadata: { name: 'cluster' },
  spec,
})
const messages = (schema = s412, spec: Record<string, unknown>) =>
  validateObject(schema, cfg(spec), crd).causes.map((c) => `${c.field}: ${c.message}`)

describe('Config validation (4.12)', () => {
  it('accepts the bootstrap object', () => {
    const r = validateObject(
      s412,
      cfg({
        managementState: 'Managed', replicas: 2, logLevel: 'Normal', operatorLogLevel: 'Normal', rolloutStrategy: 'RollingUpdate',
        observedConfig: null, unsupportedConfigOverrides: null, proxy: {}, httpSecret: 'ab',
        requests: { read: { maxWaitInQueue: '0s' }, write: { maxWaitInQueue: '0s' } },
        storage: { managementState: 'Managed', s3: { bucket: 'b', region: 'us-east-1', encrypt: true, trustedCA: { name: '' }, virtualHostedStyle: false } },
      }),
      crd,
    )
    expect(r).toEqual({ causes: [], unknownFields: [] })
  })

  it('reports a type mismatch', () => {
    expect(messages(s412, { replicas: 'string' })).toEqual([
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ])
    expect(messages(s412, { replicas: 1, readOnly: 'yes', routes: {} })).toEqual([
      'spec.readOnly: Invalid value: "string": spec.readOnly in body must be of type boolean: "string"',
      'spec.routes: Invalid value: "object": spec.routes in body must be of type array: "object"',
    ])
    expect(messages(s412, { replicas: 1.5 })).toEqual([
      'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
    ])
  })

  it('reports a pattern mismatch with the cause reason', () => {
    const r = validateObject(s412, cfg({ replicas: 1, managementState: 'Foo' }), crd)
    expect(r.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.managementState',
        message: `Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'`,
      },
    ])
    expect(messages(s412, { replicas: 1, rolloutStrategy: 'Blue' })).toEqual([
      `spec.rolloutStrategy: Invalid value: "Blue": spec.rolloutStrategy in body should match '^(RollingUpdate|Recreate)$'`,
    ])
  })

  it('reports an unsupported enum value', () => {
    expect(messages(s412, { replicas: 1, logLevel: 'x' })).toEqual([
      'spec.logLevel: Unsupported value: "x": supported values: "", "Normal", "Debug", "Trace", "TraceAll"',
    ])
  })

  it('reports required fields at every level', () => {
    expect(validateObject(s412, { apiVersion: 'v', kind: 'Config', metadata: { name: 'cluster' } }, crd).causes).toEqual([
      { reason: 'FieldValueRequired', field: 'spec', message: 'Required value' },
    ])
    expect(messages(s412, {})).toEqual(['spec.replicas: Required value'])
    expect(messages(s412, { replicas: 1, routes: [{ hostname: 'h' }] })).toEqual(['spec.routes[0].name: Required value'])
  })

  it('reports null where not nullable, and accepts nullable nulls', () => {
    expect(messages(s412, { replicas: 1, storage: { emptyDir: null } })).toEqual([
      'spec.storage.emptyDir: Invalid value: "null": spec.storage.emptyDir in body must be of type object: "null"',
    ])
    expect(messages(s412, { replicas: 1, observedConfig: null, unsupportedConfigOverrides: null })).toEqual([])
  })

  it('reports minimum, length, format and nested type problems', () => {
    const tsc = [{ maxSkew: 0, topologyKey: 'k', whenUnsatisfiable: 'DoNotSchedule' }]
    expect(messages(s412, { replicas: 1, topologySpreadConstraints: tsc })).toEqual([
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: spec.topologySpreadConstraints[0].maxSkew in body should be greater than or equal to 1',
    ])
    expect(messages(s412, { replicas: 1, storage: { azure: { container: 'ab' } } })).toEqual([
      'spec.storage.azure.container: Invalid value: "ab": spec.storage.azure.container in body should be at least 3 chars long',
    ])
    expect(messages(s412, { replicas: 1, requests: { read: { maxWaitInQueue: 'soon' } } })).toEqual([
      'spec.requests.read.maxWaitInQueue: Invalid value: "soon": spec.requests.read.maxWaitInQueue in body must be of type duration: "soon"',
    ])
    expect(messages(s412, { replicas: 1, nodeSelector: { a: 1 } })).toEqual([
      'spec.nodeSelector.a: Invalid value: "integer": spec.nodeSelector.a in body must be of type string: "integer"',
    ])
  })
})

describe('Config validation (4.0)', () => {
  it('requires managementState but not replicas', () => {
    expect(messages(s40, {})).toEqual(['spec.managementState: Required value'])
    expect(messages(s40, { managementState: 'Foo' })).toEqual([
      `spec.managementState: Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'`,
    ])
    expect(messages(s40, { managementState: 'Managed', replicas: 'one' })).toEqual([
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    ])
  })

  it('knows filesystem.volumeSource and not the 4.1+ fields', () => {
    const spec = { managementState: 'Managed', logLevel: 'Debug', readOnly: true, storage: { filesystem: { volumeSource: { emptyDir: {} } }, emptyDir: {}, pvc: { claim: 'x' } } }
    const r = validateObject(s40, cfg(spec), crd)
    expect(r.causes).toEqual([])
    expect(r.unknownFields).toEqual(['spec.logLevel', 'spec.readOnly', 'spec.storage.emptyDir', 'spec.storage.pvc'])
  })

  it('has internalRegistryHostname in status only in 4.0', () => {
    const st = { status: { internalRegistryHostname: 'image-registry.openshift-image-registry.svc:5000', storage: {}, storageManaged: false } }
    expect(pruneUnknownFields(s40, st).unknownFields).toEqual([])
    expect(pruneUnknownFields(s412, st).unknownFields).toEqual(['status.internalRegistryHostname'])
  })
})

describe('pruneUnknownFields', () => {
  it('drops lower-case maxrunning from workshop 001 and reports dotted paths', () => {
    const obj = cfg({ replicas: 1, requests: { read: { maxrunning: 1, maxinqueue: 2, maxWaitInQueue: '1s' }, write: { maxRunning: 3 } }, foo: { bar: 1 } })
    const r = pruneUnknownFields(s412, obj)
    expect(r.unknownFields).toEqual(['spec.requests.read.maxrunning', 'spec.requests.read.maxinqueue', 'spec.foo'])
    expect(r.value).toEqual(cfg({ replicas: 1, requests: { read: { maxWaitInQueue: '1s' }, write: { maxRunning: 3 } } }))
    expect(obj.spec).toHaveProperty('foo')
  })

  it('keeps preserve-unknown-fields content and reports array indexes', () => {
    const obj = cfg({ replicas: 1, unsupportedConfigOverrides: { deployment: { annotations: { a: 'b' } } }, routes: [{ name: 'r', tls: true }] })
    const r = pruneUnknownFields(s412, obj)
    expect(r.unknownFields).toEqual(['spec.routes[0].tls'])
    expect(r.value).toEqual(cfg({ replicas: 1, unsupportedConfigOverrides: { deployment: { annotations: { a: 'b' } } }, routes: [{ name: 'r' }] }))
  })

  it('empties objects without properties (emptyDir) and returns the same reference when nothing changed', () => {
    expect(pruneUnknownFields(s412, { spec: { storage: { emptyDir: { x: 1 } } } })).toEqual({
      value: { spec: { storage: { emptyDir: {} } } },
      unknownFields: ['spec.storage.emptyDir.x'],
    })
    const same = cfg({ replicas: 1 })
    expect(pruneUnknownFields(s412, same).value).toBe(same)
  })
})

describe('applyDefaults', () => {
  it('fills logLevel and operatorLogLevel where spec exists', () => {
    expect(applyDefaults(s412, cfg({ replicas: 1 }))).toEqual(cfg({ replicas: 1, logLevel: 'Normal', operatorLogLevel: 'Normal' }))
    expect(applyDefaults(s412, cfg({ replicas: 1, logLevel: 'Debug' })).spec).toEqual({ replicas: 1, logLevel: 'Debug', operatorLogLevel: 'Normal' })
  })

  it('does not create missing parents and does not mutate the input', () => {
    const o = { metadata: { name: 'cluster' } }
    expect(applyDefaults(s412, o)).toBe(o)
    const oss = cfg({ replicas: 1, storage: { oss: { encryption: {} } } })
    const d = applyDefaults(s412, oss)
    expect(d.spec.storage).toEqual({ oss: { endpointAccessibility: 'Internal', encryption: { method: 'AES256' } } })
    expect(oss.spec.storage).toEqual({ oss: { encryption: {} } })
  })

  it('replaces a null non-nullable defaulted field; 4.0 has no defaults', () => {
    expect(applyDefaults(s412, { spec: { logLevel: null } })).toEqual({ spec: { logLevel: 'Normal', operatorLogLevel: 'Normal' } })
    const o = cfg({ managementState: 'Managed' })
    expect(applyDefaults(s40, o)).toBe(o)
  })
})
