/**
 * The jq parser: tokens to a filter, by recursive descent over jq's precedence levels (lowest first):
 * `|` (and `E as $x | ...`), `,`, `//`, assignments (`=`, `|=`, `+=`...), `or`, `and`, comparisons, `+ -`,
 * `* / %`, unary minus, postfix (`.a`, `[..]`, `?`), terms. Not supported (a syntax error at their first
 * token): `def`, `reduce`, `foreach`, `label`, `?//`, `import`/`include`, `$__loc__`.
 */
import { JqCompileError, JqSyntaxError } from './errors'
import { attempt, comma, constant, identity, pathFilter, pathsOf, pipe, type Filter, type Vars } from './filter'
import { formatter } from './formats'
import { FUNCTIONS, recurseAll } from './functions'
import { getpath, setpath } from './paths'
import { tokenize, tokenName, KEYWORDS, type Token } from './tokens'
import { arithmetic, compare, index, isObject, iterate, JqError, slice, truthy, typeOf, type Json } from './values'

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>=']
const UPDATES = ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']

/** Compiles a jq program; `variables` are the names bound by `--arg`/`--argjson` (and `$ENV`). */
export function compile(src: string, variables: string[] = []): Filter {
  return new Parser(tokenize(src), variables).program()
}

class Parser {
  private i = 0
  private scope: string[]

  constructor(
    private readonly toks: Token[],
    variables: string[],
  ) {
    this.scope = ['ENV', ...variables]
  }

  private peek(): Token {
    return this.toks[this.i]
  }

  private isOp(op: string): boolean {
    const t = this.peek()
    return t.t === 'op' && t.op === op
  }

  private eatOp(op: string): boolean {
    if (!this.isOp(op)) return false
    this.i++
    return true
  }

  private isWord(name: string): boolean {
    const t = this.peek()
    return t.t === 'ident' && t.name === name
  }

  private fail(): never {
    throw new JqSyntaxError(tokenName(this.peek()))
  }

  private expectOp(op: string): void {
    if (!this.eatOp(op)) this.fail()
  }

  private expectWord(name: string): void {
    if (!this.isWord(name)) this.fail()
    this.i++
  }

  program(): Filter {
    if (this.peek().t === 'eof') return identity
    const f = this.pipe()
    if (this.peek().t !== 'eof') this.fail()
    return f
  }

  private pipe(): Filter {
    const left = this.comma()
    if (this.isWord('as')) {
      this.i++
      const tok = this.peek()
      if (tok.t !== 'var') this.fail()
      this.i++
      this.expectOp('|')
      this.scope.push(tok.name)
      const body = this.pipe()
      this.scope.pop()
      return (v, vars) => left(v, vars).flatMap((x) => body(v, { ...vars, [tok.name]: x }))
    }
    if (!this.eatOp('|')) return left
    return pipe(left, this.pipe())
  }

  private comma(): Filter {
    const parts = [this.alternative()]
    while (this.eatOp(',')) parts.push(this.alternative())
    return parts.length === 1 ? parts[0] : comma(parts)
  }

  /** `a // b`: the truthy outputs of `a`, or else `b`'s */
  private alternative(): Filter {
    const a = this.update()
    if (!this.eatOp('//')) return a
    const b = this.alternative()
    return (v, vars) => {
      let good: Json[] = []
      try {
        good = a(v, vars).filter(truthy)
      } catch (e) {
        if (!(e instanceof JqError)) throw e
      }
      return good.length ? good : b(v, vars)
    }
  }

  private update(): Filter {
    const lhs = this.or()
    const t = this.peek()
    if (t.t !== 'op' || !UPDATES.includes(t.op)) return lhs
    this.i++
    const rhs = this.or()
    return assignment(t.op, lhs, rhs)
  }

