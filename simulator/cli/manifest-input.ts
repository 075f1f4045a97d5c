/**
 * `-f FILE` input for create/apply/replace/delete/patch: files, directories, `-` (stdin, named "STDIN"), and
 * process-substitution paths (`/dev/fd/63`, ordinary files of the virtual FS). YAML or JSON, several `---`
 * documents, `kind: List` expanded; each object is mapped to its resource type and namespace like kubectl does.
 */
import { resourceForKind, type ResourceType } from '../api/resources'
import type { KObject } from '../api/types'
import { fromYamlAll, toCompactJson, YamlSyntaxError } from '../format/yaml'
import type { Invocation } from './env'
import { CliError } from './errors'

/** One object read from a manifest, mapped to its type, with the namespace the request goes to. */
export interface ManifestObject {
  source: string
  obj: KObject
  rt: ResourceType
  namespace?: string
}

/** A manifest object that could not be mapped (unknown kind): reported in order with the other errors. */
export interface UnmappedObject {
  source: string
  obj: KObject
  error: string
}

export interface ManifestFile {
  source: string
  objects: ManifestObject[]
  unmapped: UnmappedObject[]
  /** mapped and unmapped objects in file order */
  items: (ManifestObject | UnmappedObject)[]
}

const EXTENSIONS = ['.json', '.yaml', '.yml']

/** Lists the files a `-f` argument stands for (a directory gives its manifest files, sorted). */
function expand(inv: Invocation, arg: string): { source: string; text: string }[] {
  const { fs, cwd, stdin } = inv.cmd
  if (arg === '-') return [{ source: 'STDIN', text: stdin }]
  if (/^https?:\/\//.test(arg)) throw new CliError(`unable to read URL "${arg}", server reported 404 Not Found, status code=404`)
  const path = fs.resolve(cwd, arg)
  if (!fs.exists(path)) throw new CliError(`the path "${arg}" does not exist`)
  if (fs.isDir(path)) {
    return fs
      .readdir(path)
      .filter((n) => EXTENSIONS.some((e) => n.endsWith(e)))
      .sort()
      .map((n) => {
        const p = `${path.replace(/\/$/, '')}/${n}`
        const source = `${arg.replace(/\/$/, '')}/${n}`
        return { source, text: fs.readFile(p) }
      })
  }
  return [{ source: arg, text: fs.readFile(path) }]
}

/** Parses one manifest text into objects (List items flattened); syntax errors in kubectl's words. */
export function parseManifest(source: string, text: string): KObject[] {
  let docs: unknown[]
  try {
    docs = fromYamlAll(text)
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new CliError(`error parsing ${source}: error converting YAML to JSON: ${e.message}`)
    throw e
  }
  const out: KObject[] = []
  for (const d of docs) {
    if (d === null) continue
    if (typeof d !== 'object' || Array.isArray(d)) {
      throw new CliError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`)
    }
    const o = d as KObject
    if (!o.kind) throw new CliError(`unable to decode "${source}": Object 'Kind' is missing in '${toCompactJson(o)}'`)
    if (o.kind === 'List' || (o.kind.endsWith('List') && Array.isArray(o.items))) {
      for (const item of (o.items ?? []) as KObject[]) if (item && typeof item === 'object') out.push(item)
    } else out.push(o)
  }
  return out
}

/** Reads every `-f` argument; file-level problems throw, unknown kinds are returned as `unmapped`. */
export function readManifests(inv: Invocation, filenames: string[]): ManifestFile[] {
  const files: ManifestFile[] = []
  const explicitNs = inv.changed.has('namespace') ? inv.namespace : undefined
  for (const arg of filenames) {
    for (const { source, text } of expand(inv, arg)) {
      const mf: ManifestFile = { source, objects: [], unmapped: [], items: [] }
      for (const obj of parseManifest(source, text)) {
        if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {} as KObject['metadata']
        const apiVersion = String(obj.apiVersion ?? '')
        const rt = resourceForKind(apiVersion, String(obj.kind), inv.profile)
        if (!rt) {
          const ns = obj.metadata.namespace ?? ''
          const what = `no matches for kind "${obj.kind}" in version "${apiVersion}"`
          const u: UnmappedObject = {
            source,
            obj,
            error: inv.profile === '4.0'
              ? `unable to recognize "${source}": ${what}`
              : `resource mapping not found for name: "${obj.metadata.name ?? ''}" namespace: "${ns}" from "${source}": ${what}\nensure CRDs are installed first`,
          }
          mf.unmapped.push(u)
          mf.items.push(u)
          continue
        }
        let namespace: string | undefined
        if (rt.namespaced) {
          const own = obj.metadata.namespace
          if (own && explicitNs && own !== explicitNs) {
            throw new CliError(`the namespace from the provided object "${own}" does not match the namespace "${explicitNs}". You must pass '--namespace=${own}' to perform this operation.`)
          }
          namespace = own || inv.namespace
        }
        const m: ManifestObject = { source, obj, rt, namespace }
        mf.objects.push(m)
        mf.items.push(m)
      }
      files.push(mf)
    }
  }
  return files
}

/** All objects of the files, unmapped ones included, in file order. */
export function manifestItems(files: ManifestFile[]): (ManifestObject | UnmappedObject)[] {
  const out: (ManifestObject | UnmappedObject)[] = []
  for (const f of files) out.push(...f.items)
  return out
}
