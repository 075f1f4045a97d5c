import { describe, expect, it } from 'vitest'
import { cond, config, operatorCluster, patchConfig, registryPods } from './testing'

describe('timeline A: bare metal Removed → emptyDir → Managed', () => {
  it('bootstraps Removed and then deploys with emptyDir', () => {
    const c = operatorCluster()
    const cr = config(c)
    expect(cr.spec.managementState).toBe('Removed')
    expect(cr.metadata.finalizers).toEqual(['imageregistry.operator.openshift.io/finalizer'])
    expect(cond(c, 'Available')).toBe('True Removed: The registry is removed')
    expect(cond(c, 'Progressing')).toBe('False Removed: All registry resources are removed')
    expect(cond(c, 'Degraded')).toBe('False Removed: The registry is removed')
    expect(cond(c, 'Removed')).toBe('True Removed: The registry is removed')
    patchConfig(c, { spec: { storage: { emptyDir: {} } } })
    expect(cond(c, 'Available')).toBe('True Removed: The registry is removed')
    patchConfig(c, { spec: { managementState: 'Managed' } })
    expect(config(c).spec.httpSecret).toMatch(/^[0-9a-f]{128}$/)
    expect(cond(c, 'StorageExists')).toBe('True Creation Successful: EmptyDir storage successfully created')
    expect(cond(c, 'Available')).toBe('False NoReplicasAvailable: The deployment does not have available replicas')
    expect(cond(c, 'Progressing')).toBe('True DeploymentNotCompleted: The deployment has not completed')
    expect(cond(c, 'Degraded')).toBe('False : ')
    c.advance(60_000)
    expect(registryPods(c).length).toBe(1)
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(cond(c, 'Progressing')).toBe('False Ready: The registry is ready')
    expect(config(c).status.readyReplicas).toBe(1)
  })
})
