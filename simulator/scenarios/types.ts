/** A named, seeded cluster constructor (the workshops' clusters), and the options a runner passes to it. */
import type { Profile } from '../api/types'
import type { Cluster } from '../cluster'

export interface ScenarioOptions {
  seed: number
  /** extra worker nodes, for scale tests */
  extraNodes?: number
  /** fault ids to switch on (troubleshooting practice) */
  faults?: string[]
}

export interface Scenario {
  name: string
  profile: Profile
  description: string
  /** builds the cluster, runs its install and lets it settle, hours before the first command */
  build(opts: ScenarioOptions): Cluster
  /** the same cluster with its controllers and services but no objects: the frame a saved state is restored into */
  prepare(opts: ScenarioOptions): Cluster
}

/** What a scenario's shell session starts with (user, current project, prompt). */
export interface SessionDefaults {
  user: string
  project: string
}
