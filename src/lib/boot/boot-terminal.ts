/**
 * The boot terminal: a plain-DOM stand-in for the terminal, painted by the boot script (src/boot.ts) as soon as the
 * page starts, long before xterm (85 KB gzip) and the app have loaded. It shows the saved scrollback and the prompt,
 * echoes what the trainee types, and keeps every keystroke as the terminal data xterm would have produced. The real
 * terminal takes those keystrokes over (`takeBootTerminal`) when it paints its own first prompt, and replays them
 * through its line editor, so nothing typed early is lost and nothing runs twice.
 */

export interface BootView {
  /** lines above the prompt (saved scrollback), oldest first */
  scrollback: string[]
  prompt: string
}

export interface BootHandover {
  /** what was typed, as terminal input data (`\r` for Enter, `\x7f` for Backspace, escape sequences for arrows) */
  input: string
  /** removes the boot terminal from the page (call once the real terminal has painted) */
  remove(): void
}

/** the keys the boot terminal answers, as xterm would send them */
const SPECIAL: Record<string, string> = {
  Enter: '\r',
  Backspace: '\x7f',
  Tab: '\t',
  Escape: '\x1b',
  ArrowUp: '\x1b[A',
  ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C',
  ArrowLeft: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  Delete: '\x1b[3~',
}

/** Ctrl+letter keys the line editor uses (Ctrl+R, Ctrl+T, Ctrl+N… keep their browser meaning here) */
const CTRL_LETTERS = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'k', 'l', 'u', 'w'])

/** The terminal data for a key press, or undefined when the boot terminal leaves the key to the browser. */
export function keyToData(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): string | undefined {
  if (e.metaKey) return undefined
  if (e.ctrlKey && !e.altKey) {
    const k = e.key.toLowerCase()
    return k.length === 1 && CTRL_LETTERS.has(k) ? String.fromCharCode(k.charCodeAt(0) - 96) : undefined
  }
  if (e.altKey) return undefined
  if (e.key in SPECIAL) return SPECIAL[e.key]
  return e.key.length === 1 ? e.key : undefined
}

/**
 * What the boot terminal shows for the typed data: printable text is echoed, Backspace erases, Enter starts a new
 * line (the command runs once the real terminal is there), Ctrl+C drops the line; other control input is not shown.
 */
export function echoLines(data: string): string[] {
  const lines = ['']
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]
    const last = lines.length - 1
    if (ch === '\x1b') {
      // skip an escape sequence (arrows, Home, End, Delete)
      if (data[i + 1] === '[') {
        i += 2
        while (i < data.length && !/[A-Za-z~]/.test(data[i])) i++
      }
      continue
    }
    if (ch === '\r') lines.push('')
    else if (ch === '\x7f') lines[last] = lines[last].slice(0, -1)
    else if (ch === '\x03') {
      lines[last] += '^C'
      lines.push('')
    } else if (ch >= ' ') lines[last] += ch
  }
  return lines
}

interface Booted {
  el: HTMLElement
  typed: HTMLElement
  input: string
  dispose(): void
}

let booted: Booted | null = null
/** set once the real terminal took over or the page showed something else: a late boot paint must not cover it */
let closed = false

/** how long the boot terminal may stay without a terminal taking over (the page failed some other way) */
const GIVE_UP_MS = 20_000

/** Paints the boot terminal over the page and starts taking keystrokes. */
export function showBootTerminal(view: BootView, doc: Document = document): void {
  if (booted || closed) return
  const el = doc.createElement('div')
  el.setAttribute('data-boot-prompt', '')
  el.setAttribute('role', 'log')
  el.setAttribute('aria-label', 'Terminal (starting)')
  el.tabIndex = -1
  // inline styles: the boot script runs before any stylesheet has loaded
  el.style.cssText =
    'position:fixed;inset:0;z-index:1000;margin:0;padding:3.4rem 1.6rem 1rem;overflow:hidden;background:#14161b;' +
    "color:#d8dee9;font:14px/1.15 ui-monospace,'SFMono-Regular','DejaVu Sans Mono','Liberation Mono',Menlo,Consolas,monospace;" +
    'white-space:pre-wrap;word-break:break-all'
  const history = doc.createElement('div')
  history.textContent = view.scrollback.slice(-200).map((l) => l + '\n').join('')
  const prompt = doc.createElement('span')
  prompt.textContent = view.prompt
  const typed = doc.createElement('span')
  const cursor = doc.createElement('span')
  cursor.textContent = ' '
  cursor.style.cssText = 'background:#e5e9f0'
  el.append(history, prompt, typed, cursor)
  doc.body.append(el)

  const state: Booted = {
    el,
    typed,
    input: '',
    dispose: () => {
      doc.removeEventListener('keydown', onKey, true)
      doc.removeEventListener('paste', onPaste, true)
      clearTimeout(timer)
    },
  }
  const add = (data: string) => {
    state.input += data
    typed.textContent = echoLines(state.input).join('\n')
    el.scrollTop = el.scrollHeight
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing) return
    const data = keyToData(e)
    if (data === undefined) return
    e.preventDefault()
    add(data)
  }
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? ''
    if (!text) return
    e.preventDefault()
    add(text.replace(/\r?\n/g, '\r'))
  }
  doc.addEventListener('keydown', onKey, true)
  doc.addEventListener('paste', onPaste, true)
  const timer = setTimeout(() => dismissBootTerminal(), GIVE_UP_MS)
  booted = state
}

/** The real terminal takes over: the keystrokes so far, and a way to remove the boot terminal once painted. */
export function takeBootTerminal(): BootHandover {
  const b = booted
  booted = null
  closed = true
  b?.dispose()
  return { input: b?.input ?? '', remove: () => b?.el.remove() }
}

/**
 * The page shows something other than a terminal (another tab has the session, an error): the boot terminal goes,
 * and what was typed in it is dropped rather than run later in a session the trainee has not seen yet.
 */
export function dismissBootTerminal(): void {
  closed = true
  const b = booted
  if (!b) return
  booted = null
  b.dispose()
  b.el.remove()
}

/** whether the boot terminal is on the page */
export function bootTerminalShown(): boolean {
  return booted !== null
}
