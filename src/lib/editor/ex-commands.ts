/** The few vi command-line (ex) commands the editor understands: write and/or quit. */
export type ExAction = 'save' | 'cancel' | 'none'

/**
 * `:w`, `:wq`, `:wq!`, `:x`, `:x!`, `:w!` (and `:write`, `:xit`, `:exit`, `ZZ`-like `:wqa`) save and close;
 * `:q`, `:q!`, `:qa`, `:qa!`, `:quit`, `:cq` cancel. Anything else is not an editor command (undefined).
 */
export function exAction(input: string): ExAction | undefined {
  const cmd = input.trim().replace(/^:+/, '').trim()
  if (cmd === '') return 'none'
  const m = /^([a-z]+)(!?)$/.exec(cmd)
  if (!m) return undefined
  const name = m[1]
  if (['w', 'write', 'wq', 'wqa', 'wqall', 'x', 'xa', 'xit', 'xall', 'exit', 'up', 'update'].includes(name)) return 'save'
  if (['q', 'quit', 'qa', 'qall', 'quita', 'quitall', 'cq', 'cquit'].includes(name)) return 'cancel'
  return undefined
}
