/**
 * `-o` output formats other than tables: yaml, json, name, jsonpath, custom-columns. Objects print alone when
 * one named object was asked for; anything else is wrapped in a client-side `List`.
 */
import { kindPrefix, type ResourceType } from '../../api/resources'
import type { KObject, Profile } from '../../api/types'
import { toJson, toYaml } from '../../format/yaml'
import { customColumnValue, executeJsonPath, JsonPathError, JsonPathExecError } from '../../format/jsonpath'
import { goQuote } from '../mutate-helpers'
import { formatTable, GET_TABLE } from '../../format/tabwriter'
import { CliError } from '../errors'

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; path: string }[] }

const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

/** Parses the value of `-o`/`--output`. */
export function parseOutputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') return { kind: 'table', wide: false }
  if (value === 'wide') return { kind: 'table', wide: true }
  if (value === 'yaml' || value === 'json' || value === 'name') return { kind: value }
  const eq = value.indexOf('=')
  const head = eq >= 0 ? value.slice(0, eq) : value
  const arg = eq >= 0 ? value.slice(eq + 1) : ''
  if (head === 'jsonpath') {
    if (arg === '') throw new CliError('template format specified but no template given')
    return { kind: 'jsonpath', template: arg }
  }
  if (head === 'custom-columns') {
    if (arg === '') throw new CliError('custom-columns format specified but no custom columns given')
    const columns = arg.split(',').map((spec) => {
      const i = spec.indexOf(':')
      if (i < 0) throw new CliError(`unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`)
      return { header: spec.slice(0, i), path: spec.slice(i + 1) }
    })
    return { kind: 'custom-columns', columns }
  }
  throw new CliError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`)
}

/** The list wrapper kubectl builds on the client. */
export function listOf(items: KObject[], profile: Profile): KObject {
  return {
    apiVersion: 'v1',
    items,
    kind: 'List',
    metadata: profile === '4.0' ? { resourceVersion: '', selfLink: '' } : { resourceVersion: '' },
  } as unknown as KObject
}

/** YAML as `oc -o yaml` prints it on this profile (4.0-era clients left timestamps unquoted). */
export function yamlFor(value: unknown, profile: Profile): string {
  return toYaml(value, { quoteTimestamps: profile !== '4.0' })
}

/** Renders objects in a non-table format; `single` means one named object was requested. */
export function printObjects(format: OutputFormat, objs: { rt: ResourceType; obj: KObject }[], single: boolean, profile: Profile): string {
  const data = single && objs.length === 1 ? objs[0].obj : listOf(objs.map((o) => o.obj), profile)
  switch (format.kind) {
    case 'yaml':
      return yamlFor(data, profile)
    case 'json':
      return toJson(data) + '\n'
    case 'name':
      return objs.map(({ rt, obj }) => `${kindPrefix(rt)}/${obj.metadata.name}\n`).join('')
    case 'jsonpath':
      try {
        return executeJsonPath(format.template, data)
      } catch (e) {
        if (e instanceof JsonPathError) throw new CliError(`error parsing jsonpath ${format.template}, ${e.message}`)
        if (e instanceof JsonPathExecError) throw new CliError(jsonPathExecMessage(format.template, e.message, data))
        throw e
      }
    case 'custom-columns':
      return customColumns(format.columns, objs.map((o) => o.obj))
    case 'table':
      throw new Error('tables are printed by the table printer')
  }
}

function customColumns(columns: { header: string; path: string }[], objs: KObject[]): string {
  const rows = objs.map((o) =>
    columns.map((c) => {
      const tmpl = c.path.startsWith('{') ? c.path : `{${c.path.startsWith('.') ? c.path : '.' + c.path}}`
      try {
        // kubectl prints each value with Go's %v (maps as map[k:v], lists as [a b]) and joins them with ','
        return customColumnValue(tmpl, o)
      } catch (e) {
        if (e instanceof JsonPathError) throw new CliError(`error parsing jsonpath ${tmpl}, ${e.message}`)
        throw e
      }
    }),
  )
  if (objs.length === 0) return ''
  return formatTable([columns.map((c) => c.header), ...rows], GET_TABLE)
}

/** kubectl's JSONPath printer on an execution error (printers/jsonpath.go): the template and the object, `%#v`. */
export function jsonPathExecMessage(template: string, err: string, data: unknown): string {
  return (
    `error executing jsonpath ${goQuote(template)}: Error executing template: ${err}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`
  )
}

/** Go's `%#v` of an unstructured value (map[string]interface {}, []interface {}, string, int64, float64, bool, nil). */
function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  const o = v as Record<string, unknown>
  return `map[string]interface {}{${Object.keys(o).sort().map((k) => `${goQuote(k)}:${goSharpV(o[k])}`).join(', ')}}`
}
