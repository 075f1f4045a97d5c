/** File commands over the VFS: `cat`, `ls`, `mkdir`, `rm`, `touch`, `cp`, `mv`, `tee`. */
import type { Command, CommandContext } from '../types'
import { FsError, type VirtualFs } from '../vfs'
import { forEachInput, parseArgs, usage, UsageError } from './util'

const basename = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/'

/** `cat [-n] [FILE...]` */
export const cat: Command = {
  name: 'cat',
  summary: 'concatenate files',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'nAvets', long: { number: 'n' } })
    } catch (e) {
      return usage(ctx, e)
    }
    let n = 0
    const ok = forEachInput(ctx, parsed.operands, (text) => {
      if (!parsed.opts.has('n')) return ctx.stdout.write(text)
      const ls = text.split('\n')
      const last = ls.pop()
      for (const l of ls) ctx.stdout.write(`${String(++n).padStart(6)}\t${l}\n`)
      if (last) ctx.stdout.write(`${String(++n).padStart(6)}\t${last}`)
    })
    return ok ? 0 : 1
  },
}

/** `ls [-l] [-a] [-1] [PATH...]` */
export const ls: Command = {
  name: 'ls',
  summary: 'list directory contents',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'laA1hRrtd', long: { all: 'a' } })
    } catch (e) {
      return usage(ctx, e, 2)
    }
    const long = parsed.opts.has('l')
    const all = parsed.opts.has('a')
    const user = ctx.env.get('USER') ?? 'user'
    const fmt = (name: string, path: string): string => {
      if (!long) return name
      const st = ctx.fs.stat(path)!
      const mode = st.type === 'dir' ? 'drwxr-xr-x.' : '-rw-r--r--.'
      return `${mode} ${st.type === 'dir' ? 2 : 1} ${user} ${user} ${String(st.size).padStart(5)} Jan  1 00:00 ${name}`
    }
    const targets = parsed.operands.length ? parsed.operands : ['.']
    let status = 0
    const files: string[] = []
    const dirs: string[] = []
    for (const t of targets) {
      const path = ctx.fs.resolve(ctx.cwd, t)
      if (!ctx.fs.exists(path)) {
        ctx.stderr.write(`ls: cannot access '${t}': No such file or directory\n`)
        status = 2
      } else if (ctx.fs.isDir(path) && !parsed.opts.has('d')) dirs.push(t)
      else files.push(t)
    }
    const out: string[] = files.map((f) => fmt(f, ctx.fs.resolve(ctx.cwd, f)))
    dirs.forEach((d, i) => {
      const path = ctx.fs.resolve(ctx.cwd, d)
      let names = ctx.fs.readdir(path).filter((n) => all || parsed.opts.has('A') || !n.startsWith('.'))
      if (all) names = ['.', '..', ...names]
      if (parsed.opts.has('r')) names.reverse()
      if (targets.length > 1) {
        if (out.length || i > 0) out.push('')
        out.push(`${d}:`)
      }
      if (long) {
        const blocks = names.reduce((sum, n) => sum + Math.ceil((ctx.fs.stat(ctx.fs.resolve(path, n))?.size ?? 0) / 4096) * 4, 0)
        out.push(`total ${blocks}`)
      }
      for (const n of names) out.push(fmt(n, ctx.fs.resolve(path, n)))
    })
    if (out.length) ctx.stdout.write(out.join('\n') + '\n')
    return status
  },
}

/** `mkdir [-p] DIR...` */
export const mkdir: Command = {
  name: 'mkdir',
  summary: 'make directories',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'pv', values: 'm', long: { parents: 'p' } })
    } catch (e) {
      return usage(ctx, e)
    }
    if (parsed.operands.length === 0) return usage(ctx, new UsageError('missing operand'))
    let status = 0
    for (const d of parsed.operands) {
      try {
        ctx.fs.mkdir(ctx.fs.resolve(ctx.cwd, d), { recursive: parsed.opts.has('p') })
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        ctx.stderr.write(`mkdir: cannot create directory ‘${d}’: ${e.message}\n`)
        status = 1
      }
    }
    return status
  },
}

