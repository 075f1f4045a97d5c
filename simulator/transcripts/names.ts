/**
 * The one table of generated names: the workshops print names of their own clusters (pods, hashes); a
 * transcript that uses one of these texts gets, when the command runs, the matching live name instead.
 */
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'

const running = (pods: KObject[]) => pods.find((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running') ?? pods[0]

const operatorPod = (c: Cluster) =>
  running(c.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'name=cluster-image-registry-operator' }))?.metadata.name
const registryPod = (c: Cluster) =>
  running(c.api.query('pods', { namespace: 'openshift-image-registry', labelSelector: 'docker-registry=default' }))?.metadata.name

export const NAME_TABLE: { text: string; meaning: string; resolve(c: Cluster): string | undefined }[] = [
  { text: 'cluster-image-registry-operator-xxx-xxx', meaning: 'the operator pod (workshop 001)', resolve: operatorPod },
  { text: 'image-registry-xxx-xxx', meaning: 'a running registry pod (workshop 001)', resolve: registryPod },
  { text: 'image-registry-58657f5d4d-hmjph', meaning: 'the registry pod after the move to the infra node (workshop 002)', resolve: registryPod },
  { text: 'image-registry-6c4dbbcdbb-9bl8w', meaning: 'the registry pod on the CephFS claim (workshop 004)', resolve: registryPod },
]

/** Replaces every workshop name of the table in `command` by the live name, if one exists now. */
export function substituteNames(command: string, cluster: Cluster): string {
  let out = command
  for (const row of NAME_TABLE) {
    if (!out.includes(row.text)) continue
    const live = row.resolve(cluster)
    if (live) out = out.split(row.text).join(live)
  }
  return out
}
