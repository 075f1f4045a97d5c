/** `oc rollout status|restart|history|undo|pause|resume` for deployments. */
import { notFound } from '../../api/errors'
import { qualifiedName, type ResourceType } from '../../api/resources'
import type { KObject } from '../../api/types'
import { rfc3339 } from '../../core/time'
import { formatTable, DESCRIBE } from '../../format/tabwriter'
import type { Invocation, Verb } from '../env'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import { namedTargets, nsFor, refOf } from '../mutate-helpers'

const REV = 'deployment.kubernetes.io/revision'

/** The one deployment a rollout subcommand works on. */
function target(inv: Invocation, sub: string): { rt: ResourceType; obj: KObject } {
  if (inv.positional.length === 0) {
    throw new CliError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  }
  const t = namedTargets(inv, inv.positional, `rollout ${sub}`)[0]
  if (!t.name) throw new CliError('resource(s) were provided, but no name was specified')
  // the object is fetched first (NotFound), then the kind is checked
  const obj = inv.cluster.api.get(t.rt.key, nsFor(inv, t.rt), t.name)
  if (t.rt.kind === 'DaemonSet' && (sub === 'status' || sub === 'restart')) return { rt: t.rt, obj }
  if (t.rt.kind === 'DaemonSet' && (sub === 'history' || sub === 'undo')) {
    throw new CliError(`"${inv.binary} rollout ${sub}" of daemon sets is not available in this workshop simulator (their revisions are not recorded)`)
  }
  if (t.rt.kind !== 'Deployment') throw new CliError(notImplemented(sub, t.rt, t.name))
  return { rt: t.rt, obj }
}

/** kubectl's words when a kind has no rollout support (GroupKind prints as `Pod`, `ReplicaSet.apps`). */
function notImplemented(sub: string, rt: ResourceType, name: string): string {
  const gk = rt.group ? `${rt.kind}.${rt.group}` : rt.kind
  switch (sub) {
    case 'status':
      return `no status viewer has been implemented for ${gk}`
    case 'history':
      return `no history viewer has been implemented for "${gk}"`
    case 'undo':
      return `no rollbacker has been implemented for "${gk}"`
    default:
      return `${qualifiedName(rt)} "${name}" ${sub === 'restart' ? 'restarting' : sub === 'pause' ? 'pausing' : 'resuming'} is not supported`
  }
}

/** kubectl's DeploymentStatusViewer: the message and whether the rollout is done. */
export function deploymentStatus(d: KObject): { msg: string; done: boolean } {
  const name = d.metadata.name
  const st = d.status ?? {}
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = (st.conditions ?? []).find((c: { type: string }) => c.type === 'Progressing')
    if (cond?.reason === 'ProgressDeadlineExceeded') throw new CliError(`deployment "${name}" exceeded its progress deadline`)
    const want = d.spec?.replicas ?? 1
    const updated = st.updatedReplicas ?? 0
    if (updated < want) return { msg: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false }
    if ((st.replicas ?? 0) > updated) return { msg: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false }
    if ((st.availableReplicas ?? 0) < updated) return { msg: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false }
    return { msg: `deployment "${name}" successfully rolled out\n`, done: true }
  }
  return { msg: 'Waiting for deployment spec update to be observed...\n', done: false }
}

/** kubectl's DaemonSetStatusViewer. */
export function daemonSetStatus(ds: KObject): { msg: string; done: boolean } {
  const name = ds.metadata.name
  const st = ds.status ?? {}
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new CliError('rollout status is only available for RollingUpdate strategy type')
  if ((ds.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const want = st.desiredNumberScheduled ?? 0
    if ((st.updatedNumberScheduled ?? 0) < want) return { msg: `Waiting for daemon set "${name}" rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${want} new pods have been updated...\n`, done: false }
    if ((st.numberAvailable ?? 0) < want) return { msg: `Waiting for daemon set "${name}" rollout to finish: ${st.numberAvailable ?? 0} of ${want} updated pods are available...\n`, done: false }
    return { msg: `daemon set "${name}" successfully rolled out\n`, done: true }
  }
  return { msg: 'Waiting for daemon set spec update to be observed...\n', done: false }
}

async function runStatus(inv: Invocation): Promise<number> {
  const { cluster, cmd } = inv
  const { rt, obj } = target(inv, 'status')
  const ns = nsFor(inv, rt)
  const viewer = rt.kind === 'DaemonSet' ? daemonSetStatus : deploymentStatus
  let last = ''
  let d = obj
  for (;;) {
    const s = viewer(d)
    if (s.msg !== last) cmd.stdout.write(s.msg)
    last = s.msg
    if (s.done || inv.flags.watch === false) return 0
    try {
      await cmd.sleep(1000, { endless: true })
    } catch {
      return 130
    }
    cluster.settle()
    const next = cluster.api.tryGet(rt.key, ns, obj.metadata.name)
    if (!next) throw notFound(qualifiedName(rt), obj.metadata.name)
    d = next
  }
}

/** The deployment's ReplicaSets with their revisions, oldest first. */
function history(inv: Invocation, d: KObject): { rev: number; rs: KObject }[] {
  return inv.cluster.api
    .query('replicasets.apps', { namespace: d.metadata.namespace })
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid))
    .map((rs) => ({ rev: Number(rs.metadata.annotations?.[REV] ?? 0), rs }))
    .sort((a, b) => a.rev - b.rev)
}

