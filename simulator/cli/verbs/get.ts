/** `oc get`: tables, wide, yaml, json, name, jsonpath, custom-columns; selectors, -A, -w. */
import { isApiError } from '../../api/errors'
import type { ResourceType } from '../../api/resources'
import type { KObject } from '../../api/types'
import { formatApiError } from '../errors'
import { CliError } from '../errors'
import type { FlagSpec } from '../flags'
import type { Invocation, Verb } from '../env'
import { printContext } from '../print-context'
import { outputFormatOf, writeObjects, type OutputFormat } from '../printers/output'
import { sortList, sortTables } from '../printers/sort-by'
import { printTable, tableRows, watchTablePrinter } from '../printers/table'
import { parseTargets, refuseNamesAcrossNamespaces, type Target } from '../resource-args'
import { parseLabelSelector } from '../../api/selectors'

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide).' },
  { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' },
  { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
  { name: 'watch', short: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
  { name: 'watch-only', type: 'bool', usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  { name: 'output-watch-events', type: 'bool', usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
  { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
  { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column (default hide labels column)' },
  { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
  { name: 'label-columns', short: 'L', type: 'stringArray', usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
  { name: 'sort-by', type: 'string', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}')." },
  { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
  { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
  { name: 'template', type: 'string', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
]

interface Found {
  rt: ResourceType
  objs: KObject[]
  named: boolean
}

async function runGet(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  if (inv.positional.length === 0) {
    cmd.stderr.write(`You must specify the type of resource to get. Use "${inv.binary} api-resources" for a complete list of supported resources.\n\n`)
    throw new CliError(`Required resource not specified.\nUse "${inv.binary} explain <resource>" for a detailed description of that resource (e.g. ${inv.binary} explain pods).`, 'get')
  }
  const format = outputFormatOf(inv)
  const targets = parseTargets(inv.positional, inv.profile, inv.binary, 'get')
  const allNs = flags['all-namespaces'] === true
  refuseNamesAcrossNamespaces(targets, allNs)
  const found: Found[] = []
  const errors: string[] = []
  for (const t of targets) found.push(collect(inv, t, allNs, errors))
  const sortField = flags['sort-by'] ? String(flags['sort-by']) : undefined
  if (!sortField) for (const f of found) if (f.rt.key === 'events' && inv.profile !== '4.0') f.objs = byLastTimestamp(f.objs)

  if (flags.watch || flags['watch-only']) return watch(inv, found, targets, allNs, format)
  const multiType = targets.length > 1 || inv.positional[0].split(',').includes('all')
  if (format.kind === 'table') {
    if (sortField) sortFoundTables(found, sortField)
    const ctx = printContext(cluster)
    const chunks: string[] = []
    for (const f of found) {
      const text = printTable(f.rt, f.objs, {
        wide: format.wide,
        noHeaders: flags['no-headers'] === true,
        showLabels: flags['show-labels'] === true,
        labelColumns: (flags['label-columns'] as string[]).flatMap((l) => l.split(',')),
        withNamespace: allNs,
        withKindPrefix: multiType || flags['show-kind'] === true,
      }, ctx)
      if (text) chunks.push(text)
    }
    cmd.stdout.write(chunks.join('\n'))
    const anyNamed = found.some((f) => f.named)
    if (chunks.length === 0 && !anyNamed && errors.length === 0) cmd.stderr.write(noResources(inv, allNs, targets) + '\n')
  } else {
    let objs = found.flatMap((f) => f.objs.map((obj) => ({ rt: f.rt, obj })))
    const single = targets.length === 1 && (targets[0].names?.length ?? 0) === 1 && !inv.positional[0].includes(',')
    // kubectl prints a named object alone; anything else (even an empty result) goes through a client-side List
    const nothing = objs.length === 0 && (single || flags['ignore-not-found'] === true)
    if (!nothing) {
      try {
        if (sortField && !(single && objs.length === 1)) {
          const sorted = sortList(objs.map((o) => o.obj), sortField)
          objs = sorted.map((obj) => objs.find((o) => o.obj === obj)!)
        }
        writeObjects(cmd.stdout, format, objs, single, inv.profile, { noHeaders: flags['no-headers'] === true })
      } catch (e) {
        for (const err of errors) cmd.stderr.write(err + '\n')
        throw e
      }
    }
  }
  for (const e of errors) cmd.stderr.write(e + '\n')
  return errors.length > 0 ? 1 : 0
}

/** `--sort-by` on tables: one server table per listed type, one per named object (which keeps their order). */
function sortFoundTables(found: Found[], field: string): void {
  for (const f of found) {
    if (f.named) sortTables(f.objs.map((o) => [o]), field)
    else f.objs = sortTables([f.objs], field)[0]
  }
}

/** `oc get events` lists events by last time seen (oc ≥4.1). */
function byLastTimestamp(objs: KObject[]): KObject[] {
  try {
    return sortTables([objs], '.lastTimestamp')[0]
  } catch {
    return objs
  }
}

function collect(inv: Invocation, t: Target, allNs: boolean, errors: string[]): Found {
  const api = inv.cluster.api
  const ns = t.rt.namespaced ? inv.namespace : undefined
  if (t.names) {
    const objs: KObject[] = []
    for (const name of t.names) {
      try {
        objs.push(api.get(t.rt.key, ns, name))
      } catch (e) {
        if (isApiError(e) && e.reason === 'NotFound' && inv.flags['ignore-not-found']) continue
        if (isApiError(e)) errors.push(formatApiError(e))
        else throw e
      }
    }
    return { rt: t.rt, objs, named: true }
  }
  const objs = api.list(t.rt.key, {
    namespace: allNs ? undefined : ns,
    labelSelector: inv.flags.selector as string | undefined,
    fieldSelector: inv.flags['field-selector'] as string | undefined,
  })
  return { rt: t.rt, objs, named: false }
}

function noResources(inv: Invocation, allNs: boolean, targets: Target[]): string {
  if (inv.profile === '4.0') return 'No resources found.'
  const namespaced = targets.some((t) => t.rt.namespaced)
  if (allNs || !namespaced) return 'No resources found'
  return `No resources found in ${inv.namespace} namespace.`
}

/** kubectl's table printer pads the EVENT cell to 8 (`ADDED   `, `MODIFIED`, `DELETED `). */
const EVENT_CELL: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' }

/** `-w`: the current table, then one row per change, until interrupted (Ctrl+C, or the runner's time limit). */
async function watch(inv: Invocation, found: Found[], targets: Target[], allNs: boolean, format: OutputFormat): Promise<number> {
  const { cluster, cmd, flags } = inv
  if (targets.length !== 1) throw new CliError('you may only specify a single resource type')
  if (flags['sort-by']) cmd.stderr.write('warning: --watch requested, --sort-by will be ignored for watch events received\n')
  const t = targets[0]
  const rt = t.rt
  const ns = rt.namespaced && !allNs ? inv.namespace : undefined
  cluster.api.recordWatch(rt.key, ns, t.names?.[0])
  const writer = watchTablePrinter()
  const events = flags['output-watch-events'] === true
  let headerDone = flags['no-headers'] === true
  const emit = (objs: KObject[], type: string) => {
    if (objs.length === 0) return
    if (format.kind !== 'table') {
      writeObjects(cmd.stdout, format, objs.map((obj) => ({ rt, obj })), true, inv.profile, { noHeaders: headerDone })
      headerDone = true
      return
    }
    const { header, rows } = tableRows(rt, objs, { wide: format.wide, withNamespace: allNs, showLabels: flags['show-labels'] === true }, printContext(cluster))
    const lines = rows.map((r) => (events ? [EVENT_CELL[type] ?? type, ...r] : r))
    const all = headerDone ? lines : [events ? ['EVENT', ...header] : header, ...lines]
    headerDone = true
    cmd.stdout.write(writer.write(all))
  }
  if (!flags['watch-only']) emit(found[0].objs, 'ADDED')
  const sel = flags.selector ? parseLabelSelector(String(flags.selector)) : undefined
  const pending: { obj: KObject; type: string }[] = []
  const unsubscribe = cluster.api.watch((e) => {
    if (e.resource !== (rt.viewOf ?? rt.key)) return
    const o = e.object
    if (ns !== undefined && o.metadata.namespace !== ns) return
    if (t.names && !t.names.includes(o.metadata.name)) return
    if (sel && !sel.matches(o.metadata.labels)) return
    pending.push({ obj: o, type: e.type })
  })
  try {
    while (!cmd.signal.aborted) {
      try {
        await cmd.sleep(1000, { endless: true })
      } catch {
        break
      }
      const batch = pending.splice(0)
      for (const p of batch) emit([p.obj], p.type)
    }
  } finally {
    unsubscribe()
  }
  return 0
}

export const getVerb: Verb = {
  name: 'get',
  short: 'Display one or many resources',
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  group: 'Basic Commands',
  flags: GET_FLAGS,
  run: runGet,
}
