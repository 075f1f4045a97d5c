/**
 * `xargs`: builds command lines from standard input, as GNU findutils does. Options: `-n N`, `-L N`,
 * `-I REPL` (`-i`), `-0`, `-d DELIM`, `-a FILE`, `-E EOF`, `-r`, `-t`; `-P`, `-s`, `-x` are accepted and
 * change nothing here. The default command is `echo`.
 */
import { BufferStream } from '../streams'
import type { Command, CommandContext } from '../types'
import { FsError } from '../vfs'
import { shellQuote } from './env'
import { readInput } from './util'

interface XargsOptions {
  maxArgs?: number
  maxLines?: number
  replace?: string
  /** `-0` / `-d`: items end at this character and quotes are not special */
  delimiter?: string
  file?: string
  eof?: string
  noRunIfEmpty: boolean
  verbose: boolean
}

/** A message for stderr and the exit status, for failures before any command runs. */
class XargsError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message)
  }
}

const WITH_VALUE = new Set(['a', 'd', 'E', 'I', 'L', 'n', 's', 'P'])
const LONG: Record<string, string> = {
  null: '0', 'arg-file': 'a', delimiter: 'd', eof: 'E', replace: 'I', 'max-lines': 'L', 'max-args': 'n',
  'no-run-if-empty': 'r', 'max-chars': 's', verbose: 't', exit: 'x', 'max-procs': 'P', interactive: 'p',
}

/** `parse_num`: a whole number of at least `min`. */
function count(text: string, option: string, min = 1): number {
  if (!/^[-+]?\d+$/.test(text)) throw new XargsError(`invalid number "${text}" for -${option} option`, true)
  const n = Number(text)
  if (n < min) throw new XargsError(`value ${text} for -${option} option should be >= ${min}`, true)
  return n
}

/** `-d` takes one character or an escape such as `\n`, `\t`, `\x2c`, `\054`. */
function delimiterOf(text: string): string {
  const named: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
  if ([...text].length === 1) return text
  if (text[0] === '\\' && text.length === 2 && named[text[1]]) return named[text[1]]
  const m = /^\\(?:x([0-9a-fA-F]+)|([0-7]+))$/.exec(text)
  if (m) return String.fromCharCode(parseInt(m[1] ?? m[2], m[1] ? 16 : 8))
  throw new XargsError(`Invalid input delimiter specification ${text}: the delimiter must be either a single character or an escape sequence starting with \\.`)
}

/** getopt with `+`: options stop at the first operand, which starts the command. */
function parseOptions(args: string[]): { opts: XargsOptions; command: string[] } {
  const opts: XargsOptions = { noRunIfEmpty: false, verbose: false }
  const set = (c: string, value: string | undefined): void => {
    if (c === '0') opts.delimiter = '\0'
    else if (c === 'd') opts.delimiter = delimiterOf(value!)
    else if (c === 'a') opts.file = value
    else if (c === 'E') opts.eof = value || undefined
    else if (c === 'I' || c === 'i') Object.assign(opts, { replace: value ?? '{}', maxArgs: undefined, maxLines: undefined })
    else if (c === 'L') Object.assign(opts, { maxLines: count(value!, 'L'), maxArgs: undefined, replace: undefined })
    else if (c === 'n') {
      const n = count(value!, 'n')
      // GNU ignores `-n1` after `-I`
      if (!(n === 1 && opts.replace !== undefined)) Object.assign(opts, { maxArgs: n, maxLines: undefined, replace: undefined })
    } else if (c === 's') count(value!, 's')
    else if (c === 'P') count(value!, 'P', 0)
    else if (c === 'r') opts.noRunIfEmpty = true
    else if (c === 't' || c === 'p') opts.verbose = true
  }
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      i++
      break
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s)
      const c = LONG[name]
      if (c === undefined) throw new XargsError(`unrecognized option '${a}'`, true)
      if (WITH_VALUE.has(c) && c !== 'I' && c !== 'E' && inline === undefined && args[i + 1] === undefined) {
        throw new XargsError(`option '--${name}' requires an argument`, true)
      }
      set(c, WITH_VALUE.has(c) ? (inline ?? (c === 'I' || c === 'E' ? undefined : args[++i])) : undefined)
      continue
    }
    if (a.length < 2 || a[0] !== '-') break
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c === 'i') {
        // optional argument, attached only: `-i` or `-iREPL`
        set('I', a.slice(j + 1) || undefined)
        break
      }
      if (WITH_VALUE.has(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (value === undefined) throw new XargsError(`option requires an argument -- '${c}'`, true)
        set(c, value)
        break
      }
      if (!'0prtx'.includes(c)) throw new XargsError(`invalid option -- '${c}'`, true)
      set(c, undefined)
    }
  }
  return { opts, command: args.slice(i) }
}

/**
 * Splits input as GNU xargs reads it: blanks separate items, blank lines are ignored, quotes and backslashes
 * quote. With `perLine` (for `-I`) each line is one item. Returns the items of each line.
 */