async function runHistory(inv: Invocation): Promise<number> {
  const { rt, obj } = target(inv, 'history')
  const rows = [['REVISION', 'CHANGE-CAUSE'], ...history(inv, obj).map((h) => [String(h.rev), h.rs.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'])]
  inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} \n${formatTable(rows, DESCRIBE)}\n`)
  return 0
}

async function runRestart(inv: Invocation): Promise<number> {
  const { rt, obj } = target(inv, 'restart')
  if (obj.spec?.paused) throw new CliError(`${qualifiedName(rt)} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)`)
  const at = rfc3339(inv.cluster.now())
  inv.cluster.api.patch(rt.key, nsFor(inv, rt), obj.metadata.name, 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } })
  inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} restarted\n`)
  return 0
}

async function runPause(inv: Invocation, pause: boolean): Promise<number> {
  const { rt, obj } = target(inv, pause ? 'pause' : 'resume')
  if (!!obj.spec?.paused === pause) throw new CliError(`${qualifiedName(rt)} "${obj.metadata.name}" ${pause ? 'is already paused' : 'is not paused'}`)
  inv.cluster.api.patch(rt.key, nsFor(inv, rt), obj.metadata.name, 'strategic', { spec: { paused: pause ? true : null } })
  inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} ${pause ? 'paused' : 'resumed'}\n`)
  return 0
}

async function runUndo(inv: Invocation): Promise<number> {
  const { rt, obj } = target(inv, 'undo')
  const revs = history(inv, obj)
  const wanted = inv.flags['to-revision'] as number
  const current = Number(obj.metadata.annotations?.[REV] ?? 0)
  const pick = wanted > 0 ? revs.find((h) => h.rev === wanted) : [...revs].reverse().find((h) => h.rev !== current)
  if (!pick) {
    if (wanted > 0) throw new CliError(`unable to find specified revision ${wanted} in history`)
    throw new CliError(`no rollout history found for deployment "${obj.metadata.name}"`)
  }
  const tmpl = JSON.parse(JSON.stringify(pick.rs.spec.template)) as KObject
  if (tmpl.metadata?.labels) delete tmpl.metadata.labels['pod-template-hash']
  if (pick.rev === current) {
    inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} skipped rollback (current template already matches revision ${pick.rev})\n`)
    return 0
  }
  inv.cluster.api.patch(rt.key, nsFor(inv, rt), obj.metadata.name, 'json', [{ op: 'replace', path: '/spec/template', value: tmpl }])
  inv.cmd.stdout.write(`${refOf(rt, obj.metadata.name)} rolled back\n`)
  return 0
}

const FILE: FlagSpec = { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.', notSimulated: 'name the objects as TYPE NAME or TYPE/NAME' }

function sub(name: string, short: string, run: (inv: Invocation) => Promise<number>, flags: FlagSpec[] = []): Verb {
  return { name, short, use: `rollout ${name} RESOURCE [flags] [options]`, flags: [FILE, ...flags], run }
}

/** `oc rollout`. */
export const rolloutVerb: Verb = {
  name: 'rollout',
  short: 'Manage a Kubernetes deployment or OpenShift deployment config',
  use: 'rollout SUBCOMMAND [flags] [options]',
  group: 'Build and Deploy Commands',
  subcommands: [
    sub('history', 'View rollout history', runHistory, [{ name: 'revision', type: 'int', default: 0, usage: 'See the details, including podTemplate of the revision specified', notSimulated: 'the latest revision is shown' }]),
    sub('pause', 'Mark the provided resource as paused', (inv) => runPause(inv, true)),
    sub('restart', 'Restart a resource', runRestart),
    sub('resume', 'Resume a paused resource', (inv) => runPause(inv, false)),
    sub('status', 'Show the status of the rollout', runStatus, [
      { name: 'watch', short: 'w', type: 'bool', default: true, usage: 'Watch the status of the rollout until it\'s done.' },
      { name: 'revision', type: 'int', default: 0, usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).', notSimulated: 'the latest revision is shown' },
      { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    ]),
    sub('undo', 'Undo a previous rollout', runUndo, [{ name: 'to-revision', type: 'int', default: 0, usage: 'The revision to rollback to. Default to 0 (last revision).' }]),
  ],
}
