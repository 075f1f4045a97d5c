/** The API server's decode pipeline for one object: prune, drop nulls, default, validate. */
import type { StatusCause } from '../errors'
import type { Schema } from './types'
import { applyDefaults } from './defaults'
import { pruneNonNullableNulls, pruneUnknownFields } from './prune'
import { validationCauses } from './validate'

/** Result of `admitObject`: the object to store, validation causes and the unknown-field paths to warn about. */
export interface AdmitResult<T> {
  value: T
  causes: StatusCause[]
  unknownFields: string[]
}

/**
 * Runs the create/update decode steps in the real order. 'crd': prune unknown fields, drop non-nullable nulls,
 * apply defaults, validate. 'builtin': typed decode (throws DecodeError on a type mismatch), prune, validate.
 * Pass `prune: false` to keep unknown fields (pre-structural-schema CRDs of the 4.0 era did not prune).
 */
export function admitObject<T>(schema: Schema, obj: T, opts: { style: 'crd' | 'builtin'; kind: string; prune?: boolean }): AdmitResult<T> {
  // The typed decode sees the object as sent; when pruning keeps it as it is (the usual case), validating the
  // pruned value would walk the very same object again with the same result, so those causes are reused.
  const decoded = opts.style === 'builtin' ? validationCauses(schema, obj, opts) : undefined
  const pruned = opts.prune === false ? { value: obj as unknown, unknownFields: [] } : pruneUnknownFields(schema, obj)
  let value = pruned.value as T
  if (opts.style === 'crd') value = applyDefaults(schema, pruneNonNullableNulls(schema, value))
  const causes = decoded && (value as unknown) === (obj as unknown) ? decoded : validationCauses(schema, value, opts)
  return { value, causes, unknownFields: pruned.unknownFields }
}
