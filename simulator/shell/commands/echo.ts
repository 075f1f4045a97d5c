/** `echo` and `printf`. */
import type { Command } from '../types'

/** Interprets backslash escapes as `echo -e` does; returns the text and whether `\c` stopped output. */
export function interpretEscapes(s: string): { text: string; stop: boolean } {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\' }
  let text = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      text += c
      continue
    }
    const n = s[++i]
    if (n in simple) text += simple[n]
    else if (n === 'c') return { text, stop: true }
    else if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0]
      text += String.fromCharCode(parseInt(m || '0', 8))
      i += m.length
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0]
      if (m) {
        text += String.fromCharCode(parseInt(m, 16))
        i += m.length
      } else text += '\\x'
    } else text += `\\${n}`
  }
  return { text, stop: false }
}

/** `echo [-neE] args...` */
export const echo: Command = {
  name: 'echo',
  summary: 'display a line of text',
  async run(ctx) {
    let newline = true
    let escapes = false
    let i = 0
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]
      if (!/^-[neE]+$/.test(a)) break
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false
        else if (f === 'e') escapes = true
        else escapes = false
      }
    }
    let text = ctx.args.slice(i).join(' ')
    if (escapes) {
      const r = interpretEscapes(text)
      text = r.text
      if (r.stop) newline = false
    }
    ctx.stdout.write(newline ? `${text}\n` : text)
    return 0
  },
}

/** `printf FORMAT [ARGS...]`: %s %b %d %i %u %x %X %o %f %e %c %q %%, flags, width and precision. */
export const printf: Command = {
  name: 'printf',
  summary: 'format and print data',
  async run(ctx) {
    if (ctx.args.length === 0) {
      ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n')
      return 2
    }
    const [format, ...args] = ctx.args
    let status = 0
    let out = ''
    let argi = 0
    const spec = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([sbdiuxXofeEgGcq%])/g
    for (;;) {
      let usedArg = false
      let stopped = false
      let last = 0
      for (let m = spec.exec(format); m; m = spec.exec(format)) {
        out += interpretEscapes(format.slice(last, m.index)).text
        last = m.index + m[0].length
        const [, flags, widthSpec, precSpec, conv] = m
        if (conv === '%') {
          out += '%'
          continue
        }
        const next = (): string => {
          usedArg = true
          return args[argi++] ?? ''
        }
        const width = widthSpec === '*' ? Number(next()) : widthSpec ? Number(widthSpec) : 0
        const prec = precSpec === '*' ? Number(next()) : precSpec !== undefined ? Number(precSpec) : undefined
        const arg = next()
        let s: string
        if (conv === 's' || conv === 'q') s = prec !== undefined ? arg.slice(0, prec) : arg
        else if (conv === 'b') {
          const r = interpretEscapes(arg)
          s = r.text
          stopped = r.stop
        } else if (conv === 'c') s = arg.slice(0, 1)
        else {
          let n = arg === '' ? 0 : /^'./.test(arg) || /^"./.test(arg) ? arg.codePointAt(1)! : Number(arg)
          if (Number.isNaN(n)) {
            ctx.stderr.write(`bash: printf: ${arg}: invalid number\n`)
            status = 1
            n = 0
          }
          if ('diu'.includes(conv)) s = String(Math.trunc(n))
          else if (conv === 'x') s = Math.trunc(n).toString(16)
          else if (conv === 'X') s = Math.trunc(n).toString(16).toUpperCase()
          else if (conv === 'o') s = Math.trunc(n).toString(8)
          else if (conv === 'e' || conv === 'E') s = n.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')
          else s = n.toFixed(prec ?? 6)
          if (conv === 'E') s = s.toUpperCase()
          if (flags.includes('+') && n >= 0) s = `+${s}`
        }
        const pad = Math.max(0, width - s.length)
        if (flags.includes('-')) s = s + ' '.repeat(pad)
        else if (flags.includes('0') && !'sbcq'.includes(conv)) s = s.startsWith('-') ? `-${'0'.repeat(pad)}${s.slice(1)}` : '0'.repeat(pad) + s
        else s = ' '.repeat(pad) + s
        out += s
        if (stopped) break
      }
      if (stopped) break
      out += interpretEscapes(format.slice(last)).text
      spec.lastIndex = 0
      // bash reuses the format while arguments remain
      if (!usedArg || argi >= args.length) break
    }
    ctx.stdout.write(out)
    return status
  },
}
