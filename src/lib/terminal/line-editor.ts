/**
 * The line editor of the browser terminal: a pure state machine (no DOM, no xterm) that turns keys into
 * the text to write to the terminal and into actions for the host (run a command line, end of input).
 *
 * It renders the edited line itself, with relative cursor movements, so that long lines that wrap over
 * several terminal rows are redrawn correctly.
 */
import { classify, formatColumns, splitKeys, visibleLength } from './keys'

/** What the editor needs from the shell session (a subset of `TerminalSession`) and the terminal. */
export interface LineEditorHost {
  prompt(): string
  continuationPrompt(): string
  isComplete(text: string): boolean
  history(): string[]
  complete(line: string, cursor: number): { candidates: string[]; replaceFrom: number }
  /** the terminal width in columns */
  columns(): number
}

export type EditorAction =
  /** run this complete command line (may contain newlines when it was entered over several lines) */
  | { type: 'execute'; text: string }
  /** Ctrl+D on an empty line */
  | { type: 'eof' }

export interface FeedResult {
  /** text to write to the terminal */
  output: string
  /** set when the input produced an action; the host handles it, then feeds `rest` */
  action?: EditorAction
  /** input after the key that produced the action, not yet processed */
  rest: string
}

interface SearchState {
  query: string
  /** index into history of the current match, or -1 if none */
  index: number
  failed: boolean
  /** the line and cursor before the search started (restored on Ctrl+G / Ctrl+C) */
  savedBuffer: string
  savedCursor: number
}

const SEARCH_LABEL = '(reverse-i-search)'
const FAILED_SEARCH_LABEL = '(failed reverse-i-search)'

export class LineEditor {
  /** the line being edited */
  buffer = ''
  /** cursor position in `buffer` (in UTF-16 code units) */
  cursor = 0
  /** lines of an unfinished multi-line command, already accepted with Enter */
  pending: string[] = []

  private historyIndex: number | null = null
  private historySaved = ''
  private search: SearchState | null = null
  /** the row of the cursor, relative to the first row of the current prompt */
  private cursorRow = 0
  private lastTabLine: string | null = null

  constructor(private readonly host: LineEditorHost) {}

  /** true while a reverse search is active */
  get searching(): boolean {
    return this.search !== null
  }

  /** Starts reading a new command: resets the state and returns the prompt to write. */
  start(): string {
    this.buffer = ''
    this.cursor = 0
    this.pending = []
    this.historyIndex = null
    this.search = null
    this.cursorRow = 0
    this.lastTabLine = null
    return this.render(true)
  }

  /** Tells the editor the terminal width changed (the terminal reflows wrapped rows itself). */
  resized(): void {
    const cols = Math.max(1, this.host.columns())
    const pos = visibleLength(this.promptText()) + this.displayCursor()
    this.cursorRow = Math.floor(pos / cols)
  }

  /**
   * Processes input until it is used up or a key produces an action. Pasted text containing line breaks is
   * processed key by key, so each line is handled as if typed and Enter pressed.
   */
  feed(data: string): FeedResult {
    const keys = splitKeys(data)
    let output = ''
    for (let i = 0; i < keys.length; i++) {
      const r = this.key(keys[i])
      output += r.output
      if (r.action) return { output, action: r.action, rest: keys.slice(i + 1).join('') }
    }
    return { output, rest: '' }
  }

