/**
 * A small jq: paths (`.a.b`, `.["k"]`, `.[0]`, `.items[]`, `?`), pipes, `,`, `[...]` collection, literals,
 * comparisons and `and`/`or`, `//`, and the functions keys, length, type, not, select, map, has, to_entries,
 * first, last, add, join, ascii_downcase, ascii_upcase, tostring, tonumber. Options: -r, -c, -e, -n.
 */
import type { Command } from '../types'
import { forEachInput } from './util'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Filter = (input: Json) => Json[]

class JqError extends Error {}

const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v)
const describe = (v: Json): string => `${typeOf(v)} (${JSON.stringify(v).slice(0, 11)})`
const truthy = (v: Json): boolean => v !== null && v !== false

function index(v: Json, key: Json, optional: boolean): Json[] {
  if (v === null) return [null]
  if (typeof key === 'string' && typeof v === 'object' && !Array.isArray(v)) return [v[key] ?? null]
  if (typeof key === 'number' && Array.isArray(v)) return [v[key < 0 ? v.length + key : key] ?? null]
  if (optional) return []
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeof key === 'string' ? `"${key}"` : typeOf(key)}`)
}

function iterate(v: Json, optional: boolean): Json[] {
  if (Array.isArray(v)) return v
  if (v !== null && typeof v === 'object') return Object.values(v)
  if (optional) return []
  throw new JqError(`Cannot iterate over ${v === null ? 'null' : describe(v)}`)
}

function compare(a: Json, b: Json): number {
  const order = ['null', 'boolean', 'number', 'string', 'array', 'object']
  const ta = order.indexOf(typeOf(a))
  const tb = order.indexOf(typeOf(b))
  if (ta !== tb) return ta - tb
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)]
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return x < y ? -1 : x > y ? 1 : 0
}

/** Compiles a jq program into a filter function. */
export function compileJq(src: string): Filter {
  const tokens = src.match(/\s*(\.\.|\.[A-Za-z_][\w]*|"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?|[A-Za-z_][\w]*|==|!=|<=|>=|\/\/|[.[\]|,()<>?+\-*{}:])/gy)?.map((t) => t.trim()) ?? []
  if (tokens.join('').replace(/\s/g, '') !== src.replace(/\s/g, '').replace(/"(?:[^"\\]|\\.)*"/g, (s) => s.replace(/\s/g, ''))) {
    throw new JqError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:\n${src}`)
  }
  let i = 0
  const peek = (): string | undefined => tokens[i]
  const eat = (t: string): boolean => (tokens[i] === t ? (i++, true) : false)
  const expect = (t: string): void => {
    if (!eat(t)) throw new JqError(`syntax error, unexpected ${tokens[i] ?? 'end of file'} at <top-level>, line 1:\n${src}`)
  }
  const pipe = (): Filter => {
    const a = comma()
    if (!eat('|')) return a
    const b = pipe()
    return (v) => a(v).flatMap(b)
  }
  const comma = (): Filter => {
    const parts = [alt()]
    while (eat(',')) parts.push(alt())
    return parts.length === 1 ? parts[0] : (v) => parts.flatMap((p) => p(v))
  }
  const alt = (): Filter => {
    const a = logic()
    if (!eat('//')) return a
    const b = alt()
    return (v) => {
      const good = a(v).filter(truthy)
      return good.length ? good : b(v)
    }
  }
  const logic = (): Filter => {
    let a = comparison()
    while (peek() === 'and' || peek() === 'or') {
      const op = tokens[i++]
      const [l, r] = [a, comparison()]
      a = (v) => l(v).flatMap((x) => (op === 'and' && !truthy(x) ? [false] : op === 'or' && truthy(x) ? [true] : r(v).map(truthy)))
    }
    return a
  }
  const comparison = (): Filter => {
    const a = additive()
    const op = peek()
    if (!op || !['==', '!=', '<', '<=', '>', '>='].includes(op)) return a
    i++
    const b = additive()
    return (v) =>
      b(v).flatMap((y) =>
        a(v).map((x) => {
          const c = compare(x, y)
          return op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0
        }),
      )
  }
  const additive = (): Filter => {
    let a = postfix()
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++]
      const [l, r] = [a, postfix()]
      a = (v) =>
        r(v).flatMap((y) =>
          l(v).map((x): Json => {
            if (op === '-' && typeof x === 'number' && typeof y === 'number') return x - y
            if (op === '-') throw new JqError(`${typeOf(x)} and ${typeOf(y)} cannot be subtracted`)
            if (x === null) return y
            if (y === null) return x
            if (typeof x === 'number' && typeof y === 'number') return x + y
            if (typeof x === 'string' && typeof y === 'string') return x + y
            if (Array.isArray(x) && Array.isArray(y)) return [...x, ...y]
            if (typeOf(x) === 'object' && typeOf(y) === 'object') return { ...(x as object), ...(y as object) } as Json
            throw new JqError(`${describe(x)} and ${describe(y)} cannot be added`)
          }),
        )
    }
    return a
  }
  /** a term followed by `.name`, `[...]`, `[]` and `?` suffixes */
  const postfix = (): Filter => {
    let f = term()
    for (;;) {
      const t = peek()
      if (t && t.startsWith('.') && t.length > 1 && t !== '..') {
        i++
        const key = t.slice(1)
        const opt = eat('?')
        const prev = f
        f = (v) => prev(v).flatMap((x) => index(x, key, opt))
      } else if (t === '[' || (t === '.' && tokens[i + 1] === '[')) {
        if (t === '.') i++
        f = bracketSuffix(f)
      } else return f
    }
  }
  const bracketSuffix = (prev: Filter): Filter => {
    expect('[')
    if (eat(']')) {
      const opt = eat('?')
      return (v) => prev(v).flatMap((x) => iterate(x, opt))
    }
    const key = pipe()
    expect(']')
    const opt = eat('?')
    return (v) => prev(v).flatMap((x) => key(v).flatMap((k) => index(x, k, opt)))
  }
  const term = (): Filter => {
    const t = tokens[i++]
    if (t === undefined) throw new JqError(`syntax error, unexpected end of file at <top-level>, line 1:\n${src}`)
    if (t === '.') {
      return peek() === '[' ? bracketSuffix((v) => [v]) : (v) => [v]
    }
    if (t.startsWith('.') && t !== '..') {
      const opt = eat('?')
      return (v) => index(v, t.slice(1), opt)
    }
    if (t.startsWith('"')) {
      const s = JSON.parse(t) as string
      return () => [s]
    }
    if (/^\d/.test(t)) return () => [Number(t)]
    if (t === '(') {
      const f = pipe()
      expect(')')
      return f
    }
    if (t === '[') {
      if (eat(']')) return () => [[]]
      const f = pipe()
      expect(']')
      return (v) => [f(v)]
    }
    if (t === '-') {
      const f = postfix()
      return (v) => f(v).map((x) => -(x as number))
    }
    return builtin(t)
  }
  const arg = (): Filter => {
    expect('(')
    const f = pipe()
    expect(')')
    return f
  }
  const builtin = (name: string): Filter => {
    switch (name) {
      case 'true': return () => [true]
      case 'false': return () => [false]
      case 'null': return () => [null]
      case 'empty': return () => []
      case 'not': return (v) => [!truthy(v)]
      case 'type': return (v) => [typeOf(v)]
      case 'length':
        return (v) => [v === null ? 0 : typeof v === 'string' || Array.isArray(v) ? v.length : typeof v === 'object' ? Object.keys(v).length : typeof v === 'number' ? Math.abs(v) : (() => { throw new JqError('boolean (true) has no length') })()]
      case 'keys':
        return (v) => {
          if (Array.isArray(v)) return [v.map((_, k) => k)]
          if (v !== null && typeof v === 'object') return [Object.keys(v).sort()]
          throw new JqError(`${describe(v)} has no keys`)
        }
      case 'to_entries': return (v) => [Object.entries(v as object).map(([key, value]) => ({ key, value }))]
      case 'add': return (v) => [iterate(v, false).reduce((acc: Json, x) => (acc === null ? x : typeof acc === 'number' ? acc + (x as number) : typeof acc === 'string' ? acc + String(x) : Array.isArray(acc) ? [...acc, ...(x as Json[])] : { ...(acc as object), ...(x as object) }), null)]
      case 'first': return (v) => [(v as Json[])[0] ?? null]
      case 'last': return (v) => [(v as Json[])[(v as Json[]).length - 1] ?? null]
      case 'tostring': return (v) => [typeof v === 'string' ? v : JSON.stringify(v)]
      case 'tonumber': return (v) => [Number(v)]
      case 'ascii_downcase': return (v) => [String(v).toLowerCase()]
      case 'ascii_upcase': return (v) => [String(v).toUpperCase()]
      case 'sort': return (v) => [[...(v as Json[])].sort(compare)]
      case 'select': {
        const f = arg()
        return (v) => (f(v).some(truthy) ? [v] : [])
      }
      case 'map': {
        const f = arg()
        return (v) => [iterate(v, false).flatMap(f)]
      }
      case 'has': {
        const f = arg()
        return (v) => f(v).map((k) => (Array.isArray(v) ? (k as number) < v.length : v !== null && typeof v === 'object' && (k as string) in v))
      }
      case 'join': {
        const f = arg()
        return (v) => f(v).map((sep) => (v as Json[]).map((x) => (x === null ? '' : String(x))).join(String(sep)))
      }
      case 'startswith':
      case 'endswith':
      case 'contains':
      case 'test': {
        const f = arg()
        return (v) =>
          f(v).map((s) => {
            const [a, b] = [String(v), String(s)]
            return name === 'startswith' ? a.startsWith(b) : name === 'endswith' ? a.endsWith(b) : name === 'contains' ? a.includes(b) : new RegExp(b).test(a)
          })
      }
      default:
        throw new JqError(`${name}/0 is not defined at <top-level>, line 1:\n${src}`)
    }
  }
  const f = pipe()
  if (i < tokens.length) throw new JqError(`syntax error, unexpected ${tokens[i]} at <top-level>, line 1:\n${src}`)
  return f
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

