import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { goQuote } from '../mutate-helpers'
import { last, testSession } from './mutating-test-kit'

const CFG = 'configs.imageregistry.operator.openshift.io'
const UNSUP = 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json'
const OP = 'deploy/cluster-image-registry-operator -n openshift-image-registry'
const NEED_RES = `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n`

type Want = string | RegExp
type Case = [name: string, setup: string, command: string, stdout: Want, stderr: Want, exit: number, profile?: '4.0' | '4.12']

const CASES: Case[] = [
  // patch
  ['patch merge', '', `oc patch ${CFG}/cluster --type merge -p '{"spec":{"managementState":"Managed"}}'`, 'config.imageregistry.operator.openshift.io/cluster patched\n', '', 0],
  ['patch no change', '', `oc patch ${CFG} cluster --type=merge -p '{"spec":{"managementState":"Removed"}}'`, 'config.imageregistry.operator.openshift.io/cluster patched (no change)\n', '', 0],
  ['patch malformed seed 001', '', `oc patch ${CFG}/instance -n openshift-image-registry --type merge --patch '{ "spec": { "storage": "s3": { "bucket": "my-registry-bucket" } } }'`, '', `error: unable to parse "{ \\"spec\\": { \\"storage\\": \\"s3\\": { \\"bucket\\": \\"my-registry-bucket\\" } } }": yaml: line 1: did not find expected ',' or '}'\n`, 1],
  ['patch strategic on CR 4.12', '', `oc patch ${CFG}/cluster -p '{"spec":{"replicas":2}}'`, '', `Error from server (UnsupportedMediaType): ${UNSUP}, application/apply-patch+yaml\n`, 1],
  ['patch strategic on CR 4.0', '', `oc patch ${CFG}/instance -p '{"spec":{"replicas":2}}'`, '', `Error from server (UnsupportedMediaType): ${UNSUP}\n`, 1, '4.0'],
  ['patch bad type', '', `oc patch ${CFG}/cluster --type foo -p '{}'`, '', 'error: --type must be one of [json merge strategic], not "foo"\n', 1],
  ['patch no -p', '', `oc patch ${CFG}/cluster`, '', 'error: must specify --patch or --patch-file containing the contents of the patch\n', 1],
  ['patch no -p 4.0', '', `oc patch ${CFG}/instance`, '', 'error: must specify -p to patch\n', 1, '4.0'],
  ['patch json object body', '', `oc patch ${CFG}/cluster --type json -p '{}'`, '', 'Error from server (BadRequest): error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp\n', 1],
  ['patch json missing path', '', `oc patch ${CFG}/cluster --type json -p '[{"op":"remove","path":"/spec/nope"}]'`, '', 'The request is invalid: the server rejected our request due to an error in our request\n', 1],
  ['patch invalid value', '', `oc patch ${CFG}/cluster --type merge -p '{"spec":{"managementState":"Foo"}}'`, '', `The Config "cluster" is invalid: spec.managementState: Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'\n`, 1],
  ['patch missing object', '', `oc patch ${CFG}/instance --type merge -p '{"spec":{}}'`, '', `Error from server (NotFound): configs.imageregistry.operator.openshift.io "instance" not found\n`, 1],
  ['patch unknown field warning', '', `oc patch ${OP} -p '{"spec":{"foo":2}}'`, 'deployment.apps/cluster-image-registry-operator patched (no change)\n', 'Warning: unknown field "spec.foo"\n', 0],
  ['patch dry run', '', `oc patch ${OP} -p '{"spec":{"replicas":3}}' --dry-run=client`, 'deployment.apps/cluster-image-registry-operator patched (dry run)\n', '', 0],
  ['patch type no name', '', `oc patch deploy -p '{}'`, '', 'error: resource(s) were provided, but no name was specified\n', 1],
  ['patch unknown type', '', `oc patch foo/x -p '{}'`, '', 'error: the server doesn\'t have a resource type "foo"\n', 1],
  // create
  ['create pvc via process substitution', '', `oc create -f <(echo '{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "ocs4registry"}, "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "100Gi"}}}}');`, 'persistentvolumeclaim/ocs4registry created\n', '', 0],
  ['create already exists', `oc create configmap x --from-literal=a=b`, `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n' | oc create -f -`, '', 'Error from server (AlreadyExists): error when creating "STDIN": configmaps "x" already exists\n', 1],
  ['create missing file', '', 'oc create -f x.yaml', '', 'error: the path "x.yaml" does not exist\n', 1],
  ['create unknown kind', '', `printf 'apiVersion: example.com/v1\\nkind: Foo\\nmetadata:\\n  name: x\\n' > f.yaml; oc create -f f.yaml`, '', 'error: resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first\n', 1],
  ['create namespace mismatch', '', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n  namespace: a\\n' > f.yaml; oc create -f f.yaml -n b`, '', `error: the namespace from the provided object "a" does not match the namespace "b". You must pass '--namespace=a' to perform this operation.\n`, 1],
  ['create yaml syntax error', '', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n  bad: [\\n' > f.yaml; oc create -f f.yaml`, '', "error: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: did not find expected ',' or ']'\n", 1],
  ['create in missing namespace', '', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: x\\n' > f.yaml; oc create -f f.yaml -n nope`, '', 'Error from server (NotFound): error when creating "f.yaml": namespaces "nope" not found\n', 1],
  ['create multi-document', '', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: a\\n---\\napiVersion: v1\\nkind: List\\nitems:\\n- apiVersion: v1\\n  kind: ConfigMap\\n  metadata:\\n    name: b\\n' > f.yaml; oc create -f f.yaml -o name`, 'configmap/a\nconfigmap/b\n', '', 0],
  ['create secret generic', '', 'oc create secret generic s -n openshift-image-registry --from-literal=REGISTRY_STORAGE_S3_ACCESSKEY=a --from-literal=REGISTRY_STORAGE_S3_SECRETKEY=b', 'secret/s created\n', '', 0],
  ['create secret exists', 'oc create secret generic s --from-literal=a=b', 'oc create secret generic s --from-literal=a=b', '', 'error: failed to create secret secrets "s" already exists\n', 1],
  ['create secret no name', '', 'oc create secret generic', '', "error: exactly one NAME is required, got 0\nSee 'oc create secret generic -h' for help and examples\n", 1],
  ['create secret bad literal', '', 'oc create secret generic s --from-literal=novalue', '', 'error: invalid literal source novalue, expected key=value\n', 1],
  ['create configmap dry run', '', 'oc create configmap c --from-literal=a=b --dry-run=client', 'configmap/c created (dry run)\n', '', 0],
  ['create route without service', '', 'oc create route edge r', '', 'error: you need to provide a service name via --service\n', 1],
  ['create namespace', '', 'oc create namespace team-a', 'namespace/team-a created\n', '', 0],
  ['create serviceaccount', '', 'oc create sa robot', 'serviceaccount/robot created\n', '', 0],
  ['create unknown subcommand', '', 'oc create secret foo', '', "error: unknown command \"foo\"\nSee 'oc create secret -h' for help and examples\n", 1],
  // apply / replace
  ['apply created', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: "1"\\n' > cm.yaml`, 'oc apply -f cm.yaml', 'configmap/cfg created\n', '', 0],
  ['apply unchanged', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: "1"\\n' > cm.yaml; oc apply -f cm.yaml`, 'oc apply -f cm.yaml', 'configmap/cfg unchanged\n', '', 0],
  ['apply configured', `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: "1"\\n' > cm.yaml; oc apply -f cm.yaml; sed -i 's/"1"/"2"/' cm.yaml`, 'oc apply -f cm.yaml', 'configmap/cfg configured\n', '', 0],
  ['apply missing annotation', `oc create configmap cfg --from-literal=a=1; printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: "2"\\n' > cm.yaml`, 'oc apply -f cm.yaml', 'configmap/cfg configured\n', 'Warning: resource configmaps/cfg is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by oc apply. oc apply should only be used on resources created declaratively by either oc create --save-config or oc apply. The missing annotation will be patched automatically.\n', 0],
  ['replace', `oc create configmap cfg --from-literal=a=1; printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: cfg\\ndata:\\n  a: "2"\\n' > cm.yaml`, 'oc replace -f cm.yaml', 'configmap/cfg replaced\n', '', 0],
  ['replace conflict', `oc create configmap cfg --from-literal=a=1; oc get cm cfg -o yaml > cm.yaml; oc label cm cfg x=y`, 'oc replace -f cm.yaml', '', 'Error from server (Conflict): error when replacing "cm.yaml": Operation cannot be fulfilled on configmaps "cfg": the object has been modified; please apply your changes to the latest version and try again\n', 1],
  // delete
  ['delete by name', 'oc create configmap x --from-literal=a=b', 'oc delete configmap x', 'configmap "x" deleted\n', '', 0],
  ['delete deployment', '', `oc delete ${OP}`, 'deployment.apps "cluster-image-registry-operator" deleted\n', '', 0],
  ['delete missing', '', 'oc delete pod nope', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
  ['delete ignore not found', '', 'oc delete pod nope --ignore-not-found', '', '', 0],
  ['delete empty selection', '', 'oc delete pods -l app=none', 'No resources found\n', '', 0],
  ['delete no name', '', 'oc delete pod', '', 'error: resource(s) were provided, but no name was specified\n', 1],
  ['delete no args', '', 'oc delete', '', NEED_RES, 1],
  ['delete force', 'oc create configmap x --from-literal=a=b', 'oc delete cm x --grace-period=0 --force', 'configmap "x" force deleted\n', 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n', 0],
  ['delete -o name', 'oc create configmap x --from-literal=a=b', 'oc delete cm/x -o name', 'configmap/x\n', '', 0],
  ['delete pod waits', '', 'oc delete pods --all -n openshift-image-registry', /pod "cluster-image-registry-operator-[a-z0-9-]+" deleted\n/, '', 0],
  // label / annotate
  ['label', '', `oc label ${OP} app=web`, 'deployment.apps/cluster-image-registry-operator labeled\n', '', 0],
  ['label no overwrite', `oc label ${OP} app=web`, `oc label ${OP} app=db`, '', "error: 'app' already has a value (web), and --overwrite is false\n", 1],
  ['label overwrite', `oc label ${OP} app=web`, `oc label ${OP} app=db --overwrite`, 'deployment.apps/cluster-image-registry-operator labeled\n', '', 0],
  ['label remove', `oc label ${OP} app=web`, `oc label ${OP} app-`, 'deployment.apps/cluster-image-registry-operator unlabeled\n', '', 0],
  ['label no update', '', `oc label ${OP}`, '', 'error: at least one label update is required\n', 1],
  ['annotate', '', `oc annotate ${OP} a=b`, 'deployment.apps/cluster-image-registry-operator annotated\n', '', 0],
  ['annotate no overwrite', `oc annotate ${OP} a=b`, `oc annotate ${OP} a=c`, '', "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (b)\n", 1],
  // scale / rollout
  ['scale', '', `oc scale ${OP} --replicas=2`, 'deployment.apps/cluster-image-registry-operator scaled\n', '', 0],
  ['scale no replicas', '', `oc scale ${OP}`, '', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', 1],
  ['scale precondition', '', `oc scale ${OP} --replicas=3 --current-replicas=2`, '', 'error: Expected replicas to be 2, was 1\n', 1],
  ['rollout status', `oc scale ${OP} --replicas=2`, `oc rollout status ${OP}`, 'Waiting for deployment "cluster-image-registry-operator" rollout to finish: 1 of 2 updated replicas are available...\ndeployment "cluster-image-registry-operator" successfully rolled out\n', '', 0],
  ['rollout restart', '', `oc rollout restart ${OP}`, 'deployment.apps/cluster-image-registry-operator restarted\n', '', 0],
  ['rollout history', '', `oc rollout history ${OP}`, 'deployment.apps/cluster-image-registry-operator \nREVISION  CHANGE-CAUSE\n1         <none>\n\n', '', 0],
  ['rollout pause twice', `oc rollout pause ${OP}`, `oc rollout pause ${OP}`, '', 'error: deployments.apps "cluster-image-registry-operator" is already paused\n', 1],
  ['rollout resume not paused', '', `oc rollout resume ${OP}`, '', 'error: deployments.apps "cluster-image-registry-operator" is not paused\n', 1],
  // edit
  ['edit saved', 'export EDITOR="sed -i s/Removed/Managed/"', `oc edit ${CFG}`, 'config.imageregistry.operator.openshift.io/cluster edited\n', '', 0],
  ['edit unchanged', 'export EDITOR=true', `oc edit ${CFG}/cluster`, '', 'Edit cancelled, no changes made.\n', 0],
  ['edit editor fails', 'export EDITOR=false', `oc edit ${CFG}/cluster`, '', 'error: there was a problem with the editor "false"\n', 1],
  ['edit editor missing', 'export EDITOR=nosuchedit', `oc edit ${CFG}/cluster`, '', 'error: unable to launch the editor "nosuchedit"\n', 1],
  ['edit editor with spaces fails', 'export EDITOR="sed -i s/x/y/ /nope"', `oc edit ${CFG}/cluster`, '', 'error: there was a problem with the editor "/bin/bash -c sed -i s/x/y/ /nope"\n', 1],
  ['edit -o name', 'export EDITOR="sed -i s/Removed/Managed/"', `oc edit ${CFG}/cluster -o name`, 'config.imageregistry.operator.openshift.io/cluster\n', '', 0],
  ['edit emptied', 'export EDITOR="sed -i d"', `oc edit ${CFG}/cluster`, '', 'Edit cancelled, saved file was empty.\n', 0],
  ['edit invalid', 'export EDITOR="sed -i s/Removed/Foo/"', `oc edit ${CFG}/cluster`, '', /^error: configs.imageregistry.operator.openshift.io "cluster" is invalid\nA copy of your changes has been stored to "\/tmp\/oc-edit-\d+.yaml"\nerror: Edit cancelled, no valid changes were saved.\n$/, 1],
  ['edit name changed', 'export EDITOR="sed -i s/name:.cluster/name:\\ other/"', `oc edit ${CFG}/cluster`, '', 'error: At least one of apiVersion, kind and name was changed\n', 1],
  // new-project
  ['new-project', '', 'oc new-project myproj', 'Now using project "myproj" on server "https://api.sandbox.example.com:6443".\n\nYou can add applications to this project with the \'new-app\' command. For example, try:\n\n    oc new-app rails-postgresql-example\n\nto build a new example application in Ruby. Or use kubectl to deploy a simple Kubernetes application:\n\n    kubectl create deployment hello-node --image=k8s.gcr.io/e2e-test-images/agnhost:2.33 -- /agnhost serve-hostname\n\n', '', 0],
  ['new-project exists', 'oc new-project myproj', 'oc new-project myproj', '', 'Error from server (AlreadyExists): project.project.openshift.io "myproj" already exists\n', 1],
  ['new-project forbidden prefix', '', 'oc new-project openshift-x', '', 'Error from server (Forbidden): project.project.openshift.io "openshift-x" is forbidden: cannot request a project starting with "openshift-"\n', 1],
  ['new-project forbidden name', '', 'oc new-project kube', '', 'Error from server (Forbidden): project.project.openshift.io "kube" is forbidden: cannot request a project with the name "kube"\n', 1],
  ['new-project invalid', '', 'oc new-project My_Proj', '', `The ProjectRequest "My_Proj" is invalid: metadata.name: Invalid value: "My_Proj": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n`, 1],
  // adm migrate
  ['adm migrate on 4.12', '', 'oc adm migrate image-references registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/* --confirm', '', "error: unknown command \"image-references registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/*\"\nSee 'oc adm migrate -h' for help and examples\n", 1],
  ['adm migrate dry run 4.0', '', 'oc adm migrate image-references registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/*', /^summary \(dry run\): total=\d+ errors=0 ignored=0 unchanged=\d+ migrated=0\n$/, '', 0, '4.0'],
  ['adm migrate no mapping', '', 'oc adm migrate image-references', '', 'error: at least one mapping argument must be specified: REGISTRY/NAME=REGISTRY/NAME\n', 1, '4.0'],
  ['adm migrate bad mapping', '', 'oc adm migrate image-references foo', '', 'error: all arguments must be valid FROM=TO mappings\n', 1, '4.0'],
  ['adm migrate bad source', '', 'oc adm migrate image-references foo=a/b', '', 'error: "foo" is not a valid source: registry must be specified (may be \'*\')\n', 1, '4.0'],
]

describe('mutating verbs (golden)', () => {
  for (const [name, setup, command, stdout, stderr, exit, profile] of CASES) {
    it(name, async () => {
      const s = testSession(profile ?? '4.12')
      if (setup) await last(s, setup)
      const r = await last(s, command)
      const check = (got: string, want: Want) => (want instanceof RegExp ? expect(got).toMatch(want) : expect(got).toBe(want))
      check(r.stdout, stdout)
      check(r.stderr, stderr)
      expect(r.exitCode).toBe(exit)
    })
  }

  it('edit reopens with the errors in the header', async () => {
    const s = testSession()
    const texts: string[] = []
    let n = 0
    s.editor = {
      async edit({ text }) {
        texts.push(text)
        n++
        return n === 1 ? text.replace('Removed', 'Foo') : text.replace('managementState: Foo', 'managementState: Managed')
      },
    }
    const r = await last(s, `oc edit ${CFG}/cluster`)
    expect(r).toEqual({ stdout: 'config.imageregistry.operator.openshift.io/cluster edited\n', stderr: 'error: configs.imageregistry.operator.openshift.io "cluster" is invalid\n', exitCode: 0 })
    expect(texts[0].startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: imageregistry.operator.openshift.io/v1\nkind: Config\n")).toBe(true)
    expect(texts[1]).toContain(`#\n# configs.imageregistry.operator.openshift.io "cluster" was not valid:\n# * spec.managementState: Invalid value: "Foo": spec.managementState in body should match '^(Managed|Unmanaged|Force|Removed)$'\n#\napiVersion:`)
  })

  it('edit reports a YAML syntax error in the header', async () => {
    const s = testSession()
    const texts: string[] = []
    s.editor = {
      async edit({ text }) {
        texts.push(text)
        return texts.length === 1 ? text.replace('kind: Config', 'kind: Config\n  bad: : [') : text
      },
    }
    const r = await last(s, `oc edit ${CFG}/cluster`)
    expect(r.exitCode).toBe(1)
    expect(texts[1]).toMatch(/^# Please edit[\s\S]*#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .*\n#\napiVersion/)
    expect(r.stderr).toMatch(/^A copy of your changes has been stored to "\/tmp\/oc-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/)
  })

  it('goQuote escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"')
  })
})

describe('mutating verbs never crash', () => {
  const words = ['oc', 'patch', 'create', 'label', 'delete', 'cm', 'configmap', 'x', 'pod/x', 'deploy', '-p', '{"a":', "{}", '[]', '--type', 'json', 'merge', 'foo', '-f', '-', 'nope.yaml', '--all', '-l', 'a=b', 'a-', '--overwrite', '--dry-run', '--force', '--grace-period=0', '-o', 'name', 'yaml', '-n', 'default', 'secret', 'generic', '--from-literal=k=v', '--from-file=/etc/hosts', 'a/b/c', 'pod/', '=', '--', '"', ':']
  it('random argument lists exit with a message or succeed', async () => {
    const s = testSession()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('patch', 'create', 'label', 'delete'), fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 7 }), async (verb, args) => {
        const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
        const r = await last(s, `oc ${verb} ${quoted} </dev/null`)
        expect(r.stderr).not.toContain('internal simulator error')
        if (r.exitCode !== 0) expect(r.stderr.length).toBeGreaterThan(0)
      }),
      { numRuns: 150 },
    )
  }, 60_000)
})
