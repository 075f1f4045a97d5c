/** Test helpers: a shell wired to an in-memory FS, an instant virtual clock and an `args` probe command. */
import { createDefaultCommands } from './commands/index'
import { Shell } from './interpreter'
import { BufferStream } from './streams'
import type { Command } from './types'
import { VirtualFs } from './vfs'

/** Prints its argv as JSON: lets tests assert word splitting and expansion exactly. */
export const argsCommand: Command = {
  name: 'args',
  async run(ctx) {
    ctx.stdout.write(JSON.stringify(ctx.args) + '\n')
    return 0
  },
}

export interface TestShellOptions {
  /** every wait that reaches this virtual instant is interrupted (a Ctrl+C at that moment) */
  abortAfterMs?: number
  /** like the headless runner: only waits marked endless are interrupted once they reach this instant */
  endlessAfterMs?: number
  /** a Ctrl+C pressed while a loop hands control to the host (a zero-length wait) */
  interruptOnPause?: boolean
  /** idle loop iterations before the guard stops a loop (`ShellOptions.loopLimit`) */
  loopLimit?: number
}

/**
 * A fresh shell with HOME=/home/user (cwd), a virtual clock (`clock.now`), a `clears` counter and `pauses`, the
 * zero-length waits through which loops hand control to the host.
 */
export function createTestShell(opts: TestShellOptions = {}) {
  const fs = new VirtualFs()
  fs.mkdir('/home/user', { recursive: true })
  fs.mkdir('/tmp', { recursive: true })
  const env = new Map([
    ['HOME', '/home/user'],
    ['USER', 'user'],
    ['PATH', '/usr/local/bin:/usr/bin'],
  ])
  const commands = createDefaultCommands()
  commands.set('args', argsCommand)
  const clock = { now: 0, clears: 0, pauses: 0 }
  let controller = new AbortController()
  const shell = new Shell({
    fs,
    env,
    commands,
    editor: { edit: async () => null },
    sleep: async (ms, signal, sleepOpts) => {
      const aborted = () => Object.assign(new Error('aborted'), { name: 'AbortError' })
      if (ms === 0) clock.pauses++
      if (ms === 0 && opts.interruptOnPause) controller.abort()
      if (signal.aborted) throw aborted()
      const limit = sleepOpts?.endless ? Math.min(opts.endlessAfterMs ?? Infinity, opts.abortAfterMs ?? Infinity) : opts.abortAfterMs
      if (limit !== undefined && clock.now + ms >= limit) {
        clock.now = Math.max(clock.now, limit)
        controller.abort()
        throw aborted()
      }
      clock.now += ms
    },
    hooks: { enterSubshell: () => {}, clearScreen: () => void clock.clears++ },
    loopLimit: opts.loopLimit,
  })
  const run = async (line: string) => {
    controller = new AbortController()
    const stdout = new BufferStream()
    const stderr = new BufferStream()
    const code = await shell.run(line, { stdout, stderr, signal: controller.signal })
    return { out: stdout.text, err: stderr.text, code }
  }
  return { shell, fs, env, clock, run }
}
