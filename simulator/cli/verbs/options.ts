/** `oc options`: the global flags, in kubectl's help-flag layout (sorted by name, `--flag=default:` then the usage). */
import type { Verb } from '../env'
import type { FlagSpec } from '../flags'
import { GLOBAL_FLAGS } from '../global-flags'

/** One flag as kubectl's HelpFlagPrinter writes it (no wrapping: the output is not a terminal of known width). */
export function helpFlag(f: FlagSpec): string {
  const def = f.default === undefined ? (f.type === 'bool' ? false : f.type === 'stringArray' ? [] : f.type === 'int' ? 0 : '') : f.default
  const shown = Array.isArray(def) ? `[${def.join(',')}]` : f.type === 'string' || f.type === 'duration' ? `'${def}'` : String(def)
  return `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${shown}:\n\t${f.usage}\n\n`
}

export const optionsVerb: Verb = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  use: 'options [flags]',
  hidden: true,
  async run(inv) {
    const flags = GLOBAL_FLAGS.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    inv.cmd.stdout.write(`The following options can be passed to any command:\n\n${flags.map(helpFlag).join('')}`)
    return 0
  },
}
