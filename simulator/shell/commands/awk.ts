/**
 * A small awk: BEGIN/END, `/re/` and expression patterns, `print`/`printf`, fields ($0, $1, $NF), NR, NF, FS,
 * OFS, variables, assignments (= += -= ++ --), if/else, `next`, arithmetic, comparisons, `~`, concatenation,
 * and length/substr/index/tolower/toupper/sprintf. No arrays or loops.
 */
import type { Command } from '../types'
import { interpretEscapes, printf as printfCommand } from './echo'
import { BufferStream } from '../streams'
import { compileRegex, RegexError } from './regex'
import { forEachInput } from './util'

class AwkError extends Error {}
/** thrown by `next` to skip to the following record */
class NextRecord {}

type Value = string | number
type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; re: RegExp }
  | { t: 'var'; name: string }
  | { t: 'field'; index: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'un'; op: string; a: Node }
  | { t: 'assign'; op: string; target: Node; value: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] }
type Stmt =
  | { t: 'print'; args: Node[]; printf: boolean }
  | { t: 'expr'; e: Node }
  | { t: 'if'; c: Node; then: Stmt[]; else: Stmt[] }
  | { t: 'next' }
interface Rule {
  kind: 'begin' | 'end' | 'main'
  pattern?: Node
  body?: Stmt[]
}

const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|("(?:[^"\\]|\\.)*")|([A-Za-z_]\w*)|(\+\+|--|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|&&|\|\||!~|[-+*/%^!<>=~?:$(),;{}\n])|(\/))/y

