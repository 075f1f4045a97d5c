/** `grep` with the common GNU options: -i -v -E -F -c -n -w -x -o -q -l -h -H -s -A/-B/-C -e. */
import type { Command } from '../types'
import { FsError } from '../vfs'
import { escapeRegexText, RegexError, translateRegex } from './regex'
import { lines, parseArgs, readInput, usage } from './util'

/** `grep [OPTIONS] PATTERN [FILE...]` */
export const grep: Command = {
  name: 'grep',
  summary: 'print lines that match patterns',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, {
        flags: 'ivEFGcnwxoqlLhHsrR',
        values: 'eABCmf',
        long: {
          'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', 'fixed-strings': 'F', count: 'c',
          'line-number': 'n', 'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', quiet: 'q', silent: 'q',
          'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', regexp: 'e', 'after-context': 'A',
          'before-context': 'B', context: 'C', 'max-count': 'm', 'no-messages': 's',
        },
      })
    } catch (e) {
      return usage(ctx, e, 2)
    }
    const o = parsed.opts
    const operands = [...parsed.operands]
    const patterns = parsed.multi.get('e') ?? (operands.length ? operands.shift()!.split('\n') : undefined)
    if (patterns === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
      return 2
    }
    const num = (k: string): number => Number(o.get(k) ?? o.get('C') ?? 0)
    const after = num('A')
    const before = num('B')
    const maxCount = o.has('m') ? Number(o.get('m')) : Infinity
    let re: RegExp
    try {
      const alts = patterns.map((p) => (o.has('F') ? escapeRegexText(p) : translateRegex(p, o.has('E'))))
      let src = alts.map((a) => `(?:${a})`).join('|')
      if (o.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`
      if (o.has('x')) src = `^(?:${src})$`
      re = new RegExp(src, o.has('i') ? 'gi' : 'g')
    } catch (e) {
      ctx.stderr.write(`grep: ${e instanceof RegexError ? e.message : 'Invalid regular expression'}\n`)
      return 2
    }
    const files = operands.length ? operands : ['-']
    const showName = o.has('H') || (files.length > 1 && !o.has('h'))
    let anySelected = false
    let error = false
    for (const file of files) {
      let text: string
      try {
        text = readInput(ctx, file)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        if (!o.has('s')) ctx.stderr.write(`grep: ${file}: ${e.message}\n`)
        error = true
        continue
      }
      const label = file === '-' ? '(standard input)' : file
      const prefix = (n: number, sep: string): string => (showName ? label + sep : '') + (o.has('n') ? `${n}${sep}` : '')
      const ls = lines(text)
      let count = 0
      let lastPrinted = -1
      let pendingAfter = 0
      for (let i = 0; i < ls.length && count < maxCount; i++) {
        re.lastIndex = 0
        const selected = re.test(ls[i]) !== o.has('v')
        if (!selected) {
          if (pendingAfter > 0 && !o.has('q') && !o.has('c') && !o.has('l')) {
            ctx.stdout.write(`${prefix(i + 1, '-')}${ls[i]}\n`)
            lastPrinted = i
            pendingAfter--
          }
          continue
        }
        count++
        anySelected = true
        if (o.has('q')) return 0
        if (o.has('c') || o.has('l') || o.has('L')) continue
        const from = Math.max(0, i - before, lastPrinted + 1)
        if ((before || after) && lastPrinted >= 0 && from > lastPrinted + 1) ctx.stdout.write('--\n')
        for (let j = from; j < i; j++) ctx.stdout.write(`${prefix(j + 1, '-')}${ls[j]}\n`)
        if (o.has('o') && !o.has('v')) {
          re.lastIndex = 0
          for (const m of ls[i].matchAll(re)) if (m[0] !== '') ctx.stdout.write(`${prefix(i + 1, ':')}${m[0]}\n`)
        } else ctx.stdout.write(`${prefix(i + 1, ':')}${ls[i]}\n`)
        lastPrinted = i
        pendingAfter = after
      }
      if (o.has('c')) ctx.stdout.write(`${showName ? `${label}:` : ''}${count}\n`)
      if (o.has('l') && count > 0) ctx.stdout.write(`${label}\n`)
      if (o.has('L') && count === 0) ctx.stdout.write(`${label}\n`)
    }
    if (error && !(o.has('q') && anySelected)) return 2
    return anySelected ? 0 : 1
  },
}
