import { describe, expect, it } from 'vitest'
import { YamlSyntaxError, fromYaml, fromYamlAll, toJson, toCompactJson, toYaml } from './yaml'

describe('toYaml', () => {
  it('prints an empty List like oc', () => {
    expect(toYaml({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    )
  })

  it('does not indent sequences under their key and nests maps in items', () => {
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080 }] }] } }
    expect(toYaml({ items: [pod] })).toBe(
      'items:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    labels:\n      app: web\n    name: web\n' +
        '  spec:\n    containers:\n    - name: c\n      ports:\n      - containerPort: 8080\n',
    )
  })

  it('folds long plain scalars like the seed (4.0 era, bare timestamps)', () => {
    const cond = {
      lastTransitionTime: '2019-02-18T16:15:41Z',
      message: 'Default cleanup of incomplete multipart uploads after one (1) day was successfully enabled',
      reason: 'Enable Cleanup Successful',
      status: 'True',
      type: 'StorageIncompleteUploadCleanupEnabled',
    }
    expect(toYaml({ status: { conditions: [cond] } }, { quoteTimestamps: false })).toBe(
      'status:\n  conditions:\n  - lastTransitionTime: 2019-02-18T16:15:41Z\n' +
        '    message: Default cleanup of incomplete multipart uploads after one (1) day was\n' +
        '      successfully enabled\n    reason: Enable Cleanup Successful\n    status: "True"\n' +
        '    type: StorageIncompleteUploadCleanupEnabled\n',
    )
  })

  it('quotes timestamps by default (4.2+)', () => {
    expect(toYaml({ creationTimestamp: '2020-02-11T16:06:29Z' })).toBe('creationTimestamp: "2020-02-11T16:06:29Z"\n')
  })

  it.each([
    ['True', '"True"'],
    ['true', '"true"'],
    ['1', '"1"'],
    ['', '""'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['y', '"y"'],
    ['n', '"n"'],
    ['yes', '"yes"'],
    ['off', '"off"'],
    ['0x1F', '"0x1F"'],
    ['1e3', '"1e3"'],
    ['0.5', '"0.5"'],
    ['012', '"012"'],
    ['1:20', '"1:20"'],
    ['.inf', '".inf"'],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['*', "'*'"],
    ['&a', "'&a'"],
    ['!x', "'!x'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['#x', "'#x'"],
    ['[x', "'[x'"],
    ['{x', "'{x'"],
    ['- x', "'- x'"],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    ["'q", "'''q'"],
    ['"q', `'"q'`],
    ['---', "'---'"],
    ['a\tb', '"a\\tb"'],
    ['é😀', '"é\\U0001F600"'],
    ['plain text', 'plain text'],
    ['a#b', 'a#b'],
    ["it's", "it's"],
    ['v1.2', 'v1.2'],
    ['-x', '-x'],
    ['image:tag', 'image:tag'],
  ])('string %j -> %s', (s, out) => {
    expect(toYaml({ k: s })).toBe(`k: ${out}\n`)
  })

  it('uses literal blocks for multi-line strings', () => {
    expect(toYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n', d: ' x\ny', e: 'x \ny' })).toBe(
      'a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\nd: |2-\n   x\n  y\ne: "x \\ny"\n',
    )
  })

  it('prints numbers, booleans, null and empty collections', () => {
    expect(toYaml({ i: 3, f: 0.5, big: 1234567.5, tiny: 0.00001, t: true, n: null, m: {}, l: [] })).toBe(
      'big: 1.2345675e+06\nf: 0.5\ni: 3\nl: []\nm: {}\n"n": null\nt: true\ntiny: 1e-05\n',
    )
  })

  it('sorts keys like go-yaml (digit runs numerically, non-letters first)', () => {
    expect(toYaml({ a10: 1, a9: 2, aB: 3, a_b: 4, Z: 5 })).toBe('Z: 5\na_b: 4\na9: 2\na10: 1\naB: 3\n')
    expect(toYaml({ a10: 1, a9: 2 }, { keyOrder: 'codepoint' })).toBe('a10: 1\na9: 2\n')
  })

  it('handles nested sequences, top-level values and long keys', () => {
    expect(toYaml([[1, 2], { a: [] }])).toBe('- - 1\n  - 2\n- a: []\n')
    expect(toYaml('hello')).toBe('hello\n')
    expect(toYaml({})).toBe('{}\n')
    expect(toYaml({ 'multi\nline': 1 })).toBe('? |-\n  multi\n  line\n: 1\n')
  })

  it('folds long double-quoted strings with line-end escapes', () => {
    const s = 'x'.repeat(79) + ' ' + 'y\t'
    expect(toYaml({ k: s })).toBe(`k: "${'x'.repeat(79)}\n  y\\t"\n`)
    const t = 'x'.repeat(80) + '  a\tb'
    expect(toYaml({ k: t })).toBe(`k: "${'x'.repeat(80)}\n  \\ a\\tb"\n`)
  })
})

