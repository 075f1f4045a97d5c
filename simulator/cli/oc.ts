/**
 * The `oc` (and `kubectl`) command: global flags, the verb tree, help, and the one place where errors turn into
 * oc's words and exit codes. Verbs live in `verbs/`, one module each, and are listed in `verbs/index.ts`.
 */
import type { Cluster } from '../cluster'
import type { Command, CommandContext } from '../shell/types'
import { CliError, reportError } from './errors'
import { FlagError, parseFlags, type FlagSpec } from './flags'
import type { Invocation, OcSession, Verb } from './env'
import { renderHelp, renderRootHelp, suggest } from './help'
import { allVerbs } from './verbs'

/** Flags every verb accepts (oc's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'request-timeout', type: 'string', default: '0', usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: 'loglevel', type: 'int', default: 0, usage: 'Set the level of log output (0-10)' },
  { name: 'v', short: 'v', type: 'int', default: 0, usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', hidden: true },
]

const GLOBAL_WITH_VALUE = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]))

export interface OcHost {
  cluster: Cluster
  session: OcSession
}

/** Finds the verb path (`adm migrate image-references`) among the arguments, skipping global flags. */
function findVerb(args: string[], verbs: Verb[], profile: Cluster['profile']): { verb?: Verb; path: string[]; rest: string[]; unknown?: string } {
  const rest = [...args]
  const path: string[] = []
  let list = verbs
  let verb: Verb | undefined
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]
    if (a === '--') break
    if (a.startsWith('-')) {
      if (!a.includes('=') && GLOBAL_WITH_VALUE.has(a)) i++
      continue
    }
    const next = list.find((v) => (v.name === a || v.aliases?.includes(a)) && (!v.profiles || v.profiles.includes(profile)))
    if (!next) {
      if (!verb) return { path, rest, unknown: a }
      if (verb.subcommands && !verb.run) return { verb, path, rest, unknown: rest.slice(i).filter((x) => !x.startsWith('-')).join(' ') }
      break
    }
    verb = next
    path.push(next.name)
    rest.splice(i, 1)
    i--
    if (!next.subcommands) break
    list = next.subcommands
  }
  return { verb, path, rest }
}

/** Creates the `oc` command (or `kubectl`, which shares everything but its name). */
export function ocCommand(host: OcHost, binary = 'oc'): Command {
  return {
    name: binary,
    summary: 'OpenShift Client',
    async run(cmd: CommandContext): Promise<number> {
      const { cluster, session } = host
      const verbs = allVerbs()
      // cobra's `help [command]`: the help of the named command, or the root help
      if (cmd.args[0] === 'help') {
        const topic = cmd.args.slice(1).filter((a) => !a.startsWith('-'))
        if (topic.length === 0) {
          cmd.stdout.write(renderRootHelp(verbs, binary, cluster.profile))
          return 0
        }
        const h = findVerb(topic, verbs, cluster.profile)
        if (!h.verb || h.unknown !== undefined || h.rest.length > 0) {
          cmd.stdout.write(`Unknown help topic [${topic.map((t) => '`' + t + '`').join(' ')}]\n` + renderRootHelp(verbs, binary, cluster.profile))
          return 0
        }
        cmd.stdout.write(renderHelp(h.verb, binary, h.path.join(' '), cluster.profile))
        return 0
      }
      const found = findVerb(cmd.args, verbs, cluster.profile)
      if (found.unknown !== undefined) {
        if (found.verb) {
          cmd.stderr.write(`error: unknown command "${found.unknown}"\nSee '${binary} ${found.path.join(' ')} -h' for help and examples\n`)
          return 1
        }
        const s = suggest(found.unknown, verbs.filter((v) => !v.profiles || v.profiles.includes(cluster.profile)).map((v) => v.name))
        cmd.stderr.write(`error: unknown command "${found.unknown}" for "${binary}"` + (s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n'))
        return 1
      }
      if (!found.verb) {
        cmd.stdout.write(renderRootHelp(verbs, binary, cluster.profile))
        return 0
      }
      const verb = found.verb
      const pathText = found.path.join(' ')
      let parsed
      try {
        parsed = parseFlags(found.rest, [...(verb.flags ?? []), ...GLOBAL_FLAGS], { interspersed: verb.interspersed !== false })
      } catch (e) {
        if (e instanceof FlagError) {
          cmd.stderr.write(`error: ${e.message}\nSee '${binary} ${pathText} --help' for usage.\n`)
          return 1
        }
        throw e
      }
      if (parsed.flags.help || !verb.run) {
        cmd.stdout.write(renderHelp(verb, binary, pathText, cluster.profile))
        return 0
      }
      const inv: Invocation = {
        cluster,
        session,
        cmd,
        path: pathText,
        binary,
        positional: parsed.positional,
        flags: parsed.flags,
        changed: parsed.changed,
        afterDash: parsed.afterDash,
        namespace: (parsed.flags.namespace as string | undefined) || session.project,
        profile: cluster.profile,
      }
      cluster.api.setRequester({ user: session.user, command: cmd.commandLine })
      try {
        return await verb.run(inv)
      } catch (e) {
        return reportError(e, cmd.stderr, binary)
      } finally {
        cluster.api.setRequester(undefined)
        cluster.settle()
      }
    },
  }
}

export { CliError }
