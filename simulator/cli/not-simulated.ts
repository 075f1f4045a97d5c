/**
 * Commands the real `oc` (or `kubectl`) has and this simulator does not. They get an honest error that names
 * the limit instead of cobra's `unknown command`, which would tell a trainee the command does not exist at all.
 * Truly unknown words keep the real client's error (see oc.ts).
 */
import type { OcSession } from './env'

interface Entry {
  /** the command path under the binary, e.g. `login`, `adm top` */
  path: string
  /** binaries that have it (default both) */
  binaries?: ('oc' | 'kubectl')[]
  /** a hint about why, or what to do instead */
  hint?: (session: OcSession) => string
}

const OC_ONLY: Entry['binaries'] = ['oc']
const NO_NETWORK = () => 'there is no network to reach pods from the bastion'
const NO_IMAGES = () => 'the simulated cluster runs no builds and pulls no images'

const TABLE: Entry[] = [
  { path: 'login', binaries: OC_ONLY, hint: (s) => `you are already logged in as ${s.user}` },
  { path: 'logout', binaries: OC_ONLY, hint: (s) => `the session stays logged in as ${s.user}` },
  { path: 'new-app', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'new-build', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'start-build', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'cancel-build', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'import-image', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'tag', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'image', binaries: OC_ONLY, hint: NO_IMAGES },
  { path: 'registry', binaries: OC_ONLY, hint: () => 'use oc get routes -n openshift-image-registry to find the registry\'s host' },
  { path: 'rollback', binaries: OC_ONLY, hint: () => 'use oc rollout undo' },
  { path: 'process', binaries: OC_ONLY },
  { path: 'extract', binaries: OC_ONLY, hint: () => 'use oc get secret NAME -o jsonpath=\'{.data.KEY}\' | base64 -d' },
  { path: 'observe', binaries: OC_ONLY },
  { path: 'policy', binaries: OC_ONLY },
  { path: 'idle', binaries: OC_ONLY },
  { path: 'secrets', binaries: OC_ONLY },
  { path: 'serviceaccounts', binaries: OC_ONLY },
  { path: 'rsync', binaries: OC_ONLY, hint: NO_NETWORK },
  { path: 'set', hint: () => 'use oc patch or oc edit' },
  { path: 'expose', hint: () => 'use oc create route' },
  { path: 'autoscale' },
  { path: 'run', hint: NO_IMAGES },
  { path: 'debug', hint: () => 'use oc rsh or oc exec' },
  { path: 'attach', hint: () => 'use oc rsh or oc exec' },
  { path: 'cp', hint: NO_NETWORK },
  { path: 'port-forward', hint: NO_NETWORK },
  { path: 'proxy', hint: NO_NETWORK },
  { path: 'config', hint: () => 'use oc project to switch projects' },
  { path: 'auth' },
  { path: 'cluster-info' },
  { path: 'diff' },
  { path: 'kustomize' },
  { path: 'completion', hint: () => 'the terminal completes with Tab already' },
  { path: 'plugin' },
  { path: 'certificate', binaries: ['kubectl'] },
  { path: 'top', binaries: ['kubectl'] },
  { path: 'cordon', binaries: ['kubectl'] },
  { path: 'uncordon', binaries: ['kubectl'] },
  { path: 'drain', binaries: ['kubectl'] },
  { path: 'taint', binaries: ['kubectl'] },
  ...['deployment', 'service', 'job', 'cronjob', 'clusterrole', 'clusterrolebinding', 'role', 'rolebinding', 'quota', 'ingress', 'priorityclass', 'poddisruptionbudget', 'token'].map(
    (k): Entry => ({ path: `create ${k}`, hint: () => 'write the object in YAML and use oc create -f' }),
  ),
  ...['deploymentconfig', 'imagestream', 'imagestreamtag', 'build', 'user', 'identity', 'useridentitymapping'].map(
    (k): Entry => ({ path: `create ${k}`, binaries: OC_ONLY, hint: () => 'write the object in YAML and use oc create -f' }),
  ),
  { path: 'create secret docker-registry', hint: () => 'use oc create secret generic' },
  { path: 'adm top', binaries: OC_ONLY },
  { path: 'adm policy', binaries: OC_ONLY },
  { path: 'adm must-gather', binaries: OC_ONLY },
  { path: 'adm inspect', binaries: OC_ONLY },
  { path: 'adm node-logs', binaries: OC_ONLY, hint: () => 'use oc logs' },
  { path: 'adm cordon', binaries: OC_ONLY },
  { path: 'adm uncordon', binaries: OC_ONLY },
  { path: 'adm drain', binaries: OC_ONLY },
  { path: 'adm taint', binaries: OC_ONLY, hint: () => 'use oc patch node' },
  { path: 'adm prune', binaries: OC_ONLY },
  { path: 'adm release', binaries: OC_ONLY },
  { path: 'adm upgrade', binaries: OC_ONLY },
  { path: 'adm certificate', binaries: OC_ONLY },
  { path: 'adm groups', binaries: OC_ONLY },
  { path: 'adm new-project', binaries: OC_ONLY, hint: () => 'use oc new-project' },
  { path: 'adm create-bootstrap-project-template', binaries: OC_ONLY },
  { path: 'adm catalog', binaries: OC_ONLY },
  { path: 'adm ocp-certificates', binaries: OC_ONLY },
  { path: 'adm pod-network', binaries: OC_ONLY },
  { path: 'adm manage-node', binaries: OC_ONLY },
  { path: 'adm node-image', binaries: OC_ONLY },
  { path: 'adm wait-for-stable-cluster', binaries: OC_ONLY },
]

/** Every command path in the table for `binary` (documentation and tests). */
export function notSimulatedCommands(binary: string): string[] {
  return TABLE.filter((e) => !e.binaries || e.binaries.includes(binary as 'oc' | 'kubectl')).map((e) => e.path)
}

/**
 * The error for a command that exists in the real client but not here, or undefined. `path` is the verb path
 * found so far plus the first unknown word (`['adm', 'top']`).
 */
export function notSimulatedError(path: string[], binary: string, session: OcSession): string | undefined {
  const key = path.join(' ')
  const e = TABLE.find((x) => x.path === key && (!x.binaries || x.binaries.includes(binary as 'oc' | 'kubectl')))
  if (!e) return undefined
  const hint = e.hint?.(session)
  return `error: "${binary} ${key}" is not available in this workshop simulator${hint ? ` (${hint})` : ''}`
}
