/**
 * Fuzzing the whole session: random and mutated command lines (shell syntax and `oc` words) never throw out of
 * `session.execute`, never print `internal simulator error`, and always end with an exit code 0–255.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isComplete, splitCommands } from '../shell'
import { createRunSession, ENDLESS_COMMAND_LIMIT_MS } from '../runner/run-script'
import type { ClusterSession } from '../session'
import { mutateText } from './arbitraries'

const WORDS = [
  'oc', 'kubectl', 'get', 'describe', 'patch', 'edit', 'delete', 'create', 'apply', 'replace', 'label', 'annotate', 'scale', 'rollout', 'logs',
  'exec', 'rsh', 'wait', 'explain', 'project', 'new-project', 'adm', 'status', 'version', 'api-resources', 'set', 'expose', 'whoami',
  'pods', 'po', 'nodes', 'deploy', 'ds', 'sc', 'pvc', 'pv', 'cm', 'secret', 'route', 'svc', 'ns', 'all', 'events', 'co',
  'configs.imageregistry.operator.openshift.io', 'config/cluster', 'image-registry', 'nfs-client', 'openshift-image-registry', 'default',
  '-A', '-n', '-o', 'yaml', 'json', 'wide', 'name', "jsonpath='{.items[*].metadata.name}'", 'jsonpath={.spec}', "go-template='{{.kind}}'",
  'custom-columns=N:.metadata.name', '-l', 'app=x', 'a!=b', '--selector', '--field-selector=status.phase=Running', '--all', '--type', 'merge', 'json',
  'strategic', '-p', `'{"spec":{"replicas":2}}'`, `'[{"op":"add","path":"/x","value":1}]'`, `'{"metadata":{"labels":{"a":null}}}'`, '--dry-run=client',
  '--replicas=0', '--timeout=1s', '--for=condition=Available', '-f', '-', '/dev/null', '--tail=1', '-c', '--', 'ls', 'sh', '-it', '--help', '-h',
  '--show-labels', '--sort-by=.metadata.name', '-w', '--watch-only', '--grace-period=0', '--force', '--overwrite', 'a=b', 'a-', 'deploy/image-registry',
  'pod/x', 'type/', '/name', '=', '==', '--x=', '-', '--', '|', '||', '&&', ';', '&', '>', '2>&1', '<', '$(', ')', '`', '"', "'", '\\', '$X', '*', '?',
  'grep', 'wc -l', 'head', 'jq .', 'awk', 'sed', 'sort', 'echo', 'cat', 'base64 -d', 'sleep 5', 'true', 'false', 'exit', 'cd', 'export X=1', 'clear',
  '\n', ' ', ' ', '\t', 'é', '💥', '\u0000', '9'.repeat(25), '-1', '0', '1e9', 'NaN',
]

const fromWords = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((ws) => ws.join(' '))
const SEEDS = [
  'oc get pods -A -o wide',
  `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":2}}'`,
  'oc get co image-registry -o jsonpath=\'{.status.conditions[?(@.type=="Available")].status}\'',
  'oc describe pod -n openshift-image-registry -l docker-registry=default',
  'oc get pods -n openshift-image-registry -o name | head -1 | xargs oc logs',
  'oc rsh -n openshift-image-registry deploy/image-registry ls /registry',
  'oc get nodes --show-labels | grep worker | wc -l',
  `oc create configmap x --from-literal=a=b && oc get cm x -o yaml | sed 's/b/c/' | oc apply -f -`,
  'oc label node --all a=b --overwrite; oc get nodes -l a=b -o custom-columns=NAME:.metadata.name',
  'oc scale deploy/image-registry -n openshift-image-registry --replicas=3 && oc rollout status deploy/image-registry -n openshift-image-registry',
  'oc get events -A --sort-by=.lastTimestamp | tail -3',
  'oc explain configs.spec.storage.s3',
]
const mutated = fc.constantFrom(...SEEDS).chain(mutateText)
const anyLine = fc.oneof(fromWords, mutated, fc.constantFrom(...SEEDS), fc.string({ maxLength: 40 }))

async function run(session: ClusterSession, text: string): Promise<{ code: number; out: string }> {
  let out = ''
  const stream = { write: (t: string) => void (out += t) }
  const ac = new AbortController()
  session.deadline = { at: session.now() + ENDLESS_COMMAND_LIMIT_MS, abort: () => ac.abort() }
  try {
    const code = await session.execute(text, { stdout: stream, stderr: stream, signal: ac.signal })
    return { code, out }
  } finally {
    session.deadline = undefined
  }
}

describe('session fuzz', () => {
  const session = createRunSession({ scenario: 'minimal' })

  it('random and mutated command lines never throw and never report an internal error', async () => {
    let executed = 0
    await fc.assert(
      fc.asyncProperty(anyLine, async (text) => {
        expect(typeof isComplete(text)).toBe('boolean')
        expect(Array.isArray(splitCommands(text))).toBe(true)
        // the terminal only sends complete input; inside `oc rsh` every line is complete
        if (!session.isComplete(text)) return
        executed++
        const { code, out } = await run(session, text)
        expect(out).not.toContain('internal simulator error')
        expect(Number.isInteger(code) && code >= 0 && code <= 255).toBe(true)
        while (session.inSubshell()) await run(session, 'exit')
        session.advance(2000)
      }),
      { numRuns: 300 },
    )
    // most generated lines are complete commands: the property did exercise the session
    expect(executed).toBeGreaterThan(150)
  }, 60_000)

  it('completion never throws', () => {
    fc.assert(
      fc.property(anyLine, fc.nat(), (text, at) => {
        const r = session.complete(text, at % (text.length + 1))
        expect(Array.isArray(r.candidates)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})
