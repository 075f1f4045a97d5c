/** The Node (fs) implementation of LabSource, rooted at a labs folder. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { LabSource } from '../simulator/labs/source'

/** Reads labs from `root` on disk (e.g. `labs/` or `simulator/labs/fixtures/`). */
export function nodeSource(root: string): LabSource {
  return {
    readFile(path) {
      const full = join(root, path)
      return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined
    },
    list(dir) {
      const full = join(root, dir)
      return existsSync(full) && statSync(full).isDirectory() ? readdirSync(full).sort() : []
    },
  }
}
