import { beforeAll, describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../runner/run-script'
import type { ClusterSession } from '../session'
import { commandWords, complete } from '.'

/** Completes at the end of `line`. */
const c = (s: ClusterSession, line: string) => complete(s, line, line.length)

describe('completion on minimal', () => {
  let s: ClusterSession
  beforeAll(() => {
    s = createRunSession({ scenario: 'minimal' })
  })

  it('completes command names from the shell and oc', () => {
    expect(c(s, 'o')).toEqual({ candidates: ['oc'], replaceFrom: 0 })
    expect(c(s, 'kub').candidates).toEqual(['kubectl'])
    expect(c(s, 'ec').candidates).toContain('echo')
    expect(c(s, 'oc get pods | gr').candidates).toEqual(['grep'])
    expect(c(s, 'echo $(o').candidates).toEqual(['oc'])
    expect(c(s, 'X=1 wat').candidates).toEqual(['watch'])
    expect(c(s, 'watch -n 5 o').candidates).toEqual(['oc'])
  })

  it('completes oc verbs and sub-verbs', () => {
    expect(c(s, 'oc ge')).toEqual({ candidates: ['get'], replaceFrom: 3 })
    expect(c(s, 'oc rollout ').candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo'])
    expect(c(s, 'oc rollout st').candidates).toEqual(['status'])
    expect(c(s, 'kubectl des').candidates).toEqual(['describe'])
    expect(c(s, 'oc create sec').candidates).toEqual(['secret'])
    expect(c(s, 'oc create secret ').candidates).toContain('generic')
  })

  it('completes resource types: plurals, short names, group-qualified names', () => {
    expect(c(s, 'oc get po').candidates).toEqual(expect.arrayContaining(['pods', 'po']))
    expect(c(s, 'oc get configs.im').candidates).toEqual(['configs.imageregistry.operator.openshift.io'])
    expect(c(s, 'oc get ').candidates).toContain('configs.imageregistry.operator.openshift.io')
    expect(c(s, 'oc get ').candidates).not.toContain('po')
    expect(c(s, 'oc get deploy,s').candidates).toEqual(expect.arrayContaining(['deploy,services', 'deploy,svc']))
    expect(c(s, 'oc explain pv').candidates).toEqual(expect.arrayContaining(['pv', 'pvc']))
  })

  it('completes object names of the typed type in the right namespace', () => {
    expect(c(s, 'oc get nodes w').candidates).toEqual(['worker-0', 'worker-1'])
    expect(c(s, 'oc get pods ').candidates).toEqual([])
    const op = c(s, 'oc get pods -n openshift-image-registry cl').candidates
    expect(op).toHaveLength(1)
    expect(op[0]).toMatch(/^cluster-image-registry-operator-/)
    expect(c(s, 'oc get pods --namespace=openshift-image-registry cl').candidates).toEqual(op)
    expect(c(s, 'oc get pods -A cl').candidates).toEqual(op)
    expect(c(s, 'oc logs -n openshift-image-registry c').candidates).toEqual(op)
    expect(c(s, 'oc -n openshift-image-registry get deploy ').candidates).toEqual(['cluster-image-registry-operator'])
    expect(c(s, 'oc get node/m').candidates).toEqual(['node/master-0'])
    expect(c(s, 'oc rollout status -n openshift-image-registry deployment/c').candidates).toEqual(['deployment/cluster-image-registry-operator'])
    expect(c(s, 'oc get co image').candidates).toEqual(['image-registry'])
    expect(c(s, 'oc project openshift-image-r').candidates).toEqual(['openshift-image-registry'])
    expect(c(s, 'oc get pods -n openshift-image-r').candidates).toEqual(['openshift-image-registry'])
  })

  it('completes flags of the verb and flag values', () => {
    const get = c(s, 'oc get pods --').candidates
    expect(get).toEqual(expect.arrayContaining(['--output=', '--show-labels', '--namespace=', '--all-namespaces', '--watch']))
    expect(c(s, 'oc get pods --show-l').candidates).toEqual(['--show-labels'])
    expect(c(s, 'oc patch --ty').candidates).toEqual(['--type='])
    expect(c(s, 'oc get pods --output=j').candidates).toEqual(['--output=json', '--output=jsonpath-as-json=', '--output=jsonpath-file=', '--output=jsonpath='])
    expect(c(s, 'oc get pods -o ya').candidates).toEqual(['yaml'])
    expect(c(s, 'oc get pods -ow').candidates).toEqual(['-owide'])
    expect(c(s, 'oc patch x --type m').candidates).toEqual(['merge'])
    expect(c(s, 'oc get pods -').candidates).toEqual(expect.arrayContaining(['-o', '-n', '-A', '--output=']))
  })

  it('completes file paths of the virtual file system', () => {
    expect(c(s, 'cat ~/route-certificate/tls.').candidates).toEqual(['~/route-certificate/tls.crt', '~/route-certificate/tls.key'])
    expect(c(s, 'cat ~/ro').candidates).toEqual(['~/route-certificate/'])
    expect(c(s, 'cd ~/').candidates).toEqual(['~/route-certificate/'])
    expect(c(s, 'ls ~/.k').candidates).toEqual(['~/.kube/'])
    expect(c(s, 'oc create -f ~/route-certificate/c').candidates).toEqual(['~/route-certificate/ca.crt'])
    expect(c(s, 'oc create secret generic x --from-file=tls.crt=~/route-certificate/tls.c').candidates).toEqual([
      '--from-file=tls.crt=~/route-certificate/tls.crt',
    ])
    expect(c(s, 'cat /nope/').candidates).toEqual([])
  })

  it('completes environment variables', () => {
    expect(c(s, 'echo $HO').candidates).toEqual(['$HOME', '$HOSTNAME'])
    expect(c(s, 'echo ${KUBE').candidates).toEqual(['${KUBECONFIG}'])
  })

  it('replaces from the start of the word, after an opening quote, at the cursor', () => {
    expect(complete(s, 'oc ge pods', 5)).toEqual({ candidates: ['get'], replaceFrom: 3 })
    expect(c(s, 'cat "~/ro').replaceFrom).toBe(5)
    expect(c(s, '')).toEqual({ candidates: expect.arrayContaining(['oc', 'echo']), replaceFrom: 0 })
  })

  it('offers nothing it cannot know', () => {
    expect(c(s, 'oc get nope ').candidates).toEqual([])
    expect(c(s, 'oc nope ').candidates).toEqual([])
    expect(c(s, 'oc get pods -o yaml --nope=').candidates).toEqual([])
  })
})

describe('completion from live state', () => {
  it('sees objects created in the session and the current project', async () => {
    const s = createRunSession({ scenario: 'aws-4.0' })
    expect(c(s, 'oc get configs.imageregistry.operator.openshift.io ').candidates).toEqual(['instance'])
    expect(c(s, 'oc get route ').candidates).toEqual([])
    await runInSession(s, 'oc project openshift-image-registry\noc create secret generic my-secret --from-literal=a=b\n')
    expect(c(s, 'oc get secret my').candidates).toEqual(['my-secret'])
    expect(c(s, 'oc delete secret/my').candidates).toEqual(['secret/my-secret'])
  })

  it('is silent inside a pod shell', async () => {
    const s = createRunSession({ scenario: 'aws' })
    await runInSession(s, 'oc rsh -n openshift-image-registry deployment/image-registry\n')
    expect(s.inSubshell()).toBe(true)
    expect(c(s, 'oc g').candidates).toEqual([])
  })
})

describe('commandWords', () => {
  it('keeps quoted text in one word and starts over after operators', () => {
    expect(commandWords(`oc patch x -p '{"a": 1}' && echo "a b"`)).toEqual([
      { text: 'echo', start: 28 },
      { text: '"a b"', start: 33 },
    ])
    expect(commandWords('a\\ b c').map((w) => w.text)).toEqual(['a\\ b', 'c'])
  })
})
