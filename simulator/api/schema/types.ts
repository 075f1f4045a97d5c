/**
 * A subset of the OpenAPI v3 structural schema used by Kubernetes CRDs. Plain JSON, so it can also be handed to
 * monaco-yaml as a JSON Schema.
 */

/** Primitive and container type names of a schema node. */
export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'

/** Formats understood by the validator (`quantity` and `byte` are simulator additions). */
export type SchemaFormat = 'int32' | 'int64' | 'date-time' | 'duration' | 'int-or-string' | 'quantity' | 'byte'

/** One node of a structural schema. */
export interface Schema {
  type?: SchemaType
  description?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  additionalProperties?: Schema | boolean
  enum?: (string | number | boolean | null)[]
  pattern?: string
  format?: SchemaFormat
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  default?: unknown
  nullable?: boolean
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-int-or-string'?: boolean
  'x-kubernetes-embedded-resource'?: boolean
  'x-kubernetes-list-map-keys'?: string[]
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map'
  /** strategic-merge-patch key for lists of objects (e.g. `name` for containers) */
  'x-kubernetes-patch-merge-key'?: string
  /** strategic-merge-patch strategy: `merge` (by key, or as a set for scalars), `replace`, `retainKeys` */
  'x-kubernetes-patch-strategy'?: string
  /** display type for `oc explain` (`Object`, `[]Object`, `map[string]string`, `string`...); derived when absent */
  'x-go-type'?: string
  /** Go struct name used in decode errors (`DeploymentSpec`); derived from the parent property when absent */
  'x-go-name'?: string
}
