/**
 * `jq [OPTIONS] FILTER [FILE...]`: the language lives in `jq/` (lexer, parser, functions). Options: -r, -j, -c,
 * -n, -e, -s, -S, --tab, --indent N, --arg NAME VALUE, --argjson NAME JSON; -M and -C change nothing here.
 * Compile errors exit 3, input errors 2, runtime errors 5, as jq does.
 */
import type { Command, CommandContext } from '../types'
import { compile } from './jq/compile'
import { JqCompileError, JqSyntaxError } from './jq/errors'
import type { Filter, Vars } from './jq/filter'
import { isObject, JqError, truthy, type Json } from './jq/values'
import { forEachInput } from './util'

interface JqOptions {
  flags: Set<string>
  indent: string | number
  vars: Record<string, Json>
  operands: string[]
}

const SHORT = 'rjcnesSMCa'
const LONG: Record<string, string> = {
  'raw-output': 'r', 'join-output': 'j', 'compact-output': 'c', 'null-input': 'n', 'exit-status': 'e', slurp: 's',
  'sort-keys': 'S', 'monochrome-output': 'M', 'color-output': 'C', 'ascii-output': 'a',
}

/** A command-line problem, reported in jq's words (exit 2). */
class JqUsageError extends Error {}

function parseOptions(args: string[]): JqOptions {
  const opts: JqOptions = { flags: new Set(), indent: 2, vars: {}, operands: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      opts.operands.push(...args.slice(i + 1))
      break
    }
    if (a === '--arg' || a === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]]
      if (value === undefined) throw new JqUsageError(`${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})`)
      i += 2
      if (a === '--arg') opts.vars[name] = value
      else {
        try {
          opts.vars[name] = JSON.parse(value) as Json
        } catch {
          throw new JqUsageError(`Invalid JSON text passed to --argjson`)
        }
      }
    } else if (a === '--tab') opts.indent = '\t'
    else if (a === '--indent') {
      const n = Number(args[++i])
      if (!Number.isInteger(n) || n < 0 || n > 7) throw new JqUsageError('Cannot indent more than 7 characters')
      opts.indent = n
    } else if (a.startsWith('--') && LONG[a.slice(2)]) opts.flags.add(LONG[a.slice(2)])
    else if (a.startsWith('-') && a.length > 1 && !a.startsWith('--') && [...a.slice(1)].every((c) => SHORT.includes(c))) {
      for (const c of a.slice(1)) opts.flags.add(c)
    } else if (a.startsWith('-') && a.length > 1) throw new JqUsageError(`Unknown option: ${a}`)
    else opts.operands.push(a)
  }
  return opts
}

/** Parses a stream of whitespace-separated JSON texts. */
function parseStream(text: string): Json[] {
  const out: Json[] = []
  let rest = text.trim()
  while (rest) {
    try {
      out.push(JSON.parse(rest))
      break
    } catch {
      // find the longest prefix that parses (concatenated documents, as `oc get -o json` loops produce)
      let end = rest.length - 1
      for (; end > 0; end--) {
        try {
          out.push(JSON.parse(rest.slice(0, end)))
          break
        } catch {
          /* keep shrinking */
        }
      }
      if (end <= 0) throw new JqError('parse error: Invalid JSON text')
      rest = rest.slice(end).trim()
    }
  }
  return out
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (!isObject(v)) return v
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]))
}

function render(v: Json, opts: JqOptions): string {
  const f = opts.flags
  if (typeof v === 'string' && (f.has('r') || f.has('j'))) return v
  const value = f.has('S') ? sortKeys(v) : v
  const indent = f.has('c') || opts.indent === 0 ? undefined : opts.indent
  // JSON has no NaN or infinities: jq prints null and the largest double
  return JSON.stringify(value, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? (Number.isNaN(x) ? null : Math.sign(x) * Number.MAX_VALUE) : x), indent) ?? 'null'
}

function compileOrReport(ctx: CommandContext, program: string, names: string[]): Filter | undefined {
  try {
    return compile(program, names)
  } catch (e) {
    if (!(e instanceof JqSyntaxError || e instanceof JqCompileError)) throw e
    ctx.stderr.write(`jq: error: ${e.message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`)
    return undefined
  }
}

export const jq: Command = {
  name: 'jq',
  summary: 'command-line JSON processor',
  async run(ctx) {
    let opts: JqOptions
    try {
      opts = parseOptions(ctx.args)
    } catch (e) {
      if (!(e instanceof JqUsageError)) throw e
      ctx.stderr.write(`jq: ${e.message}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`)
      return 2
    }
    const [program = '.', ...files] = opts.operands
    const filter = compileOrReport(ctx, program, Object.keys(opts.vars))
    if (!filter) return 3
    const vars: Vars = { ...opts.vars, ENV: Object.fromEntries(ctx.env) }
    const flags = opts.flags
    let status = 0
    let last: Json | undefined
    const run = (input: Json): void => {
      for (const v of filter(input, vars)) {
        last = v
        ctx.stdout.write(flags.has('j') ? render(v, opts) : `${render(v, opts)}\n`)
      }
    }
    const slurped: Json[] = []
    const ok = forEachInput(ctx, files, (text) => {
      if (flags.has('n')) return
      let inputs: Json[]
      try {
        inputs = parseStream(text)
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        ctx.stderr.write(`jq: error (at <stdin>:0): Cannot parse input: ${e.message}\n`)
        status = 2
        return
      }
      if (flags.has('s')) {
        slurped.push(...inputs)
        return
      }
      // a failing input does not stop the next ones
      for (const input of inputs) {
        try {
          run(input)
        } catch (e) {
          if (!(e instanceof JqError)) throw e
          ctx.stderr.write(`jq: error (at <stdin>:0): ${e.message}\n`)
          status = 5
        }
      }
    })
    if (!ok) return 2
    if (status === 0 && (flags.has('n') || flags.has('s'))) {
      try {
        run(flags.has('n') ? (flags.has('s') ? [] : null) : slurped)
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        ctx.stderr.write(`jq: error (at <unknown>): ${e.message}\n`)
        status = 5
      }
    }
    if (status === 0 && flags.has('e')) return last === undefined ? 4 : truthy(last) ? 0 : 1
    return status
  },
}
