/**
 * vi key bindings through monaco-vim, loaded only when the trainee switches vi mode on. The ex commands that
 * write or end an edit are redefined with vi's meaning (see ex-commands.ts): `:w` writes, `:wq`/`:x` write and
 * quit, `:q` quits unless changes are unwritten, `:q!` quits dropping them.
 */
import type { monaco } from './monaco'
import { exAction, type ExAction } from './ex-commands'

export type VimHandlers = Record<Exclude<ExAction, 'none'>, () => void>

type VimApi = {
  defineEx(name: string, prefix: string, fn: (cm: unknown, params: { argString?: string; input?: string }) => void): void
}

let current: VimHandlers | null = null
let defined = false

function define(Vim: VimApi): void {
  if (defined) return
  defined = true
  const run = (params: { input?: string }, fallback: Exclude<ExAction, 'none'>) => {
    const action = exAction(params.input ?? '') ?? fallback
    if (action !== 'none') current?.[action]()
  }
  const write = (_cm: unknown, p: { input?: string }) => run(p, 'write')
  const save = (_cm: unknown, p: { input?: string }) => run(p, 'save')
  const quit = (_cm: unknown, p: { input?: string }) => run(p, 'quit')
  Vim.defineEx('write', 'w', write)
  Vim.defineEx('wq', 'wq', save)
  Vim.defineEx('wqall', 'wqa', save)
  Vim.defineEx('xit', 'x', save)
  Vim.defineEx('xall', 'xa', save)
  Vim.defineEx('exit', 'exi', save)
  Vim.defineEx('update', 'up', write)
  Vim.defineEx('quit', 'q', quit)
  Vim.defineEx('qall', 'qa', quit)
  Vim.defineEx('quitall', 'quita', quit)
  Vim.defineEx('cquit', 'cq', quit)
}

/** turns vi mode on for `editor`; the returned function turns it off */
export async function enableVim(
  editor: monaco.editor.IStandaloneCodeEditor,
  statusBar: HTMLElement,
  handlers: VimHandlers,
): Promise<() => void> {
  const { initVimMode, VimMode } = await import('monaco-vim')
  define((VimMode as unknown as { Vim: VimApi }).Vim)
  current = handlers
  const mode = initVimMode(editor as never, statusBar)
  return () => {
    if (current === handlers) current = null
    mode.dispose()
    statusBar.replaceChildren()
  }
}
