import { describe, expect, it } from 'vitest'
import { admitObject, DecodeError, getSchema, pruneNonNullableNulls } from './index'

const cfg = getSchema('configs.imageregistry.operator.openshift.io', '4.12')!
const cfg40 = getSchema('configs.imageregistry.operator.openshift.io', '4.0')!
const meta = { apiVersion: 'imageregistry.operator.openshift.io/v1', kind: 'Config', metadata: { name: 'cluster' } }

describe('pruneNonNullableNulls', () => {
  it('drops non-nullable nulls, keeps nullable ones and defaulted ones, keeps list items', () => {
    const o = { spec: { storage: { emptyDir: null, pvc: { claim: 'c' } }, observedConfig: null, logLevel: null, routes: [null] } }
    expect(pruneNonNullableNulls(cfg, o)).toEqual({ spec: { storage: { pvc: { claim: 'c' } }, observedConfig: null, logLevel: null, routes: [null] } })
    expect(o.spec.storage.emptyDir).toBeNull()
  })
})

describe('admitObject', () => {
  it('runs prune, null pruning, defaulting and validation for a CR', () => {
    const r = admitObject(cfg, { ...meta, spec: { replicas: 1, storage: { emptyDir: null, pvc: {} }, requests: { read: { maxrunning: 1 } } } }, { style: 'crd', kind: 'Config' })
    expect(r).toEqual({
      value: { ...meta, spec: { replicas: 1, storage: { pvc: {} }, requests: { read: {} }, logLevel: 'Normal', operatorLogLevel: 'Normal' } },
      causes: [],
      unknownFields: ['spec.requests.read.maxrunning'],
    })
  })

  it('reports CRD causes after defaulting', () => {
    const r = admitObject(cfg, { ...meta, spec: { replicas: 'x', managementState: 'Foo' } }, { style: 'crd', kind: 'Config' })
    expect(r.causes.map((c) => c.message)).toEqual([
      'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      `Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'`,
    ])
  })

  it('keeps unknown fields when pruning is off (4.0-era CRDs)', () => {
    const r = admitObject(cfg40, { ...meta, spec: { managementState: 'Managed', requests: { read: { maxrunning: 1 } } } }, { style: 'crd', kind: 'Config', prune: false })
    expect(r.value.spec).toEqual({ managementState: 'Managed', requests: { read: { maxrunning: 1 } } })
    expect(r.unknownFields).toEqual([])
  })

  it('throws DecodeError for a built-in type mismatch before pruning', () => {
    const pvc = getSchema('persistentvolumeclaims', '4.12')!
    expect(() => admitObject(pvc, { spec: { storageClassName: 5 } }, { style: 'builtin', kind: 'PersistentVolumeClaim' })).toThrow(
      new DecodeError('json: cannot unmarshal number into Go struct field PersistentVolumeClaimSpec.spec.storageClassName of type string'),
    )
    const ok = admitObject(pvc, { metadata: { name: 'p' }, spec: { foo: 1, accessModes: ['ReadWriteMany'] } }, { style: 'builtin', kind: 'PersistentVolumeClaim' })
    expect(ok).toEqual({ value: { metadata: { name: 'p' }, spec: { accessModes: ['ReadWriteMany'] } }, causes: [], unknownFields: ['spec.foo'] })
  })
})