/** `rm [-rf] PATH...` */
export const rm: Command = {
  name: 'rm',
  summary: 'remove files or directories',
  async run(ctx) {
    let parsed
    try {
      parsed = parseArgs(ctx.args, { flags: 'rRfiv', long: { recursive: 'r', force: 'f' } })
    } catch (e) {
      return usage(ctx, e)
    }
    const force = parsed.opts.has('f')
    const recursive = parsed.opts.has('r') || parsed.opts.has('R')
    let status = 0
    for (const p of parsed.operands) {
      const path = ctx.fs.resolve(ctx.cwd, p)
      if (!ctx.fs.exists(path)) {
        if (!force) {
          ctx.stderr.write(`rm: cannot remove '${p}': No such file or directory\n`)
          status = 1
        }
      } else if (ctx.fs.isDir(path) && !recursive) {
        ctx.stderr.write(`rm: cannot remove '${p}': Is a directory\n`)
        status = 1
      } else ctx.fs.rm(path, { recursive: true })
    }
    return status
  },
}

/** `touch FILE...` */
export const touch: Command = {
  name: 'touch',
  summary: 'create files or update their time',
  async run(ctx) {
    let status = 0
    for (const f of ctx.args.filter((a) => !a.startsWith('-'))) {
      const path = ctx.fs.resolve(ctx.cwd, f)
      try {
        if (ctx.fs.isDir(path)) continue
        ctx.fs.writeFile(path, ctx.fs.exists(path) ? ctx.fs.readFile(path) : '')
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        ctx.stderr.write(`touch: cannot touch '${f}': ${e.message}\n`)
        status = 1
      }
    }
    return status
  },
}

function copyTree(fs: VirtualFs, from: string, to: string): void {
  if (!fs.isDir(from)) return fs.writeFile(to, fs.readFile(from))
  fs.mkdir(to, { recursive: true })
  for (const name of fs.readdir(from)) copyTree(fs, `${from}/${name}`, `${to}/${name}`)
}

/** Shared body of `cp` and `mv`: SOURCE... DEST, DEST may be a directory. */
async function transfer(ctx: CommandContext, move: boolean): Promise<number> {
  let parsed
  try {
    parsed = parseArgs(ctx.args, { flags: 'rRfaipvn', long: { recursive: 'r', force: 'f' } })
  } catch (e) {
    return usage(ctx, e)
  }
  const ops = parsed.operands
  if (ops.length < 2) {
    ctx.stderr.write(ops.length ? `${ctx.name}: missing destination file operand after '${ops[0]}'\n` : `${ctx.name}: missing file operand\n`)
    ctx.stderr.write(`Try '${ctx.name} --help' for more information.\n`)
    return 1
  }
  const dest = ops[ops.length - 1]
  const destPath = ctx.fs.resolve(ctx.cwd, dest)
  const sources = ops.slice(0, -1)
  if (sources.length > 1 && !ctx.fs.isDir(destPath)) {
    ctx.stderr.write(`${ctx.name}: target '${dest}': Not a directory\n`)
    return 1
  }
  const recursive = move || parsed.opts.has('r') || parsed.opts.has('R') || parsed.opts.has('a')
  let status = 0
  for (const src of sources) {
    const srcPath = ctx.fs.resolve(ctx.cwd, src)
    if (!ctx.fs.exists(srcPath)) {
      ctx.stderr.write(`${ctx.name}: cannot stat '${src}': No such file or directory\n`)
      status = 1
      continue
    }
    if (ctx.fs.isDir(srcPath) && !recursive) {
      ctx.stderr.write(`cp: -r not specified; omitting directory '${src}'\n`)
      status = 1
      continue
    }
    const target = ctx.fs.isDir(destPath) ? `${destPath}/${basename(srcPath)}` : destPath
    try {
      copyTree(ctx.fs, srcPath, target)
      if (move) ctx.fs.rm(srcPath, { recursive: true })
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      ctx.stderr.write(`${ctx.name}: cannot create regular file '${dest}': ${e.message}\n`)
      status = 1
    }
  }
  return status
}

/** `cp [-r] SOURCE... DEST` */
export const cp: Command = { name: 'cp', summary: 'copy files', run: (ctx) => transfer(ctx, false) }

/** `mv SOURCE... DEST` */
export const mv: Command = { name: 'mv', summary: 'move files', run: (ctx) => transfer(ctx, true) }

/** `tee [-a] FILE...`: copies stdin to stdout and files. */
export const tee: Command = {
  name: 'tee',
  summary: 'copy standard input to files',
  async run(ctx) {
    const append = ctx.args.includes('-a')
    let status = 0
    ctx.stdout.write(ctx.stdin)
    for (const f of ctx.args.filter((a) => !a.startsWith('-'))) {
      try {
        const path = ctx.fs.resolve(ctx.cwd, f)
        if (append) ctx.fs.appendFile(path, ctx.stdin)
        else ctx.fs.writeFile(path, ctx.stdin)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        ctx.stderr.write(`tee: ${f}: ${e.message}\n`)
        status = 1
      }
    }
    return status
  },
}
