/**
 * The three patch types of `kubectl patch`: JSON merge patch (RFC 7386), JSON patch (RFC 6902, through
 * fast-json-patch) and Kubernetes' strategic merge patch (lists merged by their merge keys).
 */
import jsonpatch, { type Operation } from 'fast-json-patch'
import { ApiError, badRequest } from './errors'

export type PatchType = 'merge' | 'json' | 'strategic'

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `o[k]` for own keys only (a JSON key `__proto__` is data, not the prototype). */
const own = (o: Record<string, unknown>, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined)

/** `o[k] = v` as a data property, even for the key `__proto__` (which plain assignment turns into a prototype). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true })
  else o[k] = v
}

/** RFC 7386: objects merge recursively, `null` deletes, everything else (arrays included) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return structuredCloneJson(patch)
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else setOwn(out, k, mergePatch(own(out, k), v))
  }
  return out
}

/** RFC 6902 through fast-json-patch; any failure is the API server's 422 without details. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) {
    throw badRequest('error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp')
  }
  try {
    const doc = structuredCloneJson(target)
    const result = jsonpatch.applyPatch(doc, ops as Operation[], true, true)
    return result.newDocument
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError('Invalid', 'the server rejected our request due to an error in our request')
  }
}

/**
 * Merge keys of the list fields of built-in kinds (the `patchMergeKey` struct tags of k8s.io/api). Lists not
 * named here are replaced as a whole, like `tolerations` and `args`.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  secrets: 'name',
}

/** Lists of scalars merged as sets (`patchStrategy:"merge"` on string lists). */
const SET_LISTS = new Set(['finalizers'])

/**
 * Strategic merge patch for built-in kinds: like a merge patch, except that lists with a merge key merge item
 * by item, `$patch: delete` removes an item, and `$patch: replace` replaces a map or list.
 */
export function strategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (!isPlainObject(patch)) return structuredCloneJson(patch)
  if (patch['$patch'] === 'replace') {
    const { $patch: _, ...rest } = patch
    return structuredCloneJson(rest)
  }
  if (patch['$patch'] === 'delete') return undefined
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue
    if (v === null) {
      delete out[k]
    } else if (Array.isArray(v) && Array.isArray(own(out, k))) {
      setOwn(out, k, mergeList(out[k] as unknown[], v, k))
    } else {
      const merged = strategicMergePatch(own(out, k), v, k)
      if (merged === undefined) delete out[k]
      else setOwn(out, k, merged)
    }
  }
  void field
  return out
}

function mergeList(target: unknown[], patch: unknown[], field: string): unknown[] {
  const key = MERGE_KEYS[field]
  if (SET_LISTS.has(field)) {
    const out = [...target]
    for (const v of patch) if (!out.includes(v)) out.push(v)
    return out
  }
  if (!key || !patch.every(isPlainObject) || !target.every(isPlainObject)) {
    return patch.filter((p) => !(isPlainObject(p) && p['$patch'] === 'replace')).map(structuredCloneJson)
  }
  const out = [...(target as Record<string, unknown>[])]
  for (const item of patch as Record<string, unknown>[]) {
    const idx = out.findIndex((t) => t[key] === item[key])
    if (item['$patch'] === 'delete') {
      if (idx >= 0) out.splice(idx, 1)
    } else if (idx >= 0) {
      out[idx] = strategicMergePatch(out[idx], item, field) as Record<string, unknown>
    } else {
      out.push(strategicMergePatch(undefined, item, field) as Record<string, unknown>)
    }
  }
  return out
}

/** Deep copy of JSON data (frozen immer objects included). */
export function structuredCloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ak.length === bk.length && ak.every((k) => jsonEqual(ao[k], bo[k]))
}
