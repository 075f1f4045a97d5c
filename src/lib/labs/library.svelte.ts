/** The catalogue as the page sees it: bundled and imported labs, and each lab's saved progress. */
import type { Lab, LabProblem } from '../../../simulator/labs'
import { openSharedIdbStore } from '../storage/idb-store'
import type { RecordStore } from '../storage/store'
import { buildCatalogue, bundledFiles, IMPORTED_KEY, readImported, validateImport, type Catalogue, type LabFiles } from './catalog'
import { labKey, readProgress, type LabProgress } from './progress'

class LabLibrary {
  catalogue = $state.raw<Catalogue>(buildCatalogue())
  progress = $state.raw<Record<string, LabProgress | undefined>>({})
  /** the problems of the last import, or null */
  importProblems = $state.raw<LabProblem[] | null>(null)
  importedTitle = $state<string | null>(null)
  private store: Promise<RecordStore | null> | null = null
  private imported: LabFiles = {}
  private loaded = false

  private openStore(): Promise<RecordStore | null> {
    this.store ??= openSharedIdbStore().catch((err) => {
      console.warn('the catalogue cannot read saved progress', err)
      return null
    })
    return this.store
  }

  lab(id: string): Lab | undefined {
    return this.catalogue.labs.find((l) => l.id === id)
  }

  /** loads imported labs once (the bundled ones are there from the start) */
  async ensureLoaded(): Promise<void> {
    if (this.loaded) return
    this.loaded = true
    const store = await this.openStore()
    this.imported = await readImported(store)
    if (Object.keys(this.imported).length) this.catalogue = buildCatalogue(this.imported)
  }

  /** re-reads every lab's progress */
  async refreshProgress(): Promise<void> {
    await this.ensureLoaded()
    const store = await this.openStore()
    if (!store) return
    const out: Record<string, LabProgress | undefined> = {}
    for (const lab of this.catalogue.labs) {
      try {
        out[lab.id] = readProgress(await store.get(labKey(lab.id)))
      } catch {
        out[lab.id] = undefined
      }
    }
    this.progress = out
  }

  async importFiles(files: File[]): Promise<boolean> {
    this.importProblems = null
    this.importedTitle = null
    const selected = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: await f.text() })))
    const bundledIds = new Set(Object.keys(bundledFiles()).map((p) => p.split('/')[0]))
    const result = validateImport(selected, bundledIds)
    if (!result.ok) {
      this.importProblems = result.problems
      return false
    }
    const id = result.lab.id
    const next: LabFiles = Object.fromEntries(Object.entries(this.imported).filter(([k]) => !k.startsWith(`${id}/`)))
    Object.assign(next, result.files)
    const store = await this.openStore()
    if (store) await store.put(IMPORTED_KEY, next)
    this.imported = next
    this.catalogue = buildCatalogue(next)
    this.importedTitle = result.lab.title
    return true
  }

  async removeImported(id: string): Promise<void> {
    const next: LabFiles = Object.fromEntries(Object.entries(this.imported).filter(([k]) => !k.startsWith(`${id}/`)))
    const store = await this.openStore()
    if (store) {
      await store.put(IMPORTED_KEY, next)
      await store.delete(labKey(id))
    }
    this.imported = next
    this.catalogue = buildCatalogue(next)
  }

  /** the saved progress of one lab, read fresh */
  async progressOf(id: string): Promise<LabProgress | undefined> {
    const store = await this.openStore()
    if (!store) return undefined
    try {
      return readProgress(await store.get(labKey(id)))
    } catch {
      return undefined
    }
  }
}

export const library = new LabLibrary()
