/** `oc project`, `oc projects`, `oc whoami`: the client-side session. */
import { isApiError } from '../../api/errors'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'

function displayName(o: { metadata: { name: string; annotations?: Record<string, string> } }): string {
  const d = o.metadata.annotations?.['openshift.io/display-name']
  return d && d !== o.metadata.name ? `${d} (${o.metadata.name})` : o.metadata.name
}

async function runProject(inv: Invocation): Promise<number> {
  const { cluster, session, cmd } = inv
  const server = session.server
  if (inv.positional.length === 0) {
    if (inv.flags.short) {
      cmd.stdout.write(session.project + '\n')
      return 0
    }
    if (!cluster.api.tryGet('namespaces', undefined, session.project)) {
      throw new CliError(`you do not have rights to view project "${session.project}" specified in your config or the project doesn't exist`)
    }
    cmd.stdout.write(`Using project "${session.project}" on server "${server}".\n`)
    return 0
  }
  const name = inv.positional[0]
  try {
    cluster.api.get('projects.project.openshift.io', undefined, name)
  } catch (e) {
    if (!isApiError(e) || e.reason !== 'NotFound') throw e
    const all = cluster.api.query('projects.project.openshift.io').map((p) => `* ${displayName(p)}`)
    throw new CliError(`A project named "${name}" does not exist on "${server}".\nYour projects are:\n${all.join('\n')}`)
  }
  if (session.project === name) {
    cmd.stdout.write(`Already on project "${name}" on server "${server}".\n`)
  } else {
    session.project = name
    cmd.stdout.write(`Now using project "${name}" on server "${server}".\n`)
  }
  return 0
}

export const projectVerb: Verb = {
  name: 'project',
  short: 'Switch to another project',
  use: 'project [NAME] [flags] [options]',
  group: 'Basic Commands',
  flags: [{ name: 'short', short: 'q', type: 'bool', usage: 'If true, display only the project name' }],
  run: runProject,
}

async function runProjects(inv: Invocation): Promise<number> {
  const { cluster, session, cmd } = inv
  const projects = cluster.api.list('projects.project.openshift.io')
  if (inv.flags.short) {
    cmd.stdout.write(projects.map((p) => p.metadata.name + '\n').join(''))
    return 0
  }
  const lines = projects.map((p) => {
    const d = p.metadata.annotations?.['openshift.io/display-name']
    const label = d && d !== p.metadata.name ? `${p.metadata.name} - ${d}` : p.metadata.name
    return p.metadata.name === session.project ? `  * ${label}` : `    ${label}`
  })
  cmd.stdout.write(
    `You have access to the following projects and can switch between them with '${inv.binary} project <projectname>':\n\n${lines.join('\n')}\n\nUsing project "${session.project}" on server "${session.server}".\n`,
  )
  return 0
}

export const projectsVerb: Verb = {
  name: 'projects',
  short: 'Display existing projects',
  use: 'projects [flags] [options]',
  group: 'Basic Commands',
  flags: [{ name: 'short', short: 'q', type: 'bool', usage: 'If true, display only the project names' }],
  run: runProjects,
}

async function runWhoami(inv: Invocation): Promise<number> {
  const { session, cmd } = inv
  if (inv.flags['show-token']) {
    cmd.stdout.write(session.token + '\n')
    return 0
  }
  if (inv.flags['show-server']) {
    cmd.stdout.write(session.server + '\n')
    return 0
  }
  if (inv.flags['show-console']) {
    cmd.stdout.write(inv.cluster.info.consoleUrl + '\n')
    return 0
  }
  if (inv.flags['show-context']) {
    const host = session.server.replace(/^https?:\/\//, '').replace(/\./g, '-')
    cmd.stdout.write(`${session.project}/${host}/${session.user}\n`)
    return 0
  }
  cmd.stdout.write(session.user + '\n')
  return 0
}

export const whoamiVerb: Verb = {
  name: 'whoami',
  short: 'Return information about the current session',
  use: 'whoami [flags] [options]',
  group: 'Settings Commands',
  flags: [
    { name: 'show-token', short: 't', type: 'bool', usage: 'Print the token the current session is using. This will return an error if you are using a different form of authentication.' },
    { name: 'show-context', short: 'c', type: 'bool', usage: 'Print the current user context name' },
    { name: 'show-server', type: 'bool', usage: 'If true, print the current server\'s REST API URL' },
    { name: 'show-console', type: 'bool', usage: "If true, print the current server's web console URL" },
  ],
  run: runWhoami,
}
