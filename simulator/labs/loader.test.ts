import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../../scripts/lab-source-node'
import { scaffold } from '../../scripts/lab-new'
import { labIds, LAB_SCHEMA, loadLab } from './loader'
import { mapSource } from './source'

const startsWith = (prefix: string) => (text: string) => text.startsWith(prefix)
const fixtures = nodeSource(fileURLToPath(new URL('./fixtures', import.meta.url)))

function withYaml(yaml: string, extra: Record<string, string> = {}) {
  return mapSource({ 'x/lab.yaml': yaml, 'x/01.md': 'Do it.', ...extra })
}

const BASE = `id: x
title: X
summary: S
order: 1
duration: 5
level: beginner
scenario: minimal
steps:
  - id: one
    title: One
    file: 01.md
    checks:
      - exists: { resource: ns, name: x }
    hints: []
    solution: oc create namespace x
`

describe('loader', () => {
  it('loads a lab with instructions and sibling translations', () => {
    const { lab, problems } = loadLab(fixtures, 'good')
    expect(problems).toEqual([])
    expect(lab!.steps.map((s) => s.id)).toEqual(['look', 'phase', 'make'])
    expect(lab!.steps[0].instructions).toContain('Look at the pods')
    expect(lab!.steps[0].translations).toEqual({ fr: expect.stringContaining('Regardez') })
    expect(lab!.setup).toEqual(['oc project openshift-image-registry'])
  })

  it('works the same from a map of file name → text (the bundled page)', () => {
    const files = { '/labs/x/lab.yaml': BASE, '/labs/x/01.md': 'Do it.', '/labs/x/01.de.md': 'Mach es.' }
    const source = mapSource(files, '/labs/')
    expect(labIds(source)).toEqual(['x'])
    const { lab } = loadLab(source, 'x')
    expect(lab!.steps[0].translations).toEqual({ de: 'Mach es.' })
  })

  it('reports schema errors with file and line', () => {
    const { lab, problems } = loadLab(fixtures, 'bad-schema')
    expect(lab).toBeUndefined()
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['bad-schema/lab.yaml:6', 'bad-schema/lab.yaml:13', 'bad-schema/lab.yaml:15'])
    expect(problems[2].message).toContain('unknown key "equal"')
  })

  it('reports a missing key at its parent, a YAML syntax error at its line', () => {
    const noHints = loadLab(withYaml(BASE.replace('    hints: []\n', '')), 'x').problems
    expect(noHints).toEqual([{ file: 'x/lab.yaml', line: 9, message: 'item 1 is missing "hints"' }])
    const broken = loadLab(withYaml(BASE.replace('title: X', 'title: [X')), 'x').problems
    expect(broken[0].file).toBe('x/lab.yaml')
    expect(broken[0].line).toBeGreaterThanOrEqual(2)
  })

  it('lints what the schema cannot: folder name, files, duplicate ids, selectors, JSONPath, regex, faults', () => {
    const lint = (yaml: string) => loadLab(withYaml(yaml), 'x').problems.map((p) => `${p.line}: ${p.message}`).join('\n')
    expect(lint(BASE.replace('id: x', 'id: y'))).toSatisfy(startsWith('1: id "y" must equal the folder na'))
    expect(lint(BASE.replace('file: 01.md', 'file: 02.md'))).toSatisfy(startsWith('11: instructions file 02.md not fo'))
    expect(lint(BASE.replace('{ resource: ns, name: x }', '{ resource: ns, name: x, path: "{.a[" }'))).toContain('unknown key')
    expect(lint(BASE.replace('- exists: { resource: ns, name: x }', '- count: { resource: pods, selector: "a in (", compare: 1 }'))).toSatisfy(startsWith('13: invalid label selector: unable '))
    expect(lint(BASE.replace('- exists: { resource: ns, name: x }', '- jsonpath: { resource: ns, name: x, path: "{.a[", equals: 1 }'))).toSatisfy(startsWith('13: invalid JSONPath: unterminated '))
    expect(lint(BASE.replace('- exists: { resource: ns, name: x }', '- jsonpath: { resource: ns, name: x, path: .a, matches: "(" }'))).toSatisfy(startsWith('13: invalid regular expression: In'))
    expect(lint(BASE.replace('scenario: minimal', 'scenario: minimal\nfaults: [nope]'))).toSatisfy(startsWith('8: unknown fault "nope"; known fau'))
    const twice = BASE + BASE.slice(BASE.indexOf('  - id: one'))
    expect(lint(twice)).toSatisfy(startsWith('16: duplicate step id "one"'))
  })

  it('the scaffold of lab:new loads and names the schema for editors', () => {
    const files = Object.fromEntries(Object.entries(scaffold('my-lab', 'minimal')).map(([k, v]) => [`my-lab/${k}`, v]))
    expect(loadLab(mapSource(files), 'my-lab').problems).toEqual([])
    expect(files['my-lab/lab.yaml']).toContain('$schema=../../simulator/labs/lab.schema.json')
  })

  it('the exported schema is the file editors use', () => {
    const onDisk = JSON.parse(readFileSync(fileURLToPath(new URL('./lab.schema.json', import.meta.url)), 'utf8'))
    expect(LAB_SCHEMA).toEqual(onDisk)
  })
})
