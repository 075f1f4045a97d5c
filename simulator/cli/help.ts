/** `oc help`, `oc <verb> --help`, and cobra's "Did you mean this?" suggestions. */
import type { Profile } from '../api/types'
import type { Verb } from './env'
import type { FlagSpec } from './flags'

const GROUPS = [
  'Basic Commands',
  'Build and Deploy Commands',
  'Application Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
  'Other Commands',
]

const INTRO_412 = `OpenShift Client

This client helps you develop, build, deploy, and run your applications on any
OpenShift or Kubernetes cluster. It also includes the administrative
commands for managing a cluster under the 'adm' subcommand.
`

const INTRO_40 = `OpenShift Client

This client helps you develop, build, deploy, and run your applications on any OpenShift or Kubernetes compatible
platform. It also includes the administrative commands for managing a cluster under the 'adm' subcommand.
`

/** The root help: commands listed by group, padded like cobra's templates of the profile's client. */
export function renderRootHelp(verbs: Verb[], binary: string, profile: Profile): string {
  const visible = verbs.filter((v) => !v.hidden && (!v.profiles || v.profiles.includes(profile)))
  const pad = Math.max(profile === '4.0' ? 13 : 15, ...visible.map((v) => v.name.length))
  const groups = GROUPS.map((g) => {
    const members = visible.filter((v) => (v.group ?? 'Other Commands') === g)
    if (members.length === 0) return ''
    return `${g}:\n${members.map((v) => `  ${v.name.padEnd(pad)}   ${v.short}\n`).join('')}\n`
  }).join('')
  if (profile === '4.0') {
    return `${INTRO_40}\nUsage:\n  ${binary} [flags]\n\n${groups}Use "${binary} <command> --help" for more information about a given command.\nUse "${binary} options" for a list of global command-line options (applies to all commands).\n`
  }
  return `${INTRO_412}\n${groups}Usage:\n  ${binary} [flags] [options]\n\nUse "${binary} <command> --help" for more information about a given command.\nUse "${binary} options" for a list of global command-line options (applies to all commands).\n`
}

function flagLines(flags: FlagSpec[]): string {
  const rows = flags
    .filter((f) => !f.hidden)
    .map((f) => {
      const def = f.default !== undefined && f.default !== '' && !(Array.isArray(f.default) && f.default.length === 0) && f.default !== false ? `=${Array.isArray(f.default) ? `[${f.default.join(',')}]` : f.default}` : f.type === 'bool' ? '=false' : f.type === 'stringArray' ? '=[]' : "=''"
      const name = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`
      return { left: `${name}${def}`, usage: f.usage }
    })
  return rows.map((r) => `    ${r.left}:\n\t${r.usage}\n`).join('\n')
}

/** Help of one verb (or verb group): description, examples, options, usage. */
export function renderHelp(verb: Verb, binary: string, path: string, _profile: Profile): string {
  const parts: string[] = [`${verb.long ?? verb.short}\n`]
  if (verb.example) parts.push(`Examples:\n${verb.example}\n`)
  if (verb.subcommands) {
    const pad = Math.max(11, ...verb.subcommands.map((s) => s.name.length))
    parts.push(`Available Commands:\n${verb.subcommands.map((s) => `  ${s.name.padEnd(pad)}   ${s.short}\n`).join('')}`)
  }
  if (verb.flags && verb.flags.length) parts.push(`Options:\n${flagLines(verb.flags)}`)
  parts.push(`Usage:\n  ${binary} ${verb.use}\n`)
  if (verb.subcommands) parts.push(`Use "${binary} ${path} <command> --help" for more information about a given command.`)
  parts.push(`Use "${binary} options" for a list of global command-line options (applies to all commands).\n`)
  return parts.join('\n')
}

/** Cobra's suggestions: Levenshtein distance ≤ 2, or a prefix match. */
export function suggest(typed: string, names: string[]): string[] {
  return names.filter((n) => n.startsWith(typed) || levenshtein(typed.toLowerCase(), n.toLowerCase()) <= 2)
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }
  return d[a.length][b.length]
}