/** Parses awk source into rules. */
function parseProgram(src: string): Rule[] {
  let pos = 0
  type Tok = { kind: 'num' | 'str' | 'name' | 'op' | 'eof'; text: string }
  let tok: Tok = { kind: 'eof', text: '' }
  /** reads `tok` afresh: TypeScript would otherwise keep narrowings across `advance()` calls */
  const cur = (): Tok => tok
  let lastSignificant = ''
  const advance = (): void => {
    // line continuation and comments
    src = src.slice(0, pos) + src.slice(pos).replace(/^([ \t]*)(#[^\n]*)/, '$1')
    const rest = src.slice(pos)
    if (/^\s*$/.test(rest)) {
      tok = { kind: 'eof', text: '' }
      pos = src.length
      return
    }
    // a `/` where an operand is expected starts a regex literal
    const operandExpected = ['', '(', ',', '{', '}', ';', '\n', '!', '~', '!~', '&&', '||', '==', '!=', '=', 'print', 'printf'].includes(lastSignificant)
    const lead = /^\s*/.exec(rest)![0]
    if (rest[lead.length] === '/' && operandExpected) {
      let j = pos + lead.length + 1
      let body = ''
      while (j < src.length && src[j] !== '/') {
        if (src[j] === '\\' && src[j + 1] === '/') {
          body += '/'
          j += 2
        } else body += src[j++]
      }
      if (j >= src.length) throw new AwkError('unterminated regexp')
      pos = j + 1
      tok = { kind: 'op', text: `/${body}/` }
      lastSignificant = 're'
      return
    }
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(src)
    if (!m) throw new AwkError(`syntax error at source line 1: ${rest.trim().slice(0, 10)}`)
    pos = TOKEN.lastIndex
    if (m[1]) tok = { kind: 'num', text: m[1] }
    else if (m[2]) tok = { kind: 'str', text: m[2] }
    else if (m[3]) tok = { kind: 'name', text: m[3] }
    else tok = { kind: 'op', text: m[4] ?? m[5] }
    lastSignificant = tok.text
  }
  const is = (text: string): boolean => tok.kind !== 'str' && tok.text === text
  const expect = (text: string): void => {
    if (!is(text)) throw new AwkError(`syntax error: expected \`${text}' near \`${tok.text || 'end of program'}'`)
    advance()
  }
  const skipTerminators = (): void => {
    while (is(';') || is('\n')) advance()
  }
  const skipNewlines = (): void => {
    while (is('\n')) advance()
  }

  let noGt = false
  const primary = (): Node => {
    const t = tok
    if (t.kind === 'num') return advance(), { t: 'num', v: Number(t.text) }
    if (t.kind === 'str') return advance(), { t: 'str', v: interpretEscapes(t.text.slice(1, -1).replace(/\\"/g, '"')).text }
    if (t.kind === 'op' && t.text.length > 1 && t.text.startsWith('/') && t.text.endsWith('/')) {
      advance()
      return { t: 're', re: compileRegex(t.text.slice(1, -1), { extended: true }) }
    }
    if (is('$')) {
      advance()
      return { t: 'field', index: incdec() }
    }
    if (is('(')) {
      advance()
      const saved = noGt
      noGt = false
      const e = expr()
      noGt = saved
      expect(')')
      return e
    }
    if (is('-') || is('!') || is('+')) {
      const op = tok.text
      advance()
      return { t: 'un', op, a: unaryOperand() }
    }
    if (t.kind === 'name') {
      advance()
      if (is('(')) {
        advance()
        const args: Node[] = []
        while (!is(')')) {
          args.push(expr())
          if (is(',')) advance()
          else break
        }
        expect(')')
        return { t: 'call', name: t.text, args }
      }
      if (t.text === 'length') return { t: 'call', name: 'length', args: [] }
      return { t: 'var', name: t.text }
    }
    throw new AwkError(`syntax error near \`${t.text || 'end of program'}'`)
  }
  const incdec = (): Node => {
    if (is('++') || is('--')) {
      const op = tok.text as '++' | '--'
      advance()
      return { t: 'incdec', op, prefix: true, target: primary() }
    }
    const p = primary()
    if ((is('++') || is('--')) && (p.t === 'var' || p.t === 'field')) {
      const op = tok.text as '++' | '--'
      advance()
      return { t: 'incdec', op, prefix: false, target: p }
    }
    return p
  }
  const power = (): Node => {
    const a = incdec()
    if (is('^')) {
      advance()
      return { t: 'bin', op: '^', a, b: power() }
    }
    return a
  }
  const unaryOperand = power
  const binaryLevel = (ops: string[], next: () => Node) => (): Node => {
    let a = next()
    while (ops.some((o) => is(o)) && !(noGt && is('>'))) {
      const op = tok.text
      advance()
      a = { t: 'bin', op, a, b: next() }
    }
    return a
  }
  const mul = binaryLevel(['*', '/', '%'], power)
  const add = binaryLevel(['+', '-'], mul)
  const startsOperand = (): boolean =>
    tok.kind === 'num' || tok.kind === 'str' || tok.kind === 'name' || is('$') || is('(') || is('!') || is('-') || is('++') || is('--') || (tok.kind === 'op' && tok.text.length > 1 && tok.text.startsWith('/'))
  const concat = (): Node => {
    let a = add()
    while (startsOperand() && !is('-') && !is('!') && !(tok.kind === 'name' && tok.text === 'in')) a = { t: 'bin', op: 'concat', a, b: add() }
    return a
  }
  const compare = binaryLevel(['<', '<=', '>', '>=', '==', '!='], concat)
  const match = binaryLevel(['~', '!~'], compare)
  const and = binaryLevel(['&&'], match)
  const or = binaryLevel(['||'], and)
  const ternary = (): Node => {
    const c = or()
    if (!is('?')) return c
    advance()
    const a = ternary()
    expect(':')
    return { t: 'cond', c, a, b: ternary() }
  }
  const expr = (): Node => {
    const left = ternary()
    if (['=', '+=', '-=', '*=', '/=', '%='].some((o) => is(o)) && (left.t === 'var' || left.t === 'field')) {
      const op = tok.text
      advance()
      return { t: 'assign', op, target: left, value: expr() }
    }
    return left
  }
  const block = (): Stmt[] => {
    expect('{')
    const body: Stmt[] = []
    skipTerminators()
    while (!is('}')) {
      if (tok.kind === 'eof') throw new AwkError("syntax error: missing `}'")
      body.push(statement())
      skipTerminators()
    }
    advance()
    return body
  }
  const statement = (): Stmt => {
    if (is('{')) return { t: 'if', c: { t: 'num', v: 1 }, then: block(), else: [] }
    if (tok.kind === 'name' && (tok.text === 'print' || tok.text === 'printf')) {
      const isPrintf = tok.text === 'printf'
      advance()
      const args: Node[] = []
      noGt = true
      while (!is(';') && !is('\n') && !is('}') && cur().kind !== 'eof') {
        args.push(expr())
        if (is(',')) advance()
        else break
      }
      noGt = false
      return { t: 'print', args, printf: isPrintf }
    }
    if (tok.kind === 'name' && tok.text === 'next') return advance(), { t: 'next' }
    if (tok.kind === 'name' && tok.text === 'if') {
      advance()
      expect('(')
      const c = expr()
      expect(')')
      skipNewlines()
      const then = is('{') ? block() : [statement()]
      skipTerminators()
      let otherwise: Stmt[] = []
      if (cur().kind === 'name' && cur().text === 'else') {
        advance()
        skipNewlines()
        otherwise = is('{') ? block() : [statement()]
      }
      return { t: 'if', c, then, else: otherwise }
    }
    return { t: 'expr', e: expr() }
  }
  advance()
  const rules: Rule[] = []
  skipTerminators()
  while (tok.kind !== 'eof') {
    if (tok.kind === 'name' && (tok.text === 'BEGIN' || tok.text === 'END')) {
      const kind = tok.text === 'BEGIN' ? 'begin' : 'end'
      advance()
      rules.push({ kind, body: block() })
    } else {
      const pattern = is('{') ? undefined : expr()
      rules.push({ kind: 'main', pattern, body: is('{') ? block() : undefined })
    }
    skipTerminators()
  }
  return rules
}

const NUMERIC = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+)\s*$/

const toNum = (v: Value): number => (typeof v === 'number' ? v : parseFloat(v) || 0)
const toStr = (v: Value): string => (typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))))
const toBool = (v: Value): boolean => (typeof v === 'number' ? v !== 0 : v !== '')

/** `awk [-F SEP] [-v VAR=VAL] 'PROGRAM' [FILE...]` */
export const awk: Command = {
  name: 'awk',
  summary: 'pattern scanning and processing language',
  async run(ctx) {
    const vars = new Map<string, Value>([['FS', ' '], ['OFS', ' '], ['NR', 0], ['NF', 0]])
    let i = 0
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]
      if (a === '-F') vars.set('FS', ctx.args[++i] ?? ' ')
      else if (a.startsWith('-F')) vars.set('FS', a.slice(2))
      else if (a === '-v') {
        const [k, ...v] = (ctx.args[++i] ?? '').split('=')
        vars.set(k, v.join('='))
      } else break
    }
    const source = ctx.args[i]
    if (source === undefined) {
      ctx.stderr.write('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n')
      return 2
    }
    const fsArg = toStr(vars.get('FS')!)
    vars.set('FS', fsArg === '\\t' || fsArg === 't' ? '\t' : fsArg)
    let rules: Rule[]
    try {
      rules = parseProgram(source)
    } catch (e) {
      ctx.stderr.write(`awk: ${e instanceof Error ? e.message : String(e)}\n`)
      return 2
    }
    let fields: string[] = ['']
    const setRecord = (line: string): void => {
      const fs = toStr(vars.get('FS')!)
      const parts = fs === ' ' ? line.trim().split(/\s+/).filter(Boolean) : fs.length === 1 ? line.split(fs) : line.split(new RegExp(fs))
      fields = [line, ...(line === '' ? [] : parts)]
      vars.set('NF', fields.length - 1)
    }
    const rebuild = (): void => {
      fields[0] = fields.slice(1).join(toStr(vars.get('OFS')!))
    }
    const assign = (target: Node, v: Value): Value => {
      if (target.t === 'var') {
        vars.set(target.name, v)
        if (target.name === 'NF') {
          fields = fields.slice(0, toNum(v) + 1)
          rebuild()
        }
      } else if (target.t === 'field') {
        const idx = toNum(evaluate(target.index))
        if (idx === 0) setRecord(toStr(v))
        else {
          while (fields.length <= idx) fields.push('')
          fields[idx] = toStr(v)
          vars.set('NF', fields.length - 1)
          rebuild()
        }
      }
      return v
    }
    const compareValues = (a: Value, b: Value): number => {
      const numeric = (v: Value) => typeof v === 'number' || NUMERIC.test(v)
      if (numeric(a) && numeric(b)) return toNum(a) - toNum(b)
      const [x, y] = [toStr(a), toStr(b)]
      return x < y ? -1 : x > y ? 1 : 0
    }
    const sprintf = async (args: Value[]): Promise<string> => {
      const out = new BufferStream()
      await printfCommand.run({ ...ctx, args: args.map(toStr), stdout: out, stderr: ctx.stderr })
      return out.text
    }
    const evaluate = (n: Node): Value => {
      switch (n.t) {
        case 'num': return n.v
        case 'str': return n.v
        case 're': return n.re.test(fields[0]) ? 1 : 0
        case 'var': return vars.get(n.name) ?? ''
        case 'field': {
          const idx = toNum(evaluate(n.index))
          if (idx < 0) throw new AwkError(`trying to access out of range field ${idx}`)
          return fields[idx] ?? ''
        }
        case 'un': {
          const v = evaluate(n.a)
          return n.op === '!' ? (toBool(v) ? 0 : 1) : n.op === '-' ? -toNum(v) : toNum(v)
        }
        case 'cond': return toBool(evaluate(n.c)) ? evaluate(n.a) : evaluate(n.b)
        case 'assign': {
          const v = evaluate(n.value)
          if (n.op === '=') return assign(n.target, v)
          const cur = toNum(evaluate(n.target))
          const r = toNum(v)
          const ops: Record<string, number> = { '+=': cur + r, '-=': cur - r, '*=': cur * r, '/=': cur / r, '%=': cur % r }
          return assign(n.target, ops[n.op])
        }
        case 'incdec': {
          const old = toNum(evaluate(n.target))
          const v = n.op === '++' ? old + 1 : old - 1
          assign(n.target, v)
          return n.prefix ? v : old
        }
        case 'call': return call(n.name, n.args)
        case 'bin': {
          if (n.op === '&&') return toBool(evaluate(n.a)) && toBool(evaluate(n.b)) ? 1 : 0
          if (n.op === '||') return toBool(evaluate(n.a)) || toBool(evaluate(n.b)) ? 1 : 0
          if (n.op === '~' || n.op === '!~') {
            const re = n.b.t === 're' ? n.b.re : compileRegex(toStr(evaluate(n.b)), { extended: true })
            return re.test(toStr(evaluate(n.a))) === (n.op === '~') ? 1 : 0
          }
          const a = evaluate(n.a)
          const b = evaluate(n.b)
          switch (n.op) {
            case 'concat': return toStr(a) + toStr(b)
            case '+': return toNum(a) + toNum(b)
            case '-': return toNum(a) - toNum(b)
            case '*': return toNum(a) * toNum(b)
            case '/':
              if (toNum(b) === 0) throw new AwkError('division by zero')
              return toNum(a) / toNum(b)
            case '%': return toNum(a) % toNum(b)
            case '^': return toNum(a) ** toNum(b)
            case '<': return compareValues(a, b) < 0 ? 1 : 0
            case '<=': return compareValues(a, b) <= 0 ? 1 : 0
            case '>': return compareValues(a, b) > 0 ? 1 : 0
            case '>=': return compareValues(a, b) >= 0 ? 1 : 0
            case '==': return compareValues(a, b) === 0 ? 1 : 0
            default: return compareValues(a, b) !== 0 ? 1 : 0
          }
        }
      }
    }
    const call = (name: string, args: Node[]): Value => {
      const v = args.map(evaluate)
      switch (name) {
        case 'length': return [...toStr(args.length ? v[0] : fields[0])].length
        case 'substr': {
          const s = toStr(v[0])
          const start = Math.max(1, Math.round(toNum(v[1])))
          const len = v.length > 2 ? Math.round(toNum(v[2])) - (start - Math.round(toNum(v[1]))) : Infinity
          return s.slice(start - 1, start - 1 + Math.max(0, len))
        }
        case 'index': return toStr(v[0]).indexOf(toStr(v[1])) + 1
        case 'tolower': return toStr(v[0]).toLowerCase()
        case 'toupper': return toStr(v[0]).toUpperCase()
        case 'int': return Math.trunc(toNum(v[0]))
        default: throw new AwkError(`calling undefined function ${name}`)
      }
    }
    const exec = async (body: Stmt[]): Promise<void> => {
      for (const s of body) {
        if (s.t === 'next') throw new NextRecord()
        if (s.t === 'expr') evaluate(s.e)
        else if (s.t === 'if') await exec(toBool(evaluate(s.c)) ? s.then : s.else)
        else if (s.printf) ctx.stdout.write(await sprintf(s.args.map(evaluate)))
        else {
          const vals = s.args.length ? s.args.map((a) => toStr(evaluate(a))) : [fields[0]]
          ctx.stdout.write(vals.join(toStr(vars.get('OFS')!)) + '\n')
        }
      }
    }
    try {
      for (const r of rules) if (r.kind === 'begin') await exec(r.body!)
      const main = rules.filter((r) => r.kind === 'main')
      const hasEnd = rules.some((r) => r.kind === 'end')
      let ok = true
      if (main.length || hasEnd) {
        const records: string[] = []
        ok = forEachInput(ctx, ctx.args.slice(i + 1), (text) => records.push(...text.split('\n').filter((l, k, all) => k < all.length - 1 || l !== '')))
        for (const line of records) {
          vars.set('NR', toNum(vars.get('NR')!) + 1)
          setRecord(line)
          try {
            for (const r of main) {
              if (r.pattern && !toBool(evaluate(r.pattern))) continue
              await exec(r.body ?? [{ t: 'print', args: [], printf: false }])
            }
          } catch (e) {
            if (!(e instanceof NextRecord)) throw e
          }
        }
      }
      for (const r of rules) if (r.kind === 'end') await exec(r.body!)
      return ok ? 0 : 2
    } catch (e) {
      if (!(e instanceof AwkError) && !(e instanceof RegexError)) throw e
      ctx.stderr.write(`awk: ${e.message}\n`)
      return 2
    }
  },
}
