/** Line-oriented text tools: `head`, `tail`, `wc`, `sort`, `uniq`, `cut`, `tr`. */
import type { Command, CommandContext } from '../types'
import { FsError } from '../vfs'
import { forEachInput, lines, parseArgs, readInput, unlines, usage, UsageError, type ParsedArgs } from './util'

/** Splits text into lines keeping their terminators (so a missing final newline is preserved). */
const rawLines = (text: string): string[] => text.split(/(?<=\n)/).filter((l) => l !== '')

function parseOrUsage(ctx: CommandContext, spec: Parameters<typeof parseArgs>[1]): ParsedArgs | number {
  try {
    return parseArgs(ctx.args, spec)
  } catch (e) {
    return usage(ctx, e)
  }
}

/** Shared body of head/tail: per-file headers and `cannot open` errors. */
function headTail(ctx: CommandContext, pick: (ls: string[], n: string) => string[] | number, pickBytes: (text: string, n: string) => string): Promise<number> {
  const parsed = parseOrUsage(ctx, { flags: 'qvf', values: 'nc', numericShortcut: 'n', long: { lines: 'n', bytes: 'c' } })
  if (typeof parsed === 'number') return Promise.resolve(parsed)
  const files = parsed.operands.length ? parsed.operands : ['-']
  const bytes = parsed.opts.has('c')
  const n = String((bytes ? parsed.opts.get('c') : parsed.opts.get('n')) ?? '10')
  if (!/^[-+]?\d+$/.test(n)) {
    ctx.stderr.write(`${ctx.name}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${n}’\n`)
    return Promise.resolve(1)
  }
  let status = 0
  files.forEach((file, i) => {
    let text: string
    try {
      text = readInput(ctx, file)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      ctx.stderr.write(`${ctx.name}: cannot open '${file}' for reading: ${e.message}\n`)
      status = 1
      return
    }
    if ((files.length > 1 && !parsed.opts.has('q')) || parsed.opts.has('v')) {
      ctx.stdout.write(`${i > 0 ? '\n' : ''}==> ${file === '-' ? 'standard input' : file} <==\n`)
    }
    if (bytes) {
      ctx.stdout.write(pickBytes(text, n))
      return
    }
    const picked = pick(rawLines(text), n)
    if (typeof picked !== 'number') ctx.stdout.write(picked.join(''))
  })
  return Promise.resolve(status)
}

/** `head [-n N | -N] [FILE...]` */
export const head: Command = {
  name: 'head',
  summary: 'output the first part of files',
  run: (ctx) =>
    headTail(
      ctx,
      (ls, n) => (n.startsWith('-') ? ls.slice(0, Math.max(0, ls.length - Number(n.slice(1)))) : ls.slice(0, Number(n))),
      (t, n) => (n.startsWith('-') ? t.slice(0, Math.max(0, t.length - Number(n.slice(1)))) : t.slice(0, Number(n))),
    ),
}

/** `tail [-n N | -n +N | -N] [FILE...]` */
export const tail: Command = {
  name: 'tail',
  summary: 'output the last part of files',
  run: (ctx) =>
    headTail(ctx, (ls, n) => {
      if (n.startsWith('+')) return ls.slice(Math.max(0, Number(n.slice(1)) - 1))
      const k = Math.abs(Number(n))
      return k === 0 ? [] : ls.slice(-k)
    }, (t, n) => {
      if (n.startsWith('+')) return t.slice(Math.max(0, Number(n.slice(1)) - 1))
      const k = Math.abs(Number(n))
      return k === 0 ? '' : t.slice(-k)
    }),
}

