/** Helpers shared by the coreutils-like commands: option parsing and reading input files. */
import type { CommandContext } from '../types'
import { FsError } from '../vfs'

/** Parsed command-line options: flags map to `true`, options with values to their (last) value. */
export interface ParsedArgs {
  opts: Map<string, string | true>
  /** every value given for repeatable options (`-e a -e b`) */
  multi: Map<string, string[]>
  operands: string[]
}

/** Option spec: `flags` are single letters without values, `values` take one; `long` maps `--x` to a letter. */
export interface OptSpec {
  flags?: string
  values?: string
  long?: Record<string, string>
  /** `-5` means `-n 5` (head, tail) */
  numericShortcut?: string
}

/** An invalid option; `message` is the coreutils wording without the command prefix. */
export class UsageError extends Error {}

/** getopt-like parser: combined flags (`-iv`), attached values (`-n5`), `--`, long options (`--count`, `--x=v`). */
export function parseArgs(args: string[], spec: OptSpec): ParsedArgs {
  const flags = spec.flags ?? ''
  const values = spec.values ?? ''
  const opts = new Map<string, string | true>()
  const multi = new Map<string, string[]>()
  const operands: string[] = []
  const set = (k: string, v: string | true): void => {
    opts.set(k, v)
    if (typeof v === 'string') multi.set(k, [...(multi.get(k) ?? []), v])
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s)
      const letter = spec.long?.[name]
      if (letter === undefined) throw new UsageError(`unrecognized option '${a}'`)
      if (values.includes(letter)) {
        const v = inline ?? args[++i]
        if (v === undefined) throw new UsageError(`option '--${name}' requires an argument`)
        set(letter, v)
      } else set(letter, true)
      continue
    }
    if (a.length < 2 || a[0] !== '-') {
      operands.push(a)
      continue
    }
    if (spec.numericShortcut && /^-\d+$/.test(a)) {
      set(spec.numericShortcut, a.slice(1))
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (values.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`)
        set(c, v)
        break
      }
      if (!flags.includes(c)) throw new UsageError(`invalid option -- '${c}'`)
      set(c, true)
    }
  }
  return { opts, multi, operands }
}

/** Reports a usage error the coreutils way and returns the exit code. */
export function usage(ctx: CommandContext, e: unknown, code = 1): number {
  if (!(e instanceof UsageError)) throw e
  ctx.stderr.write(`${ctx.name}: ${e.message}\nTry '${ctx.name} --help' for more information.\n`)
  return code
}

/** Reads a file relative to cwd; `-` is stdin. Throws FsError with the bare reason. */
export function readInput(ctx: CommandContext, file: string): string {
  if (file === '-') return ctx.stdin
  return ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file))
}

/**
 * Reads each operand (or stdin when there are none), calling `each` with the text; missing files are reported
 * as `name: file: No such file or directory`. Returns false when any file failed.
 */
export function forEachInput(ctx: CommandContext, files: string[], each: (text: string, file: string) => void): boolean {
  let ok = true
  for (const file of files.length ? files : ['-']) {
    let text: string
    try {
      text = readInput(ctx, file)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      ctx.stderr.write(`${ctx.name}: ${file}: ${e.message}\n`)
      ok = false
      continue
    }
    each(text, file)
  }
  return ok
}

/** Splits text into lines, dropping the empty string after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return []
  const out = text.split('\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}

/** Joins lines back with a trailing newline (empty for no lines). */
export function unlines(ls: string[]): string {
  return ls.length ? ls.join('\n') + '\n' : ''
}
