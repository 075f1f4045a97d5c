/**
 * A trainee's session on one cluster: the shell with its home directory and environment, the `oc` client's
 * kubeconfig state, the editor port, interactive subshells, and how time passes (instantly for scripts and
 * tests, with the page's ticker in the browser). It implements the TerminalSession contract.
 */
import type { Cluster } from './cluster'
import { ocCommand } from './cli/oc'
import type { OcSession } from './cli/env'
import { EditorFailure, type EditRequest } from './cli/editor-port'
import { goQuote } from './cli/mutate-helpers'
import { BufferStream, createDefaultCommands, isComplete, Shell, VirtualFs } from './shell'
import type { EditorPort, OutputStream, Subshell } from './shell/types'
import type { TerminalSession } from './terminal-session'
import { seedHome } from './home'
import { complete } from './completion'

export type TimeMode = 'instant' | 'live'

export interface SessionOptions {
  /** `instant`: `sleep` advances the clock at once (scripts, tests); `live`: waits for `advance()` (the page) */
  timeMode: TimeMode
  user?: string
  project?: string
  editor?: EditorPort
  fs?: VirtualFs
}

interface Sleeper {
  until: number
  resolve(): void
  reject(e: Error): void
  signal: AbortSignal
  onAbort: () => void
}

const HOME = '/home/you'

export class ClusterSession implements TerminalSession {
  readonly shell: Shell
  readonly oc: OcSession
  readonly fs: VirtualFs
  private subshells: Subshell[] = []
  private sleepers: Sleeper[] = []
  private listeners = new Set<() => void>()
  /**
   * set by the headless runner: a virtual instant after which endless commands are interrupted; `sleeps` counts
   * the waits of the current command, a safety net against a loop that forgot to say it is endless
   */
  deadline: { at: number; abort(): void; sleeps?: number } | undefined
  editor: EditorPort
  private clearRequested = false

  constructor(
    readonly cluster: Cluster,
    private readonly opts: SessionOptions,
  ) {
    this.oc = {
      project: opts.project ?? 'default',
      user: opts.user ?? 'kube:admin',
      server: cluster.info.apiUrl,
      token: `sha256~${cluster.rng.string(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`,
    }
    this.fs = opts.fs ?? new VirtualFs()
    if (!opts.fs) seedHome(this.fs, HOME, cluster)
    this.editor = opts.editor ?? headlessEditor(this)
    const env = new Map<string, string>([
      ['HOME', HOME],
      ['USER', 'you'],
      ['LOGNAME', 'you'],
      ['HOSTNAME', 'bastion'],
      ['SHELL', '/bin/bash'],
      ['TERM', 'xterm-256color'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin'],
      ['KUBECONFIG', `${HOME}/.kube/config`],
      ['LANG', 'en_US.UTF-8'],
    ])
    const commands = createDefaultCommands()
    commands.set('oc', ocCommand({ cluster, session: this.oc }, 'oc'))
    commands.set('kubectl', ocCommand({ cluster, session: this.oc }, 'kubectl'))
    this.shell = new Shell({
      fs: this.fs,
      env,
      commands,
      cwd: HOME,
      editor: { edit: (req) => this.editor.edit(req) },
      sleep: (ms, signal, opts) => this.sleep(ms, signal, opts?.endless === true),
      hooks: {
        enterSubshell: (sub) => this.subshells.push(sub),
        clearScreen: () => {
          this.clearRequested = true
        },
      },
    })
  }

  prompt(): string {
    const sub = this.subshells[this.subshells.length - 1]
    return sub ? sub.prompt() : this.bastionPrompt()
  }

  /** the bastion's own prompt, inside a pod's shell too (what a restored session starts with: subshells are not saved) */
  bastionPrompt(): string {
    const cwd = this.shell.cwd
    const dir = cwd === HOME ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1)
    return `[you@bastion ${dir}]$ `
  }

  continuationPrompt(): string {
    return '> '
  }

  /** True while `oc rsh`/`oc exec -it` has an interactive shell open. */
  inSubshell(): boolean {
    return this.subshells.length > 0
  }

  isComplete(text: string): boolean {
    if (this.inSubshell()) return true
    return isComplete(text)
  }

  async execute(text: string, io: { stdout: OutputStream; stderr: OutputStream; signal: AbortSignal }): Promise<number> {
    const sub = this.subshells[this.subshells.length - 1]
    let code: number
    try {
      if (sub) {
        const r = await sub.execute(text, io)
        code = r.exitCode
        if (r.exited) {
          this.subshells.pop()
          // the command that opened the pod shell (`oc rsh`) ends now, with the shell's status (`$?`)
          this.shell.lastStatus = code
        }
      } else {
        code = await this.shell.run(text, io)
      }
    } finally {
      this.cluster.settle()
      if (this.clearRequested) {
        this.clearRequested = false
        io.stdout.write('\x1b[H\x1b[2J')
      }
      this.notify()
    }
    return code
  }

