/**
 * The shell interpreter: runs parsed command lines against the virtual file system and the registered
 * commands. Pipes run their stages one after the other, each stage's collected stdout feeding the next.
 * `run` never throws: every failure becomes a bash-worded message on stderr and a non-zero exit code.
 * Loops live in `loops.ts`.
 */
import type { AndOr, CommandNode, IfCommand, List, Pipeline, Redirect, SimpleCommand, Word } from './ast'
import { createShellBuiltins, ShellExit } from './builtins'
import { ExpansionError, expandString, expandWords, type ExpandHost } from './expand'
import { parseExpandableText } from './lexer'
import { execFor, execWhile, LoopControl, LoopLimit, LoopState, type LoopHost } from './loops'
import { parse, ShellSyntaxError } from './parser'
import { BufferStream, InputCursor, inputText, nullStream } from './streams'
import type { Command, CommandContext, EditorPort, OutputStream, SleepOptions, Subshell } from './types'
import { FsError, type VirtualFs } from './vfs'

/** Everything a shell needs from its host. */
export interface ShellOptions {
  fs: VirtualFs
  env: Map<string, string>
  commands: Map<string, Command>
  cwd?: string
  editor: EditorPort
  sleep(ms: number, signal: AbortSignal, opts?: SleepOptions): Promise<void>
  hooks: { enterSubshell(sub: Subshell): void; clearScreen(): void }
  /** idle `while`/`until` iterations before a loop is stopped (default `IDLE_ITERATION_LIMIT`, see `loops.ts`) */
  loopLimit?: number
  /** an interactive shell (a pod's TTY shell) says `exit` when `exit` runs at its top level, as bash does */
  interactive?: boolean
}

/** Streams for one top-level `run`. */
export interface RunIO {
  stdout: OutputStream
  stderr: OutputStream
  signal: AbortSignal
}

/** Per-execution state passed down the tree (stdin null means "the terminal"). */
export interface Frame {
  /** a cursor when the commands of a compound command share their input */
  stdin: string | InputCursor | null
  stdout: OutputStream
  stderr: OutputStream
  signal: AbortSignal
  commandLine: string
  /** inside a `while`/`until` loop: every wait may be endless (see `loops.ts`) */
  endless?: boolean
}

/** A redirection failure reported before the command runs (`bash: f: No such file or directory`). */
class RedirectError extends Error {}

const ABORTED = 130

const isAbort = (e: unknown, signal: AbortSignal): boolean =>
  signal.aborted || (e instanceof Error && e.name === 'AbortError')

/** A bash-like shell over a virtual file system. */
export class Shell implements LoopHost {
  readonly fs: VirtualFs
  readonly env: Map<string, string>
  readonly commands: Map<string, Command>
  /** builtins that need the shell itself (`cd`, `history`, `exit`, `which`, `source`, `bash -c`, ...) */
  readonly builtins: Map<string, Command>
  /** exit status of the last pipeline (`$?`) */
  lastStatus = 0
  readonly loops: LoopState
  private readonly history: string[] = []
  /** exit status of the last command substitution, which a bare assignment returns */
  private substStatus = 0
  /** next `/dev/fd/N` number handed out to a process substitution */
  private nextFd = 63

  constructor(private readonly options: ShellOptions) {
    this.fs = options.fs
    this.env = options.env
    this.commands = options.commands
    if (options.cwd) this.env.set('PWD', options.cwd)
    else if (!this.env.has('PWD')) this.env.set('PWD', this.env.get('HOME') ?? '/')
    this.builtins = createShellBuiltins(this)
    this.loops = new LoopState(options.loopLimit)
  }

  /** The working directory (kept in `$PWD`, so `cd` is an ordinary command). */
  get cwd(): string {
    return this.env.get('PWD') || '/'
  }

  set cwd(path: string) {
    this.env.set('PWD', path)
  }

  /** Lines run so far through `run`, oldest first. */
  /** Replaces the history (a restored session). */
  setHistory(lines: string[]): void {
    this.history.splice(0, this.history.length, ...lines)
  }

  getHistory(): string[] {
    return [...this.history]
  }

