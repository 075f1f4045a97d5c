/** Test kit for the mutating verbs: sessions on the minimal (4.12) scenario or a bare 4.0 cluster, and a runner. */
import type { Profile } from '../../api/types'
import { createRunSession, runInSession, type CommandResult } from '../../runner/run-script'
import { newCluster } from '../../scenarios/install'
import { ClusterSession } from '../../session'

/** A session on the `minimal` scenario (4.12) or on a bare 4.0-profile cluster; the registry config exists. */
export function testSession(profile: Profile = '4.12'): ClusterSession {
  const session = profile === '4.12'
    ? createRunSession({ scenario: 'minimal' })
    : new ClusterSession(newCluster('4.0', 1, {
      name: 'old', baseDomain: 'example.com', appsDomain: 'apps.old.example.com', apiUrl: 'https://api.old.example.com:6443',
      consoleUrl: 'https://console-openshift-console.apps.old.example.com', infraID: 'old-1', platform: 'AWS', region: 'us-east-1',
      release: '4.0.0-0.9', kubernetesVersion: 'v1.12.4+ec459b84aa',
    }), { timeMode: 'instant' })
  const name = profile === '4.12' ? 'cluster' : 'instance'
  if (!session.cluster.api.tryGet('configs.imageregistry.operator.openshift.io', undefined, name)) {
    session.cluster.api.create('configs.imageregistry.operator.openshift.io', {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name },
      spec: { managementState: 'Removed', replicas: 1, storage: {} },
    })
  }
  return session
}

/** Runs a script and returns the results of its commands. */
export async function run(session: ClusterSession, script: string): Promise<CommandResult[]> {
  return runInSession(session, script)
}

/** The last command's stdout, stderr and exit code. */
export async function last(session: ClusterSession, script: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await runInSession(session, script)
  const l = r[r.length - 1]
  return { stdout: l.stdout, stderr: l.stderr, exitCode: l.exitCode }
}
