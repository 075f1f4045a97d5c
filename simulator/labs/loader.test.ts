import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../../scripts/lab-source-node'
import { parseArgs, scaffold } from '../../scripts/lab-new'
import { SCENARIOS } from '../scenarios'
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

  it('lints question targets, hasRead subresources and alreadyMetOk', () => {
    const lint = (check: string) => loadLab(withYaml(BASE.replace('- exists: { resource: ns, name: x }', check)), 'x').problems.map((p) => `${p.line}: ${p.message}`).join('\n')
    const q = (rest: string) => `- question: { id: q, prompt: P, resource: pods, namespace: x, path: .spec.nodeName${rest} }`
    expect(lint(q(', selector: app=x'))).toBe('')
    expect(lint(q(', where: { path: .status.phase, equals: Running }'))).toBe('')
    expect(lint(q(', selector: app=x, where: { path: .status.phase, equals: Running }'))).toBe('')
    expect(lint(q(', name: a, selector: app=x'))).toBe('13: a question finds its object by "name", or by "selector" and/or "where", not both')
    expect(lint(q(''))).toBe('13: a question with "path" needs "name", or "selector" and/or "where", to find its object')
    expect(lint(q(', selector: "a in ("'))).toSatisfy(startsWith('13: invalid label selector'))
    expect(lint('- hasRead: { resource: pods, subresource: log, selector: app=x, namePrefix: web- }')).toBe('')
    expect(lint('- hasRead: { resource: pods, subresource: exec, verbs: [get] }')).toBe('13: "verbs" does not apply with "subresource": the exec request is what counts')
    expect(lint('- hasRead: { resource: pods, subresource: shell }')).toContain('"subresource" must be one of "log", "exec", "attach"')
    expect(lint('- exists: { resource: ns, name: x }\n        alreadyMetOk: it is there')).toBe('')
    expect(lint('- not: { exists: { resource: ns, name: x }, alreadyMetOk: it is there }')).toBe('13: "alreadyMetOk" only applies to a step\'s own checks, not inside all/any/not or wrongPaths')
  })

  it('refuses a scenario that does not exist, at its line; the schema lists exactly the scenarios there are', () => {
    const problems = loadLab(withYaml(BASE.replace('scenario: minimal', 'scenario: aws-4.12')), 'x').problems
    expect(problems).toEqual([{ file: 'x/lab.yaml', line: 7, message: '"scenario" must be one of "minimal", "aws", "aws-4.0", "baremetal", "ocs", not "aws-4.12"' }])
    expect((LAB_SCHEMA.properties.scenario as { enum: string[] }).enum).toEqual(SCENARIOS.map((x) => x.name))
  })

  it('lab:new takes an id and an existing scenario', () => {
    expect(parseArgs(['my-lab'])).toEqual({ id: 'my-lab', scenario: 'minimal' })
    expect(parseArgs(['my-lab', '--scenario', 'aws'])).toEqual({ id: 'my-lab', scenario: 'aws' })
    expect(parseArgs(['--scenario=ocs', 'my-lab'])).toEqual({ id: 'my-lab', scenario: 'ocs' })
    expect(parseArgs(['my-lab', '--scenario', 'nope'])).toEqual({ error: 'unknown scenario "nope"; scenarios: minimal, aws, aws-4.0, baremetal, ocs' })
    expect(parseArgs(['my-lab', '--scenario'])).toEqual({ error: '--scenario needs a scenario name: minimal, aws, aws-4.0, baremetal, ocs' })
    expect(parseArgs(['--scenario', '--help'])).toMatchObject({ error: expect.stringContaining('needs a scenario name') })
    expect(parseArgs(['My Lab'])).toMatchObject({ error: expect.stringContaining('usage: npm run lab:new') })
    for (const name of SCENARIOS.map((x) => x.name)) {
      const files = Object.fromEntries(Object.entries(scaffold('my-lab', name)).map(([k, v]) => [`my-lab/${k}`, v]))
      expect(loadLab(mapSource(files), 'my-lab').problems, name).toEqual([])
    }
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
