import { describe, expect, it } from 'vitest'
import type { Condition } from '../api/types'
import { cond, config, operatorCluster, patchConfig } from './testing'

const types = (list: Condition[]) => list.map((c) => c.type)
const co = (c: ReturnType<typeof operatorCluster>, name = 'image-registry') => c.api.tryGet('clusteroperators.config.openshift.io', undefined, name)!
const coCond = (c: ReturnType<typeof operatorCluster>, type: string, name?: string) => co(c, name).status.conditions.find((x: Condition) => x.type === type)

describe('condition order of the Config CR (§1.3, §3.1)', () => {
  it('lists Available, Progressing, Degraded, Removed first, so the ClusterOperator messages start with the registry', () => {
    const c = operatorCluster({ platform: 'AWS', workers: 3 })
    c.advance(60_000)
    const list: Condition[] = config(c).status.conditions
    expect(types(list).slice(0, 4)).toEqual(['Available', 'Progressing', 'Degraded', 'Removed'])
    // the helper controllers' and the storage sync's conditions follow, in the order they were first written
    expect(types(list).slice(4).sort()).toEqual(
      ['ImageConfigControllerDegraded', 'ImageRegistryCertificatesControllerDegraded', 'NodeCADaemonAvailable', 'NodeCADaemonControllerDegraded', 'NodeCADaemonProgressing', 'StorageEncrypted', 'StorageExists', 'StorageIncompleteUploadCleanupEnabled', 'StoragePublicAccessBlocked', 'StorageTagged'],
    )
    expect(coCond(c, 'Available')).toMatchObject({
      status: 'True',
      reason: 'Ready',
      message: 'Available: The registry is ready\nNodeCADaemonAvailable: The daemon set node-ca has available replicas\nImagePrunerAvailable: Pruner CronJob has been created',
    })
    expect(coCond(c, 'Progressing')).toMatchObject({ status: 'False', reason: 'Ready', message: 'Progressing: The registry is ready\nNodeCADaemonProgressing: The daemon set node-ca is deployed' })
    expect(coCond(c, 'Degraded')).toMatchObject({ status: 'False', reason: 'AsExpected' })
  })

  it('keeps that order on a bare-metal cluster bootstrapped Removed and then switched to Managed', () => {
    const c = operatorCluster()
    expect(types(config(c).status.conditions).slice(0, 4)).toEqual(['Available', 'Progressing', 'Degraded', 'Removed'])
    expect(coCond(c, 'Available')).toMatchObject({ status: 'True', reason: 'Removed', message: 'Available: The registry is removed\nNodeCADaemonAvailable: The daemon set node-ca has available replicas\nImagePrunerAvailable: Pruner CronJob has been created' })
    expect(coCond(c, 'Degraded')).toMatchObject({ status: 'False', reason: 'Removed', message: 'Degraded: The registry is removed' })
    patchConfig(c, { spec: { managementState: 'Managed', storage: { emptyDir: {} } } })
    c.advance(60_000)
    const list: Condition[] = config(c).status.conditions
    expect(types(list).slice(0, 4)).toEqual(['Available', 'Progressing', 'Degraded', 'Removed'])
    expect(types(list).at(-1)).toBe('StorageExists')
    expect(cond(c, 'StorageExists')).toBe('True Creation Successful: EmptyDir storage successfully created')
  })

  it('4.0: Available, Progressing, Failing, Removed, then the storage conditions (workshop 001)', () => {
    const c = operatorCluster({ profile: '4.0', platform: 'AWS', workers: 3 })
    c.advance(60_000)
    expect(types(config(c).status.conditions)).toEqual(['Available', 'Progressing', 'Failing', 'Removed', 'StorageExists', 'StorageTagged', 'StorageEncrypted', 'StorageIncompleteUploadCleanupEnabled'])
    expect(coCond(c, 'Available', 'cluster-image-registry-operator')).toMatchObject({ status: 'True', message: 'Deployment has minimum availability' })
  })
})
