/**
 * The page's labs: the ones bundled from `labs/` at build time, plus the ones an instructor imported (kept in
 * IndexedDB as a map of path → text), loaded with the lab engine's own loader.
 */
import { loadLabs, mapSource, type Lab, type LabProblem, type LoadResult } from '../../../simulator/labs'
import type { RecordStore } from '../storage/store'

/** lab files bundled at build time: `/labs/<id>/<file>` → text */
const BUNDLED: Record<string, string> = import.meta.glob('/labs/*/*', { query: '?raw', import: 'default', eager: true })

/** the store key of the imported labs' files */
export const IMPORTED_KEY = 'imported-labs'

export type LabFiles = Record<string, string>

export function bundledFiles(): LabFiles {
  const out: LabFiles = {}
  for (const [k, v] of Object.entries(BUNDLED)) out[k.replace(/^\/labs\//, '')] = v
  return out
}

export interface Catalogue {
  labs: Lab[]
  /** ids of the labs that were imported (not bundled) */
  imported: Set<string>
  /** labs that did not load, with their problems */
  broken: LoadResult[]
}

export function buildCatalogue(imported: LabFiles = {}): Catalogue {
  const bundled = bundledFiles()
  const bundledIds = new Set(Object.keys(bundled).map((p) => p.split('/')[0]))
  const files: LabFiles = { ...bundled }
  for (const [k, v] of Object.entries(imported)) if (!bundledIds.has(k.split('/')[0])) files[k] = v
  const results = loadLabs(mapSource(files))
  const labs = results.flatMap((r) => (r.lab ? [r.lab] : []))
  const importedIds = new Set(labs.map((l) => l.id).filter((id) => !bundledIds.has(id)))
  return { labs, imported: importedIds, broken: results.filter((r) => !r.lab) }
}

export async function readImported(store: RecordStore | null): Promise<LabFiles> {
  if (!store) return {}
  try {
    const raw = await store.get(IMPORTED_KEY)
    if (!raw || typeof raw !== 'object') return {}
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch (err) {
    console.warn('could not read the imported labs', err)
    return {}
  }
}

export type ImportResult = { ok: true; lab: Lab; files: LabFiles } | { ok: false; problems: LabProblem[] }

/**
 * Validates a multi-file selection (`lab.yaml` and its markdown files) with the engine's loader. The folder is the
 * lab's own id, read from lab.yaml.
 */
export function validateImport(selected: { name: string; text: string }[], existing: Iterable<string> = []): ImportResult {
  const yamlFile = selected.find((f) => f.name === 'lab.yaml' || f.name.endsWith('/lab.yaml'))
  if (!yamlFile) return { ok: false, problems: [{ file: 'lab.yaml', line: 1, message: 'the selection has no lab.yaml: pick lab.yaml together with its markdown files' }] }
  const idMatch = /^id:\s*["']?([A-Za-z0-9._-]+)["']?\s*$/m.exec(yamlFile.text)
  const id = idMatch?.[1]
  if (!id) return { ok: false, problems: [{ file: 'lab.yaml', line: 1, message: 'lab.yaml has no `id:` line (the lab id, e.g. `id: my-lab`)' }] }
  if ([...existing].includes(id)) return { ok: false, problems: [{ file: 'lab.yaml', line: 1, message: `a bundled lab is already called "${id}"; give the imported lab another id` }] }
  const files: LabFiles = {}
  for (const f of selected) {
    const base = f.name.split('/').pop()!
    if (base !== 'lab.yaml' && !base.endsWith('.md')) {
      return { ok: false, problems: [{ file: base, line: 1, message: `${base} is neither lab.yaml nor a markdown (.md) file` }] }
    }
    files[`${id}/${base}`] = f.text
  }
  const [result] = loadLabs(mapSource(files), [id])
  if (!result?.lab) return { ok: false, problems: result?.problems ?? [] }
  return { ok: true, lab: result.lab, files }
}
