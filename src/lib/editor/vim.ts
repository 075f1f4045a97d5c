/**
 * vi key bindings through monaco-vim, loaded only when the trainee switches vi mode on. The ex commands that
 * end an edit are redefined: `:w`, `:wq`, `:wq!`, `:x` save (and close), `:q`, `:q!` cancel.
 */
import type { monaco } from './monaco'
import { exAction } from './ex-commands'

export interface VimHandlers {
  save(): void
  cancel(): void
}

type VimApi = {
  defineEx(name: string, prefix: string, fn: (cm: unknown, params: { argString?: string; input?: string }) => void): void
}

let current: VimHandlers | null = null
let defined = false

function define(Vim: VimApi): void {
  if (defined) return
  defined = true
  const run = (params: { input?: string }, fallback: 'save' | 'cancel') => {
    const action = exAction(params.input ?? '') ?? fallback
    if (action === 'save') current?.save()
    else if (action === 'cancel') current?.cancel()
  }
  const save = (_cm: unknown, p: { input?: string }) => run(p, 'save')
  const quit = (_cm: unknown, p: { input?: string }) => run(p, 'cancel')
  Vim.defineEx('write', 'w', save)
  Vim.defineEx('wq', 'wq', save)
  Vim.defineEx('wqall', 'wqa', save)
  Vim.defineEx('xit', 'x', save)
  Vim.defineEx('xall', 'xa', save)
  Vim.defineEx('exit', 'exi', save)
  Vim.defineEx('update', 'up', save)
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
