/** Variable and trivial builtins: `export`, `unset`, `env`, `read`, `pwd`, `true`, `:`, `false`. */
import type { Command } from '../types'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Quotes a word so that the shell reads it back unchanged. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** `export [NAME[=value]...]`; without arguments lists variables as `declare -x`. */
export const exportCmd: Command = {
  name: 'export',
  summary: 'set environment variables',
  async run(ctx) {
    const args = ctx.args.filter((a) => a !== '-p' && a !== '-n')
    if (args.length === 0) {
      for (const k of [...ctx.env.keys()].sort()) ctx.stdout.write(`declare -x ${k}="${ctx.env.get(k)!.replace(/(["\\$`])/g, '\\$1')}"\n`)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a : a.slice(0, eq)
      if (!NAME.test(name)) {
        ctx.stderr.write(`bash: export: \`${a}': not a valid identifier\n`)
        status = 1
      } else if (eq >= 0) ctx.env.set(name, a.slice(eq + 1))
    }
    return status
  },
}

/** `unset NAME...` */
export const unset: Command = {
  name: 'unset',
  summary: 'unset variables',
  async run(ctx) {
    let status = 0
    for (const a of ctx.args) {
      if (a === '-v' || a === '-f') continue
      if (!NAME.test(a)) {
        ctx.stderr.write(`bash: unset: \`${a}': not a valid identifier\n`)
        status = 1
      } else ctx.env.delete(a)
    }
    return status
  },
}

/** `env` prints the environment; `env NAME=v... cmd args` runs a command with extra variables. */
export const env: Command = {
  name: 'env',
  summary: 'print the environment or run a command in a modified one',
  async run(ctx) {
    let i = 0
    const assigns: string[] = []
    for (; i < ctx.args.length && /^[A-Za-z_]\w*=/.test(ctx.args[i]); i++) assigns.push(ctx.args[i])
    if (i < ctx.args.length) {
      const line = [...assigns.map((a) => shellQuote(a)), ...ctx.args.slice(i).map(shellQuote)].join(' ')
      return ctx.exec(line, { stdin: ctx.stdinIsTty ? undefined : ctx.stdin })
    }
    const vars = new Map(ctx.env)
    for (const a of assigns) vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1))
    for (const [k, v] of vars) ctx.stdout.write(`${k}=${v}\n`)
    return 0
  },
}

/**
 * `read [-r] [-p prompt] NAME...`: assigns the first line of stdin, split on `$IFS` (blanks by default), to the
 * names, the last one taking the rest; `IFS= read -r line` keeps the line as it is. Inside a loop it consumes
 * that line, so `while read l; do ...; done < file` sees each line in turn.
 */
export const read: Command = {
  name: 'read',
  summary: 'read a line from standard input',
  async run(ctx) {
    const names: string[] = []
    let raw = false
    for (let i = 0; i < ctx.args.length; i++) {
      const a = ctx.args[i]
      if (a === '-r') raw = true
      else if (a === '-p') ctx.stderr.write(ctx.args[++i] ?? '')
      else if (a.startsWith('-')) continue
      else names.push(a)
    }
    if (names.length === 0) names.push('REPLY')
    if (ctx.stdinIsTty || ctx.stdin === '') return 1
    const nl = ctx.stdin.indexOf('\n')
    ctx.consumeStdin?.(nl < 0 ? ctx.stdin.length : nl + 1)
    let line = nl < 0 ? ctx.stdin : ctx.stdin.slice(0, nl)
    if (!raw) line = line.replace(/\\(.)/g, '$1')
    const fields = splitIfs(line, ctx.env.get('IFS'), names.length)
    names.forEach((name, idx) => ctx.env.set(name, fields[idx] ?? ''))
    return nl < 0 ? 1 : 0
  },
}

/** Splits a line into at most `count` fields on IFS characters, trimming IFS blanks at both ends. */
function splitIfs(line: string, ifs = ' \t\n', count: number): string[] {
  if (ifs === '') return [line]
  const blanks = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('')
  const esc = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&')
  const trim = blanks ? new RegExp(`^[${esc(blanks)}]+|[${esc(blanks)}]+$`, 'g') : null
  const text = trim ? line.replace(trim, '') : line
  const sep = new RegExp(`[${esc(blanks)}]*[${esc(ifs)}][${esc(blanks)}]*`)
  const fields: string[] = []
  let rest = text
  while (fields.length < count - 1) {
    const m = sep.exec(rest)
    if (!m) break
    fields.push(rest.slice(0, m.index))
    rest = rest.slice(m.index + m[0].length)
  }
  fields.push(rest)
  return fields
}

/** `pwd` */
export const pwd: Command = {
  name: 'pwd',
  summary: 'print the working directory',
  async run(ctx) {
    ctx.stdout.write(`${ctx.cwd}\n`)
    return 0
  },
}

/** `true` */
export const trueCmd: Command = { name: 'true', summary: 'do nothing, successfully', run: async () => 0 }

/** `:` (the null command, as in `while :; do ...; done`) */
export const colon: Command = { name: ':', summary: 'do nothing, successfully', run: async () => 0 }

/** `false` */
export const falseCmd: Command = { name: 'false', summary: 'do nothing, unsuccessfully', run: async () => 1 }
