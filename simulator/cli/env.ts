/**
 * What every `oc` verb receives: the cluster, the client-side session (current project, user, server: the
 * kubeconfig of a real client), the shell context (streams, files, editor), and its parsed arguments.
 */
import type { Cluster } from '../cluster'
import type { CommandContext } from '../shell/types'
import type { FlagSpec, FlagValues } from './flags'
import type { Profile } from '../api/types'

/** The client's kubeconfig state; saved with the session. */
export interface OcSession {
  project: string
  user: string
  server: string
  token: string
}

export interface Invocation {
  cluster: Cluster
  session: OcSession
  cmd: CommandContext
  /** the verb path, e.g. `get`, `adm migrate image-references` */
  path: string
  /** `oc` or `kubectl`, as typed */
  binary: string
  positional: string[]
  flags: FlagValues
  changed: Set<string>
  afterDash?: string[]
  /** the namespace the command works in: `-n`, else the current project */
  namespace: string
  profile: Profile
}

export interface Verb {
  name: string
  aliases?: string[]
  /** one-line summary (help listings) */
  short: string
  /** the `Usage:` line after the binary name, e.g. `get [(-o|--output=)json|yaml|...] (TYPE ...) [flags]` */
  use: string
  long?: string
  example?: string
  /** help group title, e.g. `Basic Commands (Beginner):` */
  group?: string
  flags?: FlagSpec[]
  subcommands?: Verb[]
  /** left out of the root help's command list (kubectl filters `options` out the same way) */
  hidden?: boolean
  /** profiles where the verb exists (default: all) */
  profiles?: Profile[]
  /** allow flags after the first positional argument to be treated as arguments (exec/rsh) */
  interspersed?: boolean
  run?(inv: Invocation): Promise<number>
}
