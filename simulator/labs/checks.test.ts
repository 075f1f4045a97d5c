import { beforeAll, describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../runner/run-script'
import type { ClusterSession } from '../session'
import { evaluateCheck, evaluateStep, questionsOf, type CheckContext } from './checks'
import type { Check } from './types'

let session: ClusterSession
let ctx: CheckContext

beforeAll(async () => {
  session = createRunSession({ scenario: 'minimal' })
  await runInSession(session, 'oc create namespace demo\noc create configmap a -n demo --from-literal=n=3 --from-literal=word=hello\noc label configmap a -n demo tier=x')
  ctx = { cluster: session.cluster, stepStartedAt: session.now(), answers: {} }
})

const passes = (c: Check, over: Partial<CheckContext> = {}) => evaluateCheck(c, { ...ctx, ...over }).passed
const REG = 'openshift-image-registry'

describe('checks', () => {
  it('exists / absent, with typed resource names', () => {
    expect(passes({ exists: { resource: 'ns', name: 'demo' } })).toBe(true)
    expect(passes({ exists: { resource: 'cm', name: 'a', namespace: 'demo' } })).toBe(true)
    expect(passes({ exists: { resource: 'cm', name: 'zzz', namespace: 'demo' } })).toBe(false)
    expect(passes({ absent: { resource: 'configmaps', name: 'zzz', namespace: 'demo' } })).toBe(true)
  })

  it('jsonpath: equals, matches, contains, compare', () => {
    const t = { resource: 'cm', name: 'a', namespace: 'demo' }
    expect(passes({ jsonpath: { ...t, path: '.data.word', equals: 'hello' } })).toBe(true)
    expect(passes({ jsonpath: { ...t, path: '{.data.word}', matches: '^hel' } })).toBe(true)
    expect(passes({ jsonpath: { ...t, path: '.data.word', contains: 'ell' } })).toBe(true)
    expect(passes({ jsonpath: { ...t, path: '.data.n', compare: '>= 3' } })).toBe(true)
    expect(passes({ jsonpath: { ...t, path: '.data.n', compare: '< 3' } })).toBe(false)
    expect(passes({ jsonpath: { ...t, path: '.data.missing', equals: '' } })).toBe(false)
    expect(passes({ jsonpath: { ...t, path: '.metadata.labels', equals: { tier: 'x' } } })).toBe(true)
  })

  it('a failing check carries its own message, or a generated one saying what was seen', () => {
    const t = { resource: 'cm', name: 'a', namespace: 'demo', path: '.data.word', equals: 'bye' }
    expect(evaluateCheck({ jsonpath: t, message: 'Say bye.' }, ctx).message).toBe('Say bye.')
    expect(evaluateCheck({ jsonpath: t }, ctx).message).toContain('"hello"')
    expect(evaluateCheck({ exists: { resource: 'nosuchthing', name: 'x' } }, ctx).message).toContain('unknown resource')
  })

  it('condition: type, status and reason', () => {
    const co = { resource: 'co', name: 'image-registry' }
    expect(passes({ condition: { ...co, type: 'Available', status: 'True' } })).toBe(true)
    expect(passes({ condition: { ...co, type: 'Available', status: 'True', reason: 'AsExpected' } })).toBe(true)
    expect(passes({ condition: { ...co, type: 'Available', status: 'True', reason: 'Other' } })).toBe(false)
    expect(passes({ condition: { ...co, type: 'Degraded', status: 'True' } })).toBe(false)
  })

  it('count: selector, phase, where', () => {
    expect(passes({ count: { resource: 'pods', namespace: REG, phase: 'Running', compare: 1 } })).toBe(true)
    expect(passes({ count: { resource: 'pods', namespace: REG, selector: 'name=cluster-image-registry-operator', compare: '>= 1' } })).toBe(true)
    expect(passes({ count: { resource: 'pods', namespace: REG, selector: 'docker-registry=default', compare: '> 0' } })).toBe(false)
    expect(passes({ count: { resource: 'nodes', where: { path: '.metadata.labels', contains: 'no-such-label' }, compare: 0 } })).toBe(true)
    expect(passes({ count: { resource: 'cm', namespace: 'demo', where: { path: '.data.word', equals: 'hello' }, compare: 1 } })).toBe(true)
  })

  it('podOnNode: a running pod matching a selector on a node with a label', () => {
    const pod = { namespace: REG, selector: 'name=cluster-image-registry-operator' }
    expect(passes({ podOnNode: { ...pod, nodeSelector: 'node-role.kubernetes.io/master' } })).toBe(true)
    expect(passes({ podOnNode: { ...pod, nodeSelector: 'node-role.kubernetes.io/master', every: true } })).toBe(true)
    expect(passes({ podOnNode: { ...pod, nodeSelector: 'node-role.kubernetes.io/infra' } })).toBe(false)
  })

  it('all / any / not', () => {
    const yes: Check = { exists: { resource: 'ns', name: 'demo' } }
    const no: Check = { exists: { resource: 'ns', name: 'nope' } }
    expect(passes({ all: [yes, yes] })).toBe(true)
    expect(passes({ all: [yes, no] })).toBe(false)
    expect(passes({ any: [no, yes] })).toBe(true)
    expect(passes({ any: [no, no] })).toBe(false)
    expect(passes({ not: no })).toBe(true)
    expect(passes({ not: yes })).toBe(false)
    expect(evaluateCheck({ all: [yes, no] }, ctx).message).toContain('ns/nope does not exist')
  })

  it('question: the answer is computed from live state, trimmed, optionally case-insensitive', () => {
    const q: Check = { question: { id: 'w', prompt: 'Which word?', resource: 'cm', name: 'a', namespace: 'demo', path: '.data.word' } }
    expect(passes(q)).toBe(false)
    expect(evaluateCheck(q, ctx).message).toContain('Which word?')
    expect(passes(q, { answers: { w: '  hello \n' } })).toBe(true)
    expect(passes(q, { answers: { w: 'HELLO' } })).toBe(false)
    expect(passes({ question: { ...q.question!, ignoreCase: true } }, { answers: { w: 'HELLO' } })).toBe(true)
    expect(passes(q, { answers: { w: 'bye' } })).toBe(false)
    expect(questionsOf([{ not: { all: [q] } }]).map((x) => x.id)).toEqual(['w'])
  })

  it('question by selector or where: the value of any matching object not being deleted is the answer', async () => {
    await runInSession(session, 'oc create configmap b -n demo --from-literal=word=bye\noc label configmap b -n demo tier=y')
    const q = (extra: object): Check => ({ question: { id: 'w', prompt: 'Which word?', resource: 'cm', namespace: 'demo', path: '.data.word', ...extra } })
    expect(passes(q({ selector: 'tier=y' }), { answers: { w: 'bye' } })).toBe(true)
    expect(passes(q({ selector: 'tier=y' }), { answers: { w: 'hello' } })).toBe(false)
    expect(passes(q({ selector: 'tier' }), { answers: { w: 'hello' } })).toBe(true)
    expect(passes(q({ where: { path: '.data.word', matches: '^b' } }), { answers: { w: 'bye' } })).toBe(true)
    expect(passes(q({ selector: 'tier', where: { path: '.data.word', matches: '^b' } }), { answers: { w: 'hello' } })).toBe(false)
    const none = evaluateCheck(q({ selector: 'tier=z' }), { ...ctx, answers: { w: 'bye' } })
    expect(none.passed).toBe(false)
    expect(none.message).toBe('no cm matching tier=z in demo, so the answer cannot be checked')
  })

  it('hasRead: reads since the step began, from the audit log, not from command text', async () => {
    const started = session.now()
    const read: Check = { hasRead: { resource: 'pods', namespace: REG } }
    expect(passes(read, { stepStartedAt: started })).toBe(false)
    await runInSession(session, 'echo oc get pods -n openshift-image-registry')
    expect(passes(read, { stepStartedAt: started })).toBe(false)
    await runInSession(session, 'oc get po -n openshift-image-registry')
    expect(passes(read, { stepStartedAt: started })).toBe(true)
    expect(passes({ hasRead: { resource: 'pods', namespace: 'demo' } }, { stepStartedAt: started })).toBe(false)
    expect(passes({ hasRead: { resource: 'pods', namespace: REG, verbs: ['watch'] } }, { stepStartedAt: started })).toBe(false)
    expect(passes(read, { stepStartedAt: session.now() + 1 })).toBe(false)
    // the minimal cluster has no registry configuration yet: a NotFound is not a read, unless the check allows it
    await runInSession(session, 'oc get configs.imageregistry.operator.openshift.io cluster -o yaml')
    expect(passes({ hasRead: { resource: 'configs.imageregistry', name: 'cluster' } }, { stepStartedAt: started })).toBe(false)
    expect(passes({ hasRead: { resource: 'configs.imageregistry', name: 'cluster', allowFailed: true } }, { stepStartedAt: started })).toBe(true)
  })

  it('hasRead: a subresource (logs, a remote shell) counts only for it, only when the server accepted it', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    await runInSession(s, `oc create namespace demo
oc create -n demo -f - <<X
apiVersion: v1
kind: Pod
metadata:
  name: stuck
  labels: { app: stuck }
spec:
  nodeSelector: { no-such: label }
  containers: [{ name: c, image: registry.example/c:1 }]
X`)
    const started = s.now()
    const at = (c: Check) => evaluateCheck(c, { cluster: s.cluster, stepStartedAt: started, answers: {} }).passed
    const operatorLogs: Check = { hasRead: { resource: 'pods', namespace: REG, subresource: 'log', selector: 'name=cluster-image-registry-operator' } }
    const operatorShell: Check = { hasRead: { resource: 'pods', namespace: REG, subresource: 'exec', namePrefix: 'cluster-image-registry-operator-' } }
    const podName = s.cluster.api.query('pods', { namespace: REG })[0].metadata.name
    await runInSession(s, `oc get pod ${podName} -n ${REG}`)
    expect(at({ hasRead: { resource: 'pods', namespace: REG, verbs: ['get'], namePrefix: 'cluster-image-registry-operator-' } })).toBe(true)
    expect(at(operatorLogs)).toBe(false)
    await runInSession(s, `oc logs deployment/cluster-image-registry-operator -n ${REG}`)
    expect(at(operatorLogs)).toBe(true)
    expect(at(operatorShell)).toBe(false)
    expect(at({ hasRead: { resource: 'pods', namespace: REG, subresource: 'log', selector: 'docker-registry=default' } })).toBe(false)
    expect(at({ hasRead: { resource: 'pods', namespace: REG, subresource: 'log', namePrefix: 'image-registry-' } })).toBe(false)
    await runInSession(s, `oc rsh -n ${REG} ${podName} ls /`)
    expect(at(operatorShell)).toBe(true)
    // the pod cannot be scheduled: its container never started, so the server refuses its logs and a shell in it
    const stuckLogs: Check = { hasRead: { resource: 'pods', namespace: 'demo', subresource: 'log', selector: 'app=stuck' } }
    const stuckShell: Check = { hasRead: { resource: 'pods', namespace: 'demo', subresource: 'exec', name: 'stuck' } }
    await runInSession(s, 'oc logs stuck -n demo\noc rsh -n demo stuck ls')
    expect(at(stuckLogs)).toBe(false)
    expect(at(stuckShell)).toBe(false)
    expect(at({ hasRead: { ...stuckLogs.hasRead!, allowFailed: true } })).toBe(true)
    expect(at({ hasRead: { ...stuckShell.hasRead!, allowFailed: true } })).toBe(true)
    expect(evaluateCheck(stuckLogs, { cluster: s.cluster, stepStartedAt: started, answers: {} }).message).toBe('you have not read the logs of pods matching app=stuck in demo yet')
  })

  it('hasRead with a selector: the object read must match it now; a list counts', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    const started = s.now()
    const at = (c: Check) => evaluateCheck(c, { cluster: s.cluster, stepStartedAt: started, answers: {} }).passed
    const master: Check = { hasRead: { resource: 'nodes', selector: 'node-role.kubernetes.io/master', verbs: ['get'] } }
    await runInSession(s, 'oc get node worker-0')
    expect(at(master)).toBe(false)
    await runInSession(s, 'oc get node no-such-node')
    expect(at(master)).toBe(false)
    await runInSession(s, 'oc get node master-0 -o wide')
    expect(at(master)).toBe(true)
    const listed: Check = { hasRead: { resource: 'nodes', selector: 'node-role.kubernetes.io/master' } }
    const s2 = createRunSession({ scenario: 'minimal' })
    await runInSession(s2, 'oc get nodes')
    expect(evaluateCheck(listed, { cluster: s2.cluster, stepStartedAt: 0, answers: {} }).passed).toBe(true)
  })

  it('evaluateStep: all checks must pass; matching wrong paths add their hints', () => {
    const r = evaluateStep(
      {
        checks: [{ exists: { resource: 'ns', name: 'demo' } }, { jsonpath: { resource: 'cm', name: 'a', namespace: 'demo', path: '.data.word', equals: 'bye' }, message: 'Say bye.' }],
        wrongPaths: [
          { when: { jsonpath: { resource: 'cm', name: 'a', namespace: 'demo', path: '.data.word', equals: 'hello' } }, hint: 'Still hello.' },
          { when: { absent: { resource: 'ns', name: 'demo' } }, hint: 'Not this one.' },
        ],
      },
      ctx,
    )
    expect(r.passed).toBe(false)
    expect(r.results.map((x) => [x.passed, x.message])).toEqual([[true, ''], [false, 'Say bye.']])
    expect(r.wrongPathHints).toEqual(['Still hello.'])
  })
})
