/**
 * Full-output tests of the client behaviours an audit found wrong: JSONPath errors in custom columns and
 * --sort-by, commands real oc has and the simulator does not, --no-headers with custom columns, the template
 * output formats, pod-shell exit codes, editor failures, immortal namespaces, -A with names, flag values,
 * `oc create WORD`, `oc wait --for=delete`, the EVENT column, `oc edit -o`, rollout checks.
 */
import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../../runner/run-script'
import { addRegistryPod } from './reading-fixture'

type Out = [stdout: string, stderr: string, exitCode: number]

async function last(script: string, scenario = 'minimal'): Promise<Out> {
  const s = createRunSession({ scenario })
  const r = await runInSession(s, script)
  const l = r[r.length - 1]
  return [l.stdout, l.stderr, l.exitCode]
}

const NODES = ['master-0', 'worker-0', 'worker-1']

const CASES: [name: string, script: string, out: Out][] = [
  // 1. JSONPath errors in custom columns and --sort-by
  ['custom-columns: evaluation error after the header', 'oc get nodes -o custom-columns=NAME:@A.metadata.name', ['NAME\n', 'error: unrecognized identifier A\n', 1]],
  ['custom-columns: parser error after the header', 'oc get nodes -o custom-columns=NAME:.metadata.name,BAD:.items[', ['NAME   BAD\n', 'error: unterminated array\n', 1]],
  ['custom-columns: a path that is no relaxed path', "oc get nodes -o custom-columns='NAME:{.a}{.b}'", ['', "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n", 1]],
  ['sort-by on a table: evaluation error', 'oc get nodes --sort-by=@A', ['', 'error: Failed to get values for [][]reflect.Value(nil) using {.@A} (&errors.errorString{s:"unrecognized identifier A"})\n', 1]],
  ['sort-by on a table: parser error', "oc get nodes --sort-by='{.a'", ['', 'error: sorting error: unclosed action\n', 1]],
  ['sort-by on a list: evaluation error', 'oc get nodes -o name --sort-by=@A', ['', 'error: unrecognized identifier A\n', 1]],
  // 3. --no-headers with custom columns; an empty list still has its header
  ['custom-columns --no-headers', 'oc get nodes --no-headers -o custom-columns=NAME:.metadata.name,X:.nope', [NODES.map((n) => `${n}   <none>\n`).join(''), '', 0]],
  ['custom-columns of an empty list', 'oc get pods -o custom-columns=NAME:.metadata.name', ['NAME\n', '', 0]],
  // 9. a field no object has
  ['sort-by a missing field (table)', 'oc get nodes --sort-by=.foo', ['', 'error: couldn\'t find any field with path "{.foo}" in the list of objects\n', 1]],
  ['sort-by a missing field (list)', 'oc get nodes -o name --sort-by=.foo', ['', 'error: couldn\'t find any field with path "{.foo}" in the list of objects\n', 1]],
  ['sort-by sorts', 'oc get ns -o name --sort-by=.metadata.name | head -2', ['namespace/default\nnamespace/kube-node-lease\n', '', 0]],
  // 4. template formats
  ['go-template: range, len, literals', `oc get nodes -o go-template='{{range .items}}{{.metadata.name}} {{len .spec}}{{"\\n"}}{{end}}'`, ['master-0 1\nworker-0 0\nworker-1 0\n', '', 0]],
  ['template with --template, a missing key, index', `oc get ns default -o template --template='{{.metadata.name}} {{.metadata.nope}} {{index .metadata.labels "kubernetes.io/metadata.name"}}{{"\\n"}}'`, ['default <no value> default\n', '', 0]],
  ['--template alone means go-template', `oc get ns default --template='{{.status.phase}}'`, ['Active', '', 0]],
  ['go-template: with, if, else', `oc get ns default -o go-template='{{with .status}}{{.phase}}{{end}}{{if .spec.nope}} yes{{else}} no{{end}}'`, ['Active no', '', 0]],
  ['go-template: eq, ne, not, and, or', `oc get ns default -o go-template='{{eq .status.phase "Active"}} {{ne .status.phase "Active"}} {{not .spec}} {{and .status.phase .nope}} {{or .nope "x"}}'`, ['true false false <no value> x', '', 0]],
  ['go-template: a pipe is not simulated', `oc get ns default -o go-template='{{len .spec.finalizers | eq 1}}'`, ['', 'error: a pipeline (|) is not supported by the go-template printer of this workshop simulator (it supports fields, $, literals, range, if, with, else, end, index, len, eq, ne, not, and, or)\n', 1]],
  ['go-template: syntax error', `oc get ns default -o go-template='{{.metadata.name'`, ['', 'error: error parsing template {{.metadata.name, template: output:1: unclosed action\n', 1]],
  ['go-template: unexpected end', `oc get ns default -o go-template='{{end}}'`, ['', 'error: error parsing template {{end}}, template: output:1: unexpected {{end}}\n', 1]],
  ['go-template: missing end', `oc get ns default -o go-template='{{range .a}}x'`, ['', 'error: error parsing template {{range .a}}x, template: output:1: unexpected EOF\n', 1]],
  ['go-template: stray brace', `oc get ns default -o go-template='{{.a}'`, ['', 'error: error parsing template {{.a}, template: output:1: unexpected "}" in operand\n', 1]],
  ['go-template: unknown function', `oc get ns default -o go-template='{{nope .a}}'`, ['', 'error: error parsing template {{nope .a}}, template: output:1: function "nope" not defined\n', 1]],
  ['go-template: a Go function not simulated', `oc get ns default -o go-template='{{printf "%s" .a}}'`, ['', 'error: the function "printf" is not supported by the go-template printer of this workshop simulator (it supports fields, $, literals, range, if, with, else, end, index, len, eq, ne, not, and, or)\n', 1]],
  ['go-template without a template', 'oc get ns default -o go-template', ['', 'error: template format specified but no template given\n', 1]],
  ['jsonpath-as-json', "oc get ns default -o jsonpath-as-json='{.metadata.name}{.spec}'", ['[\n    "default"\n]\n[\n    {\n        "finalizers": [\n            "kubernetes"\n        ]\n    }\n]\n', '', 0]],
  ['jsonpath-file missing', 'oc get ns default -o jsonpath-file=/tmp/nope.txt', ['', 'error: error reading --template /tmp/nope.txt, open /tmp/nope.txt: no such file or directory\n', 1]],
  ['jsonpath-file', "echo '{.metadata.name}' > /tmp/jp.txt\noc get ns default -o jsonpath-file=/tmp/jp.txt", ['default\n', '', 0]],
  ['custom-columns-file', "printf 'NAME PHASE\\n.metadata.name .status.phase\\n' > /tmp/c.txt\noc get ns default kube-system -o custom-columns-file=/tmp/c.txt", ['NAME          PHASE\ndefault       Active\nkube-system   Active\n', '', 0]],
  // 2. commands real oc has and the simulator does not
  ['oc login', 'oc login -u developer', ['', 'error: "oc login" is not available in this workshop simulator (you are already logged in as kube:admin)\n', 1]],
  ['oc new-app', 'oc new-app httpd', ['', 'error: "oc new-app" is not available in this workshop simulator (the simulated cluster runs no builds and pulls no images)\n', 1]],
  ['oc adm top', 'oc adm top nodes', ['', 'error: "oc adm top" is not available in this workshop simulator\n', 1]],
  ['kubectl has no login', 'kubectl login', ['', 'error: unknown command "login" for "kubectl"\n\nDid you mean this?\n\tlogs\n\tplugin\n', 1]],
  ['a typo suggests real commands too', 'oc logn', ['', 'error: unknown command "logn" for "oc"\n\nDid you mean this?\n\tlogin\n\tlogs\n', 1]],
  ['oc create SUBCOMMAND not simulated', 'oc create -n default deployment web --image=nginx', ['', 'error: "oc create deployment" is not available in this workshop simulator (write the object in YAML and use oc create -f)\n', 1]],
  ['a global flag not simulated', 'oc get pods --as=developer', ['', "error: --as is not available in this workshop simulator (every command runs as the session's user)\n", 1]],
  ['a verb flag not simulated', 'oc patch ns default --local -p {}', ['', 'error: --local is not available in this workshop simulator (patches are always sent to the server)\n', 1]],
  ['wait --for=jsonpath', "oc wait --for=jsonpath='{.status.phase}'=Active ns/default", ['', 'error: --for=jsonpath=... is not available in this workshop simulator (use --for=condition=TYPE or --for=delete)\n', 1]],
  ['whoami --show-console', 'oc whoami --show-console', ['https://console-openshift-console.apps.sandbox.example.com\n', '', 0]],
  ['api-resources --verbs', 'oc api-resources --verbs=list,get --namespaced -o name | head -2', ['configmaps\nendpoints\n', '', 0]],
  ['oc options', 'oc options | head -6', ["The following options can be passed to any command:\n\n    --as='':\n\tUsername to impersonate for the operation. User could be a regular user or a service account in a namespace.\n\n    --cluster='':\n", '', 0]],
  // 7. immortal namespaces
  ['delete ns default', 'oc delete ns default', ['', 'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n', 1]],
  ['delete project kube-system', 'oc delete project kube-system', ['', 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n', 1]],
  // 8. -A with names
  ['get -A NAME', 'oc get pods -A nope', ['', 'error: a resource cannot be retrieved by name across all namespaces\n', 1]],
  ['describe -A NAME', 'oc describe pods -A nope', ['', 'error: a resource cannot be retrieved by name across all namespaces\n', 1]],
  ['get -A NAME of a cluster-scoped kind', 'oc get nodes -A master-0 -o name', ['node/master-0\n', '', 0]],
  // 11, 12. create WORD, flags missing their value
  ['oc create WORD', 'oc create foo bar', ['', "Error: must specify one of -f and -k\n\nerror: unknown command \"foo bar\"\nSee 'oc create -h' for help and examples\n", 1]],
  ['oc -n', 'oc -n', ['', "error: flag needs an argument: 'n' in -n\nSee 'oc --help' for usage.\n", 1]],
  ['oc --nope', 'oc --nope', ['', "error: unknown flag: --nope\nSee 'oc --help' for usage.\n", 1]],
  // 13. wait --for=delete on objects already gone
  ['wait --for=delete NAME', 'oc wait --for=delete pod/nope', ['', '', 0]],
  ['wait --for=delete -l', 'oc wait --for=delete pod -l app=nope', ['', '', 0]],
  // 15. rollout checks the object before its kind
  ['rollout status of a missing pod', 'oc rollout status pod/nope', ['', 'Error from server (NotFound): pods "nope" not found\n', 1]],
  ['rollout status of a pod', 'oc rollout status pod/x', ['', 'error: no status viewer has been implemented for Pod\n', 1]],
  ['rollout history of a replica set', 'oc rollout history replicaset/x -n openshift-image-registry', ['', 'error: no history viewer has been implemented for "ReplicaSet.apps"\n', 1]],
]

describe('audit fixes (full output)', () => {
  for (const [name, script, out] of CASES) {
    it(name, async () => {
      const s = createRunSession({ scenario: 'minimal' })
      addRegistryPod(s)
      const api = s.cluster.api
      if (name.includes('of a pod')) api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'i' }] } })
      if (name.includes('replica set')) api.create('replicasets.apps', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x', namespace: 'openshift-image-registry' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } } })
      const r = await runInSession(s, script)
      const l = r[r.length - 1]
      expect([l.stdout, l.stderr, l.exitCode]).toEqual(out)
    }, 20_000)
  }
})

