/** Loads labs from a LabSource: schema check of lab.yaml (errors with file and line), lint, instructions. */
import schema from './lab.schema.json'
import { parseLabelSelector } from '../api/selectors'
import { parseJsonPathTemplate } from '../format/jsonpath'
import { FAULT_IDS } from '../scenarios/faults'
import { templateOf } from './compare'
import { parseYamlWithLines } from './positions'
import { validateSchema, type JsonPathKey } from './schema-check'
import type { LabSource } from './source'
import type { Check, Lab, LabProblem, LabSpec, Step } from './types'

/** The JSON Schema of lab.yaml (also at simulator/labs/lab.schema.json for editors). */
export const LAB_SCHEMA = schema

/** A lab, or the problems that kept it from loading. */
export interface LoadResult {
  id: string
  lab?: Lab
  problems: LabProblem[]
}

/** The ids of the labs in a source: folders that hold a lab.yaml. */
export function labIds(source: LabSource): string[] {
  return source.list('').filter((d) => source.readFile(`${d}/lab.yaml`) !== undefined)
}

/** Loads every lab of a source (or only `ids`), sorted by `order` then id. */
export function loadLabs(source: LabSource, ids?: string[]): LoadResult[] {
  const results = (ids ?? labIds(source)).map((id) => loadLab(source, id))
  const order = (r: LoadResult) => r.lab?.order ?? Number.MAX_SAFE_INTEGER
  return results.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id))
}

/** Loads one lab folder; `problems` is empty exactly when `lab` is set. */
export function loadLab(source: LabSource, id: string): LoadResult {
  const file = `${id}/lab.yaml`
  const text = source.readFile(file)
  if (text === undefined) return { id, problems: [{ file, line: 1, message: `no lab.yaml in labs/${id}/` }] }
  const parsed = parseYamlWithLines(text)
  if (parsed.syntaxErrors.length) return { id, problems: parsed.syntaxErrors.map((e) => ({ file, ...e })) }
  const at = (path: JsonPathKey[], message: string): LabProblem => ({ file, line: parsed.lineOf(path), message })
  const schemaErrors = validateSchema(schema, parsed.value)
  if (schemaErrors.length) return { id, problems: schemaErrors.map((e) => at(e.path, e.message)) }
  const spec = parsed.value as LabSpec
  const problems = lint(spec, id, source).map((p) => at(p.path, p.message))
  if (problems.length) return { id, problems }
  const entries = source.list(id)
  const steps: Step[] = spec.steps.map((s) => {
    const stem = s.file.replace(/\.md$/, '')
    const translations: Record<string, string> = {}
    for (const name of entries) {
      const m = name.match(/^(.*)\.([a-z]{2}(?:-[A-Za-z]{2})?)\.md$/)
      if (m && m[1] === stem) translations[m[2]] = source.readFile(`${id}/${name}`) ?? ''
    }
    return { ...s, solution: s.solution.trim() + '\n', instructions: source.readFile(`${id}/${s.file}`) ?? '', translations }
  })
  return { id, lab: { ...spec, steps }, problems: [] }
}

type PathProblem = { path: JsonPathKey[]; message: string }

function lint(spec: LabSpec, folder: string, source: LabSource): PathProblem[] {
  const out: PathProblem[] = []
  if (spec.id !== folder) out.push({ path: ['id'], message: `id "${spec.id}" must equal the folder name "${folder}"` })
  for (const [i, f] of (spec.faults ?? []).entries()) {
    if (!FAULT_IDS.includes(f)) out.push({ path: ['faults', i], message: `unknown fault "${f}"; known faults: ${FAULT_IDS.join(', ')}` })
  }
  const stepIds = new Set<string>()
  const questionIds = new Set<string>()
  spec.steps.forEach((s, i) => {
    if (stepIds.has(s.id)) out.push({ path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` })
    stepIds.add(s.id)
    if (source.readFile(`${folder}/${s.file}`) === undefined) out.push({ path: ['steps', i, 'file'], message: `instructions file ${s.file} not found in labs/${folder}/` })
    s.checks.forEach((c, j) => lintCheck(c, ['steps', i, 'checks', j], out, questionIds))
    s.wrongPaths?.forEach((w, j) => lintCheck(w.when, ['steps', i, 'wrongPaths', j, 'when'], out, new Set()))
  })
  return out
}

function lintCheck(c: Check, path: JsonPathKey[], out: PathProblem[], questionIds: Set<string>): void {
  const tryIt = (at: JsonPathKey[], fn: () => unknown, what: string) => {
    try {
      fn()
    } catch (e) {
      out.push({ path: at, message: `invalid ${what}: ${(e as Error).message}` })
    }
  }
  for (const [kind, spec] of Object.entries(c) as [string, any][]) {
    if (kind === 'message' || spec === null || typeof spec !== 'object' || Array.isArray(spec)) continue
    const here = [...path, kind]
    if (typeof spec.path === 'string') tryIt([...here, 'path'], () => parseJsonPathTemplate(templateOf(spec.path)), 'JSONPath')
    if (typeof spec.matches === 'string') tryIt([...here, 'matches'], () => new RegExp(spec.matches), 'regular expression')
    if (typeof spec.selector === 'string') tryIt([...here, 'selector'], () => parseLabelSelector(spec.selector), 'label selector')
    if (typeof spec.nodeSelector === 'string') tryIt([...here, 'nodeSelector'], () => parseLabelSelector(spec.nodeSelector), 'label selector')
    if (spec.where) {
      tryIt([...here, 'where', 'path'], () => parseJsonPathTemplate(templateOf(spec.where.path)), 'JSONPath')
      if (typeof spec.where.matches === 'string') tryIt([...here, 'where', 'matches'], () => new RegExp(spec.where.matches), 'regular expression')
    }
    if (kind === 'question') {
      if (questionIds.has(spec.id)) out.push({ path: [...here, 'id'], message: `duplicate question id "${spec.id}"` })
      questionIds.add(spec.id)
    }
  }
  c.all?.forEach((x, i) => lintCheck(x, [...path, 'all', i], out, questionIds))
  c.any?.forEach((x, i) => lintCheck(x, [...path, 'any', i], out, questionIds))
  if (c.not) lintCheck(c.not, [...path, 'not'], out, questionIds)
}
