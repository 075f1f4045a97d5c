/** Shared sub-schemas: ObjectMeta, selectors, conditions, resources and the typed-object wrapper. */
import type { Schema } from './types'
import { arr, bool, enumStr, freeform, int64, keyedArr, map, obj, quantity, setArr, str, strMap, time } from './builders'

/** A reference from a dependent to its owner. */
export const ownerReference: Schema = obj(
  {
    apiVersion: str('API version of the owner.'),
    kind: str('Kind of the owner.'),
    name: str('Name of the owner.'),
    uid: str('UID of the owner.'),
    controller: bool('True when the owner is the managing controller.'),
    blockOwnerDeletion: bool('True to keep the owner until this object is deleted (foreground deletion).'),
  },
  { required: ['apiVersion', 'kind', 'name', 'uid'], description: 'Identifies an owning object.', goName: 'OwnerReference' },
)

/** Standard object metadata. */
export const objectMeta: Schema = obj(
  {
    name: str('Unique name within a namespace; cannot be changed.'),
    generateName: str('Prefix used to generate a unique name when name is empty.'),
    namespace: str('Namespace of the object; empty for cluster-scoped objects.'),
    uid: str('Unique id assigned by the server.'),
    resourceVersion: str('Opaque version used for optimistic concurrency.'),
    generation: int64('Sequence number of the desired state, bumped on spec changes.'),
    creationTimestamp: time('Time the object was created.'),
    deletionTimestamp: time('Time after which the object is deleted; set when deletion is requested.'),
    deletionGracePeriodSeconds: int64('Seconds allowed for graceful termination.'),
    labels: strMap('Key/value pairs used to organize and select objects.'),
    annotations: strMap('Key/value pairs holding arbitrary non-identifying metadata.'),
    ownerReferences: keyedArr(ownerReference, 'uid', 'Objects this object depends on.'),
    finalizers: setArr('Entries that must be removed before the object is deleted.'),
    selfLink: str('Deprecated URL of the object.'),
    managedFields: arr(freeform(), 'Field ownership bookkeeping of server-side apply.'),
  },
  { description: 'Standard object metadata.', goName: 'ObjectMeta' },
)

/** apiVersion, kind and metadata properties shared by every kind. */
export const typeMetaProps = (): Record<string, Schema> => ({
  apiVersion: str('Versioned schema of this representation of the object.'),
  kind: str('REST resource this object represents, in CamelCase.'),
  metadata: objectMeta,
})

/** Wraps kind-specific properties with apiVersion, kind and metadata. */
export function kindSchema(goName: string, description: string, props: Record<string, Schema>, required?: string[]): Schema {
  return obj({ ...typeMetaProps(), ...props }, { description, goName, required })
}

/** A label selector (matchLabels + matchExpressions). */
export const labelSelector: Schema = obj(
  {
    matchLabels: strMap('Labels that must all match.'),
    matchExpressions: arr(
      obj(
        {
          key: str('Label key.'),
          operator: str('In, NotIn, Exists or DoesNotExist.'),
          values: arr(str(), 'Values for In and NotIn.'),
        },
        { required: ['key', 'operator'], goName: 'LabelSelectorRequirement' },
      ),
      'Label selector requirements, ANDed.',
    ),
  },
  { description: 'A label query over a set of objects.', goName: 'LabelSelector' },
)

/** A generic status condition. */
export const condition: Schema = obj(
  {
    type: str('Type of the condition.'),
    status: enumStr(['True', 'False', 'Unknown'], 'Status of the condition.'),
    reason: str('Machine-readable reason for the last transition.'),
    message: str('Human-readable details of the last transition.'),
    lastTransitionTime: time('Last time the status changed.'),
    lastUpdateTime: time('Last time the condition was updated.'),
    lastHeartbeatTime: time('Last time the condition was probed.'),
    lastProbeTime: time('Last time the condition was probed.'),
    observedGeneration: int64('Generation the condition was computed from.'),
  },
  { required: ['type', 'status'], description: 'One aspect of the current state.', goName: 'Condition' },
)

/** A conditions list merged on `type`. */
export function conditions(description = 'Current observations of the object state.'): Schema {
  return keyedArr(condition, 'type', description)
}

/** Compute resource requests and limits. */
export const resourceRequirements: Schema = obj(
  {
    limits: map(quantity(), 'Maximum amount of compute resources allowed.'),
    requests: map(quantity(), 'Minimum amount of compute resources required.'),
  },
  { description: 'Compute resource requirements.', goName: 'ResourceRequirements' },
)

/** A reference to an object in the same namespace by name. */
export const localObjectReference: Schema = obj({ name: str('Name of the referent.') }, { goName: 'LocalObjectReference' })

/** A full object reference. */
export const objectReference: Schema = obj(
  {
    apiVersion: str('API version of the referent.'),
    kind: str('Kind of the referent.'),
    name: str('Name of the referent.'),
    namespace: str('Namespace of the referent.'),
    uid: str('UID of the referent.'),
    resourceVersion: str('Resource version of the referent.'),
    fieldPath: str('Path to a field of the referent.'),
  },
  { description: 'A reference to an object.', goName: 'ObjectReference' },
)
