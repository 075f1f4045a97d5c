/** Loads labs from a LabSource: schema check of lab.yaml (errors with file and line), lint, instructions. */
import schema from './lab.schema.json'
import { parseLabelSelector } from '../api/selectors'
import { parseJsonPathTemplate } from '../format/jsonpath'
import { FAULT_IDS } from '../scenarios/faults'
import { parse as parsePromQL, parseDuration } from '../metrics/promql'
import { templateOf } from './compare'
import { parseYamlWithLines } from './positions'
import { validateSchema, type JsonPathKey } from './schema-check'
import type { LabSource } from './source'
import type { Check, Lab, LabProblem, LabSpec, Step } from './types'
import { chooseFault, isFaultChoice } from './variants'

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
  const faultChoices = isFaultChoice(spec.faults) ? spec.faults.oneOf : undefined
  const chosen = faultChoices ? chooseFault(faultChoices, spec.seed) : undefined
  const steps: Step[] = spec.steps.map((s) => {
    const stem = s.file.replace(/\.md$/, '')
    const translations: Record<string, string> = {}
    for (const name of entries) {
      const m = name.match(/^(.*)\.([a-z]{2}(?:-[A-Za-z]{2})?)\.md$/)
      if (m && m[1] === stem) translations[m[2]] = source.readFile(`${id}/${name}`) ?? ''
    }
    const solution = (chosen !== undefined && s.solutions ? s.solutions[chosen] : s.solution) ?? ''
    return { ...s, solution: solution.trim() + '\n', instructions: source.readFile(`${id}/${s.file}`) ?? '', translations }
  })
  const { faults, ...rest } = spec
  const lab: Lab = faultChoices ? { ...rest, faults: [chosen!], faultChoices, steps } : { ...rest, ...(faults ? { faults: faults as string[] } : {}), steps }
  return { id, lab, problems: [] }
}

type PathProblem = { path: JsonPathKey[]; message: string }

function lint(spec: LabSpec, folder: string, source: LabSource): PathProblem[] {
  const out: PathProblem[] = []
  if (spec.id !== folder) out.push({ path: ['id'], message: `id "${spec.id}" must equal the folder name "${folder}"` })
  const choices = isFaultChoice(spec.faults) ? spec.faults.oneOf : undefined
  const listed = choices ?? (spec.faults as string[] | undefined) ?? []
  const faultPath = (i: number): JsonPathKey[] => (choices ? ['faults', 'oneOf', i] : ['faults', i])
  for (const [i, f] of listed.entries()) {
    if (!FAULT_IDS.includes(f)) out.push({ path: faultPath(i), message: `unknown fault "${f}"; known faults: ${FAULT_IDS.join(', ')}` })
    else if (listed.indexOf(f) !== i) out.push({ path: faultPath(i), message: `fault "${f}" is listed twice` })
  }
  const stepIds = new Set<string>()
  const questionIds = new Set<string>()
  spec.steps.forEach((s, i) => {
    if (stepIds.has(s.id)) out.push({ path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` })
    stepIds.add(s.id)
    if (source.readFile(`${folder}/${s.file}`) === undefined) out.push({ path: ['steps', i, 'file'], message: `instructions file ${s.file} not found in labs/${folder}/` })
    if (s.solutions) {
      if (!choices) out.push({ path: ['steps', i, 'solutions'], message: 'per-fault "solutions" need "faults: { oneOf: [...] }"; use "solution"' })
      else {
        for (const [k, v] of Object.entries(s.solutions)) if (typeof v !== 'string' || v.trim() === '') out.push({ path: ['steps', i, 'solutions', k], message: `the solution for "${k}" must be a non-empty script` })
        for (const k of Object.keys(s.solutions)) if (!choices.includes(k)) out.push({ path: ['steps', i, 'solutions', k], message: `"${k}" is not one of the lab's faults (${choices.join(', ')})` })
        const missing = choices.filter((f) => !(f in s.solutions!))
        if (missing.length) out.push({ path: ['steps', i, 'solutions'], message: `no solution for fault(s) ${missing.join(', ')}` })
      }
    }
    s.checks.forEach((c, j) => lintCheck(c, ['steps', i, 'checks', j], out, questionIds, true))
    s.wrongPaths?.forEach((w, j) => lintCheck(w.when, ['steps', i, 'wrongPaths', j, 'when'], out, new Set(), false))
  })
  return out
}

function lintCheck(c: Check, path: JsonPathKey[], out: PathProblem[], questionIds: Set<string>, stepLevel: boolean): void {
  const tryIt = (at: JsonPathKey[], fn: () => unknown, what: string) => {
    try {
      fn()
    } catch (e) {
      out.push({ path: at, message: `invalid ${what}: ${(e as Error).message}` })
    }
  }
  // labs:verify judges a step's own checks one by one before its solution; nested ones only as part of theirs
  if (c.alreadyMetOk !== undefined && !stepLevel) out.push({ path: [...path, 'alreadyMetOk'], message: '"alreadyMetOk" only applies to a step\'s own checks, not inside all/any/not or wrongPaths' })
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
    if (kind === 'question' && typeof spec.promql === 'string') tryIt([...here, 'promql'], () => parsePromQL(spec.promql), 'PromQL')
    if (kind === 'question' && typeof spec.range === 'string' && !parseDuration(spec.range)) out.push({ path: [...here, 'range'], message: `invalid range "${spec.range}"; expected a duration such as 1h or 30m` })
    if (kind === 'question' && typeof spec.path === 'string') {
      const bySelection = spec.selector !== undefined || spec.where !== undefined
      if (spec.name !== undefined && bySelection) out.push({ path: [...here, 'name'], message: 'a question finds its object by "name", or by "selector" and/or "where", not both' })
      else if (spec.name === undefined && !bySelection) out.push({ path: here, message: 'a question with "path" needs "name", or "selector" and/or "where", to find its object' })
    }
    if (kind === 'hasRead' && spec.subresource !== undefined && spec.verbs !== undefined) out.push({ path: [...here, 'verbs'], message: `"verbs" does not apply with "subresource": the ${spec.subresource} request is what counts` })
    if (kind === 'question') {
      if (questionIds.has(spec.id)) out.push({ path: [...here, 'id'], message: `duplicate question id "${spec.id}"` })
      questionIds.add(spec.id)
    }
  }
  c.all?.forEach((x, i) => lintCheck(x, [...path, 'all', i], out, questionIds, false))
  c.any?.forEach((x, i) => lintCheck(x, [...path, 'any', i], out, questionIds, false))
  if (c.not) lintCheck(c.not, [...path, 'not'], out, questionIds, false)
}
