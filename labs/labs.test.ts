import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../scripts/lab-source-node'
import { labIds, loadLabs } from '../simulator/labs/loader'
import { evaluateCheck, evaluateStep, questionsOf } from '../simulator/labs/checks'
import { startLab, verifyLab } from '../simulator/labs/verify'
import type { Lab } from '../simulator/labs/types'
import type { ClusterSession } from '../simulator/session'
import { runInSession } from '../simulator/runner/run-script'
import { scenarioByName } from '../simulator/scenarios'

const source = nodeSource(fileURLToPath(new URL('.', import.meta.url)))

/** The labs the workshop is taught with; adding or renaming one is a decision, not an accident. */
const LAB_IDS = ['registry-tour', 'registry-config', 'deploy-undeploy', 'troubleshoot', 'customize', 'expose-routes', 'metrics', 'baremetal-storage', 'infra-nodes', 'ocs-storage', 'break-fix']

describe('labs/', () => {
  const results = loadLabs(source)
  const labOf = (id: string): Lab => results.find((r) => r.id === id)!.lab!
  const stepOf = (lab: Lab, id: string) => lab.steps.find((s) => s.id === id)!
  /** evaluates one check of a step, as if the step had begun at `since` */
  const check = (session: ClusterSession, lab: Lab, step: string, index: number, since: number, answers: Record<string, string> = {}) =>
    evaluateCheck(stepOf(lab, step).checks[index], { cluster: session.cluster, stepStartedAt: since, answers })

  it('are the eleven labs of the workshop, in catalogue order', () => {
    expect(results.map((r) => r.id)).toEqual(LAB_IDS)
  })

  it.each(LAB_IDS)('%s verifies ok (each step: not done before its solution, done after)', async (id) => {
    const r = await verifyLab(labOf(id))
    expect(r).toMatchObject({ id, status: 'ok', steps: labOf(id).steps.length })
  }, 60_000)

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

  it('infra-nodes: the workshop\'s pod name does not count as looking at the pod; the node is read off the live pod', async () => {
    const lab = labOf('infra-nodes')
    const { session } = await startLab(lab)
    const since = session.now()
    const pod = () => session.cluster.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'docker-registry=default' })[0]
    // before the move: the answer is wherever the pod runs now, not node02
    const before = pod().spec.nodeName as string
    expect(before).not.toBe('node02')
    expect(check(session, lab, 'which-node', 1, since, { node: before }).passed).toBe(true)
    expect(check(session, lab, 'which-node', 1, since, { node: 'node02' }).passed).toBe(false)
    await runInSession(session, 'oc get pod image-registry-58657f5d4d-hmjph -n openshift-image-registry -o wide')
    expect(check(session, lab, 'which-node', 0, since).passed).toBe(false)
    const nodeCa = session.cluster.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'name=node-ca' })[0].metadata.name
    await runInSession(session, `oc get pod ${nodeCa} -n openshift-image-registry -o wide`)
    expect(check(session, lab, 'which-node', 0, since).passed).toBe(false)
    await runInSession(session, `oc get pod ${pod().metadata.name} -n openshift-image-registry -o wide`)
    expect(check(session, lab, 'which-node', 0, since).passed).toBe(true)
    // after the move the same question expects the infra node
    await runInSession(session, `${stepOf(lab, 'node-selector').solution}\nsleep 90`)
    expect(pod().spec.nodeName).toBe('node02')
    expect(check(session, lab, 'which-node', 1, since, { node: 'node02' }).passed).toBe(true)
    expect(check(session, lab, 'which-node', 1, since, { node: before }).passed).toBe(false)
  }, 30_000)

  it('deploy-undeploy and troubleshoot: reading a pod is not reading its logs, and the operator\'s logs are not the registry\'s', async () => {
    const lab = labOf('deploy-undeploy')
    const { session } = await startLab(lab)
    const since = session.now()
    const registryLogs = () => check(session, lab, 'registry-health', 1, since)
    const operatorLogs = () => check(session, lab, 'operator-health', 3, since)
    const registryPod = session.cluster.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'docker-registry=default' })[0].metadata.name
    await runInSession(session, `oc get pod ${registryPod} -o yaml\noc describe pod ${registryPod}`)
    expect(registryLogs().passed).toBe(false)
    expect(registryLogs().message).toBe('Read the logs of the registry\'s pod (`oc logs image-registry-…`).')
    await runInSession(session, 'oc logs image-registry-xxx-xxx -n openshift-image-registry')
    expect(registryLogs().passed).toBe(false)
    await runInSession(session, 'oc logs deployment/cluster-image-registry-operator')
    expect(registryLogs().passed).toBe(false)
    expect(operatorLogs().passed).toBe(true)
    await runInSession(session, `oc logs ${registryPod} -n openshift-image-registry`)
    expect(registryLogs().passed).toBe(true)
    const trouble = labOf('troubleshoot')
    expect(stepOf(trouble, 'operator-logs').checks[0].hasRead).toMatchObject({ subresource: 'log', selector: 'name=cluster-image-registry-operator' })
    expect(stepOf(trouble, 'registry-deployment').checks.map((c) => c.hasRead?.subresource)).toContain('log')
  }, 30_000)

  it('ocs-storage: only a remote shell in a registry pod counts for the mount step', async () => {
    const lab = labOf('ocs-storage')
    const { session } = await startLab(lab)
    const since = session.now()
    const shell = () => check(session, lab, 'verify-mount', 0, since)
    const pods = session.cluster.api.query('pods', { namespace: 'openshift-image-registry' }).map((p) => p.metadata.name)
    const nodeCa = pods.find((n) => n.startsWith('node-ca-'))!
    const registry = session.cluster.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'docker-registry=default' })[0].metadata.name
    await runInSession(session, `oc get pod ${registry} -n openshift-image-registry\noc logs ${registry} -n openshift-image-registry`)
    expect(shell().passed).toBe(false)
    await runInSession(session, `oc rsh -n openshift-image-registry ${nodeCa} df -h\noc rsh -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w`)
    expect(shell().passed).toBe(false)
    await runInSession(session, `oc rsh -n openshift-image-registry ${registry} df -h`)
    expect(shell().passed).toBe(true)
  }, 30_000)

  it('customize: the region step starts from another region, and the workshop\'s unparsable patch does not reach it', async () => {
    const lab = labOf('customize')
    const { session } = await startLab(lab)
    const region = () => session.cluster.api.tryGet('configs.imageregistry.operator.openshift.io', undefined, 'instance')!.spec.storage.s3.region
    expect(region()).toBe('us-west-2')
    const step = stepOf(lab, 'region')
    expect(step.instructions).toContain(`oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "storage": "s3": { "region": "us-east-1" } } }'`)
    const since = session.now()
    const [verbatim] = await runInSession(session, `oc patch configs.imageregistry.operator.openshift.io/instance -n openshift-image-registry --type merge --patch '{ "spec": { "storage": "s3": { "region": "us-east-1" } } }'\noc get configs.imageregistry.operator.openshift.io/instance -o yaml`)
    expect(verbatim.exitCode).toBe(1)
    expect(evaluateStep(step, { cluster: session.cluster, stepStartedAt: since, answers: {} }).passed).toBe(false)
    expect(region()).toBe('us-west-2')
    await runInSession(session, `${step.solution}\nsleep 10`)
    expect(evaluateStep(step, { cluster: session.cluster, stepStartedAt: since, answers: {} }).passed).toBe(true)
  }, 30_000)

  it('break-fix: the 4.0 name of the ClusterOperator (NotFound on 4.12) does not count as looking at it', async () => {
    const lab = labOf('break-fix')
    const { session } = await startLab(lab)
    const since = session.now()
    await runInSession(session, 'oc get clusteroperator cluster-image-registry-operator')
    expect(check(session, lab, 'investigate', 0, since).passed).toBe(false)
    await runInSession(session, 'oc get clusteroperator image-registry')
    expect(check(session, lab, 'investigate', 0, since).passed).toBe(true)
  }, 30_000)
})
