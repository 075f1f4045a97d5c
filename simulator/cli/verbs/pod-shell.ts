/**
 * The shell inside a pod (`oc rsh`, `oc exec`): the same virtual Shell with a pod-specific filesystem, the
 * container's environment, and a few pod commands (df, mount, ps, hostname, id). Errors read `sh: ...`.
 */
import type { KObject } from '../../api/types'
import type { Cluster } from '../../cluster'
import { b64decode } from '../../controllers/util'
import { createDefaultCommands, Shell, VirtualFs } from '../../shell'
import type { Command, OutputStream, Subshell } from '../../shell/types'
import { fieldRefValue } from '../describe/containers'
import { humanSize, podMounts, type PodMount } from './pod-mounts'

function dfTable(mounts: PodMount[], human: boolean): string {
  const rows = mounts.map((m) => {
    const avail = Math.max(0, m.size - m.used)
    const fmt = (n: number) => (human ? humanSize(n) : String(Math.ceil(n / 1024)))
    const pct = m.size > 0 ? `${Math.ceil((m.used * 100) / m.size)}%` : '-'
    return [m.source, fmt(m.size), fmt(m.used), fmt(avail), pct, m.target]
  })
  const header = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on']
  const all = [header, ...rows]
  const mins = [14, 5, 5, 5, 4, 0]
  const widths = mins.map((min, i) => Math.max(min, ...all.map((r) => r[i].length)))
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[0]) : i === 5 ? cell : cell.padStart(widths[i]))).join(' ') + '\n').join('')
}

function podCommands(cluster: Cluster, pod: KObject, container: string): Command[] {
  const mounts = () => podMounts(cluster, pod, container)
  return [
    {
      name: 'df',
      async run(ctx) {
        const human = ctx.args.some((a) => /^-[a-zA-Z]*h/.test(a))
        const paths = ctx.args.filter((a) => !a.startsWith('-'))
        let list = mounts().filter((m) => m.size >= 0 && m.target !== '/proc' && m.target !== '/sys')
        if (paths.length) {
          const picked: PodMount[] = []
          for (const p of paths) {
            const abs = ctx.fs.resolve(ctx.cwd, p)
            if (!ctx.fs.exists(abs)) {
              ctx.stderr.write(`df: '${p}': No such file or directory\n`)
              continue
            }
            const best = list.filter((m) => abs === m.target || abs.startsWith(m.target === '/' ? '/' : m.target + '/')).sort((a, b) => b.target.length - a.target.length)[0]
            if (best) picked.push(best)
          }
          list = picked
          if (!list.length) return 1
        }
        ctx.stdout.write(dfTable(list, human))
        return 0
      },
    },
    { name: 'mount', async run(ctx) { ctx.stdout.write(mounts().map((m) => `${m.source} on ${m.target} type ${m.type} (${m.options})\n`).join('')); return 0 } },
    { name: 'hostname', async run(ctx) { ctx.stdout.write(`${pod.metadata.name}\n`); return 0 } },
    { name: 'id', async run(ctx) { ctx.stdout.write(`uid=1000330000(1000330000) gid=0(root) groups=0(root),1000330000\n`); return 0 } },
    { name: 'whoami', async run(ctx) { ctx.stdout.write('1000330000\n'); return 0 } },
    {
      name: 'ps',
      async run(ctx) {
        const c = (pod.spec?.containers ?? []).find((x: any) => x.name === container) ?? {}
        const main = [...(c.command ?? []), ...(c.args ?? [])].join(' ') || '/usr/bin/pod'
        ctx.stdout.write(`    PID TTY          TIME CMD\n      1 ?        00:00:12 ${main.split('/').pop()!.split(' ')[0]}\n     42 pts/0    00:00:00 sh\n     57 pts/0    00:00:00 ps\n`)
        return 0
      },
    },
  ]
}

/** The container's environment as the process sees it. */
function containerEnv(cluster: Cluster, pod: KObject, container: string): Map<string, string> {
  const c = (pod.spec?.containers ?? []).find((x: any) => x.name === container) ?? {}
  const env = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', pod.metadata.name],
    ['TERM', 'xterm'],
    ['HOME', '/'],
  ])
  for (const e of c.env ?? []) {
    const vf = e.valueFrom
    let v = e.value ?? ''
    if (vf?.fieldRef) v = fieldRefValue(pod, vf.fieldRef.fieldPath)
    else if (vf?.secretKeyRef) v = b64decode(cluster.api.tryGet('secrets', pod.metadata.namespace, vf.secretKeyRef.name)?.data?.[vf.secretKeyRef.key] ?? '')
    else if (vf?.configMapKeyRef) v = cluster.api.tryGet('configmaps', pod.metadata.namespace, vf.configMapKeyRef.name)?.data?.[vf.configMapKeyRef.key] ?? ''
    env.set(e.name, v)
  }
  env.set('KUBERNETES_SERVICE_HOST', '172.30.0.1')
  env.set('KUBERNETES_SERVICE_PORT', '443')
  return env
}

