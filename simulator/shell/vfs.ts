/**
 * An in-memory POSIX-like file system for the virtual shell. Paths are absolute (callers resolve relative paths
 * with `resolve`), errors carry bash/coreutils wording so commands can prefix them with their own name.
 */

/** An error raised by the file system; `message` is the bare reason, e.g. `No such file or directory`. */
export class FsError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message)
    this.name = 'FsError'
  }
}

type Node = { type: 'file'; text: string; mtime: number } | { type: 'dir'; children: Map<string, Node>; mtime: number }

/** What `stat` reports about a path. */
export interface FsStat {
  type: 'file' | 'dir'
  size: number
  /** a logical modification counter (there is no wall clock in the simulator) */
  mtime: number
}

/** The serialized form stored by the page (IndexedDB) and restored with `VirtualFs.fromJSON`. */
export interface FsJson {
  files: Record<string, string>
  dirs: string[]
}

const NOENT = 'No such file or directory'
const ISDIR = 'Is a directory'
const NOTDIR = 'Not a directory'

/** Devices that behave specially: reads of /dev/null are empty and writes to it vanish. */
const DEV_NULL = '/dev/null'

/** An in-memory tree of directories and text files with deterministic (sorted) listings. */
export class VirtualFs {
  private root: Node = { type: 'dir', children: new Map(), mtime: 0 }
  /** a monotonic counter standing in for modification times, so `ls -t`-like ordering stays deterministic */
  private tick = 0

  /** Normalizes `path` against `cwd` (handles `.`, `..`, repeated slashes); does not touch the tree. */
  resolve(cwd: string, path: string): string {
    const full = path.startsWith('/') ? path : `${cwd.replace(/\/+$/, '')}/${path}`
    const out: string[] = []
    for (const part of full.split('/')) {
      if (part === '' || part === '.') continue
      if (part === '..') out.pop()
      else out.push(part)
    }
    return '/' + out.join('/')
  }

  private parts(path: string): string[] {
    return this.resolve('/', path).split('/').filter(Boolean)
  }

  private lookup(path: string): Node | undefined {
    let node: Node = this.root
    for (const part of this.parts(path)) {
      if (node.type !== 'dir') return undefined
      const next = node.children.get(part)
      if (!next) return undefined
      node = next
    }
    return node
  }

  /** Finds the parent directory of `path`, throwing bash-like errors when it is missing or not a directory. */
  private parentOf(path: string): { dir: Extract<Node, { type: 'dir' }>; name: string } {
    const parts = this.parts(path)
    const name = parts.pop()
    if (name === undefined) throw new FsError(ISDIR, path)
    let node: Node = this.root
    for (const part of parts) {
      if (node.type !== 'dir') throw new FsError(NOTDIR, path)
      const next = node.children.get(part)
      if (!next) throw new FsError(NOENT, path)
      node = next
    }
    if (node.type !== 'dir') throw new FsError(NOTDIR, path)
    return { dir: node, name }
  }

  /** True when something exists at `path`. */
  exists(path: string): boolean {
    return path === DEV_NULL || this.lookup(path) !== undefined
  }

  /** True when `path` is a directory. */
  isDir(path: string): boolean {
    return this.lookup(path)?.type === 'dir'
  }

  /** True when `path` is a regular file. */
  isFile(path: string): boolean {
    return path === DEV_NULL || this.lookup(path)?.type === 'file'
  }

  /** Returns a file's text; throws `No such file or directory` / `Is a directory`. */
  readFile(path: string): string {
    if (path === DEV_NULL) return ''
    const node = this.lookup(path)
    if (!node) throw new FsError(NOENT, path)
    if (node.type === 'dir') throw new FsError(ISDIR, path)
    return node.text
  }

  /** Creates or replaces a file (the parent directory must exist). */
  writeFile(path: string, text: string): void {
    if (path === DEV_NULL) return
    const { dir, name } = this.parentOf(path)
    const existing = dir.children.get(name)
    if (existing?.type === 'dir') throw new FsError(ISDIR, path)
    dir.children.set(name, { type: 'file', text, mtime: ++this.tick })
  }

  /** Appends to a file, creating it when missing. */
  appendFile(path: string, text: string): void {
    if (path === DEV_NULL) return
    const node = this.lookup(path)
    if (node?.type === 'file') {
      node.text += text
      node.mtime = ++this.tick
    } else this.writeFile(path, text)
  }

  /** Creates a directory; with `recursive`, creates parents and accepts an existing directory. */
  mkdir(path: string, opts: { recursive?: boolean } = {}): void {
    if (opts.recursive) {
      let node: Node = this.root
      for (const part of this.parts(path)) {
        if (node.type !== 'dir') throw new FsError(NOTDIR, path)
        let next = node.children.get(part)
        if (!next) {
          next = { type: 'dir', children: new Map(), mtime: ++this.tick }
          node.children.set(part, next)
        }
        node = next
      }
      if (node.type !== 'dir') throw new FsError('File exists', path)
      return
    }
    const { dir, name } = this.parentOf(path)
    if (dir.children.has(name)) throw new FsError('File exists', path)
    dir.children.set(name, { type: 'dir', children: new Map(), mtime: ++this.tick })
  }

  /** Lists a directory's entry names, sorted; throws for missing paths and files. */
  readdir(path: string): string[] {
    const node = this.lookup(path)
    if (!node) throw new FsError(NOENT, path)
    if (node.type !== 'dir') throw new FsError(NOTDIR, path)
    return [...node.children.keys()].sort()
  }

  /** Removes a file, or a directory (which must be empty unless `recursive`). */
  rm(path: string, opts: { recursive?: boolean } = {}): void {
    const { dir, name } = this.parentOf(path)
    const node = dir.children.get(name)
    if (!node) throw new FsError(NOENT, path)
    if (node.type === 'dir' && !opts.recursive && node.children.size > 0) throw new FsError('Directory not empty', path)
    dir.children.delete(name)
  }

  /** Describes a path, or returns undefined when it does not exist. */
  stat(path: string): FsStat | undefined {
    if (path === DEV_NULL) return { type: 'file', size: 0, mtime: 0 }
    const node = this.lookup(path)
    if (!node) return undefined
    if (node.type === 'dir') return { type: 'dir', size: 4096, mtime: node.mtime }
    return { type: 'file', size: new TextEncoder().encode(node.text).length, mtime: node.mtime }
  }

  /** Serializes every file and (empty or not) directory, sorted by path. */
  toJSON(): FsJson {
    const files: Record<string, string> = {}
    const dirs: string[] = []
    const walk = (node: Node, path: string): void => {
      if (node.type === 'file') {
        files[path] = node.text
        return
      }
      if (path !== '') dirs.push(path)
      for (const name of [...node.children.keys()].sort()) walk(node.children.get(name)!, `${path}/${name}`)
    }
    walk(this.root, '')
    return { files, dirs }
  }

  /** Rebuilds a file system from `toJSON` output. */
  static fromJSON(json: FsJson): VirtualFs {
    const fs = new VirtualFs()
    for (const dir of json.dirs ?? []) fs.mkdir(dir, { recursive: true })
    for (const [path, text] of Object.entries(json.files ?? {})) {
      fs.mkdir(fs.resolve('/', `${path}/..`), { recursive: true })
      fs.writeFile(path, text)
    }
    return fs
  }
}
