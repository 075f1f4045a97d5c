/** Container, volume and toleration sections shared by the pod and pod-template describers (kubectl). */
import type { KObject } from '../../api/types'
import { type DescribeWriter, printBool, rfc1123 } from './engine'

/** Resolves an env var's valueFrom for a running pod (fieldRefs), or '' (templates). */
export type EnvResolver = ((e: any) => string) | undefined

/** EnvValueRetriever for a pod: metadata.name/namespace, spec.nodeName, status.podIP... */
export function podEnvResolver(pod: KObject): EnvResolver {
  return (e) => fieldRefValue(pod, e.valueFrom?.fieldRef?.fieldPath ?? '')
}

/** The value of a downward-API field path on a pod. */
export function fieldRefValue(pod: KObject, path: string): string {
  const m = path.match(/^metadata\.(labels|annotations)\['(.+)'\]$/)
  if (m) return (pod.metadata as any)[m[1]]?.[m[2]] ?? ''
  switch (path) {
    case 'metadata.name': return pod.metadata.name
    case 'metadata.namespace': return pod.metadata.namespace ?? ''
    case 'metadata.uid': return pod.metadata.uid ?? ''
    case 'spec.nodeName': return pod.spec?.nodeName ?? ''
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? ''
    case 'status.hostIP': return pod.status?.hostIP ?? ''
    case 'status.podIP': return pod.status?.podIP ?? ''
    default: return ''
  }
}

function probe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const h = p.httpGet
    const port = h.port !== undefined ? String(h.port) : ''
    const host = port ? `${h.host ?? ''}:${port}` : h.host ?? ''
    return `http-get ${String(h.scheme ?? 'HTTP').toLowerCase()}://${host}${h.path ?? ''} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`
  return `unknown ${attrs}`
}

function state(w: DescribeWriter, name: string, st: any): void {
  if (st?.running) {
    w.write(2, `${name}:\tRunning\n`)
    w.write(3, `Started:\t${rfc1123(st.running.startedAt)}\n`)
  } else if (st?.terminated) {
    const t = st.terminated
    w.write(2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(3, `Message:\t${t.message}\n`)
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`)
    if (t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`)
    w.write(3, `Started:\t${rfc1123(t.startedAt)}\n`)
    w.write(3, `Finished:\t${rfc1123(t.finishedAt)}\n`)
  } else {
    w.write(2, `${name}:\tWaiting\n`)
    if (st?.waiting?.reason) w.write(3, `Reason:\t${st.waiting.reason}\n`)
  }
}

function resources(w: DescribeWriter, title: string, list: Record<string, string> | undefined): void {
  const keys = Object.keys(list ?? {}).sort()
  if (!keys.length) return
  w.write(2, `${title}:\n`)
  for (const k of keys) w.write(3, `${k}:\t${list![k]}\n`)
}

function env(w: DescribeWriter, c: any, resolve: EnvResolver): void {
  const vars: any[] = c.env ?? []
  if (c.envFrom?.length) {
    w.write(2, 'Environment Variables from:\n')
    for (const f of c.envFrom) {
      const kind = f.configMapRef ? 'ConfigMap' : 'Secret'
      const ref = f.configMapRef ?? f.secretRef
      w.write(3, `${ref.name}\t${kind}\t${f.prefix ? `with prefix '${f.prefix}'` : ''}\tOptional: ${ref.optional === true}\n`)
    }
  }
  w.write(2, `Environment:${vars.length ? '' : '\t<none>'}\n`)
  for (const e of vars) {
    const vf = e.valueFrom
    if (!vf) {
      String(e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    } else if (vf.fieldRef) {
      w.write(3, `${e.name}:\t${resolve ? resolve(e) : ''} (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`)
    } else if (vf.resourceFieldRef) {
      w.write(3, `${e.name}:\t (${vf.resourceFieldRef.resource})\n`)
    } else if (vf.secretKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`)
    } else if (vf.configMapKeyRef) {
      w.write(3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`)
    }
  }
}

/** describeContainers: one block per container with its status when known. */
export function describeContainers(w: DescribeWriter, label: string, containers: any[], statuses: any[] | undefined, resolve: EnvResolver, space = ''): void {
  w.write(0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`)
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  for (const c of containers) {
    const st = byName.get(c.name)
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`)
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`)
    w.write(2, `Image:\t${c.image ?? ''}\n`)
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`)
    const ports: any[] = c.ports ?? []
    const p = ports.map((x) => `${x.containerPort}/${x.protocol ?? 'TCP'}`).join(',')
    const hp = ports.map((x) => `${x.hostPort ?? 0}/${x.protocol ?? 'TCP'}`).join(',')
    w.write(2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${p || '<none>'}\n`)
    w.write(2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${hp || '<none>'}\n`)
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list?.length) continue
      w.write(2, `${title}:\n`)
      for (const x of list) for (const s of String(x).split('\n')) w.write(3, `${s}\n`)
    }
    if (st) {
      state(w, 'State', st.state)
      if (st.lastState?.terminated) state(w, 'Last State', st.lastState)
      w.write(2, `Ready:\t${printBool(st.ready)}\n`)
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`)
    }
    resources(w, 'Limits', c.resources?.limits)
    resources(w, 'Requests', c.resources?.requests)
    if (c.livenessProbe) w.write(2, `Liveness:\t${probe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(2, `Readiness:\t${probe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(2, `Startup:\t${probe(c.startupProbe)}\n`)
    env(w, c, resolve)
    const mounts: any[] = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0))
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`)
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])]
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
    }
  }
}

const opt = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v))

/** describeVolumes. */
export function describeVolumes(w: DescribeWriter, volumes: any[] | undefined, space = ''): void {
  if (!volumes?.length) {
    w.write(0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`)
    if (v.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`)
    else if (v.emptyDir) w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`)
    else if (v.secret) w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`)
    else if (v.configMap) w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`)
    else if (v.persistentVolumeClaim) w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`)
    else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${opt(s.secret.optional)}\n`)
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n')
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${opt(s.configMap.optional)}\n`)
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`)
      }
    } else if (v.nfs) w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${v.nfs.readOnly === true}\n`)
    else w.write(2, 'Type:\t<unknown>\n')
  }
}

/** printPodTolerationsMultiline. */
export function tolerationsMultiline(w: DescribeWriter, title: string, tolerations: any[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`)
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  if (!list.length) {
    w.write(0, '<none>\n')
    return
  }
  list.forEach((t, i) => {
    let s = i ? `${initialIndent}\t` : ''
    s += t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(0, s + '\n')
  })
}
