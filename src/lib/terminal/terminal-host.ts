/**
 * xterm glue: connects an xterm.js terminal in the page to a `TerminalSession` through the pure `LineEditor`.
 */
import { Terminal } from '@xterm/xterm'
import { FitAddon } from '@xterm/addon-fit'
import '@xterm/xterm/css/xterm.css'
import type { TerminalSession } from '../../../simulator/terminal-session'
import { LineEditor, type EditorAction } from './line-editor'
import { toTerminalNewlines } from './keys'
import { readScrollback, scrollbackText } from './scrollback'
import { takeBootTerminal } from '../boot/boot-terminal'

export interface TerminalHandle {
  terminal: Terminal
  focus(): void
  /** the text lines above the prompt (at most `max`), for saving */
  scrollback(max: number): string[]
  /**
   * types `text` at the prompt and presses Enter (ignored while a command runs); false when busy. Before the
   * session is ready the text joins the keystrokes that wait for it.
   */
  run(text: string): boolean
  dispose(): void
}

export interface AttachOptions {
  /** saved lines printed before the first prompt */
  scrollback?: string[]
  /**
   * While the session is still loading (a promise was given), the prompt to paint at once: it must be the one the
   * session will have (a new session's). Without it, the scrollback and the prompt wait for the session.
   */
  initialPrompt?: string
  /** called after a command finished and its output and the next prompt are on screen */
  onCommandDone?: () => void
  /** called just before a command line runs */
  onCommandStart?: (text: string) => void
  /** the hosts that are clickable links right now (e.g. the hosts of the cluster's Routes) */
  linkHosts?: () => string[]
  /** a link host was clicked */
  onLink?: (host: string) => void
  /** xterm's screen reader mode (can be changed later through `terminal.options`) */
  screenReaderMode?: boolean
}

/** Whether the session currently routes input to an interactive subshell (`oc rsh`). */
export function inSubshell(session: TerminalSession): boolean {
  return session.inSubshell()
}

const THEME = {
  background: '#14161b',
  foreground: '#d8dee9',
  cursor: '#e5e9f0',
  cursorAccent: '#14161b',
  selectionBackground: '#3b4252',
  black: '#1d2027',
  red: '#ef6b73',
  green: '#a3d07f',
  yellow: '#ebcb8b',
  blue: '#7fa7d9',
  magenta: '#c49bd6',
  cyan: '#7fc7cf',
  white: '#d8dee9',
  brightBlack: '#6b7385',
  brightRed: '#ff8a91',
  brightGreen: '#bde49b',
  brightYellow: '#f5dba5',
  brightBlue: '#9cc0ee',
  brightMagenta: '#d7b3e6',
  brightCyan: '#9ddbe2',
  brightWhite: '#eceff4',
}

/** stands in for the session until it is ready: only the prompt is asked for meanwhile (with `initialPrompt`) */
const PENDING: TerminalSession = new Proxy({} as TerminalSession, {
  get(_t, key) {
    if (key === 'then') return undefined
    return () => {
      throw new Error(`the terminal's session is not ready (${String(key)})`)
    }
  },
})

export const TERMINAL_FONT =
  "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', 'Liberation Mono', 'Menlo', 'Consolas', monospace"

/**
 * Attaches a terminal to `container`. `source` may be a promise of the session: the terminal is on screen at once
 * (with the scrollback and `options.initialPrompt`, when given), the keystrokes typed meanwhile wait, and are fed to
 * the line editor, in order and all of them, when the session is ready; from then on it behaves as with a session.
 */
