/** jq's compile errors: a syntax error names the unexpected token, as bison does. */

/** `syntax error, unexpected TOKEN` */
export class JqSyntaxError extends Error {
  constructor(readonly unexpected: string) {
    super(`syntax error, unexpected ${unexpected} (Unix shell quoting issues?)`)
  }
}

/** Any other compile error, e.g. `foo/0 is not defined`. */
export class JqCompileError extends Error {}
