/** Bootstrap of the Config CR from the platform (§4.1, §13) when it does not exist. */
import type { KObject } from '../api/types'
import type { ControllerContext } from '../controllers/types'
import { CONFIG_RESOURCE, FINALIZER, INFRA_RESOURCE, configName } from './names'
import { oplog } from './oplog'

/** The platform-dependent part of a new Config spec. */
export function platformBootstrap(ctx: ControllerContext): { storage: any; replicas: number; managementState: string } {
  const infra = ctx.api.tryGet(INFRA_RESOURCE, undefined, 'cluster')?.status
  const platform = infra?.platformStatus?.type ?? infra?.platform ?? 'None'
  const single = infra?.infrastructureTopology === 'SingleReplica'
  if (ctx.profile === '4.0') return { storage: {}, replicas: 1, managementState: 'Managed' }
  if (platform === 'AWS') return { storage: { s3: {} }, replicas: single ? 1 : 2, managementState: 'Managed' }
  if (['BareMetal', 'VSphere', 'None', 'Nutanix'].includes(platform)) return { storage: {}, replicas: 1, managementState: 'Removed' }
  return { storage: { emptyDir: {} }, replicas: 1, managementState: 'Managed' }
}

/** Creates the Config CR (`cluster`, or `instance` in 4.0) with the bootstrap values. */
export function bootstrapConfig(ctx: ControllerContext): KObject {
  oplog(ctx, 'I', 'bootstrap.go:41', 'generating registry custom resource')
  const b = platformBootstrap(ctx)
  const spec: any =
    ctx.profile === '4.0'
      ? { httpSecret: ctx.rng.hex(128), logging: 2, managementState: b.managementState, proxy: {}, replicas: b.replicas, requests: { read: {}, write: {} }, storage: b.storage }
      : {
          logLevel: 'Normal',
          managementState: b.managementState,
          observedConfig: null,
          operatorLogLevel: 'Normal',
          proxy: {},
          replicas: b.replicas,
          requests: { read: { maxWaitInQueue: '0s' }, write: { maxWaitInQueue: '0s' } },
          rolloutStrategy: 'RollingUpdate',
          storage: b.storage,
          unsupportedConfigOverrides: null,
        }
  const status: any = ctx.profile === '4.0' ? { storage: {}, storageManaged: false, readyReplicas: 0, version: '' } : { storage: {}, storageManaged: false, readyReplicas: 0 }
  return ctx.api.create(
    CONFIG_RESOURCE,
    { apiVersion: 'imageregistry.operator.openshift.io/v1', kind: 'Config', metadata: { name: configName(ctx.profile), finalizers: [FINALIZER] }, spec, status },
    { keepStatus: true },
  )
}