describe('fromYaml', () => {
  it('resolves scalars like go-yaml v2', () => {
    expect(fromYaml('a: yes\nb: 012\nc: 0x1F\nd: 1e3\ne: 2019-02-18T16:16:00Z\nf: ~\ng: "1"\nh: on\ni: 1_000\nj: !!str 3\n')).toEqual({
      a: true, b: 10, c: 31, d: 1000, e: '2019-02-18T16:16:00Z', f: null, g: '1', h: true, i: 1000, j: '3',
    })
  })
  it('supports anchors, aliases and merge keys', () => {
    expect(fromYaml('base: &b {x: 1}\nother:\n  <<: *b\n  z: 2\nref: *b\n')).toEqual({ base: { x: 1 }, other: { x: 1, z: 2 }, ref: { x: 1 } })
    // go-yaml v2 reads a bare `y` key as the boolean true
    expect(fromYaml('y: 1\n')).toEqual({ true: 1 })
  })
  it('returns null for empty input and reads multi-document streams', () => {
    expect(fromYaml('')).toBeNull()
    expect(fromYamlAll('a: 1\n---\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }])
  })
  it.each([
    ['a: b: c', 'yaml: line 1: mapping values are not allowed in this context'],
    ['a: 1\n  b: 2\n', 'yaml: line 2: mapping values are not allowed in this context'],
    ['a: 1\nb\nc: 2\n', "yaml: line 3: could not find expected ':'"],
    ['{a: 1\n', "yaml: line 1: did not find expected ',' or '}'"],
    ['a:\n\tb: 1\n', 'yaml: line 2: found character that cannot start any token'],
    ['a: "abc', 'yaml: line 1: found unexpected end of stream'],
    ['- a\nb: 1\n', "yaml: line 1: did not find expected '-' indicator"],
    ['a: *x', "yaml: unknown anchor 'x' referenced"],
  ])('%j fails with %s', (text, message) => {
    let err: unknown
    try {
      fromYaml(text)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(YamlSyntaxError)
    expect((err as Error).message).toBe(message)
  })
})

describe('toJson', () => {
  it('matches json.MarshalIndent with 4 spaces and sorted keys', () => {
    expect(toJson({ kind: 'List', apiVersion: 'v1', items: [], metadata: { resourceVersion: '' } })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}',
    )
    expect(toJson({ a: [1, { b: null }], e: {} })).toBe('{\n    "a": [\n        1,\n        {\n            "b": null\n        }\n    ],\n    "e": {}\n}')
  })
  it('escapes HTML characters like Go', () => {
    expect(toCompactJson({ s: '<a>&"\\\n\u2028\u0001' })).toBe('{"s":"\\u003ca\\u003e\\u0026\\"\\\\\\n\\u2028\\u0001"}')
  })
})