  /** Handles one key. */
  key(key: string): { output: string; action?: EditorAction } {
    const k = classify(key)
    if (k !== 'tab') this.lastTabLine = null
    if (this.search) return this.searchKey(k)
    if (typeof k === 'object') {
      this.insert(k.text)
      return { output: this.render() }
    }
    switch (k) {
      case 'enter':
        return this.enter()
      case 'backspace':
        if (this.cursor === 0) return { output: '' }
        {
          const prev = this.prevCharIndex(this.cursor)
          this.buffer = this.buffer.slice(0, prev) + this.buffer.slice(this.cursor)
          this.cursor = prev
        }
        return { output: this.render() }
      case 'delete':
        if (this.cursor >= this.buffer.length) return { output: '' }
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.nextCharIndex(this.cursor))
        return { output: this.render() }
      case 'left':
        if (this.cursor === 0) return { output: '' }
        this.cursor = this.prevCharIndex(this.cursor)
        return { output: this.render() }
      case 'right':
        if (this.cursor >= this.buffer.length) return { output: '' }
        this.cursor = this.nextCharIndex(this.cursor)
        return { output: this.render() }
      case 'home':
        this.cursor = 0
        return { output: this.render() }
      case 'end':
        this.cursor = this.buffer.length
        return { output: this.render() }
      case 'word-left':
        this.cursor = wordStartBefore(this.buffer, this.cursor)
        return { output: this.render() }
      case 'word-right':
        this.cursor = wordEndAfter(this.buffer, this.cursor)
        return { output: this.render() }
      case 'kill-line-start':
        this.buffer = this.buffer.slice(this.cursor)
        this.cursor = 0
        return { output: this.render() }
      case 'kill-line-end':
        this.buffer = this.buffer.slice(0, this.cursor)
        return { output: this.render() }
      case 'kill-word': {
        // unix-word-rubout: delete back to the previous whitespace
        let start = this.cursor
        while (start > 0 && /\s/.test(this.buffer[start - 1])) start--
        while (start > 0 && !/\s/.test(this.buffer[start - 1])) start--
        this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor)
        this.cursor = start
        return { output: this.render() }
      }
      case 'up':
        return { output: this.historyMove(-1) }
      case 'down':
        return { output: this.historyMove(1) }
      case 'tab':
        return { output: this.tab() }
      case 'clear-screen':
        this.cursorRow = 0
        return { output: '\x1b[H\x1b[2J' + this.render(true) }
      case 'interrupt': {
        const out = this.moveToEnd() + '^C\r\n'
        return { output: out + this.start() }
      }
      case 'eof':
        if (this.buffer === '' && this.pending.length === 0) return { output: '', action: { type: 'eof' } }
        if (this.cursor < this.buffer.length) {
          this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.nextCharIndex(this.cursor))
          return { output: this.render() }
        }
        return { output: '' }
      case 'reverse-search':
        this.search = {
          query: '',
          index: -1,
          failed: false,
          savedBuffer: this.buffer,
          savedCursor: this.cursor,
        }
        return { output: this.render() }
      case 'escape':
      case 'abort':
      case 'unknown':
        return { output: '' }
    }
  }

  /** The full text of the command so far (pending lines and the current line). */
  text(): string {
    return [...this.pending, this.buffer].join('\n')
  }

  private enter(): { output: string; action?: EditorAction } {
    const text = this.text()
    const out = this.moveToEnd() + '\r\n'
    if (!this.host.isComplete(text)) {
      this.pending.push(this.buffer)
      this.buffer = ''
      this.cursor = 0
      this.cursorRow = 0
      this.historyIndex = null
      return { output: out + this.render(true) }
    }
    this.buffer = ''
    this.cursor = 0
    this.pending = []
    this.cursorRow = 0
    this.historyIndex = null
    return { output: out, action: { type: 'execute', text } }
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor)
    this.cursor += text.length
  }

  private historyMove(delta: number): string {
    const hist = this.host.history()
    if (hist.length === 0) return ''
    if (this.historyIndex === null) {
      if (delta > 0) return ''
      this.historySaved = this.buffer
      this.historyIndex = hist.length
    }
    const next = Math.min(hist.length, Math.max(0, this.historyIndex + delta))
    if (next === this.historyIndex) return ''
    this.historyIndex = next
    this.buffer = next === hist.length ? this.historySaved : hist[next]
    if (next === hist.length) this.historyIndex = null
    this.cursor = this.buffer.length
    return this.render()
  }

  private tab(): string {
    const { candidates, replaceFrom } = this.host.complete(this.buffer, this.cursor)
    if (candidates.length === 0) return ''
    const word = this.buffer.slice(replaceFrom, this.cursor)
    if (candidates.length === 1) {
      const c = candidates[0]
      const suffix = c.endsWith('/') || c.endsWith('=') ? '' : ' '
      const insertion = c + (this.buffer.slice(this.cursor).startsWith(' ') ? '' : suffix)
      this.buffer = this.buffer.slice(0, replaceFrom) + insertion + this.buffer.slice(this.cursor)
      this.cursor = replaceFrom + insertion.length
      this.lastTabLine = null
      return this.render()
    }
    const prefix = commonPrefix(candidates)
    if (prefix.length > word.length && prefix.startsWith(word)) {
      this.buffer = this.buffer.slice(0, replaceFrom) + prefix + this.buffer.slice(this.cursor)
      this.cursor = replaceFrom + prefix.length
      this.lastTabLine = this.buffer
      return this.render()
    }
    // several candidates and nothing more to complete: list them, then redraw the prompt and line
    this.lastTabLine = this.buffer
    const lines = formatColumns(candidates, Math.max(1, this.host.columns()))
    let out = this.moveToEnd() + '\r\n' + lines.join('\r\n') + '\r\n'
    this.cursorRow = 0
    out += this.render(true)
    return out
  }

  private searchKey(k: ReturnType<typeof classify>): { output: string; action?: EditorAction } {
    const s = this.search!
    if (typeof k === 'object') {
      s.query += k.text
      this.runSearch(s.index === -1 ? this.host.history().length - 1 : s.index)
      return { output: this.render() }
    }
    switch (k) {
      case 'reverse-search':
        if (s.query === '') return { output: '' }
        this.runSearch((s.index === -1 ? this.host.history().length : s.index) - 1, true)
        return { output: this.render() }
      case 'backspace':
        s.query = s.query.slice(0, -1)
        s.failed = false
        this.runSearch(this.host.history().length - 1)
        return { output: this.render() }
      case 'interrupt':
      case 'abort': {
        this.buffer = s.savedBuffer
        this.cursor = s.savedCursor
        this.search = null
        if (k === 'interrupt') {
          const out = this.render() + this.moveToEnd() + '^C\r\n'
          return { output: out + this.start() }
        }
        return { output: this.render() }
      }
      case 'enter': {
        this.acceptSearch()
        const out = this.render()
        const r = this.enter()
        return { output: out + r.output, action: r.action }
      }
      default: {
        // any other key accepts the match and is then applied as usual
        this.acceptSearch()
        const out = this.render()
        if (k === 'escape') return { output: out }
        const key = keyFor(k)
        if (key === null) return { output: out }
        const r = this.key(key)
        return { output: out + r.output, action: r.action }
      }
    }
  }

  private acceptSearch(): void {
    const s = this.search!
    this.search = null
    this.historyIndex = null
    if (s.index >= 0 && !s.failed) {
      this.buffer = this.host.history()[s.index]
      this.cursor = Math.max(0, this.buffer.indexOf(s.query))
    } else {
      this.buffer = s.savedBuffer
      this.cursor = s.savedCursor
    }
  }

  /** searches history backwards from `from` for the query; keeps the current match if none is found */
  private runSearch(from: number, older = false): void {
    const s = this.search!
    const hist = this.host.history()
    for (let i = Math.min(from, hist.length - 1); i >= 0; i--) {
      if (hist[i].includes(s.query)) {
        s.index = i
        s.failed = false
        return
      }
    }
    if (s.query !== '') s.failed = true
    if (!older && s.index >= 0 && !hist[s.index]?.includes(s.query)) s.failed = true
  }

  private promptText(): string {
    if (this.search) {
      const s = this.search
      return `${s.failed ? FAILED_SEARCH_LABEL : SEARCH_LABEL}\`${s.query}': `
    }
    return this.pending.length > 0 ? this.host.continuationPrompt() : this.host.prompt()
  }

  private displayLine(): string {
    if (this.search) {
      const s = this.search
      const line = s.index >= 0 ? this.host.history()[s.index] : ''
      return display(line)
    }
    return display(this.buffer)
  }

  /** the cursor position in display columns after the prompt */
  private displayCursor(): number {
    if (this.search) {
      const s = this.search
      if (s.index < 0) return 0
      const line = this.host.history()[s.index]
      const at = s.failed ? -1 : line.indexOf(s.query)
      return at < 0 ? [...line].length : [...line.slice(0, at)].length
    }
    return [...this.buffer.slice(0, this.cursor)].length
  }

  /** Redraws the prompt and line. `fresh`: the cursor is at column 0 of an empty row (nothing to erase). */
  private render(fresh = false): string {
    const cols = Math.max(1, this.host.columns())
    const prompt = this.promptText()
    const line = this.displayLine()
    let out = ''
    if (!fresh) {
      if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`
      out += '\r\x1b[J'
    }
    out += prompt + line
    const promptLen = visibleLength(prompt)
    const total = promptLen + [...line].length
    // after writing exactly a full row the terminal waits at the right margin: step onto the next row
    if (total > 0 && total % cols === 0) out += '\r\n'
    const endRow = Math.floor(total / cols)
    const pos = promptLen + this.displayCursor()
    const row = Math.floor(pos / cols)
    const col = pos % cols
    if (endRow > row) out += `\x1b[${endRow - row}A`
    if (endRow !== row || col !== total % cols) {
      out += '\r'
      if (col > 0) out += `\x1b[${col}C`
    }
    this.cursorRow = row
    return out
  }

  /** moves the cursor to the end of the displayed line (before writing a line break under it) */
  private moveToEnd(): string {
    const cols = Math.max(1, this.host.columns())
    const total = visibleLength(this.promptText()) + [...this.displayLine()].length
    const endRow = Math.floor(total / cols)
    let out = ''
    if (endRow > this.cursorRow) out += `\x1b[${endRow - this.cursorRow}B`
    out += '\r'
    const col = total % cols
    if (col > 0) out += `\x1b[${col}C`
    this.cursorRow = endRow
    return out
  }

  private prevCharIndex(i: number): number {
    if (i >= 2 && isLowSurrogate(this.buffer.charCodeAt(i - 1)) && isHighSurrogate(this.buffer.charCodeAt(i - 2))) {
      return i - 2
    }
    return Math.max(0, i - 1)
  }

  private nextCharIndex(i: number): number {
    if (isHighSurrogate(this.buffer.charCodeAt(i)) && isLowSurrogate(this.buffer.charCodeAt(i + 1))) return i + 2
    return Math.min(this.buffer.length, i + 1)
  }
}

/** how a line is shown: newlines of a multi-line history entry are shown as a visible mark */
function display(line: string): string {
  return line.replace(/\n/g, '↵')
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function wordStartBefore(s: string, i: number): number {
  let j = i
  while (j > 0 && !/[\w.\-/]/.test(s[j - 1])) j--
  while (j > 0 && /[\w.\-/]/.test(s[j - 1])) j--
  return j
}

function wordEndAfter(s: string, i: number): number {
  let j = i
  while (j < s.length && !/[\w.\-/]/.test(s[j])) j++
  while (j < s.length && /[\w.\-/]/.test(s[j])) j++
  return j
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return ''
  let prefix = words[0]
  for (const w of words.slice(1)) {
    let i = 0
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++
    prefix = prefix.slice(0, i)
  }
  return prefix
}

/** the raw key for a named key, to re-dispatch it after leaving reverse search */
function keyFor(k: ReturnType<typeof classify>): string | null {
  if (typeof k === 'object') return k.text
  const map: Partial<Record<string, string>> = {
    backspace: '\x7f', delete: '\x1b[3~', tab: '\t', home: '\x01', end: '\x05', left: '\x1b[D', right: '\x1b[C',
    up: '\x1b[A', down: '\x1b[B', 'word-left': '\x1bb', 'word-right': '\x1bf', eof: '\x04',
    'kill-line-start': '\x15', 'kill-line-end': '\x0b', 'kill-word': '\x17', 'clear-screen': '\x0c',
  }
  return map[k] ?? null
}
