/** oc's project describer (TAB padding, go-units `Created:`) and kubectl's namespace describer. */
import type { KObject } from '../../api/types'
import { goUnitsHumanDuration } from '../../format/duration'
import { PROJECT_DESCRIBE, tabwrite } from '../../format/tabwriter'
import { parseTime } from '../../core/time'
import { annotationsMultiline, type DescribeContext, DescribeWriter, labelsMultiline } from './engine'

const none = (v: string | undefined) => (v ? v : '<none>')

/** oc's formatMapStringString: `Label:\tk=v` then `\tk=v` lines. */
function mapLines(label: string, m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort()
  if (!keys.length) return `${label}:\t<none>\n`
  return keys.map((k, i) => `${i ? '' : `${label}:`}\t${k}=${m![k]}\n`).join('')
}

/** Describes a project (`oc describe project X`). */
export function describeProject(p: KObject, ctx: DescribeContext): string {
  const ann = p.metadata.annotations ?? {}
  let t = `Name:\t${p.metadata.name}\n`
  const created = parseTime(p.metadata.creationTimestamp)
  if (!Number.isNaN(created)) t += `Created:\t${goUnitsHumanDuration(ctx.now - created)} ago\n`
  t += mapLines('Labels', p.metadata.labels)
  t += mapLines('Annotations', ann)
  t += `Display Name:\t${none(ann['openshift.io/display-name'])}\n`
  t += `Description:\t${none(ann['openshift.io/description'])}\n`
  t += `Status:\t${p.status?.phase ?? 'Active'}\n`
  t += `Node Selector:\t${none(ann['openshift.io/node-selector'])}\n`
  const quotas = ctx.list('resourcequotas', p.metadata.name)
  const limits = ctx.list('limitranges', p.metadata.name)
  if (!quotas.length) t += 'Quota:\t<none>\n'
  else {
    t += 'Quota:\n'
    for (const q of quotas) {
      t += `\tName:\t\t${q.metadata.name}\n\tResource\tUsed\tHard\n\t--------\t----\t----\n`
      for (const k of Object.keys(q.status?.hard ?? q.spec?.hard ?? {}).sort()) t += `\t${k}\t${q.status?.used?.[k] ?? '0'}\t${(q.status?.hard ?? q.spec?.hard)[k]}\n`
    }
  }
  if (!limits.length) t += 'Resource limits:\t<none>\n'
  else {
    t += 'Resource limits:\n'
    for (const l of limits) {
      t += `\tName:\t\t${l.metadata.name}\n\tType\t\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n\t----\t\t--------\t---\t---\t---------------\t-------------\t-----------------------\n`
      for (const item of l.spec?.limits ?? []) {
        const res = new Set([...Object.keys(item.min ?? {}), ...Object.keys(item.max ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {})])
        for (const r of [...res].sort()) {
          t += `\t${item.type}\t\t${r}\t${item.min?.[r] ?? '-'}\t${item.max?.[r] ?? '-'}\t${item.defaultRequest?.[r] ?? '-'}\t\t${item.default?.[r] ?? '-'}\t\t${item.maxLimitRequestRatio?.[r] ?? '-'}\n`
        }
      }
    }
  }
  return tabwrite(t, PROJECT_DESCRIBE)
}

/** Describes a namespace (kubectl). */
export function describeNamespace(ns: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${ns.metadata.name}\n`)
  labelsMultiline(w, 'Labels', ns.metadata.labels)
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations)
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`)
  const quotas = ctx.list('resourcequotas', ns.metadata.name)
  const limits = ctx.list('limitranges', ns.metadata.name)
  w.write(0, '\n')
  if (!quotas.length) w.write(0, 'No resource quota.\n')
  for (const q of quotas) {
    w.write(0, `Resource Quotas\n  Name:\t${q.metadata.name}\n  Resource\tUsed\tHard\n  --------\t---\t---\n`)
    for (const k of Object.keys(q.status?.hard ?? q.spec?.hard ?? {}).sort()) w.write(1, `${k}\t${q.status?.used?.[k] ?? '0'}\t${(q.status?.hard ?? q.spec?.hard)[k]}\n`)
  }
  w.write(0, '\n')
  if (!limits.length) w.write(0, 'No LimitRange resource.\n')
  for (const l of limits) w.write(0, `Resource Limits\n Name:\t${l.metadata.name}\n`)
  return w.done()
}
