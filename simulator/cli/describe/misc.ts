/** Describers for services, routes (oc's, TAB padded), secrets and config maps. */
import type { KObject } from '../../api/types'
import { goUnitsHumanDuration } from '../../format/duration'
import { PROJECT_DESCRIBE, tabwrite } from '../../format/tabwriter'
import { parseTime } from '../../core/time'
import { b64decode } from '../../controllers/util'
import { annotationsMultiline, describeEvents, type DescribeContext, DescribeWriter, eventsFor, formatLabels, labelsMultiline } from './engine'

function endpointsOf(svc: KObject, portName: string | undefined, ctx: DescribeContext): string {
  const ep = ctx.get('endpoints', svc.metadata.namespace, svc.metadata.name)
  const list: string[] = []
  for (const s of ep?.subsets ?? []) {
    for (const port of s.ports ?? []) {
      if ((port.name ?? '') !== (portName ?? '')) continue
      for (const a of s.addresses ?? []) list.push(`${a.ip}:${port.port}`)
    }
  }
  if (!list.length) return '<none>'
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',')
}

/** Describes a service. */
export function describeService(svc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const spec = svc.spec ?? {}
  w.write(0, `Name:\t${svc.metadata.name}\n`)
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`)
  labelsMultiline(w, 'Labels', svc.metadata.labels)
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations)
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(0, `Type:\t${spec.type ?? 'ClusterIP'}\n`)
  if (ctx.profile !== '4.0') {
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
    w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  }
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  if (ctx.profile !== '4.0') w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>'
    const proto = p.protocol ?? 'TCP'
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`)
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`)
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`)
    w.write(0, `Endpoints:\t${endpointsOf(svc, p.name, ctx)}\n`)
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`)
  describeEvents(w, eventsFor(svc, ctx), ctx)
  return w.done()
}

const str = (v: unknown) => (v === undefined || v === null || v === '' ? '<none>' : String(v))

/** Describes a route with oc's route describer. */
export function describeRoute(r: KObject, ctx: DescribeContext): string {
  const spec = r.spec ?? {}
  const ago = (ts: string | undefined) => goUnitsHumanDuration(ctx.now - parseTime(ts)).toLowerCase()
  let t = `Name:\t${r.metadata.name}\nNamespace:\t${r.metadata.namespace}\n`
  if (r.metadata.creationTimestamp) t += `Created:\t${goUnitsHumanDuration(ctx.now - parseTime(r.metadata.creationTimestamp))} ago\n`
  const lk = Object.keys(r.metadata.labels ?? {}).sort()
  t += `Labels:\t${lk.length ? lk.map((k) => `${k}=${r.metadata.labels![k]}`).join(',') : '<none>'}\n`
  const ak = Object.keys(r.metadata.annotations ?? {}).sort()
  t += ak.length ? ak.map((k, i) => `${i ? '' : 'Annotations:'}\t${k}=${r.metadata.annotations![k]}\n`).join('') : 'Annotations:\t<none>\n'
  if (spec.host) {
    t += `Requested Host:\t${spec.host}\n`
    for (const ing of r.status?.ingress ?? []) {
      if (ing.host !== spec.host) continue
      const c = (ing.conditions ?? []).find((x: any) => x.type === 'Admitted')
      const hn = ing.routerCanonicalHostname ? ` (host ${ing.routerCanonicalHostname})` : ''
      if (c?.status === 'True') t += `\t  exposed on router ${ing.routerName}${hn} ${ago(c.lastTransitionTime)} ago\n`
      else if (c) t += `\t  rejected by router ${ing.routerName}: ${hn}${c.reason} (${ago(c.lastTransitionTime)} ago)\n`
    }
  } else t += 'Requested Host:\t<auto>\n'
  t += `Path:\t${str(spec.path)}\n`
  t += `TLS Termination:\t${str(spec.tls?.termination)}\n`
  t += `Insecure Policy:\t${str(spec.tls?.insecureEdgeTerminationPolicy)}\n`
  t += `Endpoint Port:\t${spec.port ? String(spec.port.targetPort) : '<all endpoint ports>'}\n\n`
  const svc = spec.to?.name ?? ''
  t += `Service:\t${str(svc)}\n`
  t += `Weight:\t${spec.to?.weight ?? 100} (100%)\n`
  const ep = ctx.get('endpoints', r.metadata.namespace, svc)
  const addrs: string[] = []
  for (const s of ep?.subsets ?? []) for (const a of s.addresses ?? []) for (const p of s.ports ?? []) addrs.push(`${a.ip}:${p.port}`)
  t += `Endpoints:\t${addrs.length ? addrs.slice(0, 3).join(', ') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '') : '<none>'}\n`
  return tabwrite(t, PROJECT_DESCRIBE)
}

function b64len(v: string): number {
  const s = v.replace(/\s/g, '')
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  return Math.floor((s.length * 3) / 4) - pad
}

/** Describes a secret (sizes only, except a service-account token). */
export function describeSecret(s: KObject): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${s.metadata.name}\n`)
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`)
  labelsMultiline(w, 'Labels', s.metadata.labels)
  annotationsMultiline(w, 'Annotations', s.metadata.annotations)
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n`)
  w.write(0, '\nData\n====\n')
  const data: Record<string, string> = { ...(s.data ?? {}) }
    for (const k of Object.keys(data).sort()) {
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${b64decode(data[k])}\n`)
    else w.write(0, `${k}:\t${b64len(data[k])} bytes\n`)
  }
  return w.done()
}

/** Describes a config map. */
export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${cm.metadata.name}\n`)
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`)
  labelsMultiline(w, 'Labels', cm.metadata.labels)
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations)
  w.write(0, '\nData\n====\n')
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`)
    w.write(0, `${cm.data[k]}\n`)
  }
  w.write(0, '\nBinaryData\n====\n')
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${b64len(cm.binaryData[k])} bytes\n`)
  w.write(0, '\n')
  describeEvents(w, eventsFor(cm, ctx), ctx)
  return w.done()
}