  private or(): Filter {
    let a = this.and()
    while (this.isWord('or')) {
      this.i++
      const [l, r] = [a, this.and()]
      a = (v, vars) => l(v, vars).flatMap((x) => (truthy(x) ? [true] : r(v, vars).map(truthy)))
    }
    return a
  }

  private and(): Filter {
    let a = this.comparison()
    while (this.isWord('and')) {
      this.i++
      const [l, r] = [a, this.comparison()]
      a = (v, vars) => l(v, vars).flatMap((x) => (!truthy(x) ? [false] : r(v, vars).map(truthy)))
    }
    return a
  }

  private comparison(): Filter {
    const a = this.additive()
    const t = this.peek()
    if (t.t !== 'op' || !COMPARISONS.includes(t.op)) return a
    this.i++
    const b = this.additive()
    const next = this.peek()
    // comparisons do not chain in jq
    if (next.t === 'op' && COMPARISONS.includes(next.op)) this.fail()
    const test = (c: number): boolean =>
      t.op === '==' ? c === 0 : t.op === '!=' ? c !== 0 : t.op === '<' ? c < 0 : t.op === '<=' ? c <= 0 : t.op === '>' ? c > 0 : c >= 0
    return binary(a, b, (x, y) => test(compare(x, y)))
  }

  private additive(): Filter {
    let a = this.multiplicative()
    for (let t = this.peek(); t.t === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.i++
      const op = t.op
      a = binary(a, this.multiplicative(), (x, y) => arithmetic(op, x, y))
    }
    return a
  }

  private multiplicative(): Filter {
    let a = this.unary()
    for (let t = this.peek(); t.t === 'op' && ['*', '/', '%'].includes(t.op); t = this.peek()) {
      this.i++
      const op = t.op
      a = binary(a, this.unary(), (x, y) => arithmetic(op, x, y))
    }
    return a
  }

  private unary(): Filter {
    if (!this.eatOp('-')) return this.postfix()
    const f = this.unary()
    return (v, vars) =>
      f(v, vars).map((x) => {
        if (typeof x !== 'number') throw new JqError(`${typeOf(x)} (${JSON.stringify(x).slice(0, 11)}) cannot be negated`)
        return -x
      })
  }

  /** A term and its suffixes: `.a`, `."a"`, `[e]`, `[e:e]`, `[]`, `.[...]`, `?` */
  private postfix(): Filter {
    let f = this.term()
    for (;;) {
      const t = this.peek()
      if (t.t === 'field') {
        this.i++
        f = pipe(f, field(t.name))
      } else if (t.t === 'op' && t.op === '.' && this.toks[this.i + 1]?.t === 'str') {
        this.i++
        f = pipe(f, this.stringKey())
      } else if (this.isOp('[') || (this.isOp('.') && this.toks[this.i + 1]?.t === 'op' && (this.toks[this.i + 1] as { op: string }).op === '[')) {
        this.eatOp('.')
        f = pipe(f, this.bracket())
      } else if (this.eatOp('?')) {
        f = attempt(f)
      } else return f
    }
  }

  /** `."key"` after the `.` */
  private stringKey(): Filter {
    const key = this.string()
    return pathFilter((v, vars) => key(v, vars).map((k) => [keyOf(v, k)]))
  }

  /** `[` then `]`, `e]`, `e:e]`, `:e]` or `e:]` */
  private bracket(): Filter {
    this.expectOp('[')
    if (this.eatOp(']')) return pathFilter((v) => iterablePaths(v))
    const from = this.isOp(':') ? null : this.pipe()
    if (this.eatOp(':')) {
      const to = this.isOp(']') ? null : this.pipe()
      this.expectOp(']')
      const none: Filter = constant(null)
      const [a, b] = [from ?? none, to ?? none]
      return (v, vars) => b(v, vars).flatMap((y) => a(v, vars).map((x) => slice(v, x, y)))
    }
    this.expectOp(']')
    const key = from!
    return pathFilter((v, vars) =>
      key(v, vars).map((k) => {
        index(v, k)
        return [keyOf(v, k)]
      }),
    )
  }

