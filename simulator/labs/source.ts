/** Where labs are read from: the file system (Node, `scripts/`) or a bundled map of file name → text (the page). */

/** Read access to a tree of lab folders; paths are relative to the labs root and use `/`. */
export interface LabSource {
  /** the text of a file, or undefined when there is none */
  readFile(path: string): string | undefined
  /** the names (not paths) of the entries directly inside `dir` (`''` is the root: the lab folders) */
  list(dir: string): string[]
}

/**
 * A source over a map of path → text, e.g. Vite's `import.meta.glob('/labs/*\/*', { query: '?raw', eager: true })`;
 * `prefix` (like `/labs/`) is stripped from the keys.
 */
export function mapSource(files: Record<string, string>, prefix = ''): LabSource {
  const byPath = new Map<string, string>()
  for (const [k, v] of Object.entries(files)) byPath.set(k.startsWith(prefix) ? k.slice(prefix.length) : k, v)
  return {
    readFile: (path) => byPath.get(path),
    list(dir) {
      const base = dir === '' ? '' : `${dir.replace(/\/$/, '')}/`
      const names = new Set<string>()
      for (const p of byPath.keys()) if (p.startsWith(base)) names.add(p.slice(base.length).split('/')[0])
      return [...names].sort()
    },
  }
}
