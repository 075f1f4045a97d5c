import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../runner/run-script'
import { evaluateCheck, promqlSeriesCount } from './checks'
import { loadLab } from './loader'
import { mapSource } from './source'
import { runVerify } from './report'
import { chooseFault, labVariant, labVariants } from './variants'
import { verifyLab } from './verify'

const REG = 'openshift-image-registry'

/** A break-fix lab on aws: operator-scaled-down or s3-wrong-keys, a per-fault fix, a state-based check. */
function breakFix(opts: { seed?: number; solutions?: string; extra?: string } = {}): string {
  return `id: x
title: X
summary: S
order: 1
duration: 5
level: advanced
scenario: aws
${opts.seed === undefined ? '' : `seed: ${opts.seed}\n`}faults:
  oneOf: [operator-scaled-down, s3-wrong-keys]
steps:
  - id: fix
    title: Fix
    file: 01.md
    checks:
      - count: { resource: pods, namespace: ${REG}, selector: name=cluster-image-registry-operator, phase: Running, compare: ">= 1" }
      - condition: { resource: configs.imageregistry, name: cluster, type: StorageExists, status: "True" }
      - condition: { resource: configs.imageregistry, name: cluster, type: Progressing, status: "False" }
    hints: [fix it]
${opts.solutions ?? `    solutions:
      operator-scaled-down: |
        oc scale deployment cluster-image-registry-operator --replicas=1 -n ${REG}
        sleep 60
      s3-wrong-keys: |
        oc delete secret image-registry-private-configuration-user -n ${REG}
        sleep 60
`}${opts.extra ?? ''}`
}

const load = (yaml: string) => loadLab(mapSource({ 'x/lab.yaml': yaml, 'x/01.md': 'Fix it.' }), 'x')
const lint = (yaml: string) => load(yaml).problems.map((p) => `${p.line}: ${p.message}`).join('\n')

