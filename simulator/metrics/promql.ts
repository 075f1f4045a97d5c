/**
 * A small PromQL subset: vector selectors with `=`, `!=`, `=~`, `!~` matchers, `rate(...[d])`,
 * `increase(...[d])`, and `sum|avg|max|min|count [by|without (labels)] (...)` (the clause before or after the
 * argument). Anything else fails with Prometheus's own parse error wording (`1:5: parse error: ...` for 4.12-era
 * Prometheus, `parse error at char 5: ...` for the 2019 one).
 */

export type Matcher = { name: string; op: '=' | '!=' | '=~' | '!~'; value: string }

export type Expr =
  | { kind: 'selector'; matchers: Matcher[]; range?: number }
  | { kind: 'call'; fn: 'rate' | 'increase'; arg: Expr }
  | { kind: 'aggr'; op: 'sum' | 'avg' | 'max' | 'min' | 'count'; grouping: string[]; without: boolean; arg: Expr }

/** A PromQL parse or evaluation error with Prometheus's text. */
export class PromQLError extends Error {}

type Tok = { t: 'id' | 'str' | 'num' | 'dur' | 'op' | 'eof'; v: string; pos: number }

const AGGRS = ['sum', 'avg', 'max', 'min', 'count']
const FUNCS = ['rate', 'increase']
const KNOWN_FUNCS = ['abs', 'absent', 'avg_over_time', 'ceil', 'changes', 'clamp_max', 'clamp_min', 'count_over_time', 'delta', 'deriv', 'exp', 'floor', 'histogram_quantile', 'idelta', 'irate', 'label_replace', 'label_join', 'ln', 'max_over_time', 'min_over_time', 'predict_linear', 'resets', 'round', 'scalar', 'sort', 'sort_desc', 'sqrt', 'sum_over_time', 'time', 'timestamp', 'vector']
const OTHER_AGGRS = ['stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values', 'group']

/** Formats a parse error at byte position `pos` in the style of the profile's Prometheus. */
export function parseError(query: string, pos: number, msg: string, style: 'new' | 'old' = 'new'): PromQLError {
  if (style === 'old') return new PromQLError(`parse error at char ${pos + 1}: ${msg}`)
  const before = query.slice(0, pos)
  const line = before.split('\n').length
  const col = pos - before.lastIndexOf('\n')
  return new PromQLError(`${line}:${col}: parse error: ${msg}`)
}

function lex(q: string, fail: (pos: number, msg: string) => PromQLError): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < q.length) {
    const c = q[i]
    if (/\s/.test(c)) { i++; continue }
    const start = i
    if (/[a-zA-Z_:]/.test(c)) {
      while (i < q.length && /[a-zA-Z0-9_:]/.test(q[i])) i++
      out.push({ t: 'id', v: q.slice(start, i), pos: start })
    } else if (/[0-9.]/.test(c)) {
      while (i < q.length && /[0-9.]/.test(q[i])) i++
      if (i < q.length && /[a-zA-Z]/.test(q[i])) {
        while (i < q.length && /[0-9a-zA-Z]/.test(q[i])) i++
        out.push({ t: 'dur', v: q.slice(start, i), pos: start })
      } else out.push({ t: 'num', v: q.slice(start, i), pos: start })
    } else if (c === '"' || c === "'" || c === '`') {
      i++
      let s = ''
      while (i < q.length && q[i] !== c) {
        if (q[i] === '\\' && c !== '`') { s += q[i + 1] ?? ''; i += 2 } else s += q[i++]
      }
      if (i >= q.length) throw fail(start, 'unterminated quoted string')
      i++
      out.push({ t: 'str', v: s, pos: start })
    } else if (q.startsWith('=~', i) || q.startsWith('!~', i) || q.startsWith('!=', i) || q.startsWith('==', i)) {
      out.push({ t: 'op', v: q.slice(i, i + 2), pos: start })
      i += 2
    } else if ('(){}[],=+-*/^%><'.includes(c)) {
      out.push({ t: 'op', v: c, pos: start })
      i++
    } else throw fail(start, `unexpected character: ${JSON.stringify(c).replace(/^"|"$/g, "'")}`)
  }
  out.push({ t: 'eof', v: '', pos: q.length })
  return out
}

/** Milliseconds of a Prometheus duration like `5m` or `1h30m`. */
export function parseDuration(s: string): number | undefined {
  const m = /^((\d+)y)?((\d+)w)?((\d+)d)?((\d+)h)?((\d+)m)?((\d+)s)?((\d+)ms)?$/.exec(s)
  if (!m || s === '') return undefined
  const n = (i: number) => Number(m[i] ?? 0)
  return ((((n(2) * 365 + n(4) * 7 + n(6)) * 24 + n(8)) * 60 + n(10)) * 60 + n(12)) * 1000 + n(14)
}

function desc(t: Tok): string {
  if (t.t === 'eof') return 'end of input'
  if (t.t === 'id') return AGGRS.includes(t.v) || OTHER_AGGRS.includes(t.v) ? `aggregation "${t.v}"` : `identifier "${t.v}"`
  if (t.t === 'str') return `string "${t.v}"`
  if (t.t === 'num') return `number "${t.v}"`
  if (t.t === 'dur') return `duration "${t.v}"`
  const names: Record<string, string> = { '(': 'left parenthesis "("', ')': 'right parenthesis ")"', '{': 'left brace "{"', '}': 'right brace "}"', '[': 'left bracket "["', ']': 'right bracket "]"', ',': 'comma ","', '=': '"="' }
  return names[t.v] ?? `operator "${t.v}"`
}

