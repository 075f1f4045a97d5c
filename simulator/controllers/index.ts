/**
 * The core controllers of a simulated OpenShift 4 cluster (kube-controller-manager, kube-scheduler, kubelets,
 * openshift-controller-manager's service-account controllers, the router's admission) and the server-side
 * defaulting they rely on.
 */
import type { Controller } from './types'
import { deploymentController } from './deployment-controller'
import { replicaSetController } from './replicaset-controller'
import { daemonSetController } from './daemonset-controller'
import { jobController } from './job-controller'
import { cronJobController } from './cronjob-controller'
import { scheduler } from './scheduler'
import { kubelet } from './kubelet'
import { persistentVolumeController } from './pv-controller'
import { endpointsController } from './endpoints-controller'
import { routeController } from './route-controller'
import { serviceAccountController } from './serviceaccount-controller'
import { namespaceController } from './namespace-controller'
import { garbageCollector } from './gc-controller'
import { eventTTLController } from './event-ttl-controller'

export { installCoreMutators, clusterInfoOf, defaultPodSpec, qosClass, DEFAULT_SC_ANNOTATION } from './admission'
export { ContainerBehaviours, containerBehaviours, type ContainerBehaviour, type ContainerOutcome } from './container-behaviour'
export { fitErrorMessage } from './scheduler'
export { parseCron, nextAfter } from './cron'
export { capabilities as provisionerCapabilities } from './pv-provisioner'

/** Every core controller, in the order a cluster registers them (workloads, scheduling, nodes, storage, housekeeping). */
export function coreControllers(): Controller[] {
  return [
    deploymentController,
    replicaSetController,
    daemonSetController,
    jobController,
    cronJobController,
    scheduler,
    kubelet,
    persistentVolumeController,
    endpointsController,
    routeController,
    serviceAccountController,
    namespaceController,
    garbageCollector,
    eventTTLController,
  ]
}
