import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { admitObject, applyDefaults, DecodeError, pruneNonNullableNulls, getSchema, pruneUnknownFields, schemaFieldAt, schemaResourceKeys, validateObject } from './index'
import type { Profile } from '../types'

const keys = schemaResourceKeys()
const profiles: Profile[] = ['4.0', '4.12']
const json = fc.jsonValue({ maxDepth: 5 })
const keyName = fc.constantFrom('spec', 'status', 'metadata', 'replicas', 'storage', 'template', 'containers', 'data', 'name', '__proto__', 'requests', 'read')
const shaped = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, json, fc.dictionary(keyName, tie('node'), { maxKeys: 4 }), fc.array(tie('node'), { maxLength: 3 })),
})).node

describe('schema functions on random JSON', () => {
  it('never throw (builtin decoding only throws DecodeError) and never mutate the input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...profiles), fc.oneof(json, shaped), (key, profile, value) => {
        const schema = getSchema(key, profile)!
        const before = JSON.stringify(value)
        const crd = validateObject(schema, value, { style: 'crd', kind: 'X' })
        expect(Array.isArray(crd.causes)).toBe(true)
        try {
          validateObject(schema, value, { style: 'builtin', kind: 'X' })
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError)
        }
        const pruned = pruneUnknownFields(schema, value)
        expect(pruneUnknownFields(schema, pruned.value).unknownFields).toEqual([])
        applyDefaults(schema, pruned.value)
        applyDefaults(schema, value)
        pruneNonNullableNulls(schema, value)
        admitObject(schema, value, { style: 'crd', kind: 'X' })
        expect(JSON.stringify(value)).toBe(before)
      }),
      { numRuns: 400 },
    )
  })
})

describe('getSchema / schemaFieldAt', () => {
  it('has a schema for every kind on both profiles', () => {
    expect(keys).toHaveLength(32)
    for (const k of keys) for (const p of profiles) expect(getSchema(k, p)?.properties?.metadata, `${k} ${p}`).toBeDefined()
    expect(getSchema('widgets', '4.12')).toBeUndefined()
    expect(getSchema('constructor', '4.12')).toBeUndefined()
  })

  it('walks properties, list items and maps', () => {
    const cfg = getSchema('configs.imageregistry.operator.openshift.io', '4.12')!
    expect(schemaFieldAt(cfg, ['spec', 'managementState'])?.pattern).toBe('^(Managed|Unmanaged|Force|Removed)$')
    expect(schemaFieldAt(cfg, ['spec', 'routes', 'name'])?.type).toBe('string')
    expect(schemaFieldAt(cfg, ['spec', 'routes', '0', 'name'])?.type).toBe('string')
    expect(schemaFieldAt(cfg, ['spec', 'nodeSelector', 'kubernetes.io/os'])?.type).toBe('string')
    expect(schemaFieldAt(cfg, ['spec', 'storage', 'pvc'])).toBeDefined()
    expect(schemaFieldAt(getSchema('configs.imageregistry.operator.openshift.io', '4.0')!, ['spec', 'storage', 'pvc'])).toBeUndefined()
    expect(schemaFieldAt(cfg, ['spec', 'nope'])).toBeUndefined()
  })

  it('carries strategic-merge-patch metadata on built-in lists', () => {
    const pod = getSchema('pods', '4.12')!
    const smp = (path: string[]) => {
      const s = schemaFieldAt(pod, path)!
      return [s['x-kubernetes-patch-merge-key'], s['x-kubernetes-patch-strategy']]
    }
    expect(smp(['spec', 'containers'])).toEqual(['name', 'merge'])
    expect(smp(['spec', 'containers', 'env'])).toEqual(['name', 'merge'])
    expect(smp(['spec', 'volumes'])).toEqual(['name', 'merge,retainKeys'])
    expect(smp(['spec', 'containers', 'volumeMounts'])).toEqual(['mountPath', 'merge'])
    expect(smp(['spec', 'containers', 'ports'])).toEqual(['containerPort', 'merge'])
    expect(smp(['status', 'conditions'])).toEqual(['type', 'merge'])
    expect(smp(['spec', 'tolerations'])).toEqual([undefined, undefined])
    expect(smp(['metadata', 'ownerReferences'])).toEqual(['uid', 'merge'])
    expect(smp(['metadata', 'finalizers'])).toEqual([undefined, 'merge'])
  })
})
