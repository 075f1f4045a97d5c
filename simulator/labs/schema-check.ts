/**
 * A small JSON Schema validator for the subset `lab.schema.json` uses (type, enum, properties, required,
 * additionalProperties, items, minItems, minLength, pattern, minimum, $ref, oneOf), with author-friendly messages.
 */

type Schema = Record<string, any>
/** One step of a path into a YAML/JSON value: a map key or a list index. */
export type JsonPathKey = string | number

/** One schema violation: the path of the offending value and what is wrong. */
export interface SchemaError {
  path: JsonPathKey[]
  message: string
}

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function typeMatches(want: string, v: unknown): boolean {
  const t = typeOf(v)
  return want === t || (want === 'number' && t === 'integer')
}

function label(path: JsonPathKey[]): string {
  const last = path[path.length - 1]
  return last === undefined ? 'lab.yaml' : typeof last === 'number' ? `item ${last + 1}` : `"${last}"`
}

/** Validates `value` against `schema` (whose `$defs` resolve `$ref`s); returns every violation found. */
export function validateSchema(schema: Schema, value: unknown, root: Schema = schema, path: JsonPathKey[] = []): SchemaError[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/$defs/', '')
    return validateSchema(root.$defs[name], value, root, path)
  }
  const errors: SchemaError[] = []
  const err = (message: string, at: JsonPathKey[] = path) => errors.push({ path: at, message })
  if (schema.enum && !schema.enum.some((e: unknown) => e === value)) {
    err(`${label(path)} must be one of ${schema.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`)
    return errors
  }
  if (schema.type && !typeMatches(schema.type, value)) {
    err(`${label(path)} must be ${schema.type === 'integer' ? 'an integer' : `a${/^[aeiou]/.test(schema.type) ? 'n' : ''} ${schema.type}`}, not ${typeOf(value) === 'null' ? 'empty' : typeOf(value)}`)
    return errors
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) err(`${label(path)} must not be empty`)
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) err(`${label(path)} has an invalid form: ${JSON.stringify(value)} (expected ${schema.pattern})`)
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) err(`${label(path)} must be at least ${schema.minimum}`)
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) err(`${label(path)} needs at least ${schema.minItems} item(s)`)
    if (schema.items) value.forEach((v, i) => errors.push(...validateSchema(schema.items, v, root, [...path, i])))
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>
    for (const r of schema.required ?? []) if (!(r in obj)) err(`${label(path)} is missing "${r}"`)
    const props: Schema = schema.properties ?? {}
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validateSchema(props[k], v, root, [...path, k]))
      else if (schema.additionalProperties === false) err(`unknown key "${k}"; expected one of: ${Object.keys(props).join(', ')}`, [...path, k])
    }
  }
  if (schema.oneOf) errors.push(...oneOf(schema.oneOf, value, root, path))
  return errors
}

function oneOf(branches: Schema[], value: unknown, root: Schema, path: JsonPathKey[]): SchemaError[] {
  const results = branches.map((b) => validateSchema(b, value, root, path))
  const passing = results.filter((r) => r.length === 0).length
  if (passing === 1) return []
  const keyed = branches.every((b) => Array.isArray(b.required) && b.required.length === 1 && Object.keys(b).length === 1)
  if (keyed && typeOf(value) === 'object') {
    const kinds = branches.map((b) => b.required[0] as string)
    const found = kinds.filter((k) => k in (value as object))
    const msg = found.length === 0 ? `needs one of: ${kinds.join(', ')}` : `has several kinds (${found.join(', ')}); use exactly one${kinds.includes('all') ? ', or combine them with "all"' : ''}`
    return [{ path, message: `${label(path)} ${msg}` }]
  }
  if (passing === 0) {
    // report against the alternative of the value's own type (a list vs a map), then the closest one
    const sameType = results.filter((_, i) => !branches[i].type || typeMatches(branches[i].type, value))
    const best = (sameType.length ? sameType : results).reduce((a, b) => (b.length < a.length ? b : a))
    return best
  }
  return [{ path, message: `${label(path)} matches several alternatives` }]
}
