/** The context printers need: the clock, the profile, and read access to other objects. */
import type { PrintContext } from '../api/resources'
import type { Cluster } from '../cluster'

export function printContext(cluster: Cluster): PrintContext {
  return {
    now: cluster.now(),
    profile: cluster.profile,
    lookup: (resource, namespace, name) => cluster.api.tryGet(resource, namespace, name),
  }
}
