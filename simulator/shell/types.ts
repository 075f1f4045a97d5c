/**
 * Contracts between the shell, the commands it runs (builtins, coreutils, `oc`), and whoever hosts the shell
 * (the headless runner, the browser terminal). Commands never touch a terminal: they write to streams and
 * return an exit code; pipes and redirections belong to the interpreter.
 */
import type { VirtualFs } from './vfs'

/** A sink for command output. The browser terminal renders as it is written (for `watch`, `-w`, `logs -f`). */
export interface OutputStream {
  write(text: string): void
}

/**
 * The editor port: `oc edit` hands over a file's text and gets back the saved text, or null when the user
 * cancels (quits without saving). The headless implementation runs `$KUBE_EDITOR`/`$EDITOR` in the virtual
 * shell; the page implements it with Monaco.
 */
export interface EditorPort {
  edit(request: { path: string; text: string; title?: string }): Promise<string | null>
}

/**
 * Interactive sessions (`oc rsh POD`, `oc exec -it`): the host routes the following input lines to a nested
 * shell until it exits. A command requests one through `CommandContext.enterSubshell`.
 */
export interface Subshell {
  /** the prompt shown while the subshell is active, e.g. `sh-4.2$ ` */
  prompt(): string
  /** run one line inside the subshell; returns true when the subshell has exited (`exit`, Ctrl+D) */
  execute(line: string, io: { stdout: OutputStream; stderr: OutputStream }): Promise<{ exited: boolean; exitCode: number }>
}

export interface SleepOptions {
  /** this wait is part of a command that only ends when interrupted */
  endless?: boolean
}

export interface CommandContext {
  /** argv without the command name, after expansion (quotes removed) */
  args: string[]
  /** the command name as typed (e.g. `oc`, `kubectl`) */
  name: string
  env: Map<string, string>
  fs: VirtualFs
  cwd: string
  /** all of standard input (pipes and redirections are resolved before the command runs) */
  stdin: string
  /** true when stdin is a terminal (no pipe/redirection); `oc rsh` uses it to decide on a TTY */
  stdinIsTty: boolean
  /**
   * marks the first `chars` characters of `stdin` as read: inside a compound command (`while read l; do ...;
   * done < file`) the next command then sees only the rest. Only `read` consumes input this way.
   */
  consumeStdin?(chars: number): void
  stdout: OutputStream
  stderr: OutputStream
  /** aborted on Ctrl+C in the browser, or after the runner's 30 virtual seconds for endless commands */
  signal: AbortSignal
  /**
   * waits on the virtual clock (advances it instantly when headless); rejects with an AbortError when interrupted.
   * Commands that run until interrupted (`watch`, `oc get -w`, `oc logs -f`) pass `{ endless: true }`, so a
   * headless runner can stop them after its time limit.
   */
  sleep(ms: number, opts?: SleepOptions): Promise<void>
  /** runs a nested command line in the same shell (used by `watch`, `xargs`-like tools, `$EDITOR`) */
  exec(line: string, io?: { stdin?: string; stdout?: OutputStream; stderr?: OutputStream }): Promise<number>
  /** editor used by `oc edit` */
  editor: EditorPort
  /** asks the host to route later input to an interactive subshell (only meaningful when stdinIsTty) */
  enterSubshell(sub: Subshell): void
  /** text of the whole command line being run, recorded by the API server's audit log */
  commandLine: string
  /** clears the screen (the `clear` command; the terminal host decides what that means) */
  clearScreen(): void
}

export interface Command {
  name: string
  /** a one-line summary, used by `help` and completion */
  summary?: string
  run(ctx: CommandContext): Promise<number>
}

/** What a host gets back for each top-level command line. */
export interface ExecResult {
  exitCode: number
}