  complete(line: string, cursor: number): { candidates: string[]; replaceFrom: number } {
    return complete(this, line, cursor)
  }

  history(): string[] {
    return this.shell.getHistory()
  }

  now(): number {
    return this.cluster.now()
  }

  /** Advances virtual time (the page's ticker); wakes `sleep`s that fall due. */
  advance(ms: number): void {
    const target = this.cluster.now() + ms
    for (;;) {
      const next = this.sleepers.reduce<Sleeper | undefined>((a, s) => (!a || s.until < a.until ? s : a), undefined)
      if (!next || next.until > target) break
      this.cluster.manager.advanceTo(next.until)
      this.wake(next)
    }
    this.cluster.manager.advanceTo(target)
    this.notify()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify(): void {
    for (const l of this.listeners) l()
  }

  private wake(s: Sleeper): void {
    this.sleepers.splice(this.sleepers.indexOf(s), 1)
    s.signal.removeEventListener('abort', s.onAbort)
    s.resolve()
  }

  /** Virtual sleep: instant mode advances the clock; live mode waits for the ticker. */
  sleep(ms: number, signal: AbortSignal, endless = false): Promise<void> {
    if (signal.aborted) return Promise.reject(abortError())
    const until = this.cluster.now() + ms
    if (this.opts.timeMode === 'instant') {
      const d = this.deadline
      if (d) d.sleeps = (d.sleeps ?? 0) + 1
      if (d && ((endless && until >= d.at) || (d.sleeps ?? 0) > 100_000)) {
        this.cluster.manager.advanceTo(Math.max(d.at, this.cluster.now()))
        d.abort()
        this.notify()
        return Promise.reject(abortError())
      }
      this.cluster.manager.advanceTo(until)
      this.notify()
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const s: Sleeper = {
        until,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.sleepers.indexOf(s)
          if (i >= 0) this.sleepers.splice(i, 1)
          reject(abortError())
        },
      }
      signal.addEventListener('abort', s.onAbort, { once: true })
      this.sleepers.push(s)
    })
  }
}

function abortError(): Error {
  const e = new Error('interrupted')
  e.name = 'AbortError'
  return e
}

/** A scripted editor that keeps producing new invalid objects would make `oc edit` reopen it forever. */
const MAX_SCRIPTED_EDITS = 20

/**
 * The headless editor: runs `$KUBE_EDITOR` or `$EDITOR` (a command of the virtual shell, e.g. `sed -i ...`) on a
 * temporary file, the way kubectl launches it: a value without spaces is a command name (`unable to launch the
 * editor "x"` when there is none), one with spaces runs through `$SHELL -c`; a non-zero exit is `there was a
 * problem with the editor "..."`. Without an editor the edit is cancelled as if the user quit vi with `:q!`.
 * The same file is reopened at most MAX_SCRIPTED_EDITS times; then the edit is interrupted like Ctrl+C.
 */
function headlessEditor(session: ClusterSession): EditorPort {
  const runs = new Map<string, number>()
  return {
    async edit(req: EditRequest) {
      const env = req.env ?? session.shell.env
      const editor = env.get('KUBE_EDITOR') || env.get('EDITOR')
      if (!editor) return null
      const shown = editor.includes(' ') ? `${env.get('SHELL') || '/bin/bash'} -c ${editor}` : editor
      if (!editor.includes(' ') && !commandExists(session, editor)) throw new EditorFailure(`unable to launch the editor ${goQuote(shown)}`)
      const n = (runs.get(req.path) ?? 0) + 1
      runs.set(req.path, n)
      if (n > MAX_SCRIPTED_EDITS) throw abortError()
      session.fs.writeFile(req.path, req.text)
      const out = new BufferStream()
      const code = await session.shell.runNested(`${editor} ${req.path}`, {
        stdin: null,
        stdout: out,
        stderr: out,
        signal: new AbortController().signal,
        commandLine: `${editor} ${req.path}`,
      })
      if (code !== 0) throw new EditorFailure(`there was a problem with the editor ${goQuote(shown)}`)
      return session.fs.readFile(req.path)
    },
  }
}

function commandExists(session: ClusterSession, name: string): boolean {
  const shell = session.shell
  if (name.includes('/')) return session.fs.exists(session.fs.resolve(shell.cwd, name))
  return shell.builtins.has(name) || shell.commands.has(name)
}