  private term(): Filter {
    const t = this.peek()
    this.i++
    switch (t.t) {
      case 'field':
        return field(t.name)
      case 'num':
        return constant(t.value)
      case 'str':
        this.i--
        return this.string()
      case 'format': {
        const format = formatter(t.name)
        if (this.peek().t === 'str') return this.string(format)
        return (v) => [format(v)]
      }
      case 'var':
        return this.variable(t.name)
      case 'ident':
        return this.word(t.name)
      case 'op':
        return this.punctuation(t.op)
      default:
        this.i--
        return this.fail()
    }
  }

  private punctuation(op: string): Filter {
    switch (op) {
      case '.':
        if (this.peek().t === 'str') return this.stringKey()
        return identity
      case '..':
        return recurseAll
      case '(': {
        const f = this.pipe()
        this.expectOp(')')
        return f
      }
      case '[': {
        if (this.eatOp(']')) return constant([])
        const f = this.pipe()
        this.expectOp(']')
        return (v, vars) => [f(v, vars)]
      }
      case '{':
        return this.object()
      default:
        this.i--
        return this.fail()
    }
  }

  /** A string literal, possibly with `\(...)` interpolations (formatted by `@fmt "..."`). */
  private string(format: (v: Json) => string = (v) => (typeof v === 'string' ? v : JSON.stringify(v))): Filter {
    const t = this.peek()
    if (t.t !== 'str') this.fail()
    this.i++
    const pieces = t.segments.map((s) => (typeof s === 'string' ? s : new Parser(s, this.scope).program()))
    if (pieces.every((p) => typeof p === 'string')) return constant(pieces.join(''))
    return (v, vars) => {
      let outs = ['']
      for (const p of pieces) {
        if (typeof p === 'string') outs = outs.map((o) => o + p)
        else {
          const values = p(v, vars)
          outs = values.flatMap((x) => outs.map((o) => o + format(x)))
        }
      }
      return outs
    }
  }

  private variable(name: string): Filter {
    if (!this.scope.includes(name)) throw new JqCompileError(`$${name} is not defined`)
    if (name === 'ENV') return (_, vars) => [vars.ENV ?? {}]
    return (_, vars) => [vars[name] ?? null]
  }

  /** A keyword construct or a function call `name` / `name(a; b)`. */
  private word(name: string): Filter {
    if (name === 'if') return this.conditional()
    if (name === 'try') {
      const body = this.postfix()
      if (!this.isWord('catch')) return attempt(body)
      this.i++
      return attempt(body, this.postfix())
    }
    if (KEYWORDS.has(name)) {
      this.i--
      this.fail()
    }
    const args: Filter[] = []
    if (this.eatOp('(')) {
      do args.push(this.pipe())
      while (this.eatOp(';'))
      this.expectOp(')')
    }
    const fn = FUNCTIONS[`${name}/${args.length}`]
    if (!fn) throw new JqCompileError(`${name}/${args.length} is not defined`)
    return fn(args)
  }

  /** `if c then a (elif c then a)* [else b] end` (the else branch defaults to `.`) */
  private conditional(): Filter {
    const cond = this.pipe()
    this.expectWord('then')
    const then = this.pipe()
    let otherwise: Filter = identity
    if (this.isWord('elif')) {
      this.i++
      otherwise = this.conditional()
      return (v, vars) => cond(v, vars).flatMap((c) => (truthy(c) ? then(v, vars) : otherwise(v, vars)))
    }
    if (this.isWord('else')) {
      this.i++
      otherwise = this.pipe()
    }
    this.expectWord('end')
    return (v, vars) => cond(v, vars).flatMap((c) => (truthy(c) ? then(v, vars) : otherwise(v, vars)))
  }

