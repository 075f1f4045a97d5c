/** Small utilities: `base64`, `seq`, `basename`, `dirname`. */
import type { Command } from '../types'
import { forEachInput, parseArgs, usage } from './util'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64-encodes the UTF-8 bytes of `text`. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63]
    out += b === undefined ? '==' : ALPHABET[(n >> 6) & 63] + (c === undefined ? '=' : ALPHABET[n & 63])
  }
  return out
}

/** Decodes base64 (whitespace ignored) to UTF-8 text; undefined for invalid input. */
export function decodeBase64(b64: string): string | undefined {
  const clean = b64.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return undefined
  const bytes: number[] = []
  let bits = 0
  let acc = 0
  for (const ch of clean.replace(/=+$/, '')) {
    acc = (acc << 6) | ALPHABET.indexOf(ch)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 255)
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes))
}

/** `base64 [-d] [-w COLS] [FILE]` */
export const base64: Command = {
  name: 'base64',
  summary: 'base64 encode/decode data',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'di', values: 'w', long: { decode: 'd', wrap: 'w', 'ignore-garbage': 'i' } })
    } catch (e) {
      return usage(ctx, e)
    }
    let status = 0
    const ok = forEachInput(ctx, parsed.operands.slice(0, 1), (text) => {
      if (parsed.opts.has('d')) {
        const decoded = decodeBase64(text)
        if (decoded === undefined) {
          ctx.stderr.write('base64: invalid input\n')
          status = 1
          return
        }
        ctx.stdout.write(decoded)
        return
      }
      const wrap = Number(parsed.opts.get('w') ?? 76)
      const enc = encodeBase64(text)
      // like GNU base64, -w0 prints no trailing newline
      if (wrap <= 0) return ctx.stdout.write(enc)
      const out = (enc.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []).join('\n')
      ctx.stdout.write(out ? `${out}\n` : '')
    })
    return ok ? status : 1
  },
}

/** `seq [FIRST [INCREMENT]] LAST` */
export const seq: Command = {
  name: 'seq',
  summary: 'print a sequence of numbers',
  async run(ctx) {
    const nums = ctx.args.map(Number)
    const bad = ctx.args.find((a) => Number.isNaN(Number(a)) || a === '')
    if (bad !== undefined || nums.length === 0 || nums.length > 3) {
      ctx.stderr.write(bad !== undefined ? `seq: invalid floating point argument: ‘${bad}’\n` : 'seq: missing operand\n')
      ctx.stderr.write("Try 'seq --help' for more information.\n")
      return 1
    }
    const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums
    if (step === 0) return 1
    let out = ''
    for (let n = first, i = 0; (step > 0 ? n <= last : n >= last) && i < 100000; n += step, i++) out += `${n}\n`
    ctx.stdout.write(out)
    return 0
  },
}

/** `basename PATH [SUFFIX]` */
export const basename: Command = {
  name: 'basename',
  summary: 'strip directory and suffix from a file name',
  async run(ctx) {
    const [path, suffix] = ctx.args
    if (path === undefined) {
      ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n")
      return 1
    }
    let base = path.replace(/\/+$/, '').split('/').pop() || (path.startsWith('/') ? '/' : '')
    if (suffix && base.endsWith(suffix) && base !== suffix) base = base.slice(0, -suffix.length)
    ctx.stdout.write(`${base}\n`)
    return 0
  },
}

/** `dirname PATH` */
export const dirname: Command = {
  name: 'dirname',
  summary: 'strip the last component from a file name',
  async run(ctx) {
    const path = ctx.args[0]
    if (path === undefined) {
      ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n")
      return 1
    }
    const trimmed = path.replace(/\/+$/, '')
    const idx = trimmed.lastIndexOf('/')
    ctx.stdout.write(`${idx < 0 ? '.' : idx === 0 ? '/' : trimmed.slice(0, idx)}\n`)
    return 0
  },
}
