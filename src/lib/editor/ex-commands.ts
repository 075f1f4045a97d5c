/**
 * The few vi command-line (ex) commands the editor understands, with vi's meaning:
 * - `write` (`:w`, `:w!`, `:write`, `:up`, `:update`): write the buffer and stay in the editor;
 * - `save` (`:wq`, `:wq!`, `:x`, `:x!`, `:xit`, `:exit`, `:wqa`, `:xa`): write and quit;
 * - `quit` (`:q`, `:quit`, `:qa`): quit, refused while there are changes not written (E37);
 * - `cancel` (`:q!`, `:qa!`, `:cq`): quit and drop the changes not written.
 * Anything else is not an editor command (undefined).
 */
export type ExAction = 'write' | 'save' | 'quit' | 'cancel' | 'none'

export function exAction(input: string): ExAction | undefined {
  const cmd = input.trim().replace(/^:+/, '').trim()
  if (cmd === '') return 'none'
  const m = /^([a-z]+)(!?)$/.exec(cmd)
  if (!m) return undefined
  const [, name, bang] = m
  if (['w', 'write', 'up', 'update'].includes(name)) return 'write'
  if (['wq', 'wqa', 'wqall', 'x', 'xa', 'xit', 'xall', 'exi', 'exit'].includes(name)) return 'save'
  if (['cq', 'cquit'].includes(name)) return 'cancel'
  if (['q', 'quit', 'qa', 'qall', 'quita', 'quitall'].includes(name)) return bang ? 'cancel' : 'quit'
  return undefined
}

/** vim's own words when `:q` meets changes that were not written */
export const NO_WRITE_SINCE_LAST_CHANGE = 'E37: No write since last change (add ! to override)'
