/** `sed` subset: -n -e -i -E/-r; commands s p d q = a i with line-number, `$` and /regex/ addresses and ranges. */
import type { Command } from '../types'
import { FsError } from '../vfs'
import { compileRegex, RegexError } from './regex'
import { parseArgs, readInput, usage } from './util'

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp }

interface SedCommand {
  from?: Address
  to?: Address
  negate: boolean
  cmd: string
  /** s: regex, replacement, flags */
  re?: RegExp
  replacement?: string
  global?: boolean
  occurrence?: number
  print?: boolean
  /** a / i text */
  text?: string
  /** range state: currently inside from..to */
  active?: boolean
}

class SedError extends Error {}

/** Parses a sed script into commands; errors use GNU's `-e expression #1, char N: ...` wording. */
function parseScript(script: string, extended: boolean): SedCommand[] {
  const out: SedCommand[] = []
  let i = 0
  const fail = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.max(1, i)}: ${msg}`)
  }
  const readDelimited = (delim: string, what: string): string => {
    let s = ''
    while (i < script.length && script[i] !== delim) {
      if (script[i] === '\\' && i + 1 < script.length) {
        // `\<delim>` stands for the delimiter itself; other escapes are kept for the regex/replacement
        if (script[i + 1] === delim) s += delim
        else if (script[i + 1] === 'n') s += '\n'
        else s += script.slice(i, i + 2)
        i += 2
      } else s += script[i++]
    }
    if (i >= script.length) fail(`unterminated ${what}`)
    i++
    return s
  }
  const regex = (src: string, flags = ''): RegExp => {
    try {
      return compileRegex(src, { extended, ignoreCase: flags.includes('I'), global: true })
    } catch (e) {
      if (e instanceof RegexError) return fail(e.message)
      throw e
    }
  }
  const address = (): Address | undefined => {
    const m = /^\d+/.exec(script.slice(i))
    if (m) {
      i += m[0].length
      return { kind: 'line', n: Number(m[0]) }
    }
    if (script[i] === '$') {
      i++
      return { kind: 'last' }
    }
    if (script[i] === '/' || script[i] === '\\') {
      const delim = script[i] === '\\' ? script[++i] : '/'
      i++
      const src = readDelimited(delim, 'address regex')
      const flags = script[i] === 'I' ? script[i++] : ''
      return { kind: 're', re: regex(src, flags) }
    }
    return undefined
  }
  while (i < script.length) {
    while (/[\s;]/.test(script[i] ?? '')) i++
    if (i >= script.length) break
    const c: SedCommand = { negate: false, cmd: '' }
    c.from = address()
    if (c.from && script[i] === ',') {
      i++
      c.to = address() ?? fail('unexpected `,\'')
    }
    while (script[i] === ' ') i++
    if (script[i] === '!') {
      c.negate = true
      i++
    }
    c.cmd = script[i++] ?? fail('missing command')
    switch (c.cmd) {
      case 's': {
        const delim = script[i++] ?? fail("unterminated `s' command")
        const pattern = readDelimited(delim, "`s' command")
        c.replacement = readDelimited(delim, "`s' command")
        let flags = ''
        while (i < script.length && /[gpiI0-9]/.test(script[i])) flags += script[i++]
        c.global = flags.includes('g')
        c.print = flags.includes('p')
        c.occurrence = Number(/\d+/.exec(flags)?.[0] ?? 1)
        c.re = regex(pattern, flags.replace('i', 'I'))
        break
      }
      case 'a':
      case 'i':
      case 'c': {
        // GNU: `a text` skips the blanks before the text; `a\text` and `a\<newline>text` keep them.
        // Escapes in the text: `\n` and `\<newline>` are newlines, `\t` a tab, `\X` is X.
        const m = /^(?:\\\n?|[ \t]*)((?:[^\n\\]|\\[^]|\\$)*)/.exec(script.slice(i))!
        c.text = m[1].replace(/\\([^]?)/g, (_, ch: string) => (ch === 'n' || ch === '\n' ? '\n' : ch === 't' ? '\t' : ch))
        i += m[0].length
        break
      }
      case 'p':
      case 'd':
      case 'q':
      case '=':
        break
      case '{':
      case '}':
        fail('groups are not supported')
        break
      default:
        i--
        fail(`unknown command: \`${c.cmd}'`)
    }
    out.push(c)
  }
  return out
}

/** Expands a replacement for one match: `&`, `\1`..`\9`, `\&`. */
function substitute(replacement: string, match: string, groups: (string | undefined)[]): string {
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]
    if (c === '&') out += match
    else if (c === '\\' && i + 1 < replacement.length) {
      const n = replacement[++i]
      out += /[0-9]/.test(n) ? (n === '0' ? match : (groups[Number(n) - 1] ?? '')) : n === 't' ? '\t' : n
    } else out += c
  }
  return out
}

