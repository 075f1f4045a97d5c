/**
 * The core controllers of a simulated OpenShift 4 cluster (kube-controller-manager, kube-scheduler, kubelets,
 * openshift-controller-manager bits, the router's admission) and the server-side defaulting they rely on.
 */
import type { Controller } from './types'
import { deploymentController } from './deployment-controller'
import { replicaSetController } from './replicaset-controller'
import { scheduler } from './scheduler'
import { kubelet } from './kubelet'

export { installCoreMutators, defaultPodSpec, qosClass, DEFAULT_SC_ANNOTATION } from './admission'
export { ContainerBehaviours, containerBehaviours, type ContainerBehaviour, type ContainerOutcome } from './container-behaviour'

/** Every core controller, in the order a cluster registers them (workloads, scheduling, nodes, storage, housekeeping). */
export function coreControllers(): Controller[] {
  return [deploymentController, replicaSetController, scheduler, kubelet]
}
