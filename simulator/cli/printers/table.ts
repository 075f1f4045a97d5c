/**
 * The `oc get` table printer: server-side columns for the kind and profile, client-side NAMESPACE, kind prefixes,
 * `--show-labels`, `-L`, `--no-headers`, rendered through the kubectl tabwriter.
 */
import { columnsFor } from '../../api/tables'
import { kindPrefix, type ColumnDef, type PrintContext, type ResourceType } from '../../api/resources'
import { formatLabels } from '../../api/selectors'
import type { KObject } from '../../api/types'
import { GET_TABLE, formatTable, TableWriter } from '../../format/tabwriter'

export interface TableOptions {
  wide?: boolean
  noHeaders?: boolean
  showLabels?: boolean
  labelColumns?: string[]
  withNamespace?: boolean
  withKindPrefix?: boolean
}

/** Header and cell rows for `objs` (no formatting); used by the printer and by `get -w`. */
export function tableRows(rt: ResourceType, objs: KObject[], opts: TableOptions, ctx: PrintContext): { header: string[]; rows: string[][] } {
  const cols: ColumnDef[] = columnsFor(rt.key, ctx.profile).filter((c) => (c.priority ?? 0) === 0 || opts.wide)
  const header = cols.map((c) => c.name.toUpperCase())
  if (opts.withNamespace && rt.namespaced) header.unshift('NAMESPACE')
  for (const l of opts.labelColumns ?? []) header.push(l.slice(l.lastIndexOf('/') + 1).toUpperCase())
  if (opts.showLabels) header.push('LABELS')
  const rows = objs.map((o) => {
    const cells = cols.map((c) => firstLine(c.cell(o, ctx)))
    if (opts.withKindPrefix) cells[0] = `${kindPrefix(rt)}/${cells[0]}`
    if (opts.withNamespace && rt.namespaced) cells.unshift(o.metadata.namespace ?? '')
    for (const l of opts.labelColumns ?? []) cells.push(o.metadata.labels?.[l] ?? '')
    if (opts.showLabels) cells.push(formatLabels(o.metadata.labels) || '<none>')
    return cells
  })
  return { header, rows }
}

/** Prints one table; empty lists print nothing (the caller says `No resources found`). */
export function printTable(rt: ResourceType, objs: KObject[], opts: TableOptions, ctx: PrintContext): string {
  if (objs.length === 0) return ''
  const { header, rows } = tableRows(rt, objs, opts, ctx)
  return formatTable(opts.noHeaders ? rows : [header, ...rows], GET_TABLE)
}

/** A table printer that keeps column widths across writes (`oc get -w`). */
export function watchTablePrinter(): TableWriter {
  return new TableWriter(GET_TABLE)
}

/** Cells are cut at the first line break, with `...` appended (kubectl's table printer). */
function firstLine(s: string): string {
  const i = s.search(/[\n\r\f]/)
  return i < 0 ? s : s.slice(0, i) + '...'
}
