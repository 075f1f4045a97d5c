/**
 * API errors shaped like the real API server's `Status` objects. The CLI renders them through one formatter
 * (`Error from server (Reason): message`, `The Kind "name" is invalid: ...`).
 */

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'Forbidden'
  | 'InternalError'

export interface StatusCause {
  /** e.g. FieldValueInvalid, FieldValueRequired, FieldValueNotSupported, FieldValueTypeInvalid */
  reason: string
  /** the full cause text, e.g. `Invalid value: "Foo": spec.managementState in body should match '^(...)$'` */
  message: string
  /** dotted field path, e.g. `spec.managementState` */
  field: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  causes?: StatusCause[]
}

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  Forbidden: 403,
  InternalError: 500,
}

export class ApiError extends Error {
  readonly code: number
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = CODES[reason]
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** `pods "x" not found`; `qualified` is the plural resource, with the group for non-core kinds. */
export function notFound(qualified: string, name: string): ApiError {
  return new ApiError('NotFound', `${qualified} "${name}" not found`, { name })
}

export function alreadyExists(qualified: string, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualified} "${name}" already exists`, { name })
}

export function conflict(qualified: string, name: string): ApiError {
  return new ApiError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name },
  )
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', message)
}

export function methodNotAllowed(message = 'the server does not allow this method on the requested resource'): ApiError {
  return new ApiError('MethodNotAllowed', message)
}

/**
 * `The Config "cluster" is invalid: spec.replicas: Invalid value: ...`. The message is built like the real
 * apimachinery `NewInvalid`: one cause inline, several as `[a, b]`.
 */
export function invalid(kind: string, name: string, causes: StatusCause[]): ApiError {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message))
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`
  return new ApiError('Invalid', `${kind} "${name}" is invalid: ${joined}`, { name, kind, causes })
}