/** Runs the script over one input text; returns the output text and whether `q` stopped processing. */
function runScript(cmds: SedCommand[], text: string, quiet: boolean): string {
  const input = text.split('\n')
  const finalNewline = text.endsWith('\n')
  if (finalNewline) input.pop()
  let out = ''
  for (const c of cmds) c.active = false
  const matches = (a: Address, n: number, line: string): boolean =>
    a.kind === 'line' ? a.n === n : a.kind === 'last' ? n === input.length : (a.re.lastIndex = 0, a.re.test(line))
  for (let idx = 0; idx < input.length; idx++) {
    const n = idx + 1
    let line = input[idx]
    let deleted = false
    let quit = false
    const after: string[] = []
    const nl = idx < input.length - 1 || finalNewline ? '\n' : ''
    for (const c of cmds) {
      let selected = true
      if (c.from && c.to) {
        if (c.active) {
          selected = true
          if (c.to.kind === 'line' ? n >= c.to.n : matches(c.to, n, line)) c.active = false
        } else if (matches(c.from, n, line)) {
          selected = true
          c.active = !(c.to.kind === 'line' && c.to.n <= n)
        } else selected = false
      } else if (c.from) selected = matches(c.from, n, line)
      if (selected === c.negate) continue
      if (c.cmd === 's') {
        let count = 0
        let replaced = false
        line = line.replace(c.re!, (match: string, ...rest: unknown[]) => {
          count++
          const groups = rest.slice(0, -2) as (string | undefined)[]
          if (c.global ? count >= c.occurrence! : count === c.occurrence) {
            replaced = true
            return substitute(c.replacement!, match, groups)
          }
          return match
        })
        if (replaced && c.print) out += line + '\n'
      } else if (c.cmd === 'p') out += line + '\n'
      else if (c.cmd === '=') out += `${n}\n`
      else if (c.cmd === 'a') after.push(c.text! + '\n')
      else if (c.cmd === 'i') out += c.text! + '\n'
      else if (c.cmd === 'c') {
        // with a range, GNU prints the text once, at the end of the range
        if (!(c.from && c.to && c.active && !c.negate)) out += c.text! + '\n'
        deleted = true
        break
      } else if (c.cmd === 'd') {
        deleted = true
        break
      } else if (c.cmd === 'q') {
        quit = true
        break
      }
    }
    if (!deleted && !quiet) out += line + nl
    out += after.join('')
    if (quit) break
  }
  return out
}

/** Concatenates inputs, adding the newline missing between files but keeping a missing final one missing. */
function joinInputs(texts: string[]): string {
  return texts.map((t, i) => (i < texts.length - 1 && t !== '' && !t.endsWith('\n') ? `${t}\n` : t)).join('')
}

/** `sed [-n] [-i] [-E] [-e SCRIPT]... [SCRIPT] [FILE...]` */
export const sed: Command = {
  name: 'sed',
  summary: 'stream editor',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'niErsz', values: 'ef', long: { quiet: 'n', silent: 'n', 'in-place': 'i', 'regexp-extended': 'E', expression: 'e' } })
    } catch (e) {
      return usage(ctx, e)
    }
    const o = parsed.opts
    const operands = [...parsed.operands]
    const scripts = parsed.multi.get('e') ?? (operands.length ? [operands.shift()!] : undefined)
    if (scripts === undefined) {
      ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n')
      return 1
    }
    let cmds: SedCommand[]
    try {
      cmds = parseScript(scripts.join('\n'), o.has('E') || o.has('r'))
    } catch (e) {
      if (!(e instanceof SedError)) throw e
      ctx.stderr.write(`sed: ${e.message}\n`)
      return 1
    }
    const quiet = o.has('n')
    if (o.has('i') && operands.length === 0) {
      ctx.stderr.write('sed: no input files\n')
      return 1
    }
    let status = 0
    const texts: string[] = []
    for (const file of operands.length ? operands : ['-']) {
      try {
        const text = readInput(ctx, file)
        if (o.has('i')) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, file), runScript(cmds, text, quiet))
        else texts.push(text)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        ctx.stderr.write(`sed: can't read ${file}: ${e.message}\n`)
        status = 2
      }
    }
    // without -i, GNU sed treats all inputs as one stream (line numbers and `$` span files)
    if (!o.has('i')) ctx.stdout.write(runScript(cmds, joinInputs(texts), quiet))
    return status
  },
}
