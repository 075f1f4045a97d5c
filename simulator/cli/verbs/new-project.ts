/** `oc new-project NAME [--display-name] [--description] [--skip-config-write]`: a ProjectRequest, then switch to it. */
import { alreadyExists, ApiError, invalid } from '../../api/errors'
import { addNamespace } from '../../scenarios/builders'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'

const LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const RESERVED_PREFIXES = ['openshift-', 'kube-', 'kubernetes-']
const RESERVED_NAMES = ['openshift', 'kube', 'kubernetes']

/** The hint printed after switching to a new project, in the words of the profile's client. */
function hint(inv: Invocation): string {
  const b = inv.binary === 'kubectl' ? 'oc' : inv.binary
  if (inv.profile === '4.0') {
    return `You can add applications to this project with the 'new-app' command. For example, try:\n\n    ${b} new-app django-psql-example\n\nto build a new example application in Python. Or use kubectl to deploy a simple Kubernetes application:\n\n    kubectl create deployment hello-node --image=gcr.io/hello-minikube-zero-install/hello-node\n\n`
  }
  return `You can add applications to this project with the 'new-app' command. For example, try:\n\n    ${b} new-app rails-postgresql-example\n\nto build a new example application in Ruby. Or use kubectl to deploy a simple Kubernetes application:\n\n    kubectl create deployment hello-node --image=k8s.gcr.io/e2e-test-images/agnhost:2.33 -- /agnhost serve-hostname\n\n`
}

async function runNewProject(inv: Invocation): Promise<number> {
  const { cluster, session, cmd, flags } = inv
  if (inv.positional.length !== 1) throw new CliError('must have exactly one argument', 'new-project')
  const name = inv.positional[0]
  const forbidden = (why: string) => new ApiError('Forbidden', `project.project.openshift.io "${name}" is forbidden: ${why}`)
  if (RESERVED_NAMES.includes(name)) throw forbidden(`cannot request a project with the name "${name}"`)
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p))
  if (prefix) throw forbidden(`cannot request a project starting with "${prefix}"`)
  if (!LABEL_RE.test(name) || name.length > 63) {
    throw invalid('ProjectRequest', name, [{
      reason: 'FieldValueInvalid',
      field: 'metadata.name',
      message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    }])
  }
  if (cluster.api.tryGet('namespaces', undefined, name)) throw alreadyExists('project.project.openshift.io', name)
  const annotations: Record<string, string> = {
    'openshift.io/description': String(flags.description ?? ''),
    'openshift.io/display-name': String(flags['display-name'] ?? ''),
    'openshift.io/requester': session.user,
  }
  addNamespace(cluster, name, { annotations })
  if (flags['skip-config-write']) {
    cmd.stdout.write(`Project "${name}" created on server "${session.server}".\n\nTo switch to this project and start adding applications, use:\n\n    ${inv.binary} project ${name}\n\n`)
    return 0
  }
  session.project = name
  cmd.stdout.write(`Now using project "${name}" on server "${session.server}".\n\n${hint(inv)}`)
  return 0
}

/** `oc new-project`. */
export const newProjectVerb: Verb = {
  name: 'new-project',
  short: 'Request a new project',
  long: 'Create a new project for yourself.\n\n If your administrator allows self-service, this command will create a new project for you and assign you as the project admin.\n\n After your project is created it will become the default project in your config.',
  use: 'new-project NAME [--display-name=DISPLAYNAME] [--description=DESCRIPTION] [flags] [options]',
  example: `  # Create a new project with minimal information
  oc new-project web-team-dev

  # Create a new project with a display name and description
  oc new-project web-team-dev --display-name="Web Team Development" --description="Development project for the web team."
`,
  group: 'Basic Commands',
  flags: [
    { name: 'display-name', type: 'string', usage: 'Project display name' },
    { name: 'description', type: 'string', usage: 'Project description' },
    { name: 'skip-config-write', type: 'bool', usage: "If true, the project will not be set as a cluster entry in kubeconfig after being created" },
  ],
  run: runNewProject,
}
