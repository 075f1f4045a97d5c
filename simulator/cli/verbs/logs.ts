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
  let from = -Infinity
  let to = Infinity
  if (previous) {
    const last = st?.lastState?.terminated
    if (!last) throw new ApiError('BadRequest', `previous terminated container "${container}" in pod "${pod.metadata.name}" not found`)
    to = parseTime(last.finishedAt) + 999
  } else {
    const err = waitingError(pod, container, st)
    if (err) throw err
    const started = parseTime(st?.state?.running?.startedAt ?? st?.state?.terminated?.startedAt)
    if (!Number.isNaN(started) && (st?.restartCount ?? 0) > 0) from = started
  }
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
  let lines = cluster.logs.lines(ns, pod.metadata.name, container).filter((l) => l.time >= from && l.time <= to)
  const tail = flags.tail as number
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail)
  cmd.stdout.write(lines.map(fmt).join(''))
  if (!flags.follow || previous) return 0
  let seen = cluster.logs.lines(ns, pod.metadata.name, container).length
  while (!cmd.signal.aborted) {
    try {
      await cmd.sleep(1000, { endless: true })
    } catch {
      break
    }
    const all = cluster.logs.lines(ns, pod.metadata.name, container)
    cmd.stdout.write(all.slice(seen).map(fmt).join(''))
    seen = all.length
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
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).' },
  ],
  run: runLogs,
}
