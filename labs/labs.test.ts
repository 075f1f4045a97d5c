import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../scripts/lab-source-node'
import { labIds, loadLabs } from '../simulator/labs/loader'
import { evaluateStep, questionsOf } from '../simulator/labs/checks'
import { startLab } from '../simulator/labs/verify'
import { runInSession } from '../simulator/runner/run-script'
import { scenarioByName } from '../simulator/scenarios'

const source = nodeSource(fileURLToPath(new URL('.', import.meta.url)))

describe('labs/', () => {
  const results = loadLabs(source)

  it('every lab loads without schema or lint problems', () => {
    expect(results.flatMap((r) => r.problems)).toEqual([])
    expect(results.map((r) => r.id).sort()).toEqual(labIds(source).sort())
  })

  it('every step has instructions, a solution and at least one hint', () => {
    for (const r of results) {
      for (const s of r.lab!.steps) {
        expect(s.instructions.trim(), `${r.id}/${s.id}`).not.toBe('')
        expect(s.solution.trim(), `${r.id}/${s.id}`).not.toBe('')
        expect(s.hints.length, `${r.id}/${s.id}`).toBeGreaterThan(0)
      }
    }
  })

  it('baremetal-storage asks a question answered from state and checks a read from the audit log', () => {
    const lab = results.find((r) => r.id === 'baremetal-storage')!.lab!
    expect(lab.scenario).toBe('baremetal')
    expect(questionsOf(lab.steps.flatMap((s) => s.checks)).map((q) => q.id)).toEqual(['management-state'])
    expect(lab.steps.filter((s) => s.checks.some((c) => c.hasRead)).length).toBeGreaterThan(0)
    for (const cmd of [
      `oc patch configs.imageregistry.operator.openshift.io cluster --type merge --patch '{"spec":{"storage":{"emptyDir":{}}}}'`,
      `oc patch configs.imageregistry.operator.openshift.io cluster --type merge --patch '{"spec":{"managementState":"Managed"}}'`,
      'watch oc get pod -n openshift-image-registry',
    ]) {
      expect(lab.steps.some((s) => s.instructions.includes(cmd))).toBe(true)
    }
  })

  it.skipIf(!scenarioByName('baremetal'))('baremetal-storage: wrong answers, wrong paths and reads before the step do not count', async () => {
    const lab = results.find((r) => r.id === 'baremetal-storage')!.lab!
    const step = (id: string) => lab.steps.find((s) => s.id === id)!
    const { session } = await startLab(lab)
    await runInSession(session, 'oc get pod -n openshift-image-registry')
    const ctx = (answers: Record<string, string> = {}) => ({ cluster: session.cluster, stepStartedAt: session.now(), answers })
    // a read made before the step began does not count for it
    expect(evaluateStep(step('look-pods'), ctx()).passed).toBe(false)
    expect(evaluateStep(step('which-state'), ctx({ 'management-state': 'Managed' })).passed).toBe(false)
    expect(evaluateStep(step('which-state'), ctx({ 'management-state': ' removed ' })).passed).toBe(true)
    await runInSession(session, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge --patch '{"spec":{"managementState":"Unmanaged"}}'`)
    const managed = evaluateStep(step('managed'), ctx())
    expect(managed.passed).toBe(false)
    expect(managed.results[0].message).toBe('The registry\'s spec.managementState is not Managed yet.')
    expect(managed.wrongPathHints).toEqual([expect.stringContaining('`Unmanaged` tells the operator')])
  })
})
