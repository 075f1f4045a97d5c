/**
 * Label and field selectors with the semantics and error words of apimachinery's `labels.Parse` and
 * `fields.ParseSelector`: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, comma = AND.
 */
import { badRequest } from './errors'
import type { KObject } from './types'

type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }

export interface LabelSelector {
  requirements: Requirement[]
  matches(labels: Record<string, string> | undefined): boolean
}

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/

/** Splits on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of s) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out.map((t) => t.trim()).filter((t) => t !== '')
}

function checkKey(key: string): void {
  if (!KEY.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`)
}

function checkValue(v: string): void {
  if (!VALUE.test(v)) throw badRequest(`unable to parse requirement: invalid label value: "${v}": at key: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`)
}

/** Parses a label selector string; an empty string selects everything. Throws BadRequest on bad syntax. */
export function parseLabelSelector(input: string): LabelSelector {
  const requirements: Requirement[] = []
  for (const term of splitTerms(input)) {
    let m: RegExpMatchArray | null
    if ((m = term.match(/^!\s*(\S+)$/))) {
      checkKey(m[1])
      requirements.push({ key: m[1], op: 'notexists' })
    } else if ((m = term.match(/^(\S+?)\s+(in|notin)\s*\((.*)\)$/))) {
      checkKey(m[1])
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '')
      values.forEach(checkValue)
      requirements.push({ key: m[1], op: m[2] as 'in' | 'notin', values })
    } else if ((m = term.match(/^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/))) {
      checkKey(m[1])
      checkValue(m[3])
      requirements.push({ key: m[1], op: m[2] === '!=' ? 'neq' : 'eq', value: m[3] })
    } else if (/^[^=!\s()]+$/.test(term)) {
      checkKey(term)
      requirements.push({ key: term, op: 'exists' })
    } else {
      throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`)
    }
  }
  return {
    requirements,
    matches: (labels) => requirements.every((r) => matchOne(r, labels ?? {})),
  }
}

function matchOne(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  switch (r.op) {
    case 'exists':
      return has
    case 'notexists':
      return !has
    case 'eq':
      return has && labels[r.key] === r.value
    case 'neq':
      return !has || labels[r.key] !== r.value
    case 'in':
      return has && r.values.includes(labels[r.key])
    case 'notin':
      return !has || !r.values.includes(labels[r.key])
  }
}

/** Builds a selector from a Kubernetes `LabelSelector` object (matchLabels + matchExpressions). */
export function selectorFromObject(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): LabelSelector {
  const requirements: Requirement[] = []
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) requirements.push({ key, op: 'eq', value })
  for (const e of sel?.matchExpressions ?? []) {
    const op = e.operator
    if (op === 'In') requirements.push({ key: e.key, op: 'in', values: e.values ?? [] })
    else if (op === 'NotIn') requirements.push({ key: e.key, op: 'notin', values: e.values ?? [] })
    else if (op === 'Exists') requirements.push({ key: e.key, op: 'exists' })
    else if (op === 'DoesNotExist') requirements.push({ key: e.key, op: 'notexists' })
  }
  return { requirements, matches: (labels) => requirements.every((r) => matchOne(r, labels ?? {})) }
}

/** `k=v,k2=v2`, sorted by key: how selectors and labels are printed in tables. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  return keys.map((k) => `${k}=${labels![k]}`).join(',')
}

export interface FieldSelector {
  matches(obj: KObject): boolean
}

const FIELD_GETTERS: Record<string, (o: KObject) => string | undefined> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
  'spec.nodeName': (o) => o.spec?.nodeName ?? '',
  'status.phase': (o) => o.status?.phase ?? '',
  'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
  'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
  'status.podIP': (o) => o.status?.podIP ?? '',
  'involvedObject.kind': (o) => o.involvedObject?.kind,
  'involvedObject.name': (o) => o.involvedObject?.name,
  'involvedObject.namespace': (o) => o.involvedObject?.namespace,
  'involvedObject.uid': (o) => o.involvedObject?.uid,
  reason: (o) => o.reason,
  type: (o) => o.type,
  'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false),
}

/** Parses a field selector (`status.phase=Running,spec.nodeName!=x`); unknown fields are refused as the server does. */
export function parseFieldSelector(input: string, kind: string): FieldSelector {
  const terms = splitTerms(input).map((t) => {
    const m = t.match(/^([^=!]+)(==|=|!=)(.*)$/)
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${t}'`)
    const getter = FIELD_GETTERS[m[1]]
    if (!getter || (m[1].startsWith('involvedObject') && kind !== 'Event')) {
      throw badRequest(`field label not supported: ${m[1]}`)
    }
    return { getter, neq: m[2] === '!=', value: m[3] }
  })
  return { matches: (o) => terms.every((t) => (t.getter(o) === t.value) !== t.neq) }
}
