/**
 * Splits terminal input (what xterm's `onData` delivers: typed keys, escape sequences, pasted text) into keys.
 * Pure; no DOM.
 */

/** Splits `data` into single keys: one character, one control character, or one escape sequence. */
export function splitKeys(data: string): string[] {
  const keys: string[] = []
  let i = 0
  while (i < data.length) {
    const ch = data[i]
    if (ch === '\x1b') {
      const next = data[i + 1]
      if (next === '[') {
        // CSI: ESC [ params intermediates final
        let j = i + 2
        while (j < data.length && /[0-9;?<=>]/.test(data[j])) j++
        while (j < data.length && /[ -/]/.test(data[j])) j++
        if (j < data.length) j++ // final byte
        keys.push(data.slice(i, j))
        i = j
        continue
      }
      if (next === 'O' && i + 2 < data.length) {
        keys.push(data.slice(i, i + 3))
        i += 3
        continue
      }
      if (next !== undefined) {
        keys.push(data.slice(i, i + 2)) // Alt+key
        i += 2
        continue
      }
      keys.push(ch)
      i++
      continue
    }
    if (ch === '\r' && data[i + 1] === '\n') {
      keys.push('\r') // CRLF in a paste is one line break
      i += 2
      continue
    }
    // keep surrogate pairs together
    const code = data.codePointAt(i) ?? 0
    const len = code > 0xffff ? 2 : 1
    keys.push(data.slice(i, i + len))
    i += len
  }
  return keys
}

/** Named keys the line editor understands. */
export const Key = {
  Enter: '\r',
  LineFeed: '\n',
  Backspace: '\x7f',
  CtrlH: '\x08',
  Tab: '\t',
  Escape: '\x1b',
  CtrlA: '\x01',
  CtrlB: '\x02',
  CtrlC: '\x03',
  CtrlD: '\x04',
  CtrlE: '\x05',
  CtrlF: '\x06',
  CtrlG: '\x07',
  CtrlK: '\x0b',
  CtrlL: '\x0c',
  CtrlN: '\x0e',
  CtrlP: '\x10',
  CtrlR: '\x12',
  CtrlU: '\x15',
  CtrlW: '\x17',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  Delete: '\x1b[3~',
} as const

const HOME = new Set(['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~'])
const END = new Set(['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~'])
const UP = new Set(['\x1b[A', '\x1bOA'])
const DOWN = new Set(['\x1b[B', '\x1bOB'])
const RIGHT = new Set(['\x1b[C', '\x1bOC'])
const LEFT = new Set(['\x1b[D', '\x1bOD'])
const WORD_LEFT = new Set(['\x1b[1;5D', '\x1b[1;3D', '\x1bb'])
const WORD_RIGHT = new Set(['\x1b[1;5C', '\x1b[1;3C', '\x1bf'])

export type NamedKey =
  | 'enter' | 'backspace' | 'delete' | 'tab' | 'escape'
  | 'home' | 'end' | 'left' | 'right' | 'up' | 'down' | 'word-left' | 'word-right'
  | 'interrupt' | 'eof' | 'kill-line-start' | 'kill-line-end' | 'kill-word' | 'clear-screen'
  | 'reverse-search' | 'abort' | 'unknown'

/** Classifies one key from `splitKeys`; printable text is returned as `{ text }`. */
export function classify(key: string): NamedKey | { text: string } {
  switch (key) {
    case '\r':
    case '\n':
      return 'enter'
    case '\x7f':
    case '\x08':
      return 'backspace'
    case '\t':
      return 'tab'
    case '\x1b':
      return 'escape'
    case '\x01':
      return 'home'
    case '\x05':
      return 'end'
    case '\x02':
      return 'left'
    case '\x06':
      return 'right'
    case '\x10':
      return 'up'
    case '\x0e':
      return 'down'
    case '\x03':
      return 'interrupt'
    case '\x04':
      return 'eof'
    case '\x15':
      return 'kill-line-start'
    case '\x0b':
      return 'kill-line-end'
    case '\x17':
      return 'kill-word'
    case '\x0c':
      return 'clear-screen'
    case '\x12':
      return 'reverse-search'
    case '\x07':
      return 'abort'
    case '\x1b[3~':
      return 'delete'
  }
  if (HOME.has(key)) return 'home'
  if (END.has(key)) return 'end'
  if (UP.has(key)) return 'up'
  if (DOWN.has(key)) return 'down'
  if (RIGHT.has(key)) return 'right'
  if (LEFT.has(key)) return 'left'
  if (WORD_LEFT.has(key)) return 'word-left'
  if (WORD_RIGHT.has(key)) return 'word-right'
  if (key.startsWith('\x1b')) return 'unknown'
  const code = key.codePointAt(0) ?? 0
  if (code < 0x20 || code === 0x7f) return 'unknown'
  return { text: key }
}

/** The visible width of text that may contain ANSI escape sequences (SGR colours and the like). */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07]*\x07/g, '')
  return [...plain].length
}

/** Converts bare `\n` line ends to the `\r\n` a terminal needs. */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}

/** Lays out words in columns (like bash lists completions); returns lines without line ends. */
export function formatColumns(words: string[], width: number): string[] {
  if (words.length === 0) return []
  const colWidth = Math.max(...words.map((w) => [...w].length)) + 2
  const perRow = Math.max(1, Math.floor(width / colWidth))
  const rows = Math.ceil(words.length / perRow)
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    let line = ''
    for (let c = 0; c < perRow; c++) {
      const idx = c * rows + r // column-major, like ls and bash
      if (idx >= words.length) break
      const w = words[idx]
      const isLast = c === perRow - 1 || (c + 1) * rows + r >= words.length
      line += isLast ? w : w.padEnd(colWidth)
    }
    lines.push(line)
  }
  return lines
}
