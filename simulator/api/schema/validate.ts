/**
 * Schema validation with Kubernetes semantics: apiextensions (CRD) messages for style 'crd', and typed Go
 * decoding (DecodeError for type mismatches) plus field-style causes for style 'builtin'.
 */
import type { StatusCause } from '../errors'
import type { Schema } from './types'
import { pruneUnknownFields } from './prune'
import { childPath, declaredType, goQuote, goValue, indexPath, isIntOrString, isPlainObject, jsonTypeName, own, typeMatches } from './jsontypes'

export { pruneUnknownFields } from './prune'
export type { PruneResult } from './prune'
export { applyDefaults } from './defaults'
export { validateName } from './names'
export type { NameRule } from './names'

/** Options of `validateObject`: `kind` is the object's Kind (used in decode errors); `path` prefixes field paths. */
export interface ValidateOptions {
  style: 'crd' | 'builtin'
  kind: string
  path?: string
}

/** Validation causes plus the unknown fields that pruning would drop. */
export interface ValidateResult {
  causes: StatusCause[]
  unknownFields: string[]
}

/** A typed-decoding failure of a built-in kind (the API server answers BadRequest). */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DecodeError'
  }
  /** `Deployment in version "v1" cannot be handled as a Deployment: <message>`. */
  forKind(kind: string, version: string): string {
    return `${kind} in version "${version}" cannot be handled as a ${kind}: ${this.message}`
  }
}

const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/
const DURATION_RE = /^([-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+|[-+]?0|\d+\s*(ns|us|µs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?))$/
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/
const regexCache = new Map<string, RegExp | null>()

function compile(pattern: string): RegExp | null {
  let re = regexCache.get(pattern)
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u')
    } catch {
      try {
        re = new RegExp(pattern)
      } catch {
        re = null
      }
    }
    regexCache.set(pattern, re)
  }
  return re
}

function formatOk(format: string | undefined, v: string): boolean {
  if (format === 'duration') return DURATION_RE.test(v)
  if (format === 'date-time') return DATE_TIME_RE.test(v)
  return true
}

/* ----------------------------------------------------------------------------------------------- CRD style */

function crd(s: Schema, v: unknown, path: string, out: StatusCause[]): void {
  if (v === undefined) return
  if (v === null) {
    const t = declaredType(s)
    if (!s.nullable && t)
      out.push({ reason: 'FieldValueTypeInvalid', field: path, message: `Invalid value: "null": ${path} in body must be of type ${t}: "null"` })
    return
  }
  if (!typeMatches(s, v)) {
    const got = jsonTypeName(v)
    out.push({ reason: 'FieldValueTypeInvalid', field: path, message: `Invalid value: "${got}": ${path} in body must be of type ${declaredType(s)}: "${got}"` })
    return
  }
  if (s.enum && !s.enum.some((e) => e === v)) {
    const vals = s.enum.map((e) => (typeof e === 'string' ? goQuote(e) : JSON.stringify(e))).join(', ')
    out.push({ reason: 'FieldValueNotSupported', field: path, message: `Unsupported value: ${goValue(v)}: supported values: ${vals}` })
  }
  if (typeof v === 'string') {
    if (s.maxLength !== undefined && [...v].length > s.maxLength)
      out.push({ reason: 'FieldValueTooLong', field: path, message: `Too long: may not be longer than ${s.maxLength}` })
    if (s.minLength !== undefined && [...v].length < s.minLength) crdInvalid(out, path, v, `should be at least ${s.minLength} chars long`)
    if (s.pattern !== undefined) {
      const re = compile(s.pattern)
      if (re && !re.test(v)) crdInvalid(out, path, v, `should match '${s.pattern}'`)
    }
    if (!formatOk(s.format, v))
      out.push({ reason: 'FieldValueTypeInvalid', field: path, message: `Invalid value: ${goQuote(v)}: ${path} in body must be of type ${s.format}: ${goQuote(v)}` })
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) crdInvalid(out, path, v, `should be greater than or equal to ${s.minimum}`)
    if (s.maximum !== undefined && v > s.maximum) crdInvalid(out, path, v, `should be less than or equal to ${s.maximum}`)
  }
  if (Array.isArray(v)) {
    if (s.items) for (let i = 0; i < v.length; i++) crd(s.items, v[i], indexPath(path, i), out)
    return
  }
  if (isPlainObject(v)) {
    for (const r of s.required ?? []) {
      if (!Object.prototype.hasOwnProperty.call(v, r) || v[r] === undefined)
        out.push({ reason: 'FieldValueRequired', field: childPath(path, r), message: 'Required value' })
    }
    const add = s.additionalProperties
    for (const [k, x] of Object.entries(v)) {
      const ps = own(s.properties, k)
      if (ps) crd(ps, x, childPath(path, k), out)
      else if (add && typeof add === 'object') crd(add, x, childPath(path, k), out)
    }
  }
}

function crdInvalid(out: StatusCause[], path: string, v: unknown, detail: string): void {
  out.push({ reason: 'FieldValueInvalid', field: path, message: `Invalid value: ${goValue(v)}: ${path} in body ${detail}` })
}

/* ------------------------------------------------------------------------------------------- builtin style */

function builtinInvalid(out: StatusCause[], path: string, v: unknown, detail: string): void {
  out.push({ reason: 'FieldValueInvalid', field: path, message: `Invalid value: ${goValue(v)}: ${detail}` })
}

interface GoCtx {
  struct: string
  goPath: string
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s
}

