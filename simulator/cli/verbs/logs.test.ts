/** `oc logs` on a container that restarted: one run at a time, as the kubelet serves them. */
import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../cluster'
import { parseTime } from '../../core/time'
import { runInSession } from '../../runner/run-script'
import { awsScenario } from '../../scenarios/aws'
import { ClusterSession } from '../../session'

const NS = 'openshift-image-registry'

async function oc(c: Cluster, command: string) {
  const [r] = await runInSession(new ClusterSession(c, { timeMode: 'instant' }), command)
  return r
}

const crashLooping = (c: Cluster) => c.api.query('pods', { namespace: NS }).find((p) => p.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff')!
const starts = (text: string) => text.split('\n').filter((l) => l.includes('msg="start registry"'))

describe('oc logs of a restarted container', () => {
  it('CrashLoopBackOff: plain and -p both show the last run only (its start line and its panic)', async () => {
    const c = awsScenario.build({ seed: 1, faults: ['registry-crashloop'] })
    const pod = crashLooping(c)
    const st = pod.status.containerStatuses[0]
    expect(st.restartCount).toBeGreaterThan(3)
    const last = st.lastState.terminated
    const current = await oc(c, `oc logs ${pod.metadata.name} -n ${NS}`)
    expect(current.exitCode).toBe(0)
    expect(starts(current.stdout)).toEqual([expect.stringContaining(`time="${last.startedAt.slice(0, -1)}`)])
    expect(current.stdout).toMatch(/^time=.*msg="start registry".*\npanic: parse "https:\/\/s3\.us-east-1\.amazonaws\.com:443s": invalid port ":443s" after host\n\ngoroutine 1 \[running\]:\n/)
    expect(current.stdout.split('\n').filter((l) => l.startsWith('panic:'))).toHaveLength(1)
    const previous = await oc(c, `oc logs -p ${pod.metadata.name} -n ${NS}`)
    expect(previous.stdout).toBe(current.stdout)
  })

  it('running after a restart: the current run; -p the one before; none for a container that never restarted', async () => {
    // half a second into the next run (it crashes 1.2 s in); each check on a fresh cluster, since a command takes 2 s
    const restarted = () => {
      const c = awsScenario.build({ seed: 1, faults: ['registry-crashloop'] })
      const pod = crashLooping(c)
      c.advance(parseTime(pod.status.containerStatuses[0].lastState.terminated.finishedAt) + 5 * 60_000 + 500 - c.now())
      const st = c.api.get('pods', NS, pod.metadata.name).status.containerStatuses[0]
      expect(Object.keys(st.state)).toEqual(['running'])
      return { c, name: pod.metadata.name, st }
    }
    const a = restarted()
    const current = await oc(a.c, `oc logs ${a.name} -n ${NS}`)
    expect(starts(current.stdout)).toEqual([expect.stringContaining(`time="${a.st.state.running.startedAt.slice(0, -1)}`)])
    // its panic is still 0.7 s away
    expect(current.stdout).not.toMatch(/panic/)
    const b = restarted()
    const previous = await oc(b.c, `oc logs --previous ${b.name} -n ${NS}`)
    expect(starts(previous.stdout)).toEqual([expect.stringContaining(`time="${b.st.lastState.terminated.startedAt.slice(0, -1)}`)])
    expect(previous.stdout.split('\n').filter((l) => l.startsWith('panic:'))).toHaveLength(1)
    // the registry pod of the old ReplicaSet never restarted: no previous run, and all of its log otherwise
    const healthy = b.c.api.query('pods', { namespace: NS }).find((p) => p.metadata.labels?.['docker-registry'] === 'default' && p.status?.containerStatuses?.[0]?.restartCount === 0)!
    const none = await oc(b.c, `oc logs -p ${healthy.metadata.name} -n ${NS}`)
    expect(none.exitCode).toBe(1)
    expect(none.stderr).toBe(`Error from server (BadRequest): previous terminated container "registry" in pod "${healthy.metadata.name}" not found\n`)
    expect(starts((await oc(b.c, `oc logs ${healthy.metadata.name} -n ${NS}`)).stdout)).toHaveLength(1)
  })
})
