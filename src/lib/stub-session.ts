/**
 * TEMPORARY stand-in for `simulator/sandbox.ts` until the real session factory exists: an echo shell that
 * implements the `TerminalSession` contract. Delete this file once `src/lib/session.ts` imports the real one.
 */
import type { TerminalSession } from '../../simulator/terminal-session'

export interface SandboxOptions {
  scenario: string
  seed?: number
  user?: string
}

const COMMANDS = ['echo', 'exit', 'help', 'oc', 'sleep', 'clear']

export function createSandboxSession(options: SandboxOptions): TerminalSession {
  const user = options.user ?? 'you'
  const history: string[] = []
  const listeners = new Set<() => void>()
  let now = Date.UTC(2026, 0, 15, 9, 0, 0)
  let subshell = false
  const notify = () => listeners.forEach((l) => l())

  return {
    prompt: () => (subshell ? 'sh-4.2$ ' : `[${user}@bastion ~]$ `),
    continuationPrompt: () => '> ',
    isComplete: (text) => {
      if (/\\$/.test(text)) return false
      const quotes = (text.match(/'/g) ?? []).length
      const dquotes = (text.match(/"/g) ?? []).length
      return quotes % 2 === 0 && dquotes % 2 === 0
    },
    async execute(text, io) {
      history.push(text)
      const trimmed = text.trim()
      if (trimmed === 'exit' && subshell) {
        subshell = false
        return 0
      }
      if (trimmed === 'rsh') {
        subshell = true
        return 0
      }
      if (trimmed === 'clear') {
        io.stdout.write('\x1b[H\x1b[2J')
        return 0
      }
      const sleep = /^sleep (\d+)$/.exec(trimmed)
      if (sleep) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Number(sleep[1]) * 1000)
          io.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true })
        })
        return io.signal.aborted ? 130 : 0
      }
      io.stdout.write(`you typed: ${text}\n`)
      notify()
      return 0
    },
    complete(line, cursor) {
      const before = line.slice(0, cursor)
      const replaceFrom = before.search(/\S*$/)
      const word = before.slice(replaceFrom)
      if (replaceFrom !== before.search(/\S/) && before.trim() !== '') return { candidates: [], replaceFrom }
      return { candidates: COMMANDS.filter((c) => c.startsWith(word)), replaceFrom }
    },
    history: () => history.slice(),
    now: () => now,
    advance(ms) {
      now += ms
      notify()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
