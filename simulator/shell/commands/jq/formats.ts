/** `@base64`, `@base64d`, `@csv`, `@tsv`, `@json`, `@text`, `@sh`, `@uri`, `@html`. */
import { decodeBase64, encodeBase64 } from '../misc'
import { describe, JqError, type Json } from './values'

const text = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v))

function row(v: Json, format: string, cell: (x: Json) => string): string {
  if (!Array.isArray(v)) throw new JqError(`${describe(v)} cannot be ${format}-formatted, only an array can be`)
  return v
    .map((x) => {
      if (x !== null && typeof x === 'object') throw new JqError(`${describe(x)} is not valid in a ${format} row`)
      return cell(x)
    })
    .join(format === 'csv' ? ',' : '\t')
}

const FORMATS: Record<string, (v: Json) => string> = {
  '@text': text,
  '@json': (v) => JSON.stringify(v),
  '@base64': (v) => encodeBase64(text(v)),
  '@base64d': (v) => {
    const decoded = decodeBase64(text(v))
    if (decoded === undefined) throw new JqError(`${describe(v)} is not valid base64 data`)
    return decoded
  },
  '@csv': (v) => row(v, 'csv', (x) => (typeof x === 'string' ? `"${x.replace(/"/g, '""')}"` : x === null ? '' : String(x))),
  '@tsv': (v) =>
    row(v, 'tsv', (x) => (typeof x === 'string' ? x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : x === null ? '' : String(x))),
  '@sh': (v) => {
    const quote = (x: Json): string => {
      if (x !== null && typeof x === 'object') throw new JqError(`${describe(x)} can not be escaped for shell`)
      return typeof x === 'string' ? `'${x.replace(/'/g, "'\\''")}'` : String(x)
    }
    return Array.isArray(v) ? v.map(quote).join(' ') : quote(v)
  },
  '@uri': (v) => encodeURIComponent(text(v)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  '@html': (v) => text(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!),
}

/** The formatter for `@name`; jq's error when there is none. */
export function formatter(name: string): (v: Json) => string {
  const f = FORMATS[name]
  if (!f) {
    return () => {
      throw new JqError(`${name.slice(1)} is not a valid format`)
    }
  }
  return f
}
