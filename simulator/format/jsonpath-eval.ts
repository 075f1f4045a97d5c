/** A port of client-go `util/jsonpath/jsonpath.go` evaluation over plain JSON values (unstructured objects). */
import { formatGoFloatG } from './gofloat'
import type { JPList, JPNode } from './jsonpath-parser'

/** An execution error with client-go's text (`array index out of bounds: index 3, length 1`, `x is not found`). */
export class JsonPathExecError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'JsonPathExecError'
  }
}

/** Values flowing through evaluation; `undefined` never appears, JSON null is a present-but-nil value. */
type Value = unknown

const isMap = (v: Value): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Go `%v` of an unstructured value (`map[a:1 b:x]`, `[a b]`, `<nil>`). */
export function goSprintV(v: Value): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatGoFloatG(v)
  if (Array.isArray(v)) return '[' + v.map(goSprintV).join(' ') + ']'
  if (isMap(v)) {
    const keys = Object.keys(v).sort()
    return 'map[' + keys.map((k) => `${k}:${goSprintV(v[k])}`).join(' ') + ']'
  }
  return String(v)
}

type Kind = 'bool' | 'int' | 'float' | 'string'

function basicKind(v: Value, floatHint: boolean): Kind {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return floatHint || !Number.isInteger(v) ? 'float' : 'int'
  if (typeof v === 'string') return 'string'
  throw new JsonPathExecError('invalid type for comparison')
}

function compare(op: string, left: Value, right: Value, rightIsFloat: boolean): boolean {
  const k1 = basicKind(left, false)
  const k2 = basicKind(right, rightIsFloat)
  if (k1 !== k2) throw new JsonPathExecError('incompatible types for comparison')
  if (op === '==') return left === right
  if (op === '!=') return left !== right
  if (k1 === 'bool') throw new JsonPathExecError('invalid type for comparison')
  const l = left as number | string
  const r = right as number | string
  switch (op) {
    case '<':
      return l < r
    case '>':
      return l > r
    case '<=':
      return l <= r
    case '>=':
      return l >= r
  }
  throw new JsonPathExecError(`unrecognized filter operator ${op}`)
}

/** Evaluates a parsed template into client-go's `[][]reflect.Value` shape (one list per top-level node). */
export class JsonPathRunner {
  private beginRange = 0
  private inRange = 0
  private endRange = 0
  private lastEndNode: JPNode | null = null

  constructor(private readonly allowMissingKeys: boolean) {}

  findResults(data: Value, nodes: JPNode[]): Value[][] {
    const full: Value[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]
      const results = this.walk([data], node)
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--
        this.lastEndNode = nodes[i]
        break
      }
      if (this.beginRange > 0) {
        this.beginRange--
        this.inRange++
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, nodes.slice(i + 1)))
        else this.findResults(null, nodes.slice(i + 1))
        this.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Value[], node: JPNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node)
      case 'text':
        return [node.text]
      case 'field':
        return this.evalField(input, node.name)
      case 'array':
        return this.evalArray(input, node)
      case 'filter':
        return this.evalFilter(input, node)
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value)
      case 'wildcard':
        return input.flatMap((v) => children(v))
      case 'recursive':
        return this.evalRecursive(input)
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l))
      case 'identifier':
        return this.evalIdentifier(input, node.name)
    }
  }

  evalList(input: Value[], list: JPList): Value[] {
    let cur = input
    for (const n of list.nodes) cur = this.walk(cur, n)
    return cur
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++
        return []
      }
      throw new JsonPathExecError('not in range, nothing to end')
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`)
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return []
    const results: Value[] = []
    for (const v of input) {
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name])
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`)
    return results
  }

  private evalArray(input: Value[], node: Extract<JPNode, { type: 'array' }>): Value[] {
    const result: Value[] = []
    for (const value of input) {
      if (value === null || value === undefined) continue
      if (!Array.isArray(value)) throw new JsonPathExecError(`${goTypeName(value)} is not array or slice`)
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }))
      const len = value.length
      if (!p0.known) p0.value = 0
      if (p0.value < 0) p0.value += len
      if (!p1.known) p1.value = len
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len
      if (p1.value === p0.value) return result
      if (p0.value >= len || p0.value < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${p0.value}, length ${len}`)
      }
      if (p1.value > len || p1.value < 0) {
        throw new JsonPathExecError(`array index out of bounds: index ${p1.value - 1}, length ${len}`)
      }
      if (p0.value > p1.value) {
        throw new JsonPathExecError(`starting index ${p0.value} is greater than ending index ${p1.value}`)
      }
      let step = 1
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathExecError('step must be > 0')
        step = p2.value
      }
      const slice = value.slice(p0.value, p1.value)
      for (let i = 0; i < slice.length; i += step) result.push(slice[i])
    }
    return result
  }

  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = []
    for (const v of input) {
      const kids = children(v)
      if (kids.length !== 0) {
        result.push(v)
        result.push(...this.evalRecursive(kids))
      }
    }
    return result
  }

  private evalFilter(input: Value[], node: Extract<JPNode, { type: 'filter' }>): Value[] {
    const results: Value[] = []
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathExecError(`${value === null ? '<invalid reflect.Value>' : goSprintV(value)} is not array or slice and cannot be filtered`)
      }
      for (const item of value) {
        let lefts: Value[]
        try {
          lefts = this.evalList([item], node.left)
        } catch (e) {
          if (node.op === 'exists') continue
          throw e
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) results.push(item)
          continue
        }
        if (lefts.length === 0) continue
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        const rights = this.evalList([item], node.right)
        if (rights.length === 0) continue
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time')
        const rightIsFloat = node.right.nodes.length === 1 && node.right.nodes[0].type === 'float'
        if (!['<', '>', '==', '!=', '<=', '>='].includes(node.op)) {
          throw new JsonPathExecError(`unrecognized filter operator ${node.op}`)
        }
        if (compare(node.op, lefts[0], rights[0], rightIsFloat)) results.push(item)
      }
    }
    return results
  }
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return [...v]
  // Go iterates maps in random order; sorted keys keep the emulator deterministic.
  if (isMap(v)) return Object.keys(v).sort().map((k) => v[k]).filter((x) => x !== undefined)
  if (typeof v === 'string') return Array.from(new TextEncoder().encode(v))
  return []
}

function goTypeName(v: Value): string {
  if (isMap(v)) return 'map[string]interface {}'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  return 'interface {}'
}