  /**
   * The status `exit` gave when it ran at the top level of the last line `run` ran (not in a subshell, `$( )` or
   * `bash -c`), else undefined: a host whose shell can end (a pod's shell) ends it then.
   */
  exitedWith: number | undefined
  /** how many subshells (`( )`, `$( )`, `bash -c`, pipeline stages) are running: `exit` there ends only them */
  subshellDepth = 0

  /** whether `exit` at this point would end the shell itself (an interactive shell at its top level) */
  get leavesOnExit(): boolean {
    return this.options.interactive === true && this.subshellDepth === 0
  }

  /** Runs one full command line (possibly multi-line) and returns its exit status. Never throws. */
  async run(line: string, io: RunIO): Promise<number> {
    const trimmed = line.replace(/\n+$/, '')
    if (trimmed.trim() !== '') this.history.push(trimmed)
    this.loops.startLine()
    this.exitedWith = undefined
    return this.runLine(line, { stdin: null, stdout: io.stdout, stderr: io.stderr, signal: io.signal, commandLine: trimmed }, true)
  }

  /** Runs a nested line in this shell (used by `ctx.exec`, `watch`, `bash -c`); `exit` ends only that line. */
  async runNested(line: string, frame: Frame): Promise<number> {
    return this.runLine(line, frame)
  }

  private async runLine(line: string, frame: Frame, top = false): Promise<number> {
    try {
      const { list, warnings } = parse(line)
      for (const w of warnings) frame.stderr.write(`${w}\n`)
      return await this.execList(list, frame)
    } catch (e) {
      if (e instanceof ShellExit) {
        if (top) this.exitedWith = e.code
        return this.setStatus(e.code)
      }
      // `$(break)` inside a loop ends only the substitution
      if (e instanceof LoopControl) return this.setStatus(e.status)
      if (e instanceof LoopLimit) return this.setStatus(ABORTED)
      if (e instanceof ShellSyntaxError) {
        frame.stderr.write(`${e.message}\n`)
        return this.setStatus(2)
      }
      if (isAbort(e, frame.signal)) return this.setStatus(ABORTED)
      frame.stderr.write(`bash: ${e instanceof Error ? e.message : String(e)}\n`)
      return this.setStatus(1)
    }
  }

  private setStatus(code: number): number {
    this.lastStatus = code
    return code
  }

  /** Runs a list of and-or commands (public for `loops.ts`). */
  async execList(list: List, frame: Frame): Promise<number> {
    let status = this.lastStatus
    for (const item of list.items) {
      if (frame.signal.aborted) return this.setStatus(ABORTED)
      // `&` has no job control here: the command simply runs to completion
      status = await this.execAndOr(item.command, frame)
    }
    return status
  }

  private async execAndOr(node: AndOr, frame: Frame): Promise<number> {
    let status = await this.execPipeline(node.first, frame)
    for (const { op, pipeline } of node.rest) {
      if (frame.signal.aborted) return this.setStatus(ABORTED)
      if ((op === '&&') === (status === 0)) status = await this.execPipeline(pipeline, frame)
    }
    return status
  }

  private async execPipeline(node: Pipeline, frame: Frame): Promise<number> {
    let input = frame.stdin
    let status = 0
    for (let i = 0; i < node.commands.length; i++) {
      if (frame.signal.aborted) return this.setStatus(ABORTED)
      const last = i === node.commands.length - 1
      const out = last ? frame.stdout : new BufferStream()
      const stage: Frame = { ...frame, stdin: input, stdout: out }
      // each stage of a real pipeline is a subshell: `... | while read l; do n=$l; done` leaves `n` unset
      status = node.commands.length > 1 ? await this.subshell(() => this.execCommand(node.commands[i], stage)) : await this.execCommand(node.commands[i], stage)
      if (!last) input = (out as BufferStream).text
    }
    if (node.negated) status = status === 0 ? 1 : 0
    return this.setStatus(status)
  }