/** `jq [-r] [-c] [-e] [-n] FILTER [FILE...]` */
export const jq: Command = {
  name: 'jq',
  summary: 'command-line JSON processor',
  async run(ctx) {
    const flags = new Set<string>()
    const operands: string[] = []
    for (const a of ctx.args) {
      if (/^-[rcenjS]+$/.test(a)) for (const c of a.slice(1)) flags.add(c)
      else if (a === '--raw-output') flags.add('r')
      else if (a === '--compact-output') flags.add('c')
      else operands.push(a)
    }
    const [program = '.', ...files] = operands
    let filter: Filter
    try {
      filter = compileJq(program)
    } catch (e) {
      if (!(e instanceof JqError)) throw e
      ctx.stderr.write(`jq: error: ${e.message}\njq: 1 compile error\n`)
      return 3
    }
    let status = 0
    let last: Json | undefined
    const ok = forEachInput(ctx, files, (text) => {
      try {
        const inputs = flags.has('n') ? [null] : parseStream(text)
        for (const input of inputs) {
          for (const v of filter(input)) {
            last = v
            const s = typeof v === 'string' && flags.has('r') ? v : JSON.stringify(v, null, flags.has('c') ? undefined : 2)
            ctx.stdout.write(flags.has('j') ? s : `${s}\n`)
          }
        }
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        ctx.stderr.write(e.message.startsWith('parse error') ? `jq: error (at <stdin>:0): Cannot parse input: ${e.message}\n` : `jq: error (at <stdin>:0): ${e.message}\n`)
        status = e.message.startsWith('parse error') ? 2 : 5
      }
    })
    if (!ok) return 2
    if (status === 0 && flags.has('e') && (last === undefined || !truthy(last))) return 1
    return status
  },
}
