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

describe('timeline B: move to infra nodes (1 replica, RollingUpdate)', () => {
  it('starts the new pod on the infra node while the old one serves, then retires the old one', () => {
    const c = operatorCluster({ infra: 1 })
    patchConfig(c, { spec: { storage: { emptyDir: {} }, managementState: 'Managed' } })
    c.advance(60_000)
    const [old] = registryPods(c)
    expect(old.spec.nodeName).not.toBe('infra-0')
    // workshop 002's infra node is labelled but not tainted
    c.api.patch('nodes', undefined, 'infra-0', 'merge', { spec: { taints: null } })
    c.settle()
    patchConfig(c, { spec: { nodeSelector: { 'node-role.kubernetes.io/infra': '' } } })
    c.advance(5_000)
    const during = registryPods(c)
    const fresh = during.find((p) => p.metadata.name !== old.metadata.name)!
    expect(during.map((p) => p.metadata.name === old.metadata.name).sort()).toEqual([false, true])
    expect(fresh.spec.nodeName).toBe('infra-0')
    expect(fresh.metadata.labels?.['pod-template-hash']).not.toBe(old.metadata.labels?.['pod-template-hash'])
    expect(cond(c, 'Available')).toBe('True MinimumAvailability: The registry has minimum availability')
    expect(cond(c, 'Progressing')).toBe('True DeploymentNotCompleted: The deployment has not completed')
    // the new pod turns ready after its readiness delay; only then does the old one go Terminating (preStop sleep 25)
    let sawTerminating = false
    for (let t = 0; t < 90 && c.api.tryGet('pods', 'openshift-image-registry', old.metadata.name); t++) {
      c.advance(1_000)
      const o = c.api.tryGet('pods', 'openshift-image-registry', old.metadata.name)
      if (o?.metadata.deletionTimestamp) sawTerminating = true
      if (!sawTerminating) expect(cond(c, 'Available')).toMatch(/^True (MinimumAvailability|Ready):/)
    }
    expect(sawTerminating).toBe(true)
    expect(registryPods(c).map((p) => p.metadata.name)).toEqual([fresh.metadata.name])
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(cond(c, 'Progressing')).toBe('False Ready: The registry is ready')
    const replicaSets = c.api.query('replicasets.apps', { namespace: 'openshift-image-registry', labelSelector: 'docker-registry=default' })
    expect(replicaSets.map((rs) => rs.spec.replicas).sort()).toEqual([0, 1])
  })
})