/** Parses the supported subset; throws PromQLError with Prometheus's wording. */
export function parse(query: string, style: 'new' | 'old' = 'new'): Expr {
  const fail = (pos: number, msg: string) => parseError(query, pos, msg, style)
  const toks = lex(query, fail)
  let k = 0
  const peek = () => toks[k]
  const next = () => toks[k++]
  const unexpected = (t: Tok, context?: string) => fail(t.pos, `unexpected ${desc(t)}${context ? ` in ${context}` : ''}`)
  const expectOp = (v: string, context: string) => {
    const t = next()
    if (t.t !== 'op' || t.v !== v) throw unexpected(t, context)
    return t
  }

  function grouping(): string[] {
    expectOp('(', 'grouping opts')
    const labels: string[] = []
    while (!(peek().t === 'op' && peek().v === ')')) {
      const t = next()
      if (t.t !== 'id') throw unexpected(t, 'grouping opts')
      labels.push(t.v)
      if (peek().t === 'op' && peek().v === ',') next()
    }
    next()
    return labels
  }

  function selector(name?: Tok): Expr {
    const matchers: Matcher[] = name ? [{ name: '__name__', op: '=', value: name.v }] : []
    if (peek().t === 'op' && peek().v === '{') {
      const open = next()
      while (!(peek().t === 'op' && peek().v === '}')) {
        const l = next()
        if (l.t === 'eof') throw fail(open.pos, 'unclosed left brace')
        if (l.t !== 'id') throw unexpected(l, 'label matching')
        const op = next()
        if (op.t !== 'op' || !['=', '!=', '=~', '!~'].includes(op.v)) throw unexpected(op, 'label matching')
        const v = next()
        if (v.t !== 'str') throw unexpected(v, 'label matching')
        if (op.v === '=~' || op.v === '!~') {
          try { new RegExp(`^(?:${v.v})$`) } catch { throw fail(v.pos, `error parsing regexp: invalid regexp \`${v.v}\``) }
        }
        matchers.push({ name: l.v, op: op.v as Matcher['op'], value: v.v })
        if (peek().t === 'op' && peek().v === ',') next()
      }
      next()
    }
    if (!matchers.some((m) => m.op === '=' ? m.value !== '' : m.op === '!~' ? false : m.op === '=~' ? !new RegExp(`^(?:${m.value})$`).test('') : false)) {
      throw fail(name?.pos ?? 0, 'vector selector must contain at least one non-empty matcher')
    }
    const sel: Expr = { kind: 'selector', matchers }
    if (peek().t === 'op' && peek().v === '[') {
      next()
      const d = next()
      const ms = d.t === 'dur' ? parseDuration(d.v) : undefined
      if (ms === undefined) throw fail(d.pos, d.t === 'eof' ? 'unexpected end of input in duration' : `bad duration syntax: "${d.v}"`)
      expectOp(']', 'range')
      sel.range = ms
    }
    return sel
  }

  function expr(): Expr {
    const t = next()
    if (t.t === 'id' && AGGRS.includes(t.v)) {
      let by: string[] | undefined
      let without = false
      if (peek().t === 'id' && (peek().v === 'by' || peek().v === 'without')) {
        without = next().v === 'without'
        by = grouping()
      }
      const open = expectOp('(', 'aggregation')
      if (peek().t === 'eof') throw fail(peek().pos, 'unexpected end of input in aggregation')
      const arg = expr()
      const close = next()
      if (close.t === 'eof') throw fail(open.pos, 'unclosed left parenthesis')
      if (close.t !== 'op' || close.v !== ')') throw unexpected(close, 'aggregation')
      if (by === undefined && peek().t === 'id' && (peek().v === 'by' || peek().v === 'without')) {
        without = next().v === 'without'
        by = grouping()
      }
      const op = t.v as 'sum'
      return { kind: 'aggr', op, grouping: by ?? [], without, arg }
    }
    if (t.t === 'id' && peek().t === 'op' && peek().v === '(') {
      if (FUNCS.includes(t.v)) {
        const open = next()
        if (peek().t === 'eof') throw fail(peek().pos, 'unexpected end of input')
        const arg = expr()
        const close = next()
        if (close.t === 'eof') throw fail(open.pos, 'unclosed left parenthesis')
        if (close.t !== 'op' || close.v !== ')') throw unexpected(close)
        if (arg.kind !== 'selector' || arg.range === undefined) {
          throw fail(t.pos, `expected type range vector in call to function "${t.v}", got instant vector`)
        }
        return { kind: 'call', fn: t.v as 'rate', arg }
      }
      if (KNOWN_FUNCS.includes(t.v) || OTHER_AGGRS.includes(t.v)) throw fail(t.pos, `function or aggregation "${t.v}" is not supported by this simulator`)
      throw fail(t.pos, `unknown function with name "${t.v}"`)
    }
    if (t.t === 'id') return selector(t)
    if (t.t === 'op' && t.v === '{') {
      k--
      return selector()
    }
    throw unexpected(t)
  }

  if (peek().t === 'eof') throw fail(0, 'no expression found in input')
  const e = expr()
  const rest = peek()
  if (rest.t !== 'eof') {
    if (rest.t === 'op' && ['+', '-', '*', '/', '^', '%', '==', '!=', '>', '<'].includes(rest.v)) throw fail(rest.pos, `binary operator "${rest.v}" is not supported by this simulator`)
    throw unexpected(rest)
  }
  return e
}
