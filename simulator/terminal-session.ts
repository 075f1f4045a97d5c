/**
 * The contract between a terminal host (the browser's xterm, the headless runner) and a simulated cluster with
 * its shell. The host owns keystrokes, line editing and rendering; the session owns everything else.
 */
import type { OutputStream } from './shell/types'

export interface TerminalSession {
  /** the prompt to print before reading a line, e.g. `[you@bastion ~]$ ` or `sh-4.2$ ` inside `oc rsh` */
  prompt(): string
  /** the continuation prompt for multi-line input (`> `) */
  continuationPrompt(): string
  /** false while the text typed so far is an unfinished command (open quote, trailing `\`, here-document) */
  isComplete(text: string): boolean
  /** runs one complete command line; output may be written while it runs (watch, -w, logs -f) */
  execute(text: string, io: { stdout: OutputStream; stderr: OutputStream; signal: AbortSignal }): Promise<number>
  /** completion candidates for the word at `cursor` (Tab); `replaceFrom` is where the completed word starts */
  complete(line: string, cursor: number): { candidates: string[]; replaceFrom: number }
  /** true while an interactive pod shell (`oc rsh`) is open: Ctrl+D then sends `exit` */
  inSubshell(): boolean
  /** the history of executed lines, oldest first (for Up/Down and Ctrl+R) */
  history(): string[]
  /** the virtual clock, in epoch milliseconds */
  now(): number
  /** advances the virtual clock (the page's ticker, the "skip 1 minute" button) */
  advance(ms: number): void
  /** called after every change of cluster state or time; returns an unsubscribe function */
  subscribe(listener: () => void): () => void
}
