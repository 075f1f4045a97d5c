/** `oc create secret generic|tls`, `create configmap`, `create namespace`, `create serviceaccount` (and `route` from create-route). */
import { ApiError } from '../../api/errors'
import { resolveResource } from '../../api/resources'
import type { KObject } from '../../api/types'
import { b64encode } from '../../controllers/util'
import { CREATE_COMMON_FLAGS, createAndPrint } from '../create-common'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import { dryRunOf } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'
import { createRouteVerb } from './create-route'

const KEY_RE = /^[-._a-zA-Z0-9]+$/

const SOURCE_FLAGS: FlagSpec[] = [
  { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
  { name: 'from-file', type: 'stringArray', usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
  { name: 'from-env-file', type: 'stringArray', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
  { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.', notSimulated: 'the name is used as given' },
]

/** The one NAME argument of a `create` subcommand, or cobra's usage error. */
function oneName(inv: Invocation): string {
  if (inv.positional.length !== 1) throw new CliError(`exactly one NAME is required, got ${inv.positional.length}`, inv.path)
  return inv.positional[0]
}

/** Collects key/value pairs from --from-literal, --from-file and --from-env-file, with kubectl's errors. */
function collectData(inv: Invocation, what: 'Secret' | 'ConfigMap', name: string): Record<string, string> {
  const { fs, cwd } = inv.cmd
  const data: Record<string, string> = {}
  const add = (key: string, value: string) => {
    if (!KEY_RE.test(key)) {
      throw new CliError(`"${key}" is not a valid key name for a ${what}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`)
    }
    if (key in data) throw new CliError(`cannot add key ${key}, another key by that name already exists in Data for ${what} "${name}"`)
    data[key] = value
  }
  for (const lit of inv.flags['from-literal'] as string[]) {
    const eq = lit.indexOf('=')
    if (eq <= 0) throw new CliError(`invalid literal source ${lit}, expected key=value`)
    add(lit.slice(0, eq), lit.slice(eq + 1))
  }
  for (const src of inv.flags['from-file'] as string[]) {
    const eq = src.indexOf('=')
    const key = eq >= 0 ? src.slice(0, eq) : ''
    const file = eq >= 0 ? src.slice(eq + 1) : src
    if (eq === 0) throw new CliError(`key name for file path ${file} missing`)
    if (eq >= 0 && file === '') throw new CliError(`file path for key name ${key} missing`)
    const path = fs.resolve(cwd, file)
    if (!fs.exists(path)) throw new CliError(`error reading ${file}: no such file or directory`)
    if (fs.isDir(path)) {
      if (key) throw new CliError('cannot give a key name for a directory path')
      for (const n of fs.readdir(path).sort()) if (fs.isFile(`${path}/${n}`)) add(n, fs.readFile(`${path}/${n}`))
    } else add(key || file.slice(file.lastIndexOf('/') + 1), fs.readFile(path))
  }
  for (const env of inv.flags['from-env-file'] as string[]) {
    const path = fs.resolve(cwd, env)
    if (!fs.isFile(path)) throw new CliError(`error reading ${env}: no such file or directory`)
    for (const line of fs.readFile(path).split('\n')) {
      const t = line.trim()
      if (t === '' || t.startsWith('#')) continue
      const eq = t.indexOf('=')
      if (eq < 0) add(t, '')
      else add(t.slice(0, eq), t.slice(eq + 1))
    }
  }
  return data
}

/** Creates a generated object; the 4.12 client wraps API errors as `failed to create <what> <err>`. */
function send(inv: Invocation, resource: string, obj: KObject, wrap?: string): number {
  const rt = resolveResource(resource, inv.profile)
  const dry = dryRunOf(inv)
  if (inv.flags.output) outputFormatOf(inv)
  if (rt.namespaced) obj.metadata.namespace = inv.namespace
  try {
    createAndPrint(inv, rt, obj, dry)
  } catch (e) {
    if (e instanceof ApiError && wrap && inv.profile !== '4.0' && e.reason !== 'Invalid') throw new CliError(`failed to create ${wrap} ${e.message}`)
    throw e
  }
  return 0
}

const secretGeneric: Verb = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags] [options]',
  flags: [...SOURCE_FLAGS, { name: 'type', type: 'string', usage: 'The type of secret to create' }, ...CREATE_COMMON_FLAGS],
  async run(inv) {
    const name = oneName(inv)
    const data = Object.fromEntries(Object.entries(collectData(inv, 'Secret', name)).map(([k, v]) => [k, b64encode(v)]))
    const obj: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name }, data }
    if (inv.flags.type) obj.type = String(inv.flags.type)
    return send(inv, 'secrets', obj, 'secret')
  },
}

const secretTls: Verb = {
  name: 'tls',
  short: 'Create a TLS secret',
  use: 'create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [flags] [options]',
  flags: [
    { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
    ...CREATE_COMMON_FLAGS,
  ],
  async run(inv) {
    const name = oneName(inv)
    const read = (flag: string) => {
      const f = String(inv.flags[flag] ?? '')
      if (!f) throw new CliError('key and cert must be specified')
      const p = inv.cmd.fs.resolve(inv.cmd.cwd, f)
      if (!inv.cmd.fs.isFile(p)) throw new CliError(`open ${f}: no such file or directory`)
      return inv.cmd.fs.readFile(p)
    }
    const cert = read('cert')
    const key = read('key')
    const obj: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name }, type: 'kubernetes.io/tls', data: { 'tls.crt': b64encode(cert), 'tls.key': b64encode(key) } }
    return send(inv, 'secrets', obj, 'secret')
  },
}

const secretVerb: Verb = {
  name: 'secret',
  short: 'Create a secret using specified subcommand',
  use: 'create secret [flags] [options]',
  subcommands: [secretGeneric, secretTls],
}

const configmapVerb: Verb = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  use: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags] [options]',
  flags: [...SOURCE_FLAGS, ...CREATE_COMMON_FLAGS],
  async run(inv) {
    const name = oneName(inv)
    const data = collectData(inv, 'ConfigMap', name)
    return send(inv, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data }, 'configmap')
  },
}

const namespaceVerb: Verb = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  use: 'create namespace NAME [--dry-run=server|client|none] [flags] [options]',
  flags: CREATE_COMMON_FLAGS,
  async run(inv) {
    const name = oneName(inv)
    return send(inv, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } })
  },
}

const serviceAccountVerb: Verb = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  use: 'create serviceaccount NAME [--dry-run=server|client|none] [flags] [options]',
  flags: CREATE_COMMON_FLAGS,
  async run(inv) {
    const name = oneName(inv)
    return send(inv, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } })
  },
}

/** The subcommands of `oc create`. */
export const CREATE_SUBCOMMANDS: Verb[] = [configmapVerb, namespaceVerb, createRouteVerb, secretVerb, serviceAccountVerb]
