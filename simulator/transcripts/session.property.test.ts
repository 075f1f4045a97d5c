/**
 * Property test over the WHOLE session (shell + oc + pod shells + editor) on `minimal`: random and mutated command
 * lines never crash. Every run ends with an exit code in 0..255, never prints `internal simulator error`, and an
 * `oc` command that fails says why on stderr. Tab completion never throws on the same lines.
 * (`simulator/shell/fuzz.test.ts` covers the shell alone, `simulator/cli/verbs/mutating.test.ts` four oc verbs.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../runner/run-script'
import { complete } from '../completion'
import type { ClusterSession } from '../session'

const VERBS = [
  'get', 'describe', 'patch', 'edit', 'create', 'apply', 'replace', 'delete', 'label', 'annotate', 'scale', 'rollout',
  'rollout status', 'rollout restart', 'rollout history', 'logs', 'rsh', 'exec', 'wait', 'explain', 'api-resources',
  'project', 'projects', 'new-project', 'whoami', 'status', 'version', 'adm', 'adm migrate image-references', 'help',
  'create secret generic', 'create route edge', 'create configmap', 'gte', '',
]
const ARGS = [
  'pods', 'po', 'pod/x', 'nodes', 'node/master-0', 'deploy', 'deployment/cluster-image-registry-operator', 'rs', 'svc', 'ns',
  'configs.imageregistry.operator.openshift.io', 'configs.imageregistry/cluster', 'config.imageregistry.operator.openshift.io/instance',
  'co', 'pvc', 'sc', 'events', 'secrets', 'cm', 'route', 'all', 'pods,svc', 'x', 'default', 'openshift-image-registry', 'master-0',
  '-n', 'openshift-image-registry', '-A', '-o', 'yaml', 'json', 'wide', 'name', "jsonpath='{.items[*].metadata.name}'",
  'jsonpath={.x', 'custom-columns=N:.metadata.name', 'custom-columns=', '-l', 'a=b', 'name=cluster-image-registry-operator',
  '--show-labels', '--no-headers', '--sort-by=.metadata.name', '-w', '-f', '-', '/nope.yaml', '~/route-certificate/tls.crt',
  '--type', 'merge', 'json', 'strategic', '-p', `'{"spec":{"replicas":2}}'`, `'{"spec":'`, `'[{"op":"add","path":"/x","value":1}]'`,
  '--replicas=0', '--replicas=x', '--tail=1', '-c', 'nope', '--', 'ls', 'df', '-h', '--for=condition=Available', '--for=delete',
  '--timeout=5s', '--recursive', '--confirm', '--from-literal=a=b', '--from-file=k=/etc/hostname', '--overwrite', 'a-', '--all',
  '--grace-period=0', '--force', '--dry-run=client', '--help', '-h', '--output=', '=', '"', "'", '\\', '$(', '|', '&&', ';',
]
const SHELL = [
  'echo hi', 'cat ~/route-certificate/ca.crt', 'grep -c x', 'wc -l', 'head -1', 'awk \'{print $1}\'', 'sed -n 1p', 'base64 -d',
  'jq .', 'sort', 'cut -d" " -f1', 'export KUBE_EDITOR="sed -i s/a/b/"', 'unset KUBE_EDITOR', 'sleep 1', 'cd /tmp', 'ls', 'env',
  'exit', 'history', 'clear', 'watch -n 5 oc get pods', 'nosuch',
]

const ocLine = fc
  .tuple(fc.constantFrom('oc', 'kubectl'), fc.constantFrom(...VERBS), fc.array(fc.oneof(fc.constantFrom(...ARGS), fc.string({ maxLength: 5 })), { maxLength: 6 }))
  .map(([bin, verb, args]) => [bin, verb, ...args].filter((w) => w !== '').join(' '))
const glue = fc.constantFrom(' | ', ' && ', ' || ', '; ', '\n', ' > /tmp/out ', ' 2>&1 | ', ' <(', ' $(')
const mixed = fc
  .tuple(fc.oneof(ocLine, fc.constantFrom(...SHELL)), glue, fc.oneof(ocLine, fc.constantFrom(...SHELL)))
  .map(([a, g, b]) => a + g + b)
const mutated = fc
  .tuple(
    fc.constantFrom(
      `oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{ "spec": { "storage": "s3": { "region": "us-east-1" } } }'`,
      `oc create -f <(echo '{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"c"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}')`,
      `oc get pods -n openshift-image-registry -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`,
      `oc get nodes -o custom-columns=NAME:.metadata.name,L:.metadata.labels --sort-by=.metadata.name`,
      `KUBE_EDITOR="sed -i s/replicas:.*/replicas:\\ 3/" oc edit deployment/cluster-image-registry-operator -n openshift-image-registry`,
      `oc exec -n openshift-image-registry deployment/cluster-image-registry-operator -- env | grep -c =`,
    ),
    fc.nat(),
    fc.string({ maxLength: 4 }),
    fc.nat({ max: 4 }),
  )
  .map(([base, at, insert, del]) => {
    const i = at % (base.length + 1)
    return base.slice(0, i) + insert + base.slice(i + del)
  })

async function run(s: ClusterSession, line: string) {
  const results = await runInSession(s, line)
  // leave any pod shell the line opened
  for (let i = 0; i < 3 && s.inSubshell(); i++) await runInSession(s, 'exit')
  return results
}

describe('the whole session never crashes', () => {
  const session = createRunSession({ scenario: 'minimal' })

  it('oc command lines: failures are messages with a non-zero exit code', async () => {
    await fc.assert(
      fc.asyncProperty(ocLine, async (line) => {
        const results = await run(session, line)
        for (const r of results) {
          expect(r.stderr).not.toContain('internal simulator error')
          expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true)
          if (r.exitCode !== 0 && !session.inSubshell() && /^(oc|kubectl)\b/.test(r.command) && !r.command.includes('>')) expect(r.stderr + r.stdout).not.toBe('')
        }
      }),
      { numRuns: 250 },
    )
  }, 120_000)

  it('mixed and mutated lines through shell and oc', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mixed, mutated, fc.string({ maxLength: 25 })), async (line) => {
        const results = await run(session, line)
        for (const r of results) {
          expect(r.stderr).not.toContain('internal simulator error')
          expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true)
        }
      }),
      { numRuns: 250 },
    )
  }, 120_000)

  it('completion never throws and replaces within the line', () => {
    fc.assert(
      fc.property(fc.oneof(ocLine, mixed, mutated, fc.string({ maxLength: 25 })), fc.nat(), (line, at) => {
        const cursor = at % (line.length + 1)
        const r = complete(session, line, cursor)
        expect(r.replaceFrom).toBeGreaterThanOrEqual(0)
        expect(r.replaceFrom).toBeLessThanOrEqual(cursor)
        expect(Array.isArray(r.candidates)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
