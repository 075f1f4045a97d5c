/** `oc logs`: POD or TYPE/NAME, `-c`, `--tail`, `--since`, `-p`, `--timestamps`, `-f` on the virtual clock. */
import { ApiError } from '../../api/errors'
import type { KObject } from '../../api/types'
import { parseTime } from '../../core/time'
import { parseGoDuration } from '../../format/duration'
import { formatRFC3339Nano } from '../../format/time'
import { CliError } from '../errors'
import type { Invocation, Verb } from '../env'
import { containerStatus, pickContainer, resolvePod } from './pod-target'

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

function waitingError(pod: KObject, container: string, st: any): ApiError | undefined {
  if (st?.state?.running || st?.state?.terminated || (st?.restartCount ?? 0) > 0 || st?.lastState?.terminated) return undefined
  const reason = st?.state?.waiting?.reason ?? 'ContainerCreating'
  const text = reason === 'ImagePullBackOff' || reason === 'ErrImagePull' ? 'trying and failing to pull image' : reason
  return new ApiError('BadRequest', `container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${text}`)
}

/** The first and last instant of a run whose RFC3339 times have whole seconds (the lines fall within them). */
function runSpan(startedAt: string | undefined, finishedAt: string | undefined): { from: number; to: number } {
  const from = parseTime(startedAt)
  const to = parseTime(finishedAt)
  return { from: Number.isNaN(from) ? -Infinity : from, to: Number.isNaN(to) ? Infinity : to + 999 }
}

/**
 * Which run of a container `oc logs` reads, as the kubelet picks it (validateContainerLogStatus): `-p` the last
 * terminated one; otherwise the running one, else the terminated one, else (CrashLoopBackOff) the last terminated
 * one. Lines are kept per container with their time, and a crashed run is at least a second (the back-off) before
 * the next one starts, so the second-precision start/finish times of a run separate it from the others.
 */
function runWindow(pod: KObject, container: string, st: any, previous: boolean): { from: number; to: number } {
  const last = st?.lastState?.terminated
  if (previous) {
    if (!last) throw new ApiError('BadRequest', `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`)
    return runSpan(last.startedAt, last.finishedAt)
  }
  const err = waitingError(pod, container, st)
  if (err) throw err
  const current = st?.state?.running ?? st?.state?.terminated
  if (!current) return runSpan(last?.startedAt, last?.finishedAt)
  const span = runSpan(current.startedAt, st?.state?.terminated?.finishedAt)
  // The first run has no predecessor to cut off (and keeps any line logged as it was being created).
  if (!last && !(st?.restartCount > 0)) span.from = -Infinity
  return span
}

async function runLogs(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  if (inv.positional.length === 0) throw new CliError(USAGE, 'logs')
  if (inv.positional.length > 2) throw new CliError(USAGE, 'logs')
  const { pod, several } = resolvePod(inv, inv.positional[0])
  inv.cluster.api.recordSubresource('get', 'pods', pod.metadata.namespace, pod.metadata.name, 'log')
  if (several > 1) cmd.stderr.write(`Found ${several} pods, using pod/${pod.metadata.name}\n`)
  const container = pickContainer(inv, pod, (flags.container as string | undefined) || inv.positional[1], 'logs')
  const st = containerStatus(pod, container)
  const ns = pod.metadata.namespace!
  const previous = flags.previous === true
  const run = runWindow(pod, container, st, previous)
  let from = run.from
  const to = run.to
  if (flags.since) {
    let ms: number
    try {
      ms = parseGoDuration(String(flags.since))
    } catch {
      throw new CliError(`invalid argument "${flags.since}" for "--since" flag: time: invalid duration "${flags.since}"`)
    }
    from = Math.max(from, cluster.now() - ms)
  }
  const stamp = flags.timestamps === true
  const fmt = (l: { time: number; text: string }) => (stamp ? `${formatRFC3339Nano(l.time)} ` : '') + l.text + '\n'
  // A process may log a sequence at once, stamped ahead of the clock (a start-up, a crash a second later): a
  // line shows once its time has come. The stream is in time order but for such lines, so stop at the first.
  const due = (all: readonly { time: number }[], i: number) => {
    while (i < all.length && all[i].time <= cluster.now()) i++
    return i
  }
  const first = cluster.logs.lines(ns, pod.metadata.name, container)
  let seen = due(first, 0)
  let lines = first.slice(0, seen).filter((l) => l.time >= from && l.time <= to)
  const tail = flags.tail as number
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
  cmd.stdout.write(lines.map(fmt).join(''))
  // A finished run has nothing more to stream (kubectl returns once that container's log ends).
  if (!flags.follow || previous || to !== Infinity) return 0
  while (!cmd.signal.aborted) {
    try {
      await cmd.sleep(1000, { endless: true })
    } catch {
      break
    }
    const all = cluster.logs.lines(ns, pod.metadata.name, container)
    const end = due(all, seen)
    cmd.stdout.write(all.slice(seen, end).filter((l) => l.time >= from).map(fmt).join(''))
    seen = end
    const cur = cluster.api.tryGet('pods', ns, pod.metadata.name)
    if (!cur || cur.metadata.uid !== pod.metadata.uid) break
    if (containerStatus(cur, container)?.state?.terminated) break
  }
  return 0
}

export const logsVerb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [flags] [options]',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'since', type: 'string', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).', notSimulated: 'name one container with -c' },
  ],
  run: runLogs,
}
