/**
 * `-o go-template` / `-o template`: executes the supported subset of Go templates (see go-template-parse.ts) over
 * the object as kubectl hands it to text/template: JSON decoded into map[string]interface{}, so every number is a
 * float64, a missing key prints `<no value>` and a JSON null `<nil>`. Execution errors have Go's words.
 */
import { formatGoFloatG } from '../../format/gofloat'
import { argString, parseGoTemplate, type GtArg, type GtCommand, type GtNode } from './go-template-parse'

export { GoTemplateParseError, GoTemplateUnsupported, parseGoTemplate } from './go-template-parse'

/** An execution error: `template: output:1:2: executing "output" at <.a.b>: can't evaluate field b in type interface {}`. */
export class GoTemplateExecError extends Error {
  constructor(
    message: string,
    /** what the template had written before it failed */
    readonly partial: string,
  ) {
    super(message)
  }
}

/** A value that is not there (a missing map key): Go's invalid reflect.Value. */
const MISSING: unique symbol = Symbol('missing')
type Val = unknown

const isMap = (v: Val): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Go's fmt `%v` of a value decoded by encoding/json (numbers are float64). */
export function goPrintJson(v: Val): string {
  if (v === MISSING) return '<no value>'
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') return formatGoFloatG(v)
  if (Array.isArray(v)) return '[' + v.map(goPrintJson).join(' ') + ']'
  if (isMap(v)) return 'map[' + Object.keys(v).sort().map((k) => `${k}:${goPrintJson(v[k])}`).join(' ') + ']'
  return String(v)
}

class Fail extends Error {}

class Runner {
  out = ''
  private readonly lineStarts: number[] = [0]