/** The container's filesystem: /etc/hostname, mount points, secret and config map files. */
function containerFs(cluster: Cluster, pod: KObject, container: string): VirtualFs {
  const vfs = new VirtualFs()
  const fs = {
    mkdir: (d: string, o?: { recursive?: boolean }) => vfs.mkdir(d, o),
    writeFile: (f: string, text: string) => {
      vfs.mkdir(f.slice(0, f.lastIndexOf('/')) || '/', { recursive: true })
      vfs.writeFile(f, text)
    },
  }
  const ns = pod.metadata.namespace
  for (const d of ['/tmp', '/etc', '/usr/bin', '/var/log', '/proc', '/dev', '/sys']) fs.mkdir(d, { recursive: true })
  fs.writeFile('/etc/hostname', `${pod.metadata.name}\n`)
  fs.writeFile('/etc/os-release', cluster.profile === '4.0' ? 'NAME="Red Hat Enterprise Linux Server"\nVERSION="7.6 (Maipo)"\nID="rhel"\n' : 'NAME="Red Hat Enterprise Linux"\nVERSION="8.6 (Ootpa)"\nID="rhel"\n')
  fs.writeFile('/var/run/secrets/kubernetes.io/serviceaccount/namespace', ns ?? '')
  fs.writeFile('/var/run/secrets/kubernetes.io/serviceaccount/token', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.e30.c2lnbmF0dXJl')
  const c = (pod.spec?.containers ?? []).find((x: any) => x.name === container) ?? {}
  const volumes = new Map<string, any>((pod.spec?.volumes ?? []).map((v: any) => [v.name, v]))
  for (const m of c.volumeMounts ?? []) {
    const dir = String(m.mountPath).replace(/\/+$/, '') || '/'
    fs.mkdir(dir, { recursive: true })
    const v = volumes.get(m.name)
    const data: Record<string, string> = {}
    if (v?.secret) for (const [k, val] of Object.entries(cluster.api.tryGet('secrets', ns, v.secret.secretName)?.data ?? {})) data[k] = b64decode(String(val))
    if (v?.configMap) Object.assign(data, cluster.api.tryGet('configmaps', ns, v.configMap.name)?.data ?? {})
    for (const [k, val] of Object.entries(data)) if (!k.includes('/')) fs.writeFile(`${dir}/${k}`, val)
  }
  return vfs
}

/** The shell prompt of the registry's RHEL images: `sh-4.2$ ` (RHEL 7, 4.0 era) or `sh-4.4$ ` (UBI 8). */
export function podPrompt(cluster: Cluster): string {
  return cluster.profile === '4.0' ? 'sh-4.2$ ' : 'sh-4.4$ '
}

/** A stream that rewrites bash's `bash: ` message prefix to `sh: ` (the image's /bin/sh is bash in sh mode). */
function shStream(out: OutputStream): OutputStream {
  return { write: (t) => out.write(t.replace(/^bash: /gm, 'sh: ')) }
}

/**
 * A shell running in `container` of `pod`. `interactive` is the TTY shell of `oc rsh POD` / `oc exec -it POD --
 * sh`: like interactive bash it echoes `exit` when it leaves, and like oc it then reports a non-zero status
 * (`command terminated with exit code N`). A non-interactive one (`sh -c`, a script on stdin) does neither; its
 * caller reports the status.
 */
export class PodShell implements Subshell {
  private readonly shell: Shell
  private readonly ac = new AbortController()
  private last = 0

  constructor(
    private readonly cluster: Cluster,
    pod: KObject,
    container: string,
    sleep: (ms: number) => Promise<void>,
    private readonly interactive = true,
  ) {
    const commands = createDefaultCommands()
    for (const n of ['jq', 'watch', 'clear']) commands.delete(n)
    for (const c of podCommands(cluster, pod, container)) commands.set(c.name, c)
    this.shell = new Shell({
      fs: containerFs(cluster, pod, container),
      env: containerEnv(cluster, pod, container),
      commands,
      cwd: '/',
      editor: { edit: async () => null },
      sleep: (ms) => sleep(ms),
      hooks: { enterSubshell: () => undefined, clearScreen: () => undefined },
      interactive,
    })
  }

  prompt(): string {
    return podPrompt(this.cluster)
  }

  /** Runs one line; `exit [N]` (or Ctrl+D as `\x04`) leaves with N or the last status. */
  async execute(line: string, io: { stdout: OutputStream; stderr: OutputStream }): Promise<{ exited: boolean; exitCode: number }> {
    let exitCode: number | undefined
    if (line.trim() === '\x04') exitCode = this.last
    else {
      this.last = await this.shell.run(line, { stdout: io.stdout, stderr: shStream(io.stderr), signal: this.ac.signal })
      exitCode = this.shell.exitedWith
    }
    if (exitCode === undefined) return { exited: false, exitCode: this.last }
    if (this.interactive && exitCode !== 0) io.stderr.write(`command terminated with exit code ${exitCode}\n`)
    return { exited: true, exitCode }
  }
}