export function attachTerminal(
  container: HTMLElement,
  source: TerminalSession | Promise<TerminalSession>,
  options: AttachOptions = {},
): TerminalHandle {
  let session: TerminalSession = source instanceof Promise ? PENDING : source
  /** keystrokes (and `run` texts) that arrived before the session was ready */
  let waiting: string | null = source instanceof Promise ? '' : null
  const term = new Terminal({
    fontFamily: TERMINAL_FONT,
    fontSize: 14,
    lineHeight: 1.15,
    cursorBlink: true,
    convertEol: false,
    scrollback: 5000,
    theme: THEME,
    allowProposedApi: false,
    screenReaderMode: options.screenReaderMode ?? false,
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  term.open(container)
  // Tab completes commands; Shift+Tab leaves the terminal (else a keyboard user could never get out of it)
  term.attachCustomKeyEventHandler((e) => !(e.key === 'Tab' && e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey))
  const safeFit = () => {
    try {
      if (container.clientWidth > 0 && container.clientHeight > 0) fit.fit()
    } catch {
      // not laid out yet
    }
  }
  safeFit()

  const editor = new LineEditor({
    prompt: () => (session === PENDING ? (options.initialPrompt ?? '') : session.prompt()),
    continuationPrompt: () => session.continuationPrompt(),
    isComplete: (text) => session.isComplete(text),
    history: () => session.history(),
    complete: (line, cursor) => session.complete(line, cursor),
    columns: () => term.cols,
  })

  let running: AbortController | null = null
  let busy = false
  let disposed = false
  let prompted = false

  const write = (text: string) => {
    if (!disposed && text) term.write(text)
  }
  /** whether command output so far ended at the start of a row (the prompt then needs no extra line break) */
  let atLineStart = true
  const commandOutput = {
    write: (text: string) => {
      if (disposed || !text) return
      const plain = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
      if (plain !== '') atLineStart = /[\r\n]$/.test(plain)
      write(toTerminalNewlines(text))
    },
  }

  async function runCommand(text: string): Promise<void> {
    try {
      options.onCommandStart?.(text)
    } catch (err) {
      console.warn('onCommandStart failed', err)
    }
    const controller = new AbortController()
    running = controller
    atLineStart = true
    try {
      const done = session.execute(text, { stdout: commandOutput, stderr: commandOutput, signal: controller.signal })
      // a command that ignores the abort signal must not hang the terminal after Ctrl+C
      const aborted = new Promise<void>((resolve) =>
        controller.signal.addEventListener('abort', () => setTimeout(resolve, 1000), { once: true }),
      )
      await Promise.race([done, aborted])
    } catch (err) {
      if (!controller.signal.aborted) {
        const message = err instanceof Error ? err.message : String(err)
        write(toTerminalNewlines(`\x1b[31minternal error: ${message}\x1b[0m\n`))
        console.warn('command failed', err)
        atLineStart = true
      }
    } finally {
      running = null
    }
    // start the prompt on a fresh row, even if the output did not end with a line break
    if (controller.signal.aborted || !atLineStart) write('\r\n')
  }

  let abortedFlag = false

  /** handles one editor action; returns whether to reprompt and whether to go on with the rest of the input */
  async function handleAction(action: EditorAction): Promise<{ reprompt: boolean; goOn: boolean }> {
    if (action.type === 'execute') {
      if (action.text.trim() === '') return { reprompt: true, goOn: true }
      abortedFlag = false
      await runCommand(action.text)
      return { reprompt: true, goOn: !abortedFlag }
    }
    // Ctrl+D on an empty line: leaves an interactive subshell, ignored at the bastion prompt
    if (!inSubshell(session)) return { reprompt: false, goOn: true }
    write('exit\r\n')
    await runCommand('exit')
    return { reprompt: true, goOn: true }
  }

  async function process(data: string): Promise<void> {
    busy = true
    try {
      let rest = data
      while (rest !== '' && !disposed) {
        const r = editor.feed(rest)
        write(r.output)
        rest = r.rest
        if (!r.action) break
        const { reprompt, goOn } = await handleAction(r.action)
        if (reprompt) write(editor.start())
        if (options.onCommandDone && !disposed) {
          const done = options.onCommandDone
          // once xterm has parsed everything written so far, the buffer holds the output and the prompt
          term.write('', () => {
            if (!disposed) done()
          })
        }
        if (!goOn) break // Ctrl+C drops the rest of a paste
      }
    } finally {
      busy = false
    }
  }

  const onData = term.onData((data) => {
    if (disposed) return
    if (waiting !== null) {
      waiting += data
      return
    }
    if (running || busy) {
      if (data.includes('\x03') && running) {
        abortedFlag = true
        write('^C')
        running.abort()
      }
      return
    }
    void process(data)
  })

  const linkProvider =
    options.linkHosts && options.onLink
      ? term.registerLinkProvider({
          provideLinks(y, callback) {
            const line = term.buffer.active.getLine(y - 1)?.translateToString(true) ?? ''
            const hosts = options.linkHosts!().filter((h) => h !== '')
            const links = []
            for (const host of hosts) {
              let from = 0
              for (;;) {
                const i = line.indexOf(host, from)
                if (i < 0) break
                from = i + host.length
                links.push({
                  range: { start: { x: i + 1, y }, end: { x: i + host.length, y } },
                  text: host,
                  decorations: { underline: true, pointerCursor: true },
                  activate: () => options.onLink!(host),
                })
              }
            }
            callback(links.length ? links : undefined)
          },
        })
      : null

  const ro = new ResizeObserver(() => {
    safeFit()
  })
  ro.observe(container)
  const onResize = term.onResize(() => editor.resized())

  const firstPrompt = () => {
    prompted = true
    if (options.scrollback?.length) write(scrollbackText(options.scrollback))
    write(editor.start())
    // the boot terminal stood in until now: its keystrokes go through the line editor like any others, and it
    // leaves once this prompt is on screen
    const boot = takeBootTerminal()
    term.write('', () => boot.remove())
    if (boot.input !== '') {
      if (waiting !== null) waiting += boot.input
      else void process(boot.input)
    }
  }
  if (waiting === null || options.initialPrompt !== undefined) firstPrompt()
  if (source instanceof Promise) {
    const initialPrompt = options.initialPrompt
    source.then(
      (s) => {
        if (disposed) return
        session = s
        if (!prompted) firstPrompt()
        else if (initialPrompt !== undefined && s.prompt() !== initialPrompt) {
          console.warn(`the terminal painted the prompt ${JSON.stringify(initialPrompt)}, the session's is ${JSON.stringify(s.prompt())}`)
        }
        const typed = waiting ?? ''
        waiting = null
        if (typed !== '') void process(typed)
      },
      // the page shows why the session did not start; the terminal just stops taking input
      () => {},
    )
  }

  return {
    terminal: term,
    focus: () => term.focus(),
    run: (text) => {
      if (disposed || running || busy) return false
      const keys = text.replace(/\n+$/, '').replace(/\r?\n/g, '\r') + '\r'
      if (waiting !== null) waiting += keys
      else void process(keys)
      return true
    },
    scrollback: (max) => (disposed ? [] : readScrollback(term.buffer.active, max)),
    dispose: () => {
      disposed = true
      running?.abort()
      ro.disconnect()
      linkProvider?.dispose()
      onResize.dispose()
      onData.dispose()
      term.dispose()
    },
  }
}
