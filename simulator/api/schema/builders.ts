/** Compact builders for structural schemas. */
import type { Schema } from './types'

/** Options accepted by `obj`. */
export interface ObjOpts {
  required?: string[]
  description?: string
  goName?: string
  nullable?: boolean
}

/** An object with known properties. */
export function obj(properties: Record<string, Schema>, opts: ObjOpts | string = {}): Schema {
  const o: ObjOpts = typeof opts === 'string' ? { description: opts } : opts
  const s: Schema = { type: 'object' }
  if (o.description !== undefined) s.description = o.description
  s.properties = properties
  if (o.required?.length) s.required = o.required
  if (o.goName) s['x-go-name'] = o.goName
  if (o.nullable) s.nullable = true
  return s
}

/** Returns a copy of `s` with extra keywords merged in. */
export function withx(s: Schema, extra: Partial<Schema>): Schema {
  return { ...s, ...extra }
}

/** A string field. */
export function str(description?: string, extra: Partial<Schema> = {}): Schema {
  return { type: 'string', ...(description !== undefined ? { description } : {}), ...extra }
}

/** A string restricted to an enum. */
export function enumStr(values: string[], description?: string, extra: Partial<Schema> = {}): Schema {
  return str(description, { enum: values, ...extra })
}

/** An RFC 3339 timestamp string. */
export function time(description?: string): Schema {
  return str(description, { format: 'date-time' })
}

/** A Go duration string (`30s`, `1h`). */
export function duration(description?: string): Schema {
  return str(description, { format: 'duration' })
}

/** An int32 field. */
export function int(description?: string, extra: Partial<Schema> = {}): Schema {
  return { type: 'integer', format: 'int32', ...(description !== undefined ? { description } : {}), ...extra }
}

/** An int64 field. */
export function int64(description?: string, extra: Partial<Schema> = {}): Schema {
  return int(description, { format: 'int64', ...extra })
}

/** A floating point number field. */
export function num(description?: string): Schema {
  return { type: 'number', ...(description !== undefined ? { description } : {}) }
}

/** A boolean field. */
export function bool(description?: string, extra: Partial<Schema> = {}): Schema {
  return { type: 'boolean', ...(description !== undefined ? { description } : {}), ...extra }
}

/** A list of `items`. */
export function arr(items: Schema, description?: string, extra: Partial<Schema> = {}): Schema {
  return { type: 'array', ...(description !== undefined ? { description } : {}), items, ...extra }
}

/** A list merged by `key` under strategic merge patch. */
export function keyedArr(items: Schema, key: string, description?: string): Schema {
  return arr(items, description, {
    'x-kubernetes-patch-merge-key': key,
    'x-kubernetes-patch-strategy': 'merge',
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': [key],
  })
}

/** A list of strings merged as a set under strategic merge patch. */
export function setArr(description?: string): Schema {
  return arr(str(), description, { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' })
}

/** A map from string keys to `values`. */
export function map(values: Schema, description?: string): Schema {
  return { type: 'object', ...(description !== undefined ? { description } : {}), additionalProperties: values }
}

/** A map[string]string. */
export function strMap(description?: string): Schema {
  return map(str(), description)
}

/** An IntOrString value (`25%` or `1`). */
export function intOrStr(description?: string): Schema {
  return { ...(description !== undefined ? { description } : {}), 'x-kubernetes-int-or-string': true, format: 'int-or-string' }
}

/** A resource.Quantity (`100Mi`, `1`). */
export function quantity(description?: string): Schema {
  return { ...(description !== undefined ? { description } : {}), 'x-kubernetes-int-or-string': true, format: 'quantity' }
}

/** A free-form object whose content is kept as is. */
export function freeform(description?: string, nullable = false): Schema {
  return {
    type: 'object',
    ...(description !== undefined ? { description } : {}),
    ...(nullable ? { nullable: true } : {}),
    'x-kubernetes-preserve-unknown-fields': true,
  }
}

/** Sets a description on a shared sub-schema without mutating it. */
export function desc(s: Schema, description: string): Schema {
  return { ...s, description }
}
