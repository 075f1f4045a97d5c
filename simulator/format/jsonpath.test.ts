import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  JsonPathError,
  JsonPathExecError,
  customColumnValue,
  evaluateJsonPath,
  executeJsonPath,
  jsonPathParseErrorMessage,
  parseJsonPathTemplate,
  relaxedJsonPath,
} from './jsonpath'

const pod = (name: string, phase: string, node?: string) => ({
  metadata: { name, labels: { app: name }, annotations: { 'openshift.io/display-name': `D ${name}` } },
  spec: { replicas: 2, ...(node ? { nodeName: node } : {}), containers: [{ image: `img/${name}` }] },
  status: { phase, conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'False' }] },
})
const list = { kind: 'List', items: [pod('web', 'Running', 'w1'), pod('db', 'Pending')] }

describe('executeJsonPath', () => {
  it.each([
    ['{.kind}', 'List'],
    ['kind is {.kind}', 'kind is List'],
    ['{.items[*].metadata.name}', 'web db'],
    ['{.items[0].status.phase}', 'Running'],
    ['{.items[-1:].metadata.name}', 'db'],
    ['{.items[1:2].metadata.name}', 'db'],
    ['{.items[0:2:2].metadata.name}', 'web'],
    ['{.items[0].spec.replicas}', '2'],
    ['{.items[0].metadata.labels}', '{"app":"web"}'],
    ['{.items[0].spec.containers}', '[{"image":"img/web"}]'],
    ['{.items[0].metadata.labels.*}', 'web'],
    ['{..image}', 'img/web img/db'],
    ['{.items[0].status.conditions[?(@.type=="Ready")].status}', 'True'],
    ['{.items[?(@.spec.nodeName=="w1")].metadata.name}', 'web'],
    ['{.items[?(@.spec.nodeName)].metadata.name}', 'web'],
    ['{.items[?(@.status.phase!="Running")].metadata.name}', 'db'],
    ['{.items[?(@.spec.replicas>1)].metadata.name}', 'web db'],
    ['{.items[?(@.spec.replicas<2)].metadata.name}', ''],
    ['{.items[0].metadata.annotations.openshift\\.io/display-name}', 'D web'],
    ["{.items[0]['metadata.name']}", 'web'],
    ['{.items[0].metadata.missing}', ''],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'web\tRunning\ndb\tPending\n'],
    ['{range .items[*]}[{.metadata.name}]{end} done', '[web][db] done'],
    ["{.items[*]['metadata.name', 'status.phase']}", 'web db Running Pending'],
  ])('%s', (tmpl, out) => {
    expect(executeJsonPath(tmpl, list)).toBe(out)
  })

  it('double-quoted dict keys and commas after fields are syntax errors', () => {
    expect(() => executeJsonPath('{.items[*].metadata["name"]}', list)).toThrow(new JsonPathError('invalid array index "name"'))
    expect(() => executeJsonPath('{.a,.kind}', list)).toThrow(new JsonPathError("unrecognized character in action: U+002C ','"))
  })

  it('prints null as <nil>, floats the Go way and strings raw', () => {
    expect(executeJsonPath('{.a} {.b} {.c} {.d}', { a: null, b: 0.5, c: 1234567.5, d: 'x y' })).toBe('<nil> 0.5 1.2345675e+06 x y')
  })

  it('reports missing keys when asked', () => {
    expect(() => executeJsonPath('{.nope}', {}, { allowMissingKeys: false })).toThrow(new JsonPathExecError('nope is not found'))
  })

  it('reports execution errors with client-go text', () => {
    expect(() => executeJsonPath('{.items[5]}', list)).toThrow('array index out of bounds: index 5, length 2')
    expect(() => executeJsonPath('{.kind[0]}', list)).toThrow('string is not array or slice')
    expect(() => executeJsonPath('{end}', list)).toThrow('not in range, nothing to end')
  })
})

describe('parse errors', () => {
  it.each([
    ['{.items[}', 'unterminated array'],
    ['{.items[?(@.x=="a"}', 'unterminated filter'],
    ['{.items[?(@.x)x]}', 'unclosed array expect ]'],
    ["{.a}{'x}", 'unterminated quoted string'],
    ['{.a', 'unclosed action'],
    ['{.a[x]}', 'invalid array index x'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{.a\t}', 'unrecognized character in action: U+0009'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
  ])('%s -> %s', (tmpl, reason) => {
    expect(() => parseJsonPathTemplate(tmpl)).toThrow(new JsonPathError(reason))
  })

  it('formats the kubectl message', () => {
    expect(jsonPathParseErrorMessage('{.items[}', new JsonPathError('unterminated array'))).toBe(
      'error parsing jsonpath {.items[}, unterminated array',
    )
  })

  it('random and mutated templates only ever throw JsonPathError', () => {
    const seeds = ['{.items[*].metadata.name}', '{range .items[*]}{.a}{"\\n"}{end}', '{.a[?(@.b=="c")].d}', "{..x['y','z']}"]
    const mutated = fc.tuple(fc.constantFrom(...seeds), fc.nat(40), fc.nat(3), fc.string({ maxLength: 3 })).map(
      ([s, at, del, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice((at % (s.length + 1)) + del),
    )
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[{}[\]().*?@=!<>"'a-z0-9,:\\ -]{0,30}$/), mutated), (t) => {
        try {
          parseJsonPathTemplate(t)
        } catch (e) {
          expect(e).toBeInstanceOf(JsonPathError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('relaxed paths, custom columns and plain evaluation', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
  ])('%s -> %s', (a, b) => {
    expect(relaxedJsonPath(a)).toBe(b)
  })

  it('rejects nested braces', () => {
    expect(() => relaxedJsonPath('{a}{b}')).toThrow(JsonPathError)
  })

  it('custom-columns cells', () => {
    expect(customColumnValue('.spec.nodeName', list.items[0])).toBe('w1')
    expect(customColumnValue('.spec.nodeName', list.items[1])).toBe('<none>')
    expect(customColumnValue('.status.conditions[*].type', list.items[0])).toBe('Ready,Initialized')
    expect(customColumnValue('.metadata.labels', list.items[0])).toBe('map[app:web]')
  })

  it('evaluateJsonPath returns plain values', () => {
    expect(evaluateJsonPath('{.items[*].spec.replicas}', list)).toEqual([2, 2])
    expect(evaluateJsonPath('items[0].metadata.labels', list)).toEqual([{ app: 'web' }])
    expect(evaluateJsonPath('.items[0].nothing', list)).toEqual([])
  })
})
