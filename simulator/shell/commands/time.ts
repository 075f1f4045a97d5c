/** Commands that wait on the virtual clock or drive the screen: `sleep`, `watch`, `clear`. */
import type { Command } from '../types'
import { BufferStream } from '../streams'

/** Parses `5`, `1.5`, `5s`, `2m`, `1h`, `1d` into milliseconds (undefined when invalid). */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text)
  if (!m) return undefined
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!
  return Math.round(Number(m[1]) * unit * 1000)
}

/** `sleep DURATION...` (durations add up, as in GNU sleep) */
export const sleep: Command = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  async run(ctx) {
    if (ctx.args.length === 0) {
      ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n")
      return 1
    }
    let total = 0
    for (const a of ctx.args) {
      const ms = parseDuration(a)
      if (ms === undefined) {
        ctx.stderr.write(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`)
        return 1
      }
      total += ms
    }
    await ctx.sleep(total)
    return 0
  },
}

/**
 * `watch [-n SECS] [-t] COMMAND...`: clears the screen, prints the `Every 2.0s: ...` header and the command's
 * output, then repeats every interval until interrupted; interruption ends it with status 0.
 */
export const watch: Command = {
  name: 'watch',
  summary: 'execute a program periodically, showing output fullscreen',
  async run(ctx) {
    let interval = 2
    let header = true
    let i = 0
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i]
      if (a === '-n' || a === '--interval') interval = Number(ctx.args[++i])
      else if (/^-n\d/.test(a)) interval = Number(a.slice(2))
      else if (a.startsWith('--interval=')) interval = Number(a.slice(11))
      else if (a === '-t' || a === '--no-title') header = false
      else if (a === '-d' || a === '--differences' || a === '-x' || a === '--exec') continue
      else break
    }
    const command = ctx.args.slice(i).join(' ')
    if (!command) {
      ctx.stderr.write('Usage:\n watch [options] command\n')
      return 1
    }
    if (!Number.isFinite(interval) || interval <= 0) interval = 2
    // watch enforces a 0.1 s minimum interval
    interval = Math.max(0.1, interval)
    while (!ctx.signal.aborted) {
      const out = new BufferStream()
      await ctx.exec(command, { stdout: out, stderr: out })
      if (ctx.signal.aborted) break
      ctx.clearScreen()
      if (header) ctx.stdout.write(`Every ${interval.toFixed(1)}s: ${command}\n\n`)
      ctx.stdout.write(out.text)
      try {
        await ctx.sleep(interval * 1000, { endless: true })
      } catch {
        break
      }
    }
    return 0
  },
}

/** `clear` */
export const clear: Command = {
  name: 'clear',
  summary: 'clear the terminal screen',
  async run(ctx) {
    ctx.clearScreen()
    return 0
  },
}
