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

/** A fresh shell with HOME=/home/user (cwd), a virtual clock (`clock.now`), and a `clears` counter. */
export function createTestShell(opts: { abortAfterMs?: number } = {}) {
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
  const clock = { now: 0, clears: 0 }
  let controller = new AbortController()
  const shell = new Shell({
    fs,
    env,
    commands,
    editor: { edit: async () => null },
    sleep: async (ms, signal) => {
      if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      const limit = opts.abortAfterMs
      if (limit !== undefined && clock.now + ms >= limit) {
        clock.now = limit
        controller.abort()
        throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      }
      clock.now += ms
    },
    hooks: { enterSubshell: () => {}, clearScreen: () => void clock.clears++ },
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