describe('pod shells report their exit status (5)', () => {
  it('exit N in oc rsh: "exit", the termination message, and $? on the bastion', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const r = await runInSession(s, 'oc rsh -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w\n(exit 3)\necho $?\nfalse; exit\necho $?\n')
    expect(r.map((x) => [x.prompt, x.command, x.stdout, x.stderr, x.exitCode])).toEqual([
      ['$ ', 'oc rsh -n openshift-image-registry image-registry-6c4dbbcdbb-9bl8w', '', '', 0],
      ['sh-4.4$ ', '(exit 3)', '', '', 3],
      ['sh-4.4$ ', 'echo $?', '3\n', '', 0],
      ['sh-4.4$ ', 'false; exit', '', 'exit\ncommand terminated with exit code 1\n', 1],
      ['$ ', 'echo $?', '1\n', '', 0],
    ])
  }, 20_000)

  it('exit 0 from oc exec -it leaves quietly; a bad exit argument is status 2', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const r = await runInSession(s, 'oc project openshift-image-registry\noc exec -it image-registry-6c4dbbcdbb-9bl8w -- sh\nexit 0\necho $?\noc rsh image-registry-6c4dbbcdbb-9bl8w\nexit abc\necho $?\n')
    expect(r.slice(1).map((x) => [x.command, x.stdout, x.stderr, x.exitCode])).toEqual([
      ['oc exec -it image-registry-6c4dbbcdbb-9bl8w -- sh', '', '', 0],
      ['exit 0', '', 'exit\n', 0],
      ['echo $?', '0\n', '', 0],
      ['oc rsh image-registry-6c4dbbcdbb-9bl8w', '', '', 0],
      ['exit abc', '', 'exit\nsh: exit: abc: numeric argument required\ncommand terminated with exit code 2\n', 2],
      ['echo $?', '2\n', '', 0],
    ])
  }, 20_000)

  it('non-interactive shells do not echo exit', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    addRegistryPod(s)
    const r = await runInSession(s, "oc project openshift-image-registry\noc exec image-registry-6c4dbbcdbb-9bl8w -- sh -c 'echo a; exit 3; echo b'\necho $?\necho 'echo hi; exit 7' | oc rsh image-registry-6c4dbbcdbb-9bl8w\n")
    expect(r.slice(1).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['a\n', 'command terminated with exit code 3\n', 3],
      ['3\n', '', 0],
      ['hi\n', 'command terminated with exit code 7\n', 7],
    ])
  }, 20_000)
})

