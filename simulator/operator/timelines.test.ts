import { describe, expect, it } from 'vitest'
import { cond, conditionHistory, config, operatorCluster, patchConfig, registryPods } from './testing'

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

describe('timeline A, step 3: the first pass after Managed (§4.14 A.3)', () => {
  it('reports DeploymentNotFound / WaitingForDeployment while the Deployment it just created is not seen yet, then NoReplicasAvailable / DeploymentNotCompleted', () => {
    const c = operatorCluster()
    patchConfig(c, { spec: { storage: { emptyDir: {} } } })
    const available = conditionHistory(c, 'Available')
    const progressing = conditionHistory(c, 'Progressing')
    const degraded = conditionHistory(c, 'Degraded')
    const removed = conditionHistory(c, 'Removed')
    const co = { resource: 'clusteroperators.config.openshift.io', name: 'image-registry' }
    const coAvailable = conditionHistory(c, 'Available', co)
    const coProgressing = conditionHistory(c, 'Progressing', co)
    const coDegraded = conditionHistory(c, 'Degraded', co)
    patchConfig(c, { spec: { managementState: 'Managed' } })
    expect(available.map((h) => h.value)).toEqual([
      'True Removed: The registry is removed',
      'False DeploymentNotFound: The deployment does not exist',
      'False NoReplicasAvailable: The deployment does not have available replicas',
    ])
    expect(progressing.map((h) => h.value)).toEqual([
      'False Removed: All registry resources are removed',
      'True WaitingForDeployment: All resources are successfully applied, but the deployment does not exist',
      'True DeploymentNotCompleted: The deployment has not completed',
    ])
    expect(degraded.map((h) => h.value)).toEqual(['False Removed: The registry is removed', 'False : '])
    expect(removed.map((h) => h.value)).toEqual(['True Removed: The registry is removed', 'False : '])
    // the ClusterOperator follows at each step, its messages led by the registry's own line
    const nodeCA = 'NodeCADaemonAvailable: The daemon set node-ca has available replicas\nImagePrunerAvailable: Pruner CronJob has been created'
    expect(coAvailable.map((h) => h.value)).toEqual([
      `True Removed: Available: The registry is removed\n${nodeCA}`,
      `False DeploymentNotFound: Available: The deployment does not exist\n${nodeCA}`,
      `False NoReplicasAvailable: Available: The deployment does not have available replicas\n${nodeCA}`,
    ])
    expect(coProgressing.map((h) => h.value)).toEqual([
      'False Removed: Progressing: All registry resources are removed\nNodeCADaemonProgressing: The daemon set node-ca is deployed',
      'True WaitingForDeployment: Progressing: All resources are successfully applied, but the deployment does not exist\nNodeCADaemonProgressing: The daemon set node-ca is deployed',
      'True DeploymentNotCompleted: Progressing: The deployment has not completed\nNodeCADaemonProgressing: The daemon set node-ca is deployed',
    ])
    expect(coDegraded.map((h) => h.value)).toEqual(['False Removed: Degraded: The registry is removed', 'False AsExpected: '])
    // all of it within the same virtual instant as the patch
    expect(Math.max(...[available, progressing, coAvailable].map((h) => h.at(-1)!.at))).toBe(0)
    c.advance(60_000)
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(coAvailable.at(-1)!.value).toBe(`True Ready: Available: The registry is ready\n${nodeCA}`)
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
