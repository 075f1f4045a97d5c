/** `oc adm` and `oc adm migrate image-references` (a 4.0-era command; removed from later clients). */
import type { KObject } from '../../api/types'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'

interface Ref {
  registry: string
  name: string
}

/** `registry/ns/name` → registry + rest; `*` wildcards allowed. */
function parseRef(s: string): Ref {
  const i = s.indexOf('/')
  return i < 0 ? { registry: '', name: s } : { registry: s.slice(0, i), name: s.slice(i + 1) }
}

/** Parses the FROM=TO arguments with oc's errors. */
export function parseMappings(args: string[]): { from: Ref; to: Ref }[] {
  if (args.length === 0) throw new CliError('at least one mapping argument must be specified: REGISTRY/NAME=REGISTRY/NAME')
  return args.map((a) => {
    const parts = a.split('=')
    if (parts.length !== 2) throw new CliError('all arguments must be valid FROM=TO mappings')
    const from = parseRef(parts[0])
    const to = parseRef(parts[1])
    if (!from.registry) throw new CliError(`"${parts[0]}" is not a valid source: registry must be specified (may be '*')`)
    if (!to.registry) throw new CliError(`"${parts[1]}" is not a valid target: registry must be specified`)
    return { from, to }
  })
}

/** Rewrites a pull spec that matches a mapping; undefined when none does. */
function rewrite(spec: string, maps: { from: Ref; to: Ref }[]): string | undefined {
  const ref = parseRef(spec)
  for (const m of maps) {
    if (m.from.registry !== '*' && m.from.registry !== ref.registry) continue
    if (m.from.name !== '*' && m.from.name !== ref.name) continue
    const reg = m.to.registry === '*' ? ref.registry : m.to.registry
    const name = m.to.name === '*' || m.to.name === '' ? ref.name : m.to.name
    const out = `${reg}/${name}`
    return out === spec ? undefined : out
  }
  return undefined
}

/** Walks a JSON value and rewrites image references in known fields; returns whether anything changed. */
function migrate(obj: unknown, maps: { from: Ref; to: Ref }[]): boolean {
  let changed = false
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      for (const k of Object.keys(o)) {
        if (['dockerImageReference', 'dockerImageRepository', 'image'].includes(k) && typeof o[k] === 'string') {
          const r = rewrite(o[k] as string, maps)
          if (r) {
            o[k] = r
            changed = true
          }
        } else if (k === 'from' && o[k] && typeof o[k] === 'object' && typeof (o[k] as { name?: unknown }).name === 'string' && (o[k] as { kind?: string }).kind === 'DockerImage') {
          const f = o[k] as { name: string }
          const r = rewrite(f.name, maps)
          if (r) {
            f.name = r
            changed = true
          }
        } else walk(o[k])
      }
    }
  }
  walk(obj)
  return changed
}

async function runImageReferences(inv: Invocation): Promise<number> {
  const { cluster, cmd } = inv
  const maps = parseMappings(inv.positional)
  const confirm = inv.flags.confirm === true
  const kinds = ['imagestreams.image.openshift.io', 'images.image.openshift.io', 'secrets']
  let total = 0
  let migrated = 0
  for (const key of kinds) {
    for (const o of cluster.api.query(key)) {
      total++
      const copy = JSON.parse(JSON.stringify(o)) as KObject
      if (!migrate(copy, maps)) continue
      migrated++
      if (confirm) cluster.api.update(key, copy)
    }
  }
  const unchanged = total - migrated
  cmd.stdout.write(`summary${confirm ? '' : ' (dry run)'}: total=${total} errors=0 ignored=0 unchanged=${unchanged} migrated=${migrated}\n`)
  return 0
}

const imageReferencesVerb: Verb = {
  name: 'image-references',
  short: 'Update embedded Docker image references',
  use: 'adm migrate image-references REGISTRY/NAME=REGISTRY/NAME [...] [flags] [options]',
  profiles: ['4.0'],
  flags: [
    { name: 'confirm', type: 'bool', usage: 'If true, all requested objects will be migrated. Defaults to false.' },
    { name: 'include', type: 'stringArray', usage: 'Resource types to migrate. Passing --filename will override this flag.', notSimulated: 'imagestreams, images and secrets are migrated' },
    { name: 'all-namespaces', type: 'bool', default: true, usage: 'Migrate objects in all namespaces. Defaults to true.' },
    { name: 'output', short: 'o', type: 'string', usage: "Output the modified objects instead of saving them, valid values are 'yaml' or 'json'" },
  ],
  run: runImageReferences,
}

const migrateVerb: Verb = {
  name: 'migrate',
  short: 'Migrate data in the cluster',
  use: 'adm migrate [flags] [options]',
  subcommands: [imageReferencesVerb],
}

/** `oc adm`: the administrative command group (only the subcommands the workshops use). */
export const admVerb: Verb = {
  name: 'adm',
  short: 'Tools for managing a cluster',
  use: 'adm [flags] [options]',
  group: 'Advanced Commands',
  subcommands: [migrateVerb],
}
