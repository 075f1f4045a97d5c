/**
 * `oc edit`: the object's YAML under kubectl's comment header in `/tmp/oc-edit-N.yaml`, opened in the editor
 * port; saved as a merge patch of the user's changes. Invalid objects and syntax errors reopen the editor with
 * the reasons in the header, exactly like kubectl's edit loop.
 */
import { ApiError } from '../../api/errors'
import { jsonEqual } from '../../api/patch'
import { qualifiedName, type ResourceType } from '../../api/resources'
import type { KObject } from '../../api/types'
import { fromYamlAll, YamlSyntaxError } from '../../format/yaml'
import type { Invocation, Verb } from '../env'
import { CliError, ExitError } from '../errors'
import type { FlagSpec } from '../flags'
import { namedTargets, nsFor, refOf } from '../mutate-helpers'
import { listOf, outputFormatOf, writeObjects, yamlFor } from '../printers/output'
import { EditorFailure, type EditRequest } from '../editor-port'

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`

interface Reason {
  head: string
  other: string[]
}

/** The editor header with the failures of the previous attempt. */
function header(reasons: Reason[]): string {
  let out = HEADER
  for (const r of reasons) {
    out += `# ${r.head}${r.other.length ? ':' : ''}\n`
    for (const o of r.other) out += `# * ${o}\n`
    out += '#\n'
  }
  return out
}

/** kubectl's StripComments: drops lines that start with `#` (after leading blanks). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
}

/** RFC 7386 merge patch turning `a` into `b`. */
export function diffMergePatch(a: unknown, b: unknown): unknown {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObj(a) || !isObj(b)) return b
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(a)) if (!(k in b)) out[k] = null
  for (const [k, v] of Object.entries(b)) {
    if (!(k in a)) out[k] = v
    else if (!jsonEqual(a[k], v)) out[k] = isObj(a[k]) && isObj(v) ? diffMergePatch(a[k], v) : v
  }
  return out
}

const EDIT_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use to edit the resource', notSimulated: 'name the objects as TYPE NAME or TYPE/NAME' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'output-patch', type: 'bool', usage: 'Output the patch if the resource is edited.', notSimulated: 'the patch is not printed' },
  { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
  { name: 'validate', type: 'string', default: 'ignore', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
]

async function runEdit(inv: Invocation): Promise<number> {
  const { cluster, cmd } = inv
  if (inv.positional.length === 0) {
    throw new CliError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  }
  const format = inv.flags.output ? outputFormatOf(inv) : undefined
  const originals: { rt: ResourceType; obj: KObject }[] = []
  for (const t of namedTargets(inv, inv.positional, 'edit')) {
    if (t.name) originals.push({ rt: t.rt, obj: cluster.api.get(t.rt.key, nsFor(inv, t.rt), t.name) })
    else for (const o of cluster.api.list(t.rt.key, { namespace: nsFor(inv, t.rt) })) originals.push({ rt: t.rt, obj: o })
  }
  if (originals.length === 0) throw new CliError('edit cancelled, no objects found')
  const single = originals.length === 1
  const body = yamlFor(single ? originals[0].obj : listOf(originals.map((o) => o.obj), inv.profile), inv.profile)
  cmd.fs.mkdir('/tmp', { recursive: true })
  const path = `/tmp/oc-edit-${1000000000 + cluster.rng.int(999999999)}.yaml`
  let text = header([]) + body
  let previous = body
  let hadError = false
  for (;;) {
    const request: EditRequest = { path, text, title: refOf(originals[0].rt, originals[0].obj.metadata.name), env: cmd.env }
    let saved: string | null
    try {
      saved = await cmd.editor.edit(request)
    } catch (e) {
      if (!(e instanceof EditorFailure)) throw e
      // kubectl's preservedFile: the file of a previous failed attempt is mentioned before the error
      if (hadError) cmd.stderr.write(`A copy of your changes has been stored to "${path}"\n`)
      throw new CliError(e.message)
    }
    if (saved === null) {
      cmd.stderr.write('Edit cancelled, no changes made.\n')
      return 0
    }
    const edited = stripComments(saved)
    if (edited.trim() === '') {
      cmd.stderr.write('Edit cancelled, saved file was empty.\n')
      return 0
    }
    if (stripComments(previous) === edited) {
      if (hadError) {
        cmd.fs.writeFile(path, saved)
        cmd.stderr.write(`A copy of your changes has been stored to "${path}"\n`)
        throw new CliError('Edit cancelled, no valid changes were saved.')
      }
      cmd.stderr.write('Edit cancelled, no changes made.\n')
      return 0
    }
    let docs: KObject[]
    try {
      const parsed = fromYamlAll(edited) as KObject[]
      docs = parsed.length === 1 && parsed[0]?.kind === 'List' && !single ? (parsed[0].items as KObject[]) : parsed
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e
      hadError = true
      previous = edited
      text = header([{ head: `The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: ${e.message}`, other: [] }]) + edited
      continue
    }
    const reasons: Reason[] = []
    let failed = false
    for (let i = 0; i < originals.length; i++) {
      const { rt, obj } = originals[i]
      const next = docs[i]
      if (!next || typeof next !== 'object' || next.apiVersion !== obj.apiVersion || next.kind !== obj.kind || next.metadata?.name !== obj.metadata.name) {
        throw new CliError('At least one of apiVersion, kind and name was changed')
      }
      if (jsonEqual(next, obj)) {
        if (!single) cmd.stdout.write(`${refOf(rt, obj.metadata.name)} skipped\n`)
        continue
      }
      try {
        const patched = cluster.api.patch(rt.key, nsFor(inv, rt) ?? obj.metadata.namespace, obj.metadata.name, 'merge', diffMergePatch(obj, next))
        if (format) writeObjects(cmd.stdout, format, [{ rt, obj: patched.object }], true, inv.profile)
        else cmd.stdout.write(`${refOf(rt, obj.metadata.name)} edited\n`)
      } catch (e) {
        if (!(e instanceof ApiError)) throw e
        const ref = `${qualifiedName(rt)} "${obj.metadata.name}"`
        if (e.reason === 'Invalid') {
          cmd.stderr.write(`error: ${ref} is invalid\n`)
          reasons.push({ head: `${ref} was not valid`, other: (e.details.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)) })
          failed = true
          continue
        }
        cmd.fs.writeFile(path, saved)
        cmd.stderr.write(`error: ${ref} could not be patched: ${e.message}\nYou can run \`${inv.binary} replace -f ${path}\` to try this update again.\n`)
        throw new ExitError(1)
      }
    }
    if (!failed) return 0
    hadError = true
    previous = edited
    text = header(reasons) + edited
  }
}

/** `oc edit`. */
export const editVerb: Verb = {
  name: 'edit',
  short: 'Edit a resource on the server',
  use: 'edit (RESOURCE/NAME | -f FILENAME) [flags] [options]',
  example: `  # Edit the service named 'docker-registry'
  oc edit svc/docker-registry

  # Edit the image registry configuration
  oc edit configs.imageregistry.operator.openshift.io/cluster
`,
  group: 'Advanced Commands',
  flags: EDIT_FLAGS,
  run: runEdit,
}
