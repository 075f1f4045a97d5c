/**
 * The `oc` (and `kubectl`) command: global flags, the verb tree, help, and the one place where errors turn into
 * oc's words and exit codes. Verbs live in `verbs/`, one module each, and are listed in `verbs/index.ts`.
 */
import type { Cluster } from '../cluster'
import type { Command, CommandContext } from '../shell/types'
import { CliError, reportError } from './errors'
import { FlagError, parseFlags, type FlagSpec } from './flags'
import { GLOBAL_FLAGS } from './global-flags'
import type { Invocation, OcSession, Verb } from './env'
import { renderHelp, renderRootHelp, suggest } from './help'
import { notSimulatedCommands, notSimulatedError } from './not-simulated'
import { allVerbs } from './verbs'

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

/** The first argument that is neither a flag nor a flag's value. */
function firstWord(args: string[], specs: FlagSpec[]): string | undefined {
  const withValue = new Set(specs.filter((f) => f.type !== 'bool' && f.noOptDefault === undefined).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]))
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') return undefined
    if (!a.startsWith('-')) return a
    if (withValue.has(a)) i++
  }
  return undefined
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
        const limit = notSimulatedError([...found.path, found.unknown.split(' ')[0]], binary, session)
        if (limit) {
          cmd.stderr.write(limit + '\n')
          return 1
        }
        if (found.verb) {
          cmd.stderr.write(`error: unknown command "${found.unknown}"\nSee '${binary} ${found.path.join(' ')} -h' for help and examples\n`)
          return 1
        }
        // cobra suggests among all the client's commands, sorted by name (those not simulated too)
        const names = [...verbs.filter((v) => !v.profiles || v.profiles.includes(cluster.profile)).map((v) => v.name), ...notSimulatedCommands(binary).filter((c) => !c.includes(' '))]
        const s = suggest(found.unknown, names).sort()
        cmd.stderr.write(`error: unknown command "${found.unknown}" for "${binary}"` + (s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n'))
        return 1
      }
      if (!found.verb) {
        // the root command parses the global flags too (`oc -n` lacks a value, `oc --nope` is unknown)
        try {
          parseFlags(found.rest, GLOBAL_FLAGS)
        } catch (e) {
          if (e instanceof FlagError) {
            cmd.stderr.write(`error: ${e.message}\nSee '${binary} --help' for usage.\n`)
            return 1
          }
          throw e
        }
        cmd.stdout.write(renderRootHelp(verbs, binary, cluster.profile))
        return 0
      }
      const verb = found.verb
      const pathText = found.path.join(' ')
      // a group that also runs on its own (`oc create`) meets real subcommands the simulator lacks before its flags
      const word = verb.subcommands ? firstWord(found.rest, [...(verb.flags ?? []), ...GLOBAL_FLAGS]) : undefined
      const limit = word !== undefined ? notSimulatedError([...found.path, word], binary, session) : undefined
      if (limit) {
        cmd.stderr.write(limit + '\n')
        return 1
      }
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
      const specs = [...(verb.flags ?? []), ...GLOBAL_FLAGS]
      for (const name of parsed.changed) {
        const spec = specs.find((f) => f.name === name)
        if (spec?.notSimulated) {
          cmd.stderr.write(`error: --${name} is not available in this workshop simulator (${spec.notSimulated})\n`)
          return 1
        }
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

export { CliError, GLOBAL_FLAGS }
