/**
 * The frame shared by the workshop scenarios: `prepareWorkshop` registers the code (core controllers, the registry
 * operator, the image-stream decoration, metrics bookkeeping), and `finishInstall` adds what every workshop cluster
 * has after the registry operator (healthy cluster operators, monitoring, samples), settles, applies faults and
 * ages the cluster to the trainee's first command.
 */
import type { ClusterInfo, Cluster } from '../cluster'
import type { Profile } from '../api/types'
import { installImageRegistryOperator } from '../operator'
import { installRegistryMetrics } from '../metrics'
import { INSTALL_AGE_MS, newCluster } from './install'
import { installMonitoring } from './monitoring'
import { imageStreamRepositories, installSamples } from './samples'
import { addHealthyClusterOperators, addImageConfig, addOperatorManifests } from './platform'
import { applyFaults, installFaultBehaviours } from './faults'
import type { ScenarioOptions } from './types'

/** A workshop cluster with all its code registered and no objects. */
export function prepareWorkshop(profile: Profile, opts: ScenarioOptions, info: ClusterInfo): Cluster {
  const cluster = newCluster(profile, opts.seed, info)
  cluster.register(imageStreamRepositories)
  installFaultBehaviours(cluster)
  installImageRegistryOperator(cluster)
  installRegistryMetrics(cluster)
  return cluster
}

/** The CVO's registry objects followed by the rest of the release's operators, monitoring and samples. */
export function installOperatorAndRelease(cluster: Cluster, opts: { coVersion: string; releaseEnv?: string }): void {
  addImageConfig(cluster)
  addOperatorManifests(cluster, opts.releaseEnv)
  addHealthyClusterOperators(cluster, opts.coVersion)
  installMonitoring(cluster)
  cluster.settle()
  cluster.advance(4 * 60_000)
  installSamples(cluster)
}

/** Settles the install, switches the requested faults on and ages the cluster to the first command. */
export function finishInstall(cluster: Cluster, opts: ScenarioOptions): Cluster {
  cluster.settle()
  cluster.advance(INSTALL_AGE_MS - 4 * 60_000)
  applyFaults(cluster, opts.faults ?? [])
  return cluster
}