  constructor(
    private readonly src: string,
    private readonly root: Val,
  ) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1)
  }

  /** Go's ExecError text for an error at `pos` while evaluating `context`. */
  fail(pos: number, context: string, msg: string): never {
    let line = 0
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1] <= pos) line++
    const ctx = context.length > 20 ? `${context.slice(0, 20)}...` : context
    throw new Fail(`template: output:${line + 1}:${pos - this.lineStarts[line]}: executing "output" at <${ctx}>: ${msg}`)
  }

  run(nodes: GtNode[], dot: Val): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          this.out += n.text
          break
        case 'print':
          this.out += goPrintJson(this.command(n.cmd, dot))
          break
        case 'if':
        case 'with': {
          const v = this.command(n.cmd, dot)
          if (truth(v)) this.run(n.body, n.t === 'with' ? v : dot)
          else if (n.elseBody) this.run(n.elseBody, dot)
          break
        }
        case 'range': {
          const v = this.command(n.cmd, dot)
          const elems = Array.isArray(v) ? v : isMap(v) ? Object.keys(v).sort().map((k) => v[k]) : v === MISSING ? [] : undefined
          if (!elems) this.fail(n.cmd.pos, n.src, `range can't iterate over ${goPrintJson(v)}`)
          for (const e of elems) this.run(n.body, e)
          if (elems.length === 0 && n.elseBody) this.run(n.elseBody, dot)
          break
        }
      }
    }
  }

  private arg(a: GtArg, dot: Val): Val {
    switch (a.t) {
      case 'string':
      case 'number':
      case 'bool':
        return a.value
      case 'field': {
        let v = a.base === 'root' ? this.root : dot
        for (const name of a.names) {
          if (v === MISSING) return MISSING
          if (v === null || v === undefined) this.fail(a.pos, argString(a), `nil pointer evaluating interface {}.${name}`)
          if (!isMap(v)) this.fail(a.pos, argString(a), `can't evaluate field ${name} in type interface {}`)
          v = Object.prototype.hasOwnProperty.call(v, name) ? v[name] : MISSING
        }
        return v
      }
    }
  }

  command(c: GtCommand, dot: Val): Val {
    if (!c.fn) return this.arg(c.args[0], dot)
    const fn = c.fn
    const args = c.args.map((a) => this.arg(a, dot))
    const callErr = (msg: string): never => this.fail(c.pos, fn, `error calling ${fn}: ${msg}`)
    const wantArgs = (n: number) => {
      if (args.length !== n) this.fail(c.pos, fn, `wrong number of args for ${fn}: want ${n} got ${args.length}`)
    }
    switch (fn) {
      case 'index': {
        if (args.length === 0) this.fail(c.pos, fn, 'wrong number of args for index: want at least 1 got 0')
        let item = args[0]
        for (let i = 1; i < args.length; i++) {
          const key = args[i]
          const literal = c.args[i]
          if (item === MISSING || item === null) callErr('index of untyped nil')
          if (Array.isArray(item)) {
            if (literal.t !== 'number' || literal.float) callErr(`cannot index slice/array with type ${typeName(key, literal)}`)
            const n = key as number
            if (n < 0 || n >= item.length) callErr(`index out of range: ${n}`)
            item = item[n]
          } else if (isMap(item)) {
            if (typeof key !== 'string') return callErr(`value has type ${typeName(key, literal)}; should be string`)
            item = Object.prototype.hasOwnProperty.call(item, key) ? item[key] : null
          } else callErr(`can't index item of type interface {}`)
        }
        return item
      }
      case 'len': {
        wantArgs(1)
        const v = args[0]
        if (v === MISSING || v === null) callErr('len of nil pointer')
        if (Array.isArray(v) || typeof v === 'string') return v.length
        if (isMap(v)) return Object.keys(v).length
        return callErr(`len of type ${typeName(v, c.args[0])}`)
      }
      case 'not':
        wantArgs(1)
        return !truth(args[0])
      case 'and':
      case 'or': {
        if (args.length < 1) this.fail(c.pos, fn, `wrong number of args for ${fn}: want at least 1 got 0`)
        for (const v of args.slice(0, -1)) if (truth(v) === (fn === 'or')) return v
        return args[args.length - 1]
      }
      case 'eq':
      case 'ne': {
        if (fn === 'ne') wantArgs(2)
        if (args.length < 2) callErr('missing argument for comparison')
        const k1 = kind(args[0], c.args[0])
        let equal = false
        for (let i = 1; i < args.length; i++) {
          const k2 = kind(args[i], c.args[i])
          if (k1 !== k2) {
            if (k1 !== 'invalid' && k2 !== 'invalid') callErr('incompatible types for comparison')
          } else if (k1 === 'invalid') equal = true
          else if (k1 === 'complex') callErr('incompatible types for comparison')
          else if (args[0] === args[i]) equal = true
          if (equal) break
        }
        return fn === 'eq' ? equal : !equal
      }
    }
    return this.fail(c.pos, fn, `function "${fn}" not defined`)
  }
}

/** Go's basicKind, with literal ints and floats kept apart (a number from the object is always a float64). */
function kind(v: Val, literal: GtArg): 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'complex' {
  if (v === MISSING || v === null || v === undefined) return 'invalid'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return literal.t === 'number' && !literal.float ? 'int' : 'float'
  return 'complex'
}

function typeName(v: Val, literal: GtArg): string {
  const k = kind(v, literal)
  return k === 'int' ? 'int' : k === 'float' ? 'float64' : k === 'complex' ? (Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}') : k
}

/** Go's isTrue: empty strings, maps and arrays, zero numbers, false, nil and missing values are false. */
function truth(v: Val): boolean {
  if (v === MISSING || v === null || v === undefined) return false
  if (typeof v === 'boolean') return v
  if (typeof v === 'number') return v !== 0
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0
  if (isMap(v)) return Object.keys(v).length > 0
  return true
}

/**
 * Executes `template` over `data` (a JSON-shaped object). Throws GoTemplateParseError, GoTemplateUnsupported or
 * GoTemplateExecError (with what had been written before the failure).
 */
export function executeGoTemplate(template: string, data: unknown): string {
  const nodes = parseGoTemplate(template)
  const r = new Runner(template, data)
  try {
    r.run(nodes, data)
  } catch (e) {
    if (e instanceof Fail) throw new GoTemplateExecError(e.message, r.out)
    throw e
  }
  return r.out
}