  /** `{a, "b": e, (e): e, $x, @fmt "k": e}`; a value is a term, a pipe of terms or a negation (jq's ExpD). */
  private object(): Filter {
    const pairs: { key: Filter; value: Filter }[] = []
    if (!this.eatOp('}')) {
      do pairs.push(this.pair())
      while (this.eatOp(','))
      this.expectOp('}')
    }
    return (v, vars) => {
      let outs: { [k: string]: Json }[] = [{}]
      // jq varies the last pair fastest
      for (const { key, value } of pairs) {
        const next: { [k: string]: Json }[] = []
        for (const o of outs) {
          for (const k of key(v, vars)) {
            if (typeof k !== 'string') throw new JqError(`Object keys must be strings`)
            for (const x of value(v, vars)) next.push({ ...o, [k]: x })
          }
        }
        outs = next
      }
      return outs
    }
  }

  private pair(): { key: Filter; value: Filter } {
    const t = this.peek()
    if (t.t === 'var') {
      this.i++
      const value = this.variable(t.name)
      if (!this.eatOp(':')) return { key: constant(t.name), value }
      return { key: value, value: this.objectValue() }
    }
    let key: Filter
    let shorthand: Filter | undefined
    if (t.t === 'ident') {
      this.i++
      key = constant(t.name)
      shorthand = field(t.name)
    } else if (t.t === 'str' || t.t === 'format') {
      if (t.t === 'format') this.i++
      key = t.t === 'format' ? this.string(formatter(t.name)) : this.string()
      const k = key
      shorthand = (v, vars) => k(v, vars).map((name) => index(v, name))
    } else if (this.eatOp('(')) {
      key = this.pipe()
      this.expectOp(')')
    } else return this.fail()
    if (this.eatOp(':')) return { key, value: this.objectValue() }
    if (!shorthand) this.fail()
    return { key, value: shorthand }
  }

  private objectValue(): Filter {
    const term = (): Filter => {
      if (!this.eatOp('-')) return this.postfix()
      const f = term()
      return (v, vars) => f(v, vars).map((x) => arithmetic('-', 0, x))
    }
    let f = term()
    while (this.eatOp('|')) f = pipe(f, term())
    return f
  }
}

/** `.name` */
function field(name: string): Filter {
  return pathFilter((v) => {
    index(v, name)
    return [[name]]
  })
}

/** A path key from an index value (`.[1.7]` is `.[1]`). */
function keyOf(v: Json, k: Json): string | number {
  if (typeof k === 'number') return Math.floor(k)
  if (typeof k === 'string') return k
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeOf(k)}`)
}

function iterablePaths(v: Json): (string | number)[][] {
  iterate(v)
  return Array.isArray(v) ? v.map((_, i) => [i]) : isObject(v) ? Object.keys(v).map((k) => [k]) : []
}

/** `a op b` over every pair of outputs, the right side varying slowest (as jq does). */
function binary(a: Filter, b: Filter, op: (x: Json, y: Json) => Json): Filter {
  return (v, vars) => b(v, vars).flatMap((y) => a(v, vars).map((x) => op(x, y)))
}

/** `lhs = rhs`, `lhs |= f`, `lhs += rhs`... */
function assignment(op: string, lhs: Filter, rhs: Filter): Filter {
  if (op === '|=') {
    return (v, vars) => [
      pathsOf(lhs, v, vars).reduce((acc: Json, p) => {
        const [first] = rhs(getpath(acc, p), vars)
        return first === undefined ? acc : setpath(acc, p, first)
      }, v),
    ]
  }
  const combine = (old: Json, r: Json): Json => {
    if (op === '=') return r
    if (op === '//=') return truthy(old) ? old : r
    return arithmetic(op[0], old, r)
  }
  return (v: Json, vars: Vars) =>
    rhs(v, vars).map((r) => pathsOf(lhs, v, vars).reduce((acc: Json, p) => setpath(acc, p, combine(getpath(acc, p), r)), v))
}
