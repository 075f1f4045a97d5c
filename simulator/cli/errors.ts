/**
 * Rendering of errors the way kubectl's `CheckErr` does: API status errors as `Error from server (Reason):
 * message`, Invalid errors with their causes, plain client errors with `error: `. Everything goes to stderr
 * with exit code 1.
 */
import { ApiError } from '../api/errors'
import { UnknownResourceError } from '../api/resources'
import type { OutputStream } from '../shell/types'

/** A client-side error with oc's words (printed as `error: <message>`). */
export class CliError extends Error {
  constructor(
    message: string,
    /** the verb path for the `See 'oc <path> -h' for help and examples` line of usage errors */
    readonly usageOf?: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Already printed; exit with this code silently (kubectl's ErrExit). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`)
  }
}

/** The text kubectl prints for an API error. */
export function formatApiError(e: ApiError): string {
  if (e.reason === 'Invalid') {
    const d = e.details
    if (!d.causes || d.causes.length === 0) return e.message ? `The request is invalid: ${e.message}` : 'The request is invalid'
    if (d.causes.length === 1) {
      const c = d.causes[0]
      return `The ${d.kind} "${d.name}" is invalid: ${c.field ? `${c.field}: ` : ''}${c.message}`
    }
    return [`The ${d.kind} "${d.name}" is invalid: `, ...d.causes.map((c) => `* ${c.field ? `${c.field}: ` : ''}${c.message}`)].join('\n')
  }
  return `Error from server (${e.reason}): ${e.message}`
}

/** Prints any error thrown by a verb and returns the exit code. */
export function reportError(e: unknown, stderr: OutputStream, binary: string): number {
  if (e instanceof ExitError) return e.exitCode
  if (e instanceof ApiError) {
    stderr.write(formatApiError(e) + '\n')
    return 1
  }
  if (e instanceof UnknownResourceError) {
    stderr.write(`error: ${e.message}\n`)
    return 1
  }
  if (e instanceof CliError) {
    const msg = e.message.startsWith('error: ') ? e.message : `error: ${e.message}`
    stderr.write(msg + '\n')
    if (e.usageOf !== undefined) stderr.write(`See '${binary} ${e.usageOf} -h' for help and examples\n`)
    return e.exitCode
  }
  if (e instanceof Error && e.name === 'AbortError') return 130
  // A simulator bug must never crash the terminal: say so plainly.
  const text = e instanceof Error ? e.message : String(e)
  stderr.write(`error: internal simulator error: ${text}\n`)
  return 1
}
