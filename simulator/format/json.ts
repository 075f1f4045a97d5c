/** Go `encoding/json` output: sorted keys, HTML-safe escaping, `MarshalIndent` with 4 spaces (`oc get -o json`). */
import { codePointCompare } from './yaml-resolve'

const HEX = '0123456789abcdef'

/** Go's json string encoding (escapes `<`, `>`, `&`, U+2028, U+2029, control characters; lone surrogates → U+FFFD). */
export function goJsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    switch (ch) {
      case '"':
        out += '\\"'
        continue
      case '\\':
        out += '\\\\'
        continue
      case '\n':
        out += '\\n'
        continue
      case '\r':
        out += '\\r'
        continue
      case '\t':
        out += '\\t'
        continue
      case '\b':
        out += '\\b'
        continue
      case '\f':
        out += '\\f'
        continue
    }
    if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + [12, 8, 4, 0].map((sh) => HEX[(cp >> sh) & 0xf]).join('')
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd'
    else out += ch
  }
  return out + '"'
}

function number(n: number): string {
  if (!Number.isFinite(n)) return 'null'
  return String(n)
}

function encode(v: unknown, indent: string | null, prefix: string): string {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'number') return number(v)
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const inner = indent === null ? '' : prefix + indent
  const nl = indent === null ? '' : '\n'
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    const items = v.map((item) => nl + inner + encode(item, indent, inner))
    return '[' + items.join(',') + nl + prefix + ']'
  }
  const obj = v as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(codePointCompare)
  if (keys.length === 0) return '{}'
  const sep = indent === null ? ':' : ': '
  const items = keys.map((k) => nl + inner + goJsonString(k) + sep + encode(obj[k], indent, inner))
  return '{' + items.join(',') + nl + prefix + '}'
}

/** Go `json.MarshalIndent(v, "", "    ")` (no trailing newline; kubectl's printer appends one). */
export function toJson(value: unknown): string {
  return encode(value, '    ', '')
}

/** Go `json.Marshal(v)`: compact, sorted keys, HTML-escaped (jsonpath prints maps and arrays this way). */
export function toCompactJson(value: unknown): string {
  return encode(value, null, '')
}
