/** `oc create route edge|passthrough|reencrypt [NAME] --service=SVC`: oc's own route generator. */
import { resolveResource } from '../../api/resources'
import type { KObject } from '../../api/types'
import { CREATE_COMMON_FLAGS, createAndPrint } from '../create-common'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import { dryRunOf } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'

type Termination = 'edge' | 'passthrough' | 'reencrypt'

const BASE_FLAGS: FlagSpec[] = [
  { name: 'hostname', type: 'string', usage: 'Set a hostname for the new route' },
  { name: 'port', type: 'string', usage: 'Name of the service port or number of the container port the route will route traffic to' },
  { name: 'service', type: 'string', usage: 'Name of the service that the new route is exposing' },
  { name: 'insecure-policy', type: 'string', usage: 'Set an insecure policy for the new route' },
  { name: 'wildcard-policy', type: 'string', usage: 'Sets the WilcardPolicy for the hostname, the default is "None". valid values are "None" and "Subdomain"' },
  { name: 'path', type: 'string', usage: 'Path that the router watches to route traffic to the service.' },
]

const CERT_FLAGS: FlagSpec[] = [
  { name: 'cert', type: 'string', usage: 'Path to a certificate file.' },
  { name: 'key', type: 'string', usage: 'Path to a key file.' },
  { name: 'ca-cert', type: 'string', usage: 'Path to a CA certificate file.' },
]

/** Reads a PEM file named by a flag (`open x: no such file or directory` when missing). */
function readPem(inv: Invocation, flag: string): string | undefined {
  const f = inv.flags[flag] as string | undefined
  if (!f) return undefined
  const p = inv.cmd.fs.resolve(inv.cmd.cwd, f)
  if (!inv.cmd.fs.isFile(p)) throw new CliError(`open ${f}: no such file or directory`)
  return inv.cmd.fs.readFile(p)
}

async function runRoute(inv: Invocation, termination: Termination): Promise<number> {
  const { flags, cluster } = inv
  if (inv.positional.length > 1) throw new CliError(`exactly one NAME is required, got ${inv.positional.length}`, inv.path)
  const service = String(flags.service ?? '')
  if (!service) throw new CliError('you need to provide a service name via --service')
  const dry = dryRunOf(inv)
  if (flags.output) outputFormatOf(inv)
  const svc = cluster.api.get('services', inv.namespace, service.replace(/^(svc|service|services)\//, ''))
  const name = inv.positional[0] ?? svc.metadata.name
  const spec: Record<string, unknown> = {}
  if (flags.hostname) spec.host = String(flags.hostname)
  if (flags.path) spec.path = String(flags.path)
  spec.to = { kind: 'Service', name: svc.metadata.name, weight: 100 }
  const ports = (svc.spec?.ports ?? []) as { name?: string; port: number; targetPort?: number | string }[]
  if (flags.port) spec.port = { targetPort: /^\d+$/.test(String(flags.port)) ? Number(flags.port) : String(flags.port) }
  else if (ports.length > 0) spec.port = { targetPort: ports[0].name || ports[0].targetPort || ports[0].port }
  const tls: Record<string, string> = { termination }
  if (termination !== 'passthrough') {
    const cert = readPem(inv, 'cert')
    const key = readPem(inv, 'key')
    const ca = readPem(inv, 'ca-cert')
    if (cert) tls.certificate = cert
    if (key) tls.key = key
    if (ca) tls.caCertificate = ca
    if (termination === 'reencrypt') {
      const dest = readPem(inv, 'dest-ca-cert')
      if (dest) tls.destinationCACertificate = dest
    }
  }
  if (flags['insecure-policy']) tls.insecureEdgeTerminationPolicy = String(flags['insecure-policy'])
  spec.tls = tls
  if (flags['wildcard-policy']) spec.wildcardPolicy = String(flags['wildcard-policy'])
  const labels = svc.metadata.labels
  const route: KObject = { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name, namespace: inv.namespace, ...(labels ? { labels: { ...labels } } : {}) }, spec }
  createAndPrint(inv, resolveResource('routes.route.openshift.io', inv.profile), route, dry)
  return 0
}

/** One `create route <termination>` subcommand. */
function routeKind(termination: Termination, short: string, flags: FlagSpec[]): Verb {
  return {
    name: termination,
    short,
    use: `create route ${termination} [NAME] --service=SERVICE [flags] [options]`,
    flags: [...BASE_FLAGS, ...flags, ...CREATE_COMMON_FLAGS],
    run: (inv) => runRoute(inv, termination),
  }
}

/** `oc create route`. */
export const createRouteVerb: Verb = {
  name: 'route',
  short: 'Expose containers externally via secured routes',
  use: 'create route [flags] [options]',
  subcommands: [
    routeKind('edge', 'Create a route that uses edge TLS termination', CERT_FLAGS),
    routeKind('passthrough', 'Create a route that uses passthrough TLS termination', []),
    routeKind('reencrypt', 'Create a route that uses reencrypt TLS termination', [...CERT_FLAGS, { name: 'dest-ca-cert', type: 'string', usage: 'Path to a CA certificate file, used for securing the connection from the router to the destination.' }]),
  ],
}