/** The Go type spelled in decode errors. */
function goTypeName(s: Schema, prop: string): string {
  if (s.format === 'quantity') return 'resource.Quantity'
  if (isIntOrString(s)) return 'intstr.IntOrString'
  switch (s.type) {
    case 'integer':
      return s.format === 'int64' ? 'int64' : 'int32'
    case 'number':
      return 'float64'
    case 'boolean':
      return 'bool'
    case 'string':
      return s.format === 'date-time' ? 'v1.Time' : s.format === 'byte' ? '[]uint8' : 'string'
    case 'array':
      return `[]${s.items ? goTypeName(s.items, prop) : 'interface {}'}`
    case 'object':
      if (s.properties || s['x-go-name']) return `v1.${s['x-go-name'] ?? capitalize(prop)}`
      if (s.additionalProperties && typeof s.additionalProperties === 'object') return `map[string]${goTypeName(s.additionalProperties, prop)}`
      return 'map[string]interface {}'
    default:
      return 'interface {}'
  }
}

function goValueName(v: unknown): string {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return 'number'
  return jsonTypeName(v)
}

function decodeFail(ctx: GoCtx, s: Schema, prop: string, what: string): never {
  throw new DecodeError(`json: cannot unmarshal ${what} into Go struct field ${ctx.struct}.${ctx.goPath} of type ${goTypeName(s, prop)}`)
}

function isEmpty(x: unknown): boolean {
  return x === undefined || x === null || x === '' || (Array.isArray(x) && x.length === 0)
}

function builtin(s: Schema, v: unknown, path: string, prop: string, ctx: GoCtx, out: StatusCause[]): void {
  if (v === undefined || v === null) return
  if (!typeMatches(s, v)) {
    if (s.format === 'quantity' && typeof v === 'number') return
    if (typeof v === 'number' && s.type === 'integer') decodeFail(ctx, s, prop, `number ${v}`)
    decodeFail(ctx, s, prop, goValueName(v))
  }
  if (typeof v === 'number' && s.type === 'integer') {
    const lim = s.format === 'int64' ? 2 ** 63 : 2 ** 31
    if (v >= lim || v < -lim) decodeFail(ctx, s, prop, `number ${v}`)
  }
  if (s.format === 'quantity' && typeof v === 'string' && !QUANTITY_RE.test(v))
    throw new DecodeError(`quantities must match the regular expression '${QUANTITY_RE.source}'`)
  if (s.enum && !s.enum.some((e) => e === v)) {
    const vals = s.enum
      .filter((e) => e !== '')
      .map((e) => (typeof e === 'string' ? goQuote(e) : JSON.stringify(e)))
      .sort()
      .join(', ')
    out.push({ reason: 'FieldValueNotSupported', field: path, message: `Unsupported value: ${goValue(v)}: supported values: ${vals}` })
  }
  if (typeof v === 'number') {
    const { minimum: lo, maximum: hi } = s
    if (lo !== undefined && hi !== undefined && (v < lo || v > hi)) builtinInvalid(out, path, v, `must be between ${lo} and ${hi}, inclusive`)
    else if (lo !== undefined && v < lo) builtinInvalid(out, path, v, `must be greater than or equal to ${lo}`)
    else if (hi !== undefined && v > hi) builtinInvalid(out, path, v, `must be less than or equal to ${hi}`)
  }
  if (typeof v === 'string') {
    if (s.maxLength !== undefined && [...v].length > s.maxLength)
      out.push({ reason: 'FieldValueTooLong', field: path, message: `Too long: may not be longer than ${s.maxLength}` })
    if (s.pattern !== undefined) {
      const re = compile(s.pattern)
      if (re && !re.test(v)) builtinInvalid(out, path, v, `must match the regex ${s.pattern}`)
    }
  }
  if (Array.isArray(v)) {
    if (s.items) for (let i = 0; i < v.length; i++) builtin(s.items, v[i], indexPath(path, i), prop, ctx, out)
    return
  }
  if (isPlainObject(v)) {
    const inner: GoCtx = s.properties ? { struct: s['x-go-name'] ?? capitalize(prop || 'Object'), goPath: ctx.goPath } : ctx
    for (const r of s.required ?? []) {
      if (isEmpty(v[r])) out.push({ reason: 'FieldValueRequired', field: childPath(path, r), message: 'Required value' })
    }
    const add = s.additionalProperties
    for (const k of Object.keys(v)) {
      const x = v[k]
      const ps = own(s.properties, k)
      if (ps) builtin(ps, x, childPath(path, k), k, { struct: inner.struct, goPath: childPath(ctx.goPath, k) }, out)
      else if (add && typeof add === 'object') builtin(add, x, `${path}[${k}]`, prop, ctx, out)
    }
  }
}

/**
 * Validates `obj` against `schema`. Style 'crd' reports every problem as a StatusCause with apiextensions wording;
 * style 'builtin' throws DecodeError on the first type mismatch and reports semantic problems as causes.
 */
export function validateObject(schema: Schema, obj: unknown, opts: ValidateOptions): ValidateResult {
  const causes = validationCauses(schema, obj, opts)
  const { unknownFields } = pruneUnknownFields(schema, obj, opts.path ?? '')
  return { causes, unknownFields }
}

/** The causes of `validateObject` alone (same walk, same throws), without the unknown-field report. */
export function validationCauses(schema: Schema, obj: unknown, opts: ValidateOptions): StatusCause[] {
  const path = opts.path ?? ''
  const causes: StatusCause[] = []
  if (opts.style === 'crd') crd(schema, obj, path, causes)
  else builtin(schema, obj, path, '', { struct: schema['x-go-name'] ?? opts.kind, goPath: path }, causes)
  return causes
}