describe('the headless editor (6)', () => {
  const CFG = 'configs.imageregistry.operator.openshift.io/cluster'
  const setup = (s: ReturnType<typeof createRunSession>) =>
    s.cluster.api.create('configs.imageregistry.operator.openshift.io', {
      apiVersion: 'imageregistry.operator.openshift.io/v1', kind: 'Config', metadata: { name: 'cluster' }, spec: { managementState: 'Removed', replicas: 1, storage: {} },
    })

  it('a KUBE_EDITOR set for one command that does not exist', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    setup(s)
    const [r] = await runInSession(s, `KUBE_EDITOR=nosuchedit oc edit ${CFG}`)
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'error: unable to launch the editor "nosuchedit"\n', 1])
  })

  it('an editor that keeps writing new invalid objects is stopped like Ctrl+C', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    setup(s)
    const [r] = await runInSession(s, `KUBE_EDITOR='sed -i s/^spec:/spec:\\ [/' oc edit ${CFG}`)
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', '', 130])
  }, 20_000)

  it('an editor that fails when reopened: the copy of the changes is mentioned', async () => {
    const s = createRunSession({ scenario: 'minimal' })
    setup(s)
    const [r] = await runInSession(s, `KUBE_EDITOR='test -f /tmp/once && exit 1; touch /tmp/once; sed -i s/Removed/Foo/' oc edit ${CFG}`)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: configs\.imageregistry\.operator\.openshift\.io "cluster" is invalid\nA copy of your changes has been stored to "\/tmp\/oc-edit-\d+\.yaml"\nerror: there was a problem with the editor "\/bin\/bash -c test -f \/tmp\/once && exit 1; touch \/tmp\/once; sed -i s\/Removed\/Foo\/"\n$/)
    expect(r.exitCode).toBe(1)
  })
})

describe('watch events (10)', () => {
  it('pads every EVENT cell to 8, the initial ADDED rows too', async () => {
    const [stdout, , code] = await last('oc get ns default -w --output-watch-events')
    expect(stdout).toBe('EVENT      NAME      STATUS   AGE\nADDED      default   Active   3h12m\n')
    expect(code).toBe(0)
  }, 20_000)
})