describe('faults: { oneOf } (break-fix labs)', () => {
  it('the seed picks the fault; each step gets that fault\'s solution', () => {
    expect(chooseFault(['a', 'b', 'c'], 0)).toBe('a')
    expect(chooseFault(['a', 'b', 'c'], 4)).toBe('b')
    expect(chooseFault(['a', 'b', 'c'])).toBe('b')
    const one = load(breakFix({ seed: 2 })).lab!
    expect(one.faults).toEqual(['operator-scaled-down'])
    expect(one.faultChoices).toEqual(['operator-scaled-down', 's3-wrong-keys'])
    expect(one.steps[0].solution).toContain('oc scale deployment')
    const other = load(breakFix({ seed: 3 })).lab!
    expect(other.faults).toEqual(['s3-wrong-keys'])
    expect(other.steps[0].solution).toContain('oc delete secret')
    const v = labVariant(one, 's3-wrong-keys')
    expect(v.faults).toEqual(['s3-wrong-keys'])
    expect(v.steps[0].solution).toBe(other.steps[0].solution)
    expect(labVariants(one).map((x) => x.fault)).toEqual(['operator-scaled-down', 's3-wrong-keys'])
    expect(() => labVariant(one, 'pvc-unbound')).toThrow(/not one of/)
  })

  it('schema and lint: fault ids, solutions for every fault and no other, solution or solutions', () => {
    expect(lint(breakFix())).toBe('')
    expect(lint(breakFix().replace('oneOf: [operator-scaled-down, s3-wrong-keys]', 'oneOf: [operator-scaled-down, nope]'))).toContain('unknown fault "nope"')
    expect(lint(breakFix().replace('oneOf: [operator-scaled-down, s3-wrong-keys]', 'oneOf: [s3-wrong-keys]'))).toContain('needs at least 2 item(s)')
    expect(lint(breakFix().replace('      s3-wrong-keys: |\n', '      pvc-unbound: |\n'))).toMatch(/"pvc-unbound" is not one of the lab's faults[\s\S]*no solution for fault\(s\) s3-wrong-keys/)
    expect(lint(breakFix({ solutions: '' }))).toContain('needs one of: solution, solutions')
    expect(lint(breakFix({ extra: '    solution: oc get pods\n' }))).toContain('has several kinds (solution, solutions); use exactly one')
    const plain = breakFix().replace('faults:\n  oneOf: [operator-scaled-down, s3-wrong-keys]', 'faults: [operator-scaled-down]')
    expect(lint(plain)).toContain('per-fault "solutions" need "faults: { oneOf: [...] }"')
  })

  it('labs:verify replays every variant with its own solution', async () => {
    const ok = await verifyLab(load(breakFix()).lab!)
    expect(ok).toEqual({ id: 'x', status: 'ok', steps: 1, variants: 2 })
    const lines = await runVerify(mapSource({ 'x/lab.yaml': breakFix(), 'x/01.md': 'Fix it.' }))
    expect(lines[0].text).toMatch(/^ok {2}x {2}1 steps {2}2 variants {2}\d+ms$/)
  }, 60_000)

  it('labs:verify reports a check already met before the fix only if it is with every fault', async () => {
    // the fixture's operator check already holds with s3-wrong-keys, not with operator-scaled-down: no report
    const always = breakFix().replace('    hints: [fix it]', '      - exists: { resource: ns, name: default }\n    hints: [fix it]')
    expect(await verifyLab(load(always).lab!)).toEqual({
      id: 'x',
      status: 'fail',
      step: 'fix',
      reason: 'check 4 (ns/default exists) already passes before the solution runs with every fault; make the step ask for a change, or say why with alreadyMetOk',
    })
  }, 60_000)

  it('labs:verify fails a variant whose solution does not fix its fault, and names the fault', async () => {
    // the chosen fault (seed 1: s3-wrong-keys) is fixed; the other variant's "fix" only reads
    const yaml = breakFix().replace(`oc scale deployment cluster-image-registry-operator --replicas=1 -n ${REG}`, `oc get pods -n ${REG}`)
    const r = await verifyLab(load(yaml).lab!)
    expect(r).toMatchObject({ status: 'fail', step: 'fix', reason: expect.stringMatching(/^with fault operator-scaled-down: the solution does not reach the goal/) })
  }, 30_000)
})

describe('question.promql', () => {
  it('expects the number of series the query returns over the last hour, from live state', async () => {
    const session = createRunSession({ scenario: 'aws-4.0' })
    const ctx = (answer: string) => ({ cluster: session.cluster, stepStartedAt: session.now(), answers: { lines: answer } })
    const q = { question: { id: 'lines', prompt: 'How many lines?', promql: 'sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))' } }
    expect(promqlSeriesCount({ cluster: session.cluster }, q.question.promql)).toBe(1)
    expect(evaluateCheck(q, ctx('1')).passed).toBe(true)
    expect(evaluateCheck(q, ctx('3')).passed).toBe(false)
    expect(evaluateCheck(q, ctx('')).message).toBe('answer the question: How many lines?')
    expect(promqlSeriesCount({ cluster: session.cluster }, 'imageregistry_http_request_duration_seconds')).toBe(15)
    await runInSession(session, `oc patch configs.imageregistry.operator.openshift.io/instance --type merge --patch '{ "spec": { "replicas": 3 } }'\nsleep 120`)
    expect(evaluateCheck(q, ctx('3')).passed).toBe(true)
    expect(promqlSeriesCount({ cluster: session.cluster }, 'sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))', '10s')).toBe(3)
  }, 30_000)

  it('schema and lint: promql instead of resource/name/path, a valid query and range', () => {
    const base = `id: x
title: X
summary: S
order: 1
duration: 5
level: beginner
scenario: aws-4.0
steps:
  - id: one
    title: One
    file: 01.md
    checks:
      - question: { id: q, prompt: P, QUESTION }
    hints: [h]
    solution: echo 1
`
    const with_ = (q: string) => lint(base.replace('QUESTION', q))
    expect(with_('promql: "imageregistry_http_requests_total"')).toBe('')
    expect(with_('promql: "up", range: 30m')).toBe('')
    expect(with_('promql: "sum by (pod) (rate(x[5m])"')).toContain('invalid PromQL')
    expect(with_('promql: "up", range: soon')).toContain('invalid form')
    expect(with_('promql: "up", resource: pods, name: a, path: .x')).toContain('matches several alternatives')
    expect(with_('resource: pods, name: a')).toContain('missing "path"')
  })
})
