/**
 * `$(( ... ))` arithmetic: integers, variables, + - * / % **, comparisons, && || !, unary minus, parentheses,
 * and `?:`. Assignment operators are not supported.
 */

/** Raised for bad expressions, with bash's message. */
export class ArithError extends Error {}

/** Evaluates an arithmetic expression; `lookup` returns a variable's value (unset = empty). */
export function evalArith(source: string, lookup: (name: string) => string | undefined): number {
  const tokens = source.match(/\s*(\d+|[A-Za-z_]\w*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!?:$]|\S)/g)?.map((t) => t.trim()) ?? []
  let i = 0
  const fail = (): never => {
    throw new ArithError(`bash: ${source.trim()}: syntax error: operand expected (error token is "${tokens.slice(i).join(' ') || source.trim()}")`)
  }
  const peek = (): string | undefined => tokens[i]
  const eat = (t: string): boolean => (tokens[i] === t ? (i++, true) : false)
  const varValue = (name: string): number => {
    const v = (lookup(name) ?? '').trim()
    if (v === '') return 0
    const n = Number(v)
    return Number.isFinite(n) ? Math.trunc(n) : 0
  }
  const primary = (): number => {
    const t = tokens[i++]
    if (t === undefined) return fail()
    if (t === '(') {
      const v = ternary()
      if (!eat(')')) fail()
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (t === '!') return primary() ? 0 : 1
    if (t === '$') {
      const name = tokens[i++]
      if (!name || !/^[A-Za-z_]\w*$/.test(name)) fail()
      return varValue(name)
    }
    if (/^\d+$/.test(t)) return Number(t)
    if (/^[A-Za-z_]\w*$/.test(t)) return varValue(t)
    i--
    return fail()
  }
  const levels: string[][] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%'], ['**']]
  const binary = (level: number): number => {
    if (level === levels.length) return primary()
    let left = binary(level + 1)
    for (;;) {
      const op = peek()
      if (op === undefined || !levels[level].includes(op)) return left
      i++
      const right = binary(level + 1)
      left = apply(op, left, right)
    }
  }
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '||': return a || b ? 1 : 0
      case '&&': return a && b ? 1 : 0
      case '==': return a === b ? 1 : 0
      case '!=': return a !== b ? 1 : 0
      case '<': return a < b ? 1 : 0
      case '>': return a > b ? 1 : 0
      case '<=': return a <= b ? 1 : 0
      case '>=': return a >= b ? 1 : 0
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '**': return a ** b
      default:
        if (b === 0) throw new ArithError(`bash: ${source.trim()}: division by 0 (error token is "${b}")`)
        return op === '/' ? Math.trunc(a / b) : a % b
    }
  }
  const ternary = (): number => {
    const cond = binary(0)
    if (!eat('?')) return cond
    const a = ternary()
    if (!eat(':')) fail()
    const b = ternary()
    return cond ? a : b
  }
  if (tokens.length === 0) return 0
  const v = ternary()
  if (i < tokens.length) fail()
  return v
}