function splitQuoted(text: string, perLine: boolean): string[][] {
  const lines: string[][] = []
  let line: string[] = []
  let cur = ''
  let inItem = false
  const endItem = (): void => {
    if (inItem) line.push(cur)
    cur = ''
    inItem = false
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') {
      endItem()
      if (line.length) lines.push(line)
      line = []
    } else if ((c === ' ' || c === '\t') && !(perLine && inItem)) endItem()
    else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1)
      const nl = text.indexOf('\n', i + 1)
      if (end < 0 || (nl >= 0 && nl < end)) {
        throw new XargsError(`unmatched ${c === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`)
      }
      cur += text.slice(i + 1, end)
      inItem = true
      i = end
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      inItem = true
    } else {
      cur += c
      inItem = true
    }
  }
  endItem()
  if (line.length) lines.push(line)
  return lines
}

/** The input's items grouped by line (with `-0`/`-d`, every item is its own line). */
function readItems(text: string, opts: XargsOptions): string[][] {
  let lines: string[][]
  if (opts.delimiter !== undefined) {
    const parts = text.split(opts.delimiter)
    if (parts[parts.length - 1] === '') parts.pop()
    lines = parts.map((p) => [p])
  } else lines = splitQuoted(text, opts.replace !== undefined)
  if (opts.eof === undefined) return lines
  const out: string[][] = []
  for (const line of lines) {
    const at = line.indexOf(opts.eof)
    if (at >= 0) {
      if (at > 0) out.push(line.slice(0, at))
      break
    }
    out.push(line)
  }
  return out
}

/** The command lines to run, each an argv. */
function commandLines(lines: string[][], command: string[], opts: XargsOptions): string[][] {
  if (opts.replace !== undefined) {
    const pattern = opts.replace
    return lines.map((l) => [command[0], ...command.slice(1).map((a) => a.split(pattern).join(l.join(' ')))])
  }
  const groups: string[][] = []
  if (opts.maxLines !== undefined) {
    for (let k = 0; k < lines.length; k += opts.maxLines) groups.push(lines.slice(k, k + opts.maxLines).flat())
  } else {
    const items = lines.flat()
    const size = opts.maxArgs ?? Math.max(1, items.length)
    for (let k = 0; k < items.length; k += size) groups.push(items.slice(k, k + size))
  }
  // like GNU xargs, run the command once even without input, unless -r
  if (groups.length === 0 && !opts.noRunIfEmpty) groups.push([])
  return groups.map((g) => [...command, ...g])
}

/** True when `name` is something the shell can run (xargs reports a missing one itself). */
async function runnable(ctx: CommandContext, name: string): Promise<boolean> {
  if (name.includes('/')) return true
  const sink = new BufferStream()
  return (await ctx.exec(`type ${shellQuote(name)}`, { stdout: sink, stderr: sink })) === 0
}

/** Reads the options and the input; failures are reported as GNU xargs does, before any command runs. */
function prepare(ctx: CommandContext): { argvs: string[][]; verbose: boolean } | number {
  let parsed: { opts: XargsOptions; command: string[] }
  try {
    parsed = parseOptions(ctx.args)
  } catch (e) {
    if (!(e instanceof XargsError)) throw e
    ctx.stderr.write(`xargs: ${e.message}\n${e.usage ? "Try 'xargs --help' for more information.\n" : ''}`)
    return 1
  }
  const { opts, command } = parsed
  let text: string
  try {
    text = opts.file !== undefined ? readInput(ctx, opts.file) : ctx.stdin
  } catch (e) {
    if (!(e instanceof FsError)) throw e
    ctx.stderr.write(`xargs: Cannot open input file ‘${opts.file}’: ${e.message}\n`)
    return 1
  }
  try {
    return { argvs: commandLines(readItems(text, opts), command.length ? command : ['echo'], opts), verbose: opts.verbose }
  } catch (e) {
    if (!(e instanceof XargsError)) throw e
    ctx.stderr.write(`xargs: ${e.message}\n`)
    return 1
  }
}

export const xargs: Command = {
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  async run(ctx) {
    const prepared = prepare(ctx)
    if (typeof prepared === 'number') return prepared
    const { argvs, verbose } = prepared
    if (argvs.length && !(await runnable(ctx, argvs[0][0]))) {
      ctx.stderr.write(`xargs: ${argvs[0][0]}: No such file or directory\n`)
      return 127
    }
    let status = 0
    for (const argv of argvs) {
      if (ctx.signal.aborted) return 130
      // GNU prints each argument followed by a space
      if (verbose) ctx.stderr.write(`${argv.map((a) => `${a} `).join('')}\n`)
      const code = await ctx.exec(argv.map(shellQuote).join(' '))
      if (code === 126 || code === 127 || code === 130) return code
      if (code === 255) {
        ctx.stderr.write(`xargs: ${argv[0]}: exited with status 255; aborting\n`)
        return 124
      }
      if (code !== 0) status = 123
    }
    return status
  },
}
