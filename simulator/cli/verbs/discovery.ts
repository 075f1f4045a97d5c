/** `oc explain`, `oc api-resources`, `oc api-versions` and `oc version`: what the server serves, per profile. */
import { apiVersionOf, RESOURCE_TYPES, resolveResource, servedOn, UnknownResourceError, type ResourceType } from '../../api/resources'
import { getSchema, renderExplain } from '../../api/schema'
import { formatTable, GET_TABLE, GET_TABLE_LEGACY } from '../../format/tabwriter'
import { CliError } from '../errors'
import type { Invocation, Verb } from '../env'

/** The longest dotted prefix of `arg` that names a resource, and the field path after it. */
function splitExplain(arg: string, inv: Invocation): { rt: ResourceType; path: string[] } {
  const parts = arg.split('.')
  for (let n = parts.length; n >= 1; n--) {
    try {
      return { rt: resolveResource(parts.slice(0, n).join('.'), inv.profile), path: parts.slice(n) }
    } catch (e) {
      if (!(e instanceof UnknownResourceError)) throw e
    }
  }
  throw new CliError(`the server doesn't have a resource type "${parts[0]}"`)
}

async function runExplain(inv: Invocation): Promise<number> {
  if (!inv.positional.length) {
    inv.cmd.stderr.write(`You must specify the type of resource to explain. Use "${inv.binary} api-resources" for a complete list of supported resources.\n\n`)
    throw new CliError('Required resource not specified.', 'explain')
  }
  if (inv.positional.length > 1) throw new CliError(`We accept only this format: explain RESOURCE`)
  const { rt, path } = splitExplain(inv.positional[0], inv)
  const schema = getSchema(rt.key, inv.profile)
  if (!schema) throw new CliError(`couldn't find resource for "${apiVersionOf(rt, inv.profile)}, Kind=${rt.kind}"`)
  const gv = apiVersionOf(rt, inv.profile)
  const group = gv.includes('/') ? gv.split('/')[0] : ''
  const version = gv.includes('/') ? gv.split('/')[1] : gv
  try {
    inv.cmd.stdout.write(renderExplain({ resourceKey: rt.key, kind: rt.kind, group, version, schema, path, recursive: inv.flags.recursive === true }))
  } catch (e) {
    if (e instanceof Error && /does not exist/.test(e.message)) throw new CliError(e.message)
    throw e
  }
  return 0
}

const SERVED_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

function served(inv: Invocation): ResourceType[] {
  return RESOURCE_TYPES.filter((r) => servedOn(r, inv.profile))
    .slice()
    .sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1))
}

async function runApiResources(inv: Invocation): Promise<number> {
  const { flags } = inv
  let list = served(inv)
  if (inv.changed.has('namespaced')) list = list.filter((r) => r.namespaced === (flags.namespaced === true))
  if (inv.changed.has('api-group')) list = list.filter((r) => r.group === flags['api-group'])
  // every simulated resource serves the same verbs (the VERBS column of -o wide)
  const verbs = (flags.verbs as string[]).flatMap((v) => v.split(','))
  if (verbs.some((v) => !SERVED_VERBS.includes(v))) list = []
  const out = String(flags.output ?? '')
  if (out === 'name') {
    inv.cmd.stdout.write(list.map((r) => (r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`)).join(''))
    return 0
  }
  if (out && out !== 'wide') throw new CliError(`--output ${out} is not available`)
  const legacy = inv.profile === '4.0'
  const header = ['NAME', 'SHORTNAMES', legacy ? 'APIGROUP' : 'APIVERSION', 'NAMESPACED', 'KIND', ...(out === 'wide' ? ['VERBS'] : [])]
  const rows = list.map((r) => [
    r.plural, r.shortNames.join(','), legacy ? r.group : apiVersionOf(r, inv.profile), String(r.namespaced), r.kind,
    ...(out === 'wide' ? [`[${SERVED_VERBS.join(' ')}]`] : []),
  ])
  inv.cmd.stdout.write(formatTable(flags['no-headers'] ? rows : [header, ...rows], legacy ? GET_TABLE_LEGACY : GET_TABLE))
  return 0
}

async function runApiVersions(inv: Invocation): Promise<number> {
  const versions = new Set(served(inv).map((r) => apiVersionOf(r, inv.profile)))
  inv.cmd.stdout.write([...versions].sort().map((v) => v + '\n').join(''))
  return 0
}

async function runVersion(inv: Invocation): Promise<number> {
  const info = inv.cluster.info
  const client = inv.flags.client === true
  if (inv.profile === '4.0') {
    let t = 'oc v4.0.0-alpha.0+9d2874f-759\nkubernetes v1.11.0+9d2874f\nfeatures: Basic-Auth GSSAPI Kerberos SPNEGO\n'
    if (!client) t += `\nServer ${inv.session.server}\nkubernetes ${info.kubernetesVersion}\n`
    inv.cmd.stdout.write(t)
    return 0
  }
  let t = `Client Version: ${info.release}\nKustomize Version: v4.5.7\n`
  if (!client) t += `Server Version: ${info.release}\nKubernetes Version: ${info.kubernetesVersion}\n`
  inv.cmd.stdout.write(t)
  return 0
}

export const explainVerb: Verb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  use: 'explain RESOURCE [flags] [options]',
  group: 'Basic Commands',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'Print the fields of fields (Currently only 1 level deep)' },
    { name: 'api-version', type: 'string', usage: 'Get different explanations for particular API version (API group/version)' },
  ],
  run: runExplain,
}

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'api-resources [flags] [options]',
  group: 'Other Commands',
  flags: [
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'verbs', type: 'stringArray', usage: 'Limit to resources that support the specified verbs.' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
  ],
  run: runApiResources,
}

export const apiVersionsVerb: Verb = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  use: 'api-versions [flags] [options]',
  group: 'Other Commands',
  run: runApiVersions,
}

export const versionVerb: Verb = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'version [flags] [options]',
  group: 'Other Commands',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run: runVersion,
}
