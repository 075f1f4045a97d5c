/**
 * Builtins that need the shell itself rather than just a `CommandContext`: `cd`, `exit`, `history`, `which`,
 * `type`, `source`/`.`, `break`/`continue`, and `bash`/`sh` (`-c STRING`, a script file, or a script on stdin).
 */
import type { Frame, Shell } from './interpreter'
import { LoopControl } from './loops'
import type { Command, CommandContext } from './types'

/** Thrown by `exit` to unwind to the enclosing top-level line, subshell or script. */
export class ShellExit {
  constructor(readonly code: number) {}
}

/** Names bash itself implements (for `type`). */
const BASH_BUILTINS = new Set(
  'cd exit history type source . : break continue echo printf export unset pwd read true false test [ alias eval exec set shift trap umask wait'.split(' '),
)

/** Reserved words (for `type`). */
const KEYWORDS = new Set('! [[ ]] { } case coproc do done elif else esac fi for function if in select then time until while'.split(' '))

const frameOf = (ctx: CommandContext): Frame => ({
  stdin: ctx.stdinIsTty ? null : ctx.stdin,
  stdout: ctx.stdout,
  stderr: ctx.stderr,
  signal: ctx.signal,
  commandLine: ctx.commandLine,
})

/** Creates the shell-bound builtins for `shell`. */
export function createShellBuiltins(shell: Shell): Map<string, Command> {
  const known = (name: string): boolean => shell.builtins.has(name) || shell.commands.has(name)
  const list: Command[] = [
    {
      name: 'cd',
      summary: 'change the working directory',
      run: async (ctx) => {
        if (ctx.args.length > 1) {
          ctx.stderr.write('bash: cd: too many arguments\n')
          return 1
        }
        let target = ctx.args[0] ?? shell.env.get('HOME') ?? '/'
        if (target === '-') {
          target = shell.env.get('OLDPWD') ?? ''
          if (!target) {
            ctx.stderr.write('bash: cd: OLDPWD not set\n')
            return 1
          }
          ctx.stdout.write(`${target}\n`)
        }
        const path = shell.fs.resolve(shell.cwd, target)
        if (!shell.fs.exists(path)) {
          ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`)
          return 1
        }
        if (!shell.fs.isDir(path)) {
          ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`)
          return 1
        }
        shell.env.set('OLDPWD', shell.cwd)
        shell.cwd = path
        return 0
      },
    },
    {
      name: 'exit',
      summary: 'exit the shell',
      run: async (ctx) => {
        const arg = ctx.args[0]
        if (shell.leavesOnExit) ctx.stderr.write('exit\n')
        if (arg === undefined) throw new ShellExit(shell.lastStatus)
        if (!/^[-+]?\d+$/.test(arg)) {
          ctx.stderr.write(`bash: exit: ${arg}: numeric argument required\n`)
          throw new ShellExit(2)
        }
        throw new ShellExit(Number(arg) & 255)
      },
    },
    {
      name: 'history',
      summary: 'show the command history',
      run: async (ctx) => {
        const all = shell.getHistory()
        const n = ctx.args[0] !== undefined ? Number(ctx.args[0]) : all.length
        if (!Number.isInteger(n) || n < 0) {
          ctx.stderr.write(`bash: history: ${ctx.args[0]}: numeric argument required\n`)
          return 1
        }
        const start = Math.max(0, all.length - n)
        for (let i = start; i < all.length; i++) ctx.stdout.write(`${String(i + 1).padStart(5)}  ${all[i]}\n`)
        return 0
      },
    },
    {
      name: 'which',
      summary: 'locate a command',
      run: async (ctx) => {
        let status = 0
        for (const name of ctx.args) {
          if (known(name)) ctx.stdout.write(`/usr/bin/${name}\n`)
          else {
            ctx.stderr.write(`which: no ${name} in (${ctx.env.get('PATH') ?? '/usr/local/bin:/usr/bin'})\n`)
            status = 1
          }
        }
        return status
      },
    },
    {
      name: 'type',
      summary: 'describe a command',
      run: async (ctx) => {
        let status = 0
        for (const name of ctx.args) {
          if (KEYWORDS.has(name)) ctx.stdout.write(`${name} is a shell keyword\n`)
          else if (BASH_BUILTINS.has(name)) ctx.stdout.write(`${name} is a shell builtin\n`)
          else if (known(name)) ctx.stdout.write(`${name} is /usr/bin/${name}\n`)
          else {
            ctx.stderr.write(`bash: type: ${name}: not found\n`)
            status = 1
          }
        }
        return status
      },
    },
    ...['source', '.'].map(
      (name): Command => ({
        name,
        summary: 'run a file in the current shell',
        run: async (ctx) => {
          const file = ctx.args[0]
          if (file === undefined) {
            ctx.stderr.write(`bash: ${name}: filename argument required\n`)
            return 2
          }
          const path = shell.fs.resolve(shell.cwd, file)
          if (!shell.fs.isFile(path)) {
            ctx.stderr.write(`bash: ${file}: No such file or directory\n`)
            return 1
          }
          return shell.runNested(shell.fs.readFile(path), frameOf(ctx))
        },
      }),
    ),
    ...(['break', 'continue'] as const).map(
      (name): Command => ({
        name,
        summary: name === 'break' ? 'exit a for, while or until loop' : 'resume the next iteration of a loop',
        run: async (ctx) => {
          const depth = shell.loops.depth
          if (depth === 0) {
            ctx.stderr.write(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`)
            return 0
          }
          const arg = ctx.args[0] ?? '1'
          if (!/^[-+]?\d+$/.test(arg)) {
            // bash abandons the whole command here; leaving every loop is the closest we get
            ctx.stderr.write(`bash: ${name}: ${arg}: numeric argument required\n`)
            throw new LoopControl('break', depth, 1)
          }
          const n = Number(arg)
          if (n < 1) {
            ctx.stderr.write(`bash: ${name}: ${arg}: loop count out of range\n`)
            throw new LoopControl('break', depth, 1)
          }
          throw new LoopControl(name, Math.min(n, depth), 0)
        },
      }),
    ),
    ...['bash', 'sh'].map(
      (name): Command => ({
        name,
        summary: 'run a script in a new shell',
        run: async (ctx) => {
          const frame = frameOf(ctx)
          const args = ctx.args.filter((a) => a !== '-e' && a !== '-x' && a !== '-ex' && a !== '-l')
          if (args[0] === '-c') {
            if (args[1] === undefined) {
              ctx.stderr.write(`${name}: -c: option requires an argument\n`)
              return 2
            }
            return shell.isolated(() => shell.runNested(args[1], frame))
          }
          if (args[0] !== undefined) {
            const path = shell.fs.resolve(shell.cwd, args[0])
            if (!shell.fs.isFile(path)) {
              ctx.stderr.write(`${name}: ${args[0]}: No such file or directory\n`)
              return 127
            }
            return shell.isolated(() => shell.runNested(shell.fs.readFile(path), { ...frame, stdin: null }))
          }
          if (ctx.stdinIsTty) return 0
          return shell.isolated(() => shell.runNested(ctx.stdin, { ...frame, stdin: null }))
        },
      }),
    ),
  ]
  return new Map(list.map((c) => [c.name, c]))
}
