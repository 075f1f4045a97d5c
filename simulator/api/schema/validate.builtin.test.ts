import { describe, expect, it } from 'vitest'
import { DecodeError, getSchema, validateName, validateObject } from './index'

const deploy = getSchema('deployments.apps', '4.12')!
const pvc = getSchema('persistentvolumeclaims', '4.12')!
const opts = (kind: string) => ({ style: 'builtin' as const, kind })
const decodeMessage = (schema: typeof deploy, obj: unknown, kind: string): string => {
  try {
    validateObject(schema, obj, opts(kind))
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError)
    return (e as DecodeError).forKind(kind, 'v1')
  }
  throw new Error('expected a DecodeError')
}
const tpl = (container: Record<string, unknown>) => ({ spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'c', ...container }] } } } })

describe('built-in decoding errors', () => {
  it('turns a type mismatch into a Go unmarshal error', () => {
    expect(decodeMessage(deploy, { spec: { replicas: 'two' } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
    expect(decodeMessage(deploy, tpl({ ports: [{ containerPort: '80' }] }), 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    )
    expect(decodeMessage(deploy, { metadata: { labels: { a: 1 } } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    )
    expect(decodeMessage(deploy, { spec: { paused: 'yes', template: 3 } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool',
    )
    expect(decodeMessage(deploy, { spec: { template: { spec: { containers: {} } } } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    )
    expect(decodeMessage(deploy, { spec: { strategy: { rollingUpdate: { maxSurge: true } } } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type intstr.IntOrString',
    )
    expect(decodeMessage(deploy, { spec: { replicas: 1.5 } }, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    )
  })

  it('rejects a malformed quantity like the API server', () => {
    expect(decodeMessage(pvc, { spec: { resources: { requests: { storage: '100 Gi' } } } }, 'PersistentVolumeClaim')).toBe(
      `PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    )
  })

  it('accepts null as the zero value and int-or-string values', () => {
    const obj = { metadata: { name: 'd', labels: null }, spec: { replicas: null, selector: { matchLabels: {} }, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, template: { spec: { containers: [{ name: 'c' }] } } } }
    expect(validateObject(deploy, obj, opts('Deployment'))).toEqual({ causes: [], unknownFields: [] })
  })
})

describe('built-in semantic causes', () => {
  it('reports required, minimum, range and enum problems with Go field wording', () => {
    const r = validateObject(deploy, { spec: { replicas: -1, template: { spec: { containers: [{ name: '', imagePullPolicy: 'Sometimes', ports: [{ containerPort: 70000 }] }] } } } }, opts('Deployment'))
    expect(r.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.selector: Required value',
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.spec.containers[0].name: Required value',
      'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ])
    expect(r.causes[0].reason).toBe('FieldValueRequired')
    expect(r.causes[3].reason).toBe('FieldValueNotSupported')
  })

  it('reports an empty container list as required and PVC access modes as unsupported', () => {
    expect(validateObject(deploy, { spec: { selector: {}, template: { spec: { containers: [] } } } }, opts('Deployment')).causes).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.template.spec.containers', message: 'Required value' },
    ])
    expect(validateObject(pvc, { spec: { accessModes: ['ReadWriteSome'] } }, opts('PersistentVolumeClaim')).causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.accessModes[0]',
        message: 'Unsupported value: "ReadWriteSome": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      },
    ])
  })

  it('lists unknown fields of built-in kinds for the unknown-field warning', () => {
    const r = validateObject(pvc, { metadata: { name: 'p', foo: 1 }, spec: { foo: 1, resources: { requests: { storage: '1Gi' } } } }, opts('PersistentVolumeClaim'))
    expect(r).toEqual({ causes: [], unknownFields: ['metadata.foo', 'spec.foo'] })
  })
})

describe('validateName', () => {
  it('returns the RFC 1123 subdomain message', () => {
    expect(validateName('ocs4registry', 'dns1123-subdomain')).toEqual([])
    expect(validateName('my.registry-1', 'dns1123-subdomain')).toEqual([])
    expect(validateName('Bad_Name', 'dns1123-subdomain')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ])
    expect(validateName('a'.repeat(254), 'dns1123-subdomain')).toEqual(['must be no more than 253 characters'])
  })

  it('returns the RFC 1123 label message', () => {
    expect(validateName('myproj', 'dns1123-label')).toEqual([])
    expect(validateName('My_Proj', 'dns1123-label')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
    expect(validateName('a.b', 'dns1123-label')).toHaveLength(1)
    expect(validateName('a'.repeat(64), 'dns1123-label')).toEqual(['must be no more than 63 characters'])
  })
})
