import { describe, expect, it } from 'vitest'
import { getSchema, renderExplain } from './index'

const key = 'configs.imageregistry.operator.openshift.io'
const req = (path: string[], recursive = false, profile: '4.0' | '4.12' = '4.12') => ({
  resourceKey: key,
  kind: 'Config',
  group: 'imageregistry.operator.openshift.io',
  version: 'v1',
  schema: getSchema(key, profile)!,
  path,
  recursive,
})

describe('renderExplain (legacy layout)', () => {
  it('explains the resource', () => {
    expect(renderExplain(req([]))).toBe(`KIND:     Config
VERSION:  imageregistry.operator.openshift.io/v1

DESCRIPTION:
     Configuration of the integrated image registry managed by the registry
     operator.

FIELDS:
   apiVersion\t<string>
     Versioned schema of this representation of the object.

   kind\t<string>
     REST resource this object represents, in CamelCase.

   metadata\t<Object>
     Standard object metadata.

   spec\t<Object> -required-
     Desired configuration of the registry.

   status\t<Object>
     Observed state of the registry.

`)
  })

  it('explains spec.storage with wrapped field descriptions', () => {
    expect(renderExplain(req(['spec', 'storage']))).toBe(`KIND:     Config
VERSION:  imageregistry.operator.openshift.io/v1

RESOURCE: storage <Object>

DESCRIPTION:
     Storage backend of the registry; exactly one must be set.

FIELDS:
   azure\t<Object>
     Azure Blob storage.

   emptyDir\t<Object>
     Ephemeral storage; images are lost when the pod restarts. Not for more than
     one replica.

   gcs\t<Object>
     Google Cloud Storage.

   ibmcos\t<Object>
     IBM Cloud Object Storage.

   managementState\t<string>
     Managed: the operator manages the storage and deletes it on removal.
     Unmanaged: never touched.

   oss\t<Object>
     Alibaba Cloud OSS storage.

   pvc\t<Object>
     Storage on a persistent volume claim.

   s3\t<Object>
     AWS S3 (or S3-compatible) storage.

   swift\t<Object>
     OpenStack Swift storage.

`)
  })

  it('shows the 4.0 storage keys', () => {
    const out = renderExplain(req(['spec', 'storage'], true, '4.0'))
    expect(out.split('FIELDS:\n')[1].split('\n').filter((l) => /^ {3}\S/.test(l))).toEqual([
      '   azure\t<Object>',
      '   filesystem\t<Object>',
      '   gcs\t<Object>',
      '   s3\t<Object>',
      '   swift\t<Object>',
    ])
  })

  it('lists the field tree with --recursive', () => {
    expect(renderExplain(req(['spec', 'storage', 's3'], true))).toBe(`KIND:     Config
VERSION:  imageregistry.operator.openshift.io/v1

RESOURCE: s3 <Object>

DESCRIPTION:
     AWS S3 (or S3-compatible) storage.

FIELDS:
   bucket\t<string>
   cloudFront\t<Object>
      baseURL\t<string>
      duration\t<string>
      keypairID\t<string>
      privateKey\t<Object>
         key\t<string>
         name\t<string>
         optional\t<boolean>
   encrypt\t<boolean>
   keyID\t<string>
   region\t<string>
   regionEndpoint\t<string>
   trustedCA\t<Object>
      name\t<string>
   virtualHostedStyle\t<boolean>
`)
  })

  it('explains a leaf, a map and a list of objects', () => {
    expect(renderExplain(req(['spec', 'replicas']))).toBe(`KIND:     Config
VERSION:  imageregistry.operator.openshift.io/v1

FIELD:    replicas <integer>

DESCRIPTION:
     Number of registry replicas.
`)
    expect(renderExplain(req(['spec', 'nodeSelector']))).toContain('FIELD:    nodeSelector <map[string]string>\n')
    expect(renderExplain(req(['spec', 'routes']))).toBe(`KIND:     Config
VERSION:  imageregistry.operator.openshift.io/v1

RESOURCE: routes <[]Object>

DESCRIPTION:
     Extra routes created for the registry.

     An extra route exposing the registry.

FIELDS:
   hostname\t<string>
     Host name of the route.

   name\t<string> -required-
     Name of the route to create.

   secretName\t<string>
     Secret holding the TLS certificate, key and CA of the route.

`)
  })

  it('prints VERSION: v1 for core kinds and walks through lists', () => {
    const out = renderExplain({ resourceKey: 'pods', kind: 'Pod', group: '', version: 'v1', schema: getSchema('pods', '4.12')!, path: ['spec', 'containers', 'livenessProbe', 'httpGet', 'port'], recursive: false })
    expect(out).toBe(`KIND:     Pod
VERSION:  v1

FIELD:    port <string>

DESCRIPTION:
     Port number or name.
`)
  })

  it('rejects unknown fields', () => {
    expect(() => renderExplain(req(['spec', 'foo']))).toThrow(new Error('field "foo" does not exist'))
    expect(() => renderExplain(req(['spec', 'replicas', 'x']))).toThrow('field "x" does not exist')
    expect(() => renderExplain(req(['spec', 'logLevel'], false, '4.0'))).toThrow('field "logLevel" does not exist')
  })
})
