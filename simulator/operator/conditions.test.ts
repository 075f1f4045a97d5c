import { describe, expect, it } from 'vitest'
import { applyMainConditions, availableCondition, ConditionList, configConditions, progressingCondition, type MainInput } from './conditions'
import { aggregate } from './clusteroperator'

const ready = { deleting: false, availableReplicas: 1, complete: true }
const rows: [string, MainInput, string, string][] = [
  ['unmanaged', { profile: '4.12', managementState: 'Unmanaged' }, 'True Unmanaged', 'False Unmanaged'],
  ['permanent, no deployment', { profile: '4.12', managementState: 'Managed', error: { message: 'storage backend not configured', permanent: 'StorageNotConfigured' } }, 'False StorageNotConfigured', 'False Error'],
  ['removed', { profile: '4.12', managementState: 'Removed' }, 'True Removed', 'False Removed'],
  ['removed, deployment left', { profile: '4.12', managementState: 'Removed', deployment: ready }, 'True Ready', 'True DeletingDeployment'],
  ['no deployment', { profile: '4.12', managementState: 'Managed' }, 'False DeploymentNotFound', 'True WaitingForDeployment'],
  ['deleting', { profile: '4.12', managementState: 'Managed', deployment: { ...ready, deleting: true } }, 'False DeploymentDeleted', 'True FinalizingDeployment'],
  ['no replicas', { profile: '4.12', managementState: 'Managed', deployment: { ...ready, availableReplicas: 0, complete: false } }, 'False NoReplicasAvailable', 'True DeploymentNotCompleted'],
  ['partial', { profile: '4.12', managementState: 'Managed', deployment: { ...ready, complete: false } }, 'True MinimumAvailability', 'True DeploymentNotCompleted'],
  ['ready', { profile: '4.12', managementState: 'Managed', deployment: ready }, 'True Ready', 'False Ready'],
  ['transient error', { profile: '4.12', managementState: 'Managed', deployment: ready, error: { message: 'x' } }, 'True Ready', 'True Error'],
]

describe('main conditions (§2.1)', () => {
  it.each(rows)('%s', (_n, input, avail, prog) => {
    const a = availableCondition(input)
    const p = progressingCondition(input)
    expect(`${a.status} ${a.reason}`).toBe(avail)
    expect(`${p.status} ${p.reason}`).toBe(prog)
  })

  it('Degraded Unavailable only after one minute, ProgressDeadlineExceeded from the deployment', () => {
    const list = new ConditionList([], 0)
    const input: MainInput = { profile: '4.12', managementState: 'Managed' }
    expect(applyMainConditions(list, input, 0).recheckAfter).toBe(61_000)
    expect(list.get('Degraded')?.status).toBe('False')
    const later = new ConditionList(list.list, 61_000)
    applyMainConditions(later, input, 61_000)
    expect(later.get('Degraded')).toMatchObject({ status: 'True', reason: 'Unavailable', message: 'The deployment does not exist' })
    expect(later.get('Available')?.lastTransitionTime).toBe('1970-01-01T00:00:00Z')
    const pd = new ConditionList([], 0)
    applyMainConditions(pd, { profile: '4.12', managementState: 'Managed', deployment: { ...ready, complete: false, deadlineExceeded: 'ReplicaSet "image-registry-1" has timed out progressing.' } }, 0)
    expect(pd.get('Degraded')?.message).toBe('Registry deployment has timed out progressing: ReplicaSet "image-registry-1" has timed out progressing.')
  })

  it('puts the main four ahead of conditions created before them, keeping the others in creation order', () => {
    const list = configConditions([], 0)
    list.set({ type: 'NodeCADaemonAvailable', status: 'True', reason: 'AsExpected', message: 'The daemon set node-ca has available replicas' })
    list.set({ type: 'StorageExists', status: 'True', reason: 'Creation Successful', message: 'EmptyDir storage successfully created' })
    applyMainConditions(list, { profile: '4.12', managementState: 'Managed', deployment: ready }, 0)
    list.set({ type: 'ImageConfigControllerDegraded', status: 'False', reason: 'AsExpected', message: '' })
    expect(list.list.map((c) => c.type)).toEqual(['Available', 'Progressing', 'Degraded', 'Removed', 'NodeCADaemonAvailable', 'StorageExists', 'ImageConfigControllerDegraded'])
    // the pruner's list has no leading types: Degraded stays where it was created
    const pruner = new ConditionList([], 0)
    for (const type of ['Available', 'Scheduled', 'Failed', 'Degraded']) pruner.set({ type, status: 'False', reason: '', message: '' })
    expect(pruner.list.map((c) => c.type)).toEqual(['Available', 'Scheduled', 'Failed', 'Degraded'])
  })

  it('RouteDegraded only when the deployment is complete and available', () => {
    const problems = ['route r (host h, router default) not admitted: route x already exposes h and is older']
    const at = (deployment: MainInput['deployment']) => {
      const list = new ConditionList([], 0)
      applyMainConditions(list, { profile: '4.12', managementState: 'Managed', deployment, routeProblems: problems }, 0)
      return list.get('Degraded')
    }
    expect(at(ready)).toMatchObject({ status: 'True', reason: 'RouteDegraded', message: problems[0] })
    expect(at({ ...ready, complete: false })).toEqual({ type: 'Degraded', status: 'False', lastTransitionTime: '1970-01-01T00:00:00Z' })
    expect(at({ ...ready, complete: false, deadlineExceeded: 'ReplicaSet "image-registry-1" has timed out progressing.' })).toMatchObject({ status: 'True', reason: 'ProgressDeadlineExceeded' })
  })

  it('CO aggregation joins reasons with :: and lists messages', () => {
    const c = aggregate('Progressing', [
      { type: 'Progressing', status: 'False', reason: 'Ready', message: 'The registry is ready' },
      { type: 'NodeCADaemonProgressing', status: 'True', reason: 'Unavailable', message: 'The daemon set node-ca is deploying node pods' },
    ])
    expect(c).toMatchObject({ status: 'True', reason: 'NodeCADaemonUnavailable::Ready', message: 'Progressing: The registry is ready\nNodeCADaemonProgressing: The daemon set node-ca is deploying node pods' })
    expect(aggregate('Degraded', [{ type: 'Degraded', status: 'False' }, { type: 'NodeCADaemonControllerDegraded', status: 'False', reason: 'AsExpected' }]).reason).toBe('AsExpected')
  })
})
