/** The generic describer for custom resources (and any kind without its own): smart labels over every field. */
import type { KObject } from '../../api/types'
import { annotationsMultiline, describeEvents, type DescribeContext, DescribeWriter, eventsFor, labelsMultiline } from './engine'

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID'])

/** kubectl's smartLabelFor: `managementState` → `Management State`, `apiVersion` → `API Version`; raw if odd. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[\s-]+/).filter(Boolean)
  return words
    .map((w) => (ACRONYMS.has(w.toUpperCase()) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ')
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

function printMap(w: DescribeWriter, m: Record<string, unknown>, level: number, skip: Set<string> = new Set()): void {
  for (const k of Object.keys(m).sort()) {
    if (skip.has(k)) continue
    printValue(w, smartLabel(k), m[k], level)
  }
}

function printValue(w: DescribeWriter, label: string, v: unknown, level: number): void {
  if (isMap(v)) {
    w.write(level, `${label}:\n`)
    printMap(w, v, level + 1)
  } else if (Array.isArray(v)) {
    w.write(level, `${label}:\n`)
    for (const item of v) {
      if (isMap(item)) printMap(w, item, level + 1)
      else w.write(level + 1, `${scalar(item)}\n`)
    }
  } else w.write(level, `${label}:\t${scalar(v)}\n`)
}

/** Describes any object generically (Name/Namespace/Labels/Annotations, then every top-level field sorted). */
export function describeGeneric(obj: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${obj.metadata.name}\n`)
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  labelsMultiline(w, 'Labels', obj.metadata.labels)
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  const skipMeta = new Set(['name', 'namespace', 'labels', 'annotations', 'managedFields'])
  for (const k of Object.keys(obj).sort()) {
    if (k === 'metadata') {
      w.write(0, 'Metadata:\n')
      printMap(w, obj.metadata as Record<string, unknown>, 1, skipMeta)
      continue
    }
    printValue(w, smartLabel(k), obj[k], 0)
  }
  describeEvents(w, eventsFor(obj, ctx), ctx)
  return w.done()
}
