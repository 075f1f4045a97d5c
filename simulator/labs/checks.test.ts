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
    await runInSession(session, 'oc get configs.imageregistry.operator.openshift.io cluster -o yaml')
    expect(passes({ hasRead: { resource: 'configs.imageregistry', name: 'cluster' } }, { stepStartedAt: started })).toBe(true)
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