  private async execCommand(node: CommandNode, frame: Frame): Promise<number> {
    if (node.type === 'simple') return this.execSimple(node, frame)
    const cleanups: (() => Promise<void>)[] = []
    const host = this.expandHost(frame, cleanups)
    let redirected: Frame
    try {
      redirected = await this.applyRedirects(node.redirects, frame, host)
    } catch (e) {
      return this.reportSetupError(e, frame)
    }
    // the commands inside share one input, so `while read` consumes it line by line
    if (typeof redirected.stdin === 'string') redirected = { ...redirected, stdin: new InputCursor(redirected.stdin) }
    try {
      return await this.execCompound(node, redirected)
    } finally {
      for (const cleanup of cleanups) await cleanup()
    }
  }

  private execCompound(node: Exclude<CommandNode, SimpleCommand>, frame: Frame): Promise<number> {
    switch (node.type) {
      case 'group':
        return this.execList(node.body, frame)
      case 'for':
        return execFor(node, frame, this)
      case 'while':
        return execWhile(node, frame, this)
      case 'if':
        return this.execIf(node, frame)
      case 'subshell':
        return this.subshell(() => this.execList(node.body, frame))
    }
  }

  /** Runs `fn` as a subshell: variables are restored, and `exit`/`break` end only the subshell. */
  private subshell(fn: () => Promise<number>): Promise<number> {
    return this.isolated(async () => {
      try {
        return await fn()
      } catch (e) {
        if (e instanceof ShellExit) return e.code
        if (e instanceof LoopControl) return e.status
        throw e
      }
    })
  }

  /** `if`: the status of the body that ran, or 0 when none did. */
  private async execIf(node: IfCommand, frame: Frame): Promise<number> {
    for (const clause of node.clauses) {
      const status = await this.execList(clause.cond, frame)
      if (frame.signal.aborted) return ABORTED
      if (status === 0) return this.execList(clause.body, frame)
    }
    return node.elseBody ? this.execList(node.elseBody, frame) : 0
  }

  /** Expands a `for` word list; reports an expansion error and returns undefined. */
  async expandWordList(words: Word[], frame: Frame): Promise<string[] | undefined> {
    try {
      return await expandWords(words, this.expandHost(frame, []))
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e
      frame.stderr.write(`${e.message}\n`)
      return undefined
    }
  }

  /** Sets a shell variable (a `for` loop's name). */
  setVar(name: string, value: string): void {
    this.env.set(name, value)
  }

  /** Lets the host run for a moment: a zero-length virtual wait (the page's next tick). */
  pause(frame: Frame): Promise<void> {
    return this.options.sleep(0, frame.signal, { endless: true })
  }

  /** Runs `fn` with the variables and working directory restored afterwards (subshell semantics). */
  async isolated<T>(fn: () => Promise<T>): Promise<T> {
    const saved = new Map(this.env)
    this.subshellDepth++
    try {
      return await fn()
    } finally {
      this.subshellDepth--
      this.env.clear()
      for (const [k, v] of saved) this.env.set(k, v)
    }
  }

  private reportSetupError(e: unknown, frame: Frame): number {
    if (e instanceof RedirectError || e instanceof ExpansionError) {
      frame.stderr.write(`${e.message}\n`)
      return this.setStatus(1)
    }
    throw e
  }

  private async execSimple(cmd: SimpleCommand, frame: Frame): Promise<number> {
    const cleanups: (() => Promise<void>)[] = []
    const host = this.expandHost(frame, cleanups)
    this.substStatus = 0
    let argv: string[]
    let assigns: [string, string][]
    let redirected: Frame
    try {
      argv = await expandWords(cmd.words, host)
      assigns = []
      for (const a of cmd.assigns) {
        const value = await expandString(a.value, host)
        assigns.push([a.name, a.append ? (this.env.get(a.name) ?? '') + value : value])
      }
      redirected = await this.applyRedirects(cmd.redirects, frame, host)
    } catch (e) {
      if (e instanceof RedirectError || e instanceof ExpansionError) return this.reportSetupError(e, frame)
      throw e
    }
    try {
      if (argv.length === 0) {
        for (const [k, v] of assigns) this.env.set(k, v)
        return this.setStatus(this.substStatus)
      }
      return this.setStatus(await this.invoke(argv, assigns, redirected))
    } finally {
      for (const cleanup of cleanups) await cleanup()
    }
  }

