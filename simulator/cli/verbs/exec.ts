/** `oc rsh` and `oc exec`: an interactive pod shell or one command in a container, with oc's errors and exit codes. */
import type { KObject } from '../../api/types'
import { formatRFC3339 } from '../../format/time'
import { CliError } from '../errors'
import type { Invocation, Verb } from '../env'
import { pickContainer, resolvePod } from './pod-target'
import { PodShell } from './pod-shell'

const RSH_USAGE = "expected 'rsh [-c CONTAINER] [flags] (POD | TYPE/NAME) COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the rsh command"

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`
}

function checkRunnable(inv: Invocation, pod: KObject, container: string): void {
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  const st = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === container)
  if (!st?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${container}")`)
}

/** Runs `line` in a fresh pod shell and reports a non-zero status the way oc does. */
async function runRemote(inv: Invocation, pod: KObject, container: string, line: string, direct: string[] | undefined): Promise<number> {
  const sh = new PodShell(inv.cluster, pod, container, (ms) => inv.cmd.sleep(ms), false)
  if (direct) {
    const probe = await sh.execute(`type ${quote(direct[0])} >/dev/null 2>&1`, { stdout: { write: () => {} }, stderr: { write: () => {} } })
    if (probe.exitCode !== 0 && !direct[0].startsWith('/')) {
      const msg = inv.profile === '4.0'
        ? `rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "exec: \\"${direct[0]}\\": executable file not found in $PATH"\n\n`
        : `time="${formatRFC3339(inv.cluster.now())}" level=error msg="exec failed: unable to start container process: exec: \\"${direct[0]}\\": executable file not found in $PATH"\n`
      inv.cmd.stderr.write(msg)
      inv.cmd.stderr.write(`command terminated with exit code ${inv.profile === '4.0' ? 126 : 255}\n`)
      return inv.profile === '4.0' ? 126 : 255
    }
  }
  const r = await sh.execute(line, { stdout: inv.cmd.stdout, stderr: inv.cmd.stderr })
  const code = r.exitCode
  if (code !== 0) inv.cmd.stderr.write(`command terminated with exit code ${code}\n`)
  return code
}

async function runRsh(inv: Invocation): Promise<number> {
  const [target, ...command] = inv.positional
  if (!target) throw new CliError(RSH_USAGE, 'rsh')
  const { pod } = resolvePod(inv, target)
  inv.cluster.api.recordSubresource('create', 'pods', pod.metadata.namespace, pod.metadata.name, 'exec')
  const container = pickContainer(inv, pod, inv.flags.container as string | undefined, 'exec')
  checkRunnable(inv, pod, container)
  if (command.length) return runRemote(inv, pod, container, command.map(quote).join(' '), undefined)
  if (!inv.cmd.stdinIsTty) {
    const sh = new PodShell(inv.cluster, pod, container, (ms) => inv.cmd.sleep(ms), false)
    let code = 0
    for (const line of inv.cmd.stdin.split('\n')) {
      if (!line.trim()) continue
      const r = await sh.execute(line, { stdout: inv.cmd.stdout, stderr: inv.cmd.stderr })
      code = r.exitCode
      if (r.exited) break
    }
    if (code !== 0) inv.cmd.stderr.write(`command terminated with exit code ${code}\n`)
    return code
  }
  inv.cmd.enterSubshell(new PodShell(inv.cluster, pod, container, (ms) => inv.cmd.sleep(ms)))
  return 0
}

async function runExec(inv: Invocation): Promise<number> {
  const [target, ...rest] = inv.positional
  if (!target) throw new CliError('expected \'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]\'.\nPOD or TYPE/NAME is a required argument for the exec command', 'exec')
  let command = inv.afterDash ?? []
  if (!inv.afterDash && rest.length) {
    if (inv.profile !== '4.0') inv.cmd.stderr.write(`${inv.binary} exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use ${inv.binary} exec [POD] -- [COMMAND] instead.\n`)
    command = rest
  }
  if (!command.length) throw new CliError('you must specify at least one command for the container')
  const { pod } = resolvePod(inv, target)
  inv.cluster.api.recordSubresource('create', 'pods', pod.metadata.namespace, pod.metadata.name, 'exec')
  const container = pickContainer(inv, pod, inv.flags.container as string | undefined, 'exec')
  checkRunnable(inv, pod, container)
  const interactive = inv.flags.stdin === true && inv.flags.tty === true && inv.cmd.stdinIsTty
  if (interactive && ['sh', 'bash', '/bin/sh', '/bin/bash'].includes(command[0]) && command.length === 1) {
    inv.cmd.enterSubshell(new PodShell(inv.cluster, pod, container, (ms) => inv.cmd.sleep(ms)))
    return 0
  }
  if ((command[0] === 'sh' || command[0] === '/bin/sh' || command[0] === 'bash' || command[0] === '/bin/bash') && command[1] === '-c') {
    return runRemote(inv, pod, container, command.slice(2).join(' '), undefined)
  }
  return runRemote(inv, pod, container, command.map(quote).join(' '), command)
}

const CONTAINER_FLAG = { name: 'container', short: 'c', type: 'string' as const, usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' }

export const rshVerb: Verb = {
  name: 'rsh',
  short: 'Start a shell session in a container',
  use: 'rsh [-c CONTAINER] [flags] (POD | TYPE/NAME) COMMAND [args...]',
  group: 'Troubleshooting and Debugging Commands',
  interspersed: false,
  flags: [
    CONTAINER_FLAG,
    { name: 'tty', short: 't', type: 'bool', usage: 'Force a pseudo-terminal to be allocated' },
    { name: 'no-tty', short: 'T', type: 'bool', usage: 'Disable pseudo-terminal allocation' },
    { name: 'shell', type: 'string', default: '/bin/sh', usage: 'Path to the shell command' },
  ],
  run: runRsh,
}

export const execVerb: Verb = {
  name: 'exec',
  short: 'Execute a command in a container',
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  group: 'Troubleshooting and Debugging Commands',
  flags: [
    CONTAINER_FLAG,
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
  ],
  run: runExec,
}
