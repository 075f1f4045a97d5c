/** Names, resource keys and small lookups shared by the registry operator's controllers. */
import type { KObject, Profile } from '../api/types'
import type { ControllerContext } from '../controllers/types'

export const NS = 'openshift-image-registry'
export const CONFIG_RESOURCE = 'configs.imageregistry.operator.openshift.io'
export const PRUNER_RESOURCE = 'imagepruners.imageregistry.operator.openshift.io'
export const CO_RESOURCE = 'clusteroperators.config.openshift.io'
export const INFRA_RESOURCE = 'infrastructures.config.openshift.io'
export const IMAGE_CONFIG_RESOURCE = 'images.config.openshift.io'
export const PROXY_RESOURCE = 'proxies.config.openshift.io'
export const CO_NAME_412 = 'image-registry'
export const CO_NAME_40 = 'cluster-image-registry-operator'
export const FINALIZER = 'imageregistry.operator.openshift.io/finalizer'
export const OPERATOR_DEPLOYMENT = 'cluster-image-registry-operator'
export const OPERATOR_CONTAINER = 'cluster-image-registry-operator'
export const REGISTRY = 'image-registry'
export const INTERNAL_HOSTNAME = 'image-registry.openshift-image-registry.svc:5000'
/** annotation that marks operator-owned routes and PVCs */
export const OWNED_ANNOTATION = 'imageregistry.openshift.io'
export const CHECKSUM_ANNOTATION = 'imageregistry.operator.openshift.io/checksum'
export const DEPS_CHECKSUM_ANNOTATION = 'imageregistry.operator.openshift.io/dependencies-checksum'
export const DEFAULT_CLAIM = 'image-registry-storage'
export const PRIVATE_CONFIG = 'image-registry-private-configuration'
export const PRIVATE_CONFIG_USER = 'image-registry-private-configuration-user'
export const MINTED_CREDS = 'installer-cloud-credentials'
export const EVENT_SOURCE = { component: 'image-registry-operator' }

/** The Config CR's name: `instance` in the 4.0 era, `cluster` since. */
export function configName(profile: Profile): string {
  return profile === '4.0' ? 'instance' : 'cluster'
}

/** The operator's Deployment, if installed. */
export function operatorDeployment(ctx: ControllerContext): KObject | undefined {
  return ctx.api.tryGet('deployments.apps', NS, OPERATOR_DEPLOYMENT)
}

/** The env value of the operator container (RELEASE_VERSION, IMAGE, IMAGE_PRUNER). */
export function operatorEnv(ctx: ControllerContext, name: string): string | undefined {
  const d = operatorDeployment(ctx)
  const c = d?.spec?.template?.spec?.containers?.find((x: any) => x.name === OPERATOR_CONTAINER) ?? d?.spec?.template?.spec?.containers?.[0]
  return c?.env?.find((e: any) => e.name === name)?.value
}

/** The release the operator reports (its RELEASE_VERSION). */
export function releaseVersion(ctx: ControllerContext): string {
  return operatorEnv(ctx, 'RELEASE_VERSION') ?? (ctx.profile === '4.0' ? '4.0.0-0.alpha' : '4.12.0')
}

/** The operator's running pod (Running and Ready), which hosts all its controllers. */
export function operatorPod(ctx: ControllerContext): KObject | undefined {
  // the pods matching `name=cluster-image-registry-operator` in name order, the selector checked directly (the
  // namespace also holds a node-ca pod per node)
  // (through the store's label index: the same pods in the same order as a listing filtered by the label)
  for (const p of ctx.api.store.listByLabel('pods', NS, 'name', 'cluster-image-registry-operator')) {
    const labels = p.metadata.labels
    if (!labels || !Object.hasOwn(labels, 'name') || labels.name !== 'cluster-image-registry-operator') continue
    if (!p.metadata.deletionTimestamp && p.status?.phase === 'Running' && p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True')) return p
  }
  return undefined
}

/** Whether the operator process is up; while not, its controllers do nothing. */
export function operatorRunning(ctx: ControllerContext): boolean {
  return !!operatorPod(ctx)
}

/** Watch key mapper: every change funnels into the single work-queue key `changes` (§4.2). */
export const toChanges = (): string[] => ['changes']

/** Watch key mapper limited to objects in the registry namespace. */
export const nsChanges = (e: { object: KObject }): string[] => (e.object.metadata.namespace === NS ? ['changes'] : [])
