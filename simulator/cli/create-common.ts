/** Pieces shared by `create`, its subcommands, `apply` and `replace`: common flags, sending and printing, the last-applied annotation. */
import { ApiError } from '../api/errors'
import { structuredCloneJson } from '../api/patch'
import type { ResourceType } from '../api/resources'
import type { KObject } from '../api/types'
import { toCompactJson } from '../format/yaml'
import type { Invocation } from './env'
import { formatApiError } from './errors'
import type { FlagSpec } from './flags'
import { DRY_RUN_FLAG, dryRunSuffix, printWarnings, refOf, type DryRun } from './mutate-helpers'
import { outputFormatOf, writeObjects } from './printers/output'
import { readManifests, type ManifestObject } from './manifest-input'

/** The annotation `apply` and `create --save-config` keep the sent configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** Flags shared by `create` and its subcommands. */
export const CREATE_COMMON_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  DRY_RUN_FLAG,
  { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  { name: 'validate', type: 'string', default: 'ignore', noOptDefault: 'strict', usage: "Must be one of: strict (or true), warn, ignore (or false).\n\t\t\"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not.\n\t\t\"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise.\n\t\t\"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
]

/** The last-applied annotation value: the object as sent, keys sorted, without the annotation itself. */
export function lastAppliedOf(obj: KObject): string {
  const copy = structuredCloneJson(obj)
  if (copy.metadata?.annotations) delete copy.metadata.annotations[LAST_APPLIED]
  return toCompactJson(copy) + '\n'
}

/** Adds the last-applied annotation (create --save-config, apply). */
export function withLastApplied(obj: KObject, value = lastAppliedOf(obj)): KObject {
  const copy = structuredCloneJson(obj)
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value }
  return copy
}

/** Sends one object and prints the result line (or the object for `-o yaml|json`). */
export function createAndPrint(inv: Invocation, rt: ResourceType, obj: KObject, dry: DryRun, verb = 'created'): KObject {
  const { cluster, flags } = inv
  let body = obj
  if (flags['save-config']) body = withLastApplied(body)
  const warnings: string[] = []
  const created = dry === 'client' ? body : cluster.api.create(rt.key, body, { dryRun: dry === 'server', warnings: String(flags.validate) === 'ignore' || flags.validate === 'false' ? undefined : warnings })
  printWarnings(inv, warnings)
  printResult(inv, rt, created, verb, dry)
  return created
}

/** The result line of a write: the object in the `-o` format, `kind/name` for `-o name`, else `kind/name <verb>`. */
export function printResult(inv: Invocation, rt: ResourceType, obj: KObject, verb: string, dry: DryRun): void {
  const format = inv.flags.output ? outputFormatOf(inv) : undefined
  if (format && format.kind !== 'name') writeObjects(inv.cmd.stdout, format, [{ rt, obj }], true, inv.profile)
  else if (format?.kind === 'name') inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)}\n`)
  else inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} ${verb}${dryRunSuffix(dry)}\n`)
}

/**
 * Runs `fn` on every object of the `-f` sources (a private copy, its namespace resolved). Unreadable items and
 * API errors are collected as kubectl prints them (`error when <verb> "<source>": ...`).
 */
export function eachManifestObject(
  inv: Invocation,
  files: string[],
  verbing: (e: ApiError) => string,
  fn: (item: ManifestObject, obj: KObject) => void,
): { errors: string[]; count: number } {
  const errors: string[] = []
  let count = 0
  for (const f of readManifests(inv, files)) {
    for (const item of f.items) {
      count++
      if ('error' in item) {
        errors.push(item.error)
        continue
      }
      const obj = structuredCloneJson(item.obj)
      if (item.namespace) obj.metadata.namespace = item.namespace
      try {
        fn(item, obj)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        errors.push(sourceError(e, verbing(e), item.source))
      }
    }
  }
  return { errors, count }
}

/** `Error from server (X): error when <verb> "SRC": msg`; Invalid errors keep their own form. */
export function sourceError(e: ApiError, verb: string, source: string): string {
  if (e.reason === 'Invalid') return formatApiError(e)
  return `Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`
}