/** `wc [-lwcm] [FILE...]` */
export const wc: Command = {
  name: 'wc',
  summary: 'count lines, words and bytes',
  async run(ctx) {
    const parsed = parseOrUsage(ctx, { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } })
    if (typeof parsed === 'number') return parsed
    let which = ['l', 'w', 'm', 'c'].filter((k) => parsed.opts.has(k))
    if (which.length === 0) which = ['l', 'w', 'c']
    const rows: { counts: number[]; label: string }[] = []
    const count = (text: string): number[] =>
      which.map((k) =>
        k === 'l' ? (text.match(/\n/g) ?? []).length : k === 'w' ? text.split(/\s+/).filter(Boolean).length : k === 'm' ? [...text].length : new TextEncoder().encode(text).length,
      )
    let totalBytes = 0
    const ok = forEachInput(ctx, parsed.operands, (text, file) => {
      totalBytes += new TextEncoder().encode(text).length
      rows.push({ counts: count(text), label: file === '-' ? '' : file })
    })
    if (rows.length > 1) rows.push({ counts: which.map((_, i) => rows.reduce((s, r) => s + r.counts[i], 0)), label: 'total' })
    const stdinOnly = parsed.operands.length === 0 || parsed.operands.includes('-')
    // GNU wc: no padding for one count of one input; otherwise the width of the total input size
    const width = which.length === 1 && rows.length <= 1 ? 1 : stdinOnly ? 7 : String(totalBytes).length
    for (const r of rows) {
      const nums = r.counts.map((c) => String(c).padStart(width)).join(' ')
      ctx.stdout.write(`${nums}${r.label ? ` ${r.label}` : ''}\n`)
    }
    return ok ? 0 : 1
  },
}

/** Extracts a sort key from a line: fields `start[,end]` (1-based), split by `sep` or runs of blanks. */
function sortKey(line: string, key: string | undefined, sep: string | undefined): string {
  if (!key) return line
  const [startSpec, endSpec] = key.split(',')
  const start = parseInt(startSpec, 10)
  const end = endSpec ? parseInt(endSpec, 10) : undefined
  const fields = sep !== undefined ? line.split(sep) : line.trim().split(/\s+/)
  return fields.slice(start - 1, end).join(sep ?? ' ')
}

/** `sort [-rnufs] [-k N[,M]] [-t SEP] [FILE...]` */
export const sort: Command = {
  name: 'sort',
  summary: 'sort lines of text',
  async run(ctx) {
    const parsed = parseOrUsage(ctx, { flags: 'rnufsbhV', values: 'kto', long: { reverse: 'r', 'numeric-sort': 'n', unique: 'u', 'ignore-case': 'f', key: 'k' } })
    if (typeof parsed === 'number') return parsed
    const o = parsed.opts
    const all: string[] = []
    const ok = forEachInput(ctx, parsed.operands, (text) => all.push(...lines(text)))
    const key = (l: string): string => {
      const k = sortKey(l, o.get('k') as string | undefined, o.get('t') as string | undefined)
      return o.has('f') ? k.toUpperCase() : k
    }
    const num = (s: string): number => parseFloat(s.trim()) || 0
    const cmpKey = (a: string, b: string): number => {
      if (o.has('n') || o.has('h')) return num(a) - num(b)
      return a < b ? -1 : a > b ? 1 : 0
    }
    const cmp = (a: string, b: string): number => {
      let c = cmpKey(key(a), key(b))
      if (c === 0 && !o.has('s') && !o.has('u')) c = a < b ? -1 : a > b ? 1 : 0
      return o.has('r') ? -c : c
    }
    let sorted = [...all].sort(cmp)
    if (o.has('u')) sorted = sorted.filter((l, i) => i === 0 || cmpKey(key(l), key(sorted[i - 1])) !== 0)
    const out = unlines(sorted)
    if (o.has('o')) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, o.get('o') as string), out)
    else ctx.stdout.write(out)
    return ok ? 0 : 2
  },
}

/** `uniq [-c] [-d] [-u] [-i] [INPUT]` */
export const uniq: Command = {
  name: 'uniq',
  summary: 'report or omit repeated lines',
  async run(ctx) {
    const parsed = parseOrUsage(ctx, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } })
    if (typeof parsed === 'number') return parsed
    const o = parsed.opts
    const groups: { line: string; n: number }[] = []
    const ok = forEachInput(ctx, parsed.operands.slice(0, 1), (text) => {
      for (const l of lines(text)) {
        const last = groups[groups.length - 1]
        const same = last && (o.has('i') ? last.line.toLowerCase() === l.toLowerCase() : last.line === l)
        if (same) last.n++
        else groups.push({ line: l, n: 1 })
      }
    })
    for (const g of groups) {
      if (o.has('d') && g.n < 2) continue
      if (o.has('u') && g.n > 1) continue
      ctx.stdout.write(o.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)
    }
    return ok ? 0 : 1
  },
}

