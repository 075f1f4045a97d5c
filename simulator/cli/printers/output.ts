/**
 * `-o` output formats other than tables: yaml, json, name, jsonpath (and jsonpath-as-json, jsonpath-file),
 * custom-columns (and custom-columns-file), go-template (and template, go-template-file, templatefile). Objects
 * print alone when one named object was asked for; anything else is wrapped in a client-side `List`.
 */
import { kindPrefix, type ResourceType } from '../../api/resources'
import type { KObject, Profile } from '../../api/types'
import { toCompactJson, toJson, toYaml } from '../../format/yaml'
import { executeJsonPath, findJsonPathResults, JsonPathError, JsonPathExecError, parseJsonPathTemplate } from '../../format/jsonpath'
import type { OutputStream } from '../../shell/types'
import type { Invocation } from '../env'
import { goQuote } from '../mutate-helpers'
import { CliError } from '../errors'
import { parseColumnsFile, parseColumnsSpec, PartialOutputError, printCustomColumns, type Column } from './custom-columns'
import { executeGoTemplate, goPrintJson, GoTemplateExecError, GoTemplateParseError, GoTemplateUnsupported, parseGoTemplate } from './go-template'

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; asJson: boolean }
  | { kind: 'custom-columns'; columns: Column[] }
  | { kind: 'go-template'; template: string }

export const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

/** Where a format may read its template from: `--template`, and files of the shell for the `-file` formats. */
export interface FormatSources {
  /** the `--template` flag */
  template?: string
  /** reads a file; throws an Error whose message is Go's (`open x: no such file or directory`) */
  readFile?(path: string): string
}

/** Parses the value of `-o`/`--output` (with `--template` and template files, as kubectl's PrintFlags). */
export function parseOutputFormat(value: string | undefined, src: FormatSources = {}): OutputFormat {
  if ((value === undefined || value === '') && src.template) value = 'go-template'
  if (value === undefined || value === '') return { kind: 'table', wide: false }
  if (value === 'wide') return { kind: 'table', wide: true }
  if (value === 'yaml' || value === 'json' || value === 'name') return { kind: value }
  const eq = value.indexOf('=')
  const head = eq >= 0 ? value.slice(0, eq) : value
  const arg = eq >= 0 ? value.slice(eq + 1) : (src.template ?? '')
  const file = (what: string) => {
    try {
      return src.readFile ? src.readFile(arg) : ''
    } catch (e) {
      throw new CliError(`error reading ${what} ${arg}, ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  switch (head) {
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file': {
      if (arg === '') throw new CliError('template format specified but no template given')
      const template = head === 'jsonpath-file' ? file('--template') : arg
      parseJsonPathOrThrow(template)
      return { kind: 'jsonpath', template, asJson: head === 'jsonpath-as-json' }
    }
    case 'custom-columns':
      return { kind: 'custom-columns', columns: parseColumnsSpec(arg) }
    case 'custom-columns-file':
      return { kind: 'custom-columns', columns: parseColumnsFile(file('template')) }
    case 'go-template':
    case 'template':
    case 'go-template-file':
    case 'templatefile': {
      if (arg === '') throw new CliError('template format specified but no template given')
      const template = head.endsWith('file') ? file('--template') : arg
      try {
        parseGoTemplate(template)
      } catch (e) {
        if (e instanceof GoTemplateParseError) throw new CliError(`error parsing template ${template}, ${e.message}`)
        if (e instanceof GoTemplateUnsupported) throw new CliError(e.message)
        throw e
      }
      return { kind: 'go-template', template }
    }
  }
  throw new CliError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED_FORMATS}`)
}

/** The output format of a verb's `-o` (and `--template`, when the verb has it), reading template files from its shell. */
export function outputFormatOf(inv: Invocation): OutputFormat {
  const fs = inv.cmd.fs
  return parseOutputFormat(inv.flags.output as string | undefined, {
    template: inv.flags.template as string | undefined,
    readFile(path) {
      const abs = fs.resolve(inv.cmd.cwd, path)
      if (fs.isDir(abs)) throw new Error(`read ${path}: is a directory`)
      if (!fs.exists(abs)) throw new Error(`open ${path}: no such file or directory`)
      return fs.readFile(abs)
    },
  })
}

function parseJsonPathOrThrow(template: string): void {
  try {
    parseJsonPathTemplate(template)
  } catch (e) {
    if (e instanceof JsonPathError) throw new CliError(`error parsing jsonpath ${template}, ${e.message}`)
    throw e
  }
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

export interface PrintOptions {
  /** `--no-headers` (custom columns) */
  noHeaders?: boolean
}

/**
 * Renders objects in a non-table format; `single` means one named object was requested. A printer that fails
 * part-way throws PartialOutputError; `writeObjects` handles that.
 */
export function printObjects(format: OutputFormat, objs: { rt: ResourceType; obj: KObject }[], single: boolean, profile: Profile, opts: PrintOptions = {}): string {
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
        return format.asJson ? jsonPathAsJson(format.template, data) : executeJsonPath(format.template, data)
      } catch (e) {
        if (e instanceof JsonPathExecError) throw new CliError(jsonPathExecMessage(format.template, e.message, data))
        throw e
      }
    case 'custom-columns':
      return printCustomColumns(format.columns, objs.map((o) => o.obj), opts.noHeaders === true)
    case 'go-template':
      try {
        return executeGoTemplate(format.template, data)
      } catch (e) {
        if (e instanceof GoTemplateExecError) throw new PartialOutputError(e.partial + goTemplateDebug(format.template, data, e.message), new CliError(`error executing template ${goQuote(format.template)}: ${e.message}`))
        throw e
      }
    case 'table':
      throw new Error('tables are printed by the table printer')
  }
}

/** Prints objects to `out`; on a printer failure, prints what the printer had written and throws its error. */
export function writeObjects(out: OutputStream, format: OutputFormat, objs: { rt: ResourceType; obj: KObject }[], single: boolean, profile: Profile, opts: PrintOptions = {}): void {
  try {
    out.write(printObjects(format, objs, single, profile, opts))
  } catch (e) {
    if (!(e instanceof PartialOutputError)) throw e
    out.write(e.partial)
    throw e.error
  }
}

/** `-o jsonpath-as-json`: the results of each top-level template node as an indented JSON array. */
function jsonPathAsJson(template: string, data: unknown): string {
  return findJsonPathResults(template, data).map((results) => toJson(results) + '\n').join('')
}

/** What kubectl's go-template printer writes to stdout before returning an execution error. */
function goTemplateDebug(template: string, data: unknown, err: string): string {
  return (
    `Error executing template: ${err}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${toCompactJson(data)}\n\tobject given to template engine was:\n\t\t${goPrintJson(data)}\n\n`
  )
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

export { PartialOutputError }
