/**
 * The Kubernetes object model shared by the API server, controllers, printers and the UI.
 * Objects are plain JSON (no classes) so that they can be frozen by immer, persisted and diffed.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  generateName?: string
  namespace?: string
  uid?: string
  resourceVersion?: string
  generation?: number
  creationTimestamp?: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  selfLink?: string
  [key: string]: unknown
}

/** Any Kubernetes-shaped object. `spec`/`status` and kind-specific top-level fields (data, rules...) are open. */
export interface KObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: any
  status?: any
  [key: string]: any
}

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
  message?: string
  lastTransitionTime?: string
  lastUpdateTime?: string
  lastHeartbeatTime?: string
  lastProbeTime?: string | null
}

/** The two release profiles a scenario can run on. */
export type Profile = '4.0' | '4.12'

/** Identifies one object: the resource's key in the registry (e.g. "pods", "configs.imageregistry.operator.openshift.io"). */
export interface ObjectRef {
  resource: string
  namespace?: string
  name: string
}
