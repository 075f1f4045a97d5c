/**
 * Small pieces shared by the verbs that change cluster state: Go's `%q` quoting, the `--dry-run` strategy,
 * server warnings, `kind.group/name` references, and one-object target parsing (`TYPE NAME` or `TYPE/NAME`).
 */
import { kindPrefix, resolveResource, type ResourceType } from '../api/resources'
import type { KObject } from '../api/types'
import type { FlagSpec } from './flags'
import type { Invocation } from './env'
import { CliError } from './errors'
import { parseTargets } from './resource-args'

export type DryRun = 'none' | 'client' | 'server'

/** The `--dry-run` flag as kubectl declares it. */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
}

/** Go's strconv.Quote: double quotes, escapes for `"`, `\`, control characters and invalid text. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\v') out += '\\v'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else if (c >= 0x80 && c <= 0x9f) out += '\\u' + c.toString(16).padStart(4, '0')
    else if (c === 0xfffd || (c >= 0xd800 && c <= 0xdfff)) out += '\\ufffd'
    else out += ch
  }
  return out + '"'
}

/** kubectl's GetDryRunStrategy (the klog deprecation warnings are not printed). */
export function dryRunOf(inv: Invocation): DryRun {
  const v = String(inv.flags['dry-run'] ?? 'none')
  switch (v) {
    case 'unchanged':
    case 'client':
    case 'true':
    case '1':
    case 't':
    case 'T':
    case 'TRUE':
    case 'True':
      return 'client'
    case 'server':
      return 'server'
    case 'none':
    case 'false':
    case '0':
    case 'f':
    case 'F':
    case 'FALSE':
    case 'False':
      return 'none'
    default:
      throw new CliError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`)
  }
}

/** ` (dry run)` / ` (server dry run)` / ``. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : ''
}

/** Prints the API server's warnings the way client-go's warning handler does. */
export function printWarnings(inv: Invocation, warnings: string[]): void {
  for (const w of warnings) inv.cmd.stderr.write(`Warning: ${w}\n`)
}

/** `deployment.apps/x`, `pod/x`: the reference printed before a verb. */
export function refOf(rt: ResourceType, name: string): string {
  return `${kindPrefix(rt)}/${name}`
}

/** Namespace argument for an API call: undefined for cluster-scoped kinds. */
export function nsFor(inv: Invocation, rt: ResourceType): string | undefined {
  return rt.namespaced ? inv.namespace : undefined
}

/** Resource targets of `TYPE NAME...` or `TYPE/NAME...`, each name with its type. */
export function namedTargets(inv: Invocation, args: string[], verb: string): { rt: ResourceType; name?: string }[] {
  const out: { rt: ResourceType; name?: string }[] = []
  for (const t of parseTargets(args, inv.profile, inv.binary, verb)) {
    if (!t.names) out.push({ rt: t.rt })
    else for (const n of t.names) out.push({ rt: t.rt, name: n })
  }
  return out
}

/** Resolves a type name; rethrows the RESTMapper error unchanged. */
export function typeOf(inv: Invocation, typed: string): ResourceType {
  return resolveResource(typed, inv.profile)
}

/** The `-o name` line or the `ref verb` line of a one-object command. */
export function successLine(inv: Invocation, rt: ResourceType, obj: KObject | { metadata: { name: string } }, verb: string, suffix = ''): string {
  const ref = refOf(rt, obj.metadata.name)
  return inv.flags.output === 'name' ? `${ref}\n` : `${ref} ${verb}${suffix}\n`
}

/**
 * Ends a multi-object command the way kubectl's aggregate errors do: a single plain error is unwrapped and
 * gets the `error: ` prefix; otherwise every error is printed on its own line. Returns the exit code.
 */
export function reportAggregate(inv: Invocation, errors: string[]): number {
  if (errors.length === 1 && !errors[0].startsWith('Error from server') && !errors[0].startsWith('The ')) throw new CliError(errors[0])
  for (const e of errors) inv.cmd.stderr.write(e + '\n')
  return errors.length > 0 ? 1 : 0
}