  /** Looks up and runs a command with its context. */
  private async invoke(argv: string[], assigns: [string, string][], frame: Frame): Promise<number> {
    const [name, ...args] = argv
    const command = this.builtins.get(name) ?? this.commands.get(name) ?? this.scriptCommand(name)
    if (!command) {
      frame.stderr.write(`bash: ${name}: command not found\n`)
      return 127
    }
    const env = assigns.length ? new Map([...this.env, ...assigns]) : this.env
    const before = assigns.length ? new Map(env) : undefined
    const cursor = frame.stdin instanceof InputCursor ? frame.stdin : undefined
    const ctx: CommandContext = {
      args,
      name,
      env,
      fs: this.fs,
      cwd: this.cwd,
      stdin: inputText(frame.stdin),
      stdinIsTty: frame.stdin === null,
      consumeStdin: (chars) => {
        if (cursor) cursor.rest = cursor.rest.slice(chars)
      },
      stdout: frame.stdout,
      stderr: frame.stderr,
      signal: frame.signal,
      sleep: (ms, opts) => {
        if (ms > 0) this.loops.waits++
        return this.options.sleep(ms, frame.signal, frame.endless ? { ...opts, endless: true } : opts)
      },
      exec: (line, io) =>
        this.runNested(line, {
          stdin: io?.stdin ?? null,
          stdout: io?.stdout ?? frame.stdout,
          stderr: io?.stderr ?? frame.stderr,
          signal: frame.signal,
          commandLine: line,
          endless: frame.endless,
        }),
      editor: this.options.editor,
      enterSubshell: (sub) => this.options.hooks.enterSubshell(sub),
      commandLine: frame.commandLine,
      clearScreen: () => this.options.hooks.clearScreen(),
    }
    try {
      const code = await command.run(ctx)
      return Number.isInteger(code) ? code & 255 : 1
    } catch (e) {
      if (e instanceof ShellExit || e instanceof LoopControl || e instanceof LoopLimit) throw e
      if (isAbort(e, frame.signal)) return ABORTED
      frame.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    } finally {
      if (before) this.keepVariables(before, env, new Set(assigns.map(([k]) => k)))
    }
  }