/** Parses a cut LIST (`1,3-5,7-`) into a membership test on 1-based positions. */
function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = []
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part)
    if (!m || (m[1] === '' && m[3] === '') || part === '') return undefined
    const from = m[1] ? Number(m[1]) : 1
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from
    if (from < 1) return undefined
    ranges.push([from, to])
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b)
}

/** `cut -d DELIM -f LIST | -c LIST [-s] [FILE...]` */
export const cut: Command = {
  name: 'cut',
  summary: 'remove sections from each line',
  async run(ctx) {
    const parsed = parseOrUsage(ctx, { flags: 's', values: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' } })
    if (typeof parsed === 'number') return parsed
    const o = parsed.opts
    const spec = (o.get('f') ?? o.get('c') ?? o.get('b')) as string | undefined
    if (spec === undefined) return usage(ctx, new UsageError('you must specify a list of bytes, characters, or fields'))
    const inList = parseList(spec)
    if (!inList) {
      ctx.stderr.write(`cut: invalid field range\nTry 'cut --help' for more information.\n`)
      return 1
    }
    const delim = (o.get('d') as string | undefined) ?? '\t'
    if (delim.length !== 1) {
      ctx.stderr.write(`cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n`)
      return 1
    }
    const out: string[] = []
    const ok = forEachInput(ctx, parsed.operands, (text) => {
      for (const l of lines(text)) {
        if (!o.has('f')) {
          out.push([...l].filter((_, i) => inList(i + 1)).join(''))
        } else if (!l.includes(delim)) {
          if (!o.has('s')) out.push(l)
        } else out.push(l.split(delim).filter((_, i) => inList(i + 1)).join(delim))
      }
    })
    ctx.stdout.write(unlines(out))
    return ok ? 0 : 1
  },
}

/** Expands a tr SET (`a-z`, `[:upper:]`, `\n`) into a list of characters. */
function expandSet(set: string): string[] {
  const classes: Record<string, string> = {
    upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    lower: 'abcdefghijklmnopqrstuvwxyz',
    digit: '0123456789',
    space: ' \t\n\r\f\v',
    blank: ' \t',
    punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  }
  classes.alpha = classes.upper + classes.lower
  classes.alnum = classes.alpha + classes.digit
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' }
  const chars: string[] = []
  for (let i = 0; i < set.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(set.slice(i))
    if (cls && classes[cls[1]]) {
      chars.push(...classes[cls[1]])
      i += cls[0].length - 1
      continue
    }
    let c = set[i]
    if (c === '\\' && i + 1 < set.length) c = esc[set[++i]] ?? set[i]
    if (set[i + 1] === '-' && i + 2 < set.length) {
      const end = set[i + 2]
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code))
      i += 2
    } else chars.push(c)
  }
  return chars
}

/** `tr [-d] [-s] SET1 [SET2]` */
export const tr: Command = {
  name: 'tr',
  summary: 'translate or delete characters',
  async run(ctx) {
    const parsed = parseOrUsage(ctx, { flags: 'dsc', long: { delete: 'd', 'squeeze-repeats': 's' } })
    if (typeof parsed === 'number') return parsed
    const [s1, s2] = parsed.operands
    const del = parsed.opts.has('d')
    if (s1 === undefined || (!del && !parsed.opts.has('s') && s2 === undefined)) {
      ctx.stderr.write(s1 === undefined ? 'tr: missing operand\n' : `tr: missing operand after ‘${s1}’\nTwo strings must be given when translating.\n`)
      ctx.stderr.write("Try 'tr --help' for more information.\n")
      return 1
    }
    const set1 = expandSet(s1)
    const set2 = s2 !== undefined ? expandSet(s2) : []
    const squeeze = new Set(parsed.opts.has('s') ? (del || s2 === undefined ? set1 : set2) : [])
    let out = ''
    for (const c of ctx.stdin) {
      let r: string | undefined = c
      const idx = set1.indexOf(c)
      if (del) r = idx >= 0 ? undefined : c
      else if (idx >= 0 && set2.length) r = set2[Math.min(idx, set2.length - 1)]
      if (r === undefined) continue
      if (squeeze.has(r) && out.endsWith(r)) continue
      out += r
    }
    ctx.stdout.write(out)
    return 0
  },
}
