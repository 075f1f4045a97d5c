/** `test` and `[`: string, integer and file tests with `!`, `-a`, `-o`. */
import type { Command, CommandContext } from '../types'

class TestError extends Error {}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  const file = (p: string) => ctx.fs.stat(ctx.fs.resolve(ctx.cwd, p))
  const int = (s: string): number => {
    if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`)
    return Number(s)
  }
  // -o binds loosest, then -a, then !
  const orIdx = args.lastIndexOf('-o')
  if (orIdx > 0 && orIdx < args.length - 1) return evaluate(ctx, args.slice(0, orIdx)) || evaluate(ctx, args.slice(orIdx + 1))
  const andIdx = args.lastIndexOf('-a')
  if (andIdx > 0 && andIdx < args.length - 1) return evaluate(ctx, args.slice(0, andIdx)) && evaluate(ctx, args.slice(andIdx + 1))
  if (args[0] === '!' && args.length > 1) return !evaluate(ctx, args.slice(1))
  if (args[0] === '(' && args[args.length - 1] === ')' && args.length > 2) return evaluate(ctx, args.slice(1, -1))
  switch (args.length) {
    case 0:
      return false
    case 1:
      return args[0] !== ''
    case 2: {
      const [op, a] = args
      switch (op) {
        case '-z': return a === ''
        case '-n': return a !== ''
        case '-e': return file(a) !== undefined
        case '-f': return file(a)?.type === 'file'
        case '-d': return file(a)?.type === 'dir'
        case '-s': return (file(a)?.size ?? 0) > 0
        case '-r': case '-w': return file(a) !== undefined
        case '-x': return file(a)?.type === 'dir'
        default: throw new TestError(`${op}: unary operator expected`)
      }
    }
    case 3: {
      const [a, op, b] = args
      switch (op) {
        case '=': case '==': return a === b
        case '!=': return a !== b
        case '<': return a < b
        case '>': return a > b
        case '-eq': return int(a) === int(b)
        case '-ne': return int(a) !== int(b)
        case '-lt': return int(a) < int(b)
        case '-le': return int(a) <= int(b)
        case '-gt': return int(a) > int(b)
        case '-ge': return int(a) >= int(b)
        default: throw new TestError(`${op}: binary operator expected`)
      }
    }
    default:
      throw new TestError('too many arguments')
  }
}

function makeTest(name: 'test' | '['): Command {
  return {
    name,
    summary: 'evaluate a conditional expression',
    async run(ctx) {
      let args = ctx.args
      if (name === '[') {
        if (args[args.length - 1] !== ']') {
          ctx.stderr.write("bash: [: missing `]'\n")
          return 2
        }
        args = args.slice(0, -1)
      }
      try {
        return evaluate(ctx, args) ? 0 : 1
      } catch (e) {
        if (!(e instanceof TestError)) throw e
        ctx.stderr.write(`bash: ${name}: ${e.message}\n`)
        return 2
      }
    },
  }
}

/** `test EXPR` */
export const test = makeTest('test')
/** `[ EXPR ]` */
export const bracket = makeTest('[')
