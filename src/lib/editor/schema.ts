/**
 * Which resource schema applies to an editor buffer, and that schema as a JSON Schema for monaco-yaml. The
 * schemas are the API server's own (`simulator/api/schema`), so the editor's completion, hover and markers agree
 * with what `oc edit`/`oc create -f` will accept.
 */
import { getSchema, type Schema } from '../../../simulator/api/schema'
import { resourceForKind } from '../../../simulator/api/resources'
import type { Profile } from '../../../simulator/api/types'

export type { Profile }

/** A JSON Schema (draft-07 subset) node, as monaco-yaml / yaml-language-server read it. */
export type JsonSchema = { [key: string]: unknown }

export interface BufferSchema {
  /** the resource key (`deployments.apps`) */
  key: string
  /** a stable id for this key and profile, used as the schema URI */
  uri: string
  schema: JsonSchema
}

const unquote = (s: string) => s.replace(/^(['"])(.*)\1$/, '$2')

/** `apiVersion` and `kind` of the first document of a YAML text (top-level keys only; comments ignored). */
export function typeOf(text: string): { apiVersion: string; kind: string } | undefined {
  let apiVersion: string | undefined
  let kind: string | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('---') && (apiVersion || kind)) break
    const m = /^(apiVersion|kind):[ \t]*([^#\s][^#]*?)[ \t]*(?:#.*)?$/.exec(line)
    if (!m) continue
    if (m[1] === 'apiVersion') apiVersion ??= unquote(m[2])
    else kind ??= unquote(m[2])
  }
  return apiVersion && kind ? { apiVersion, kind } : undefined
}

/** The resource key of a YAML text's apiVersion+kind for a profile, or undefined. */
export function resourceKeyOf(text: string, profile: Profile): string | undefined {
  const t = typeOf(text)
  if (!t) return undefined
  return resourceForKind(t.apiVersion, t.kind, profile)?.key
}

const cache = new Map<string, BufferSchema | null>()

/** The JSON schema for a buffer: from its apiVersion and kind, or undefined when there is none. */
export function schemaForText(text: string, profile: Profile): BufferSchema | undefined {
  const key = resourceKeyOf(text, profile)
  if (!key) return undefined
  const id = `${profile}/${key}`
  if (!cache.has(id)) {
    const s = getSchema(key, profile)
    cache.set(id, s ? { key, uri: `inmemory://schemas/${profile}/${key}.json`, schema: toJsonSchema(s) } : null)
  }
  return cache.get(id) ?? undefined
}

/**
 * Converts a structural (OpenAPI v3) schema to a JSON Schema: nullable fields and timestamps also accept null, int-or-string
 * accepts both, objects with declared properties refuse unknown ones (unless they preserve unknown fields or are
 * embedded resources), and the Kubernetes extensions are dropped.
 */
export function toJsonSchema(s: Schema): JsonSchema {
  const out: JsonSchema = {}
  if (s.description) out.description = s.description
  const intOrString = s['x-kubernetes-int-or-string'] || s.format === 'int-or-string'
  let types: string[] | undefined = intOrString ? ['integer', 'string'] : s.type ? [s.type] : undefined
  // nullable fields, and timestamps (a zero metav1.Time is written as null, e.g. every pod's `lastProbeTime: null`)
  if (types && (s.nullable || s.format === 'date-time')) types = [...types, 'null']
  if (types) out.type = types.length === 1 ? types[0] : types
  if (s.enum) out.enum = s.nullable && !s.enum.includes(null) ? [...s.enum, null] : [...s.enum]
  if (s.pattern !== undefined) out.pattern = s.pattern
  if (s.minimum !== undefined) out.minimum = s.minimum
  if (s.maximum !== undefined) out.maximum = s.maximum
  if (s.minLength !== undefined) out.minLength = s.minLength
  if (s.maxLength !== undefined) out.maxLength = s.maxLength
  if (s.default !== undefined) out.default = s.default
  if (s.format === 'date-time') out.format = 'date-time'
  if (s.items) out.items = toJsonSchema(s.items)
  if (s.properties) {
    const props: Record<string, JsonSchema> = {}
    for (const [k, v] of Object.entries(s.properties)) props[k] = toJsonSchema(v)
    out.properties = props
  }
  if (s.required?.length) out.required = [...s.required]
  const open = s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-embedded-resource']
  if (typeof s.additionalProperties === 'object') out.additionalProperties = toJsonSchema(s.additionalProperties)
  else if (s.additionalProperties === true || open) out.additionalProperties = true
  else if (s.properties) out.additionalProperties = false
  return out
}