  /**
   * `NAME=v cmd` gives `cmd` a copy of the variables; what the command itself set or unset there (`IFS= read
   * line`, `X=1 export Y=2`) still belongs to the shell.
   */
  private keepVariables(before: Map<string, string>, after: Map<string, string>, temporary: Set<string>): void {
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      if (temporary.has(k) || before.get(k) === after.get(k)) continue
      const v = after.get(k)
      if (v === undefined) this.env.delete(k)
      else this.env.set(k, v)
    }
  }

  /** `./script.sh` or `/path/to/script`: runs a VFS file's text as a script in a subshell. */
  private scriptCommand(name: string): Command | undefined {
    if (!name.includes('/')) return undefined
    return {
      name,
      run: async (ctx) => {
        const path = this.fs.resolve(this.cwd, name)
        if (!this.fs.exists(path)) {
          ctx.stderr.write(`bash: ${name}: No such file or directory\n`)
          return 127
        }
        if (this.fs.isDir(path)) {
          ctx.stderr.write(`bash: ${name}: Is a directory\n`)
          return 126
        }
        const text = this.fs.readFile(path).replace(/^#!.*\n/, '')
        return this.isolated(() =>
          this.runNested(text, { stdin: ctx.stdinIsTty ? null : ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal, commandLine: ctx.commandLine }),
        )
      },
    }
  }

  /** Resolves redirections into a new frame; file errors raise `RedirectError` with bash's message. */
  private async applyRedirects(redirects: Redirect[], frame: Frame, host: ExpandHost): Promise<Frame> {
    const out: Frame = { ...frame }
    const setFd = (fd: number, stream: OutputStream): void => {
      if (fd === 1) out.stdout = stream
      else if (fd === 2) out.stderr = stream
    }
    for (const r of redirects) {
      if (r.kind === 'heredoc') {
        const text = r.doc.quoted ? r.doc.body : await expandString(parseExpandableText(r.doc.body), host)
        if (r.fd === 0) out.stdin = text
        continue
      }
      if (r.kind === 'herestring') {
        const text = await expandString(r.target, host)
        if (r.fd === 0) out.stdin = `${text}\n`
        continue
      }
      const target = await expandString(r.target, host)
      if (r.kind === 'dup') {
        if (target === '-') setFd(r.fd, nullStream)
        else if (target === '1' || target === '2') {
          if (r.op === '>&') setFd(r.fd, target === '1' ? out.stdout : out.stderr)
        } else if (/^\d+$/.test(target)) {
          throw new RedirectError(`bash: ${target}: Bad file descriptor`)
        } else if (r.op === '>&' && r.fd === 1) {
          const stream = this.openForWrite(target, false, frame)
          out.stdout = stream
          out.stderr = stream
        }
        continue
      }
      if (r.kind === 'both') {
        const stream = this.openForWrite(target, r.op === '&>>', frame)
        out.stdout = stream
        out.stderr = stream
        continue
      }
      if (r.op === '<' || r.op === '<>') {
        const path = this.fs.resolve(this.cwd, target)
        if (target === '' || !this.fs.exists(path)) throw new RedirectError(`bash: ${target}: No such file or directory`)
        if (this.fs.isDir(path)) throw new RedirectError(`bash: ${target}: Is a directory`)
        if (r.fd === 0) out.stdin = this.fs.readFile(path)
        continue
      }
      setFd(r.fd, this.openForWrite(target, r.op === '>>', frame))
    }
    return out
  }

  /** Opens a file for output (truncating unless appending); writes go straight into the VFS. */
  private openForWrite(target: string, append: boolean, frame: Frame): OutputStream {
    if (target === '/dev/stdout') return frame.stdout
    if (target === '/dev/stderr') return frame.stderr
    if (target === '') throw new RedirectError('bash: : No such file or directory')
    const path = this.fs.resolve(this.cwd, target)
    try {
      if (append) this.fs.appendFile(path, '')
      else this.fs.writeFile(path, '')
    } catch (e) {
      if (e instanceof FsError) throw new RedirectError(`bash: ${target}: ${e.message}`)
      throw e
    }
    return {
      write: (text) => {
        try {
          this.fs.appendFile(path, text)
        } catch {
          // the file's directory vanished mid-command: bash would keep writing to the unlinked inode
        }
      },
    }
  }

  /** Builds the expansion callbacks for one command; process substitutions register cleanups. */
  private expandHost(frame: Frame, cleanups: (() => Promise<void>)[]): ExpandHost {
    const shell = this
    return {
      fs: this.fs,
      get cwd() {
        return shell.cwd
      },
      getVar: (name) => this.getVar(name),
      setVar: (name, value) => this.env.set(name, value),
      commandSubst: async (source) => {
        const buf = new BufferStream()
        const status = await this.isolated(() => this.runNested(source, { ...frame, stdin: null, stdout: buf }))
        this.substStatus = status
        return buf.text
      },
      processSubst: async (source, dir) => {
        const path = `/dev/fd/${this.nextFd}`
        this.nextFd = this.nextFd <= 10 ? 63 : this.nextFd - 1
        this.fs.mkdir('/dev/fd', { recursive: true })
        if (dir === '<') {
          const buf = new BufferStream()
          await this.isolated(() => this.runNested(source, { ...frame, stdin: null, stdout: buf }))
          this.fs.writeFile(path, buf.text)
        } else {
          this.fs.writeFile(path, '')
          cleanups.push(async () => {
            const input = this.fs.exists(path) ? this.fs.readFile(path) : ''
            await this.isolated(() => this.runNested(source, { ...frame, stdin: input }))
          })
        }
        cleanups.push(async () => {
          if (this.fs.isFile(path)) this.fs.rm(path)
          this.nextFd = 63
        })
        return path
      },
    }
  }

  /** Variable lookup including the special parameters. */
  getVar(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastStatus)
      case '$':
        return '1'
      case '#':
        return '0'
      case '0':
        return 'bash'
      case '@':
      case '*':
      case '-':
      case '!':
        return ''
      default:
        return this.env.get(name)
    }
  }
}
