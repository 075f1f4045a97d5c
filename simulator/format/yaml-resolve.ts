/** go-yaml v2 plain-scalar resolution (`resolve.go`) and map-key ordering (`sorter.go`). */

/** What a plain scalar resolves to under go-yaml v2 rules. */
export type ResolvedTag = 'str' | 'bool' | 'int' | 'float' | 'null' | 'timestamp'

/** A resolved plain scalar: its tag and JSON-compatible value (timestamps stay strings, as go-yaml decodes them into interface{}). */
export interface Resolved {
  tag: ResolvedTag
  value: string | number | boolean | null
}

const MAP: Record<string, Resolved> = {}
const add = (tag: ResolvedTag, value: Resolved['value'], words: string[]) => {
  for (const w of words) MAP[w] = { tag, value }
}
add('bool', true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'])
add('bool', false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
add('null', null, ['', '~', 'null', 'Null', 'NULL'])
add('float', NaN, ['.nan', '.NaN', '.NAN'])
add('float', Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'])
add('float', -Infinity, ['-.inf', '-.Inf', '-.INF'])

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TIMESTAMP_RES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/,
  /^(\d{4})-(\d{1,2})-(\d{1,2})()()()()$/,
]

/** True for strings go-yaml quotes because YAML 1.1 parsers may read them as base-60 numbers (`1:20`). */
export function isBase60Float(s: string): boolean {
  return BASE60_FLOAT.test(s)
}

/** True when Go's time.Parse accepts `s` in one of go-yaml's timestamp layouts. */
export function isGoYamlTimestamp(s: string): boolean {
  for (const re of TIMESTAMP_RES) {
    const m = re.exec(s)
    if (!m) continue
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false
    if (m[4] !== '' && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59)) return false
    return true
  }
  return false
}

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint fallback; returns null when neither accepts `s`. */
function parseGoInt(s: string): number | null {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s)
  if (!m) return null
  const body = m[2]
  let v: bigint
  if (/^0[xXoObB]/.test(body)) v = BigInt(body.toLowerCase())
  else if (body.length > 1 && body[0] === '0') v = BigInt('0o' + body.slice(1))
  else v = BigInt(body)
  if (m[1] === '-') v = -v
  const max = (1n << 63n) - 1n
  if (v > max && (m[1] !== '' || v > (1n << 64n) - 1n)) return null
  if (v < -(1n << 63n)) return null
  return Number(v)
}

/** go-yaml v2 `resolve("", s)`: how an unquoted scalar would be read back. */
export function resolvePlain(s: string): Resolved {
  const c = s[0]
  const hint =
    s === '' ? 'N' : c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : ''
  if (hint === '') return { tag: 'str', value: s }
  const known = MAP[s]
  if (known) return known
  if (hint === '.') {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { tag: 'float', value: Number(s) }
  } else if (hint === 'D' || hint === 'S') {
    if (isGoYamlTimestamp(s)) return { tag: 'timestamp', value: s }
    const plain = s.replace(/_/g, '')
    const i = parseGoInt(plain)
    if (i !== null) return { tag: 'int', value: i }
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: 'float', value: Number(plain) }
  }
  return { tag: 'str', value: s }
}

/** Whether go-yaml's encoder may write `s` unquoted (before the emitter's own character analysis). */
export function canUsePlain(s: string, quoteTimestamps = true): boolean {
  const tag = resolvePlain(s).tag
  return (tag === 'str' || (tag === 'timestamp' && !quoteTimestamps)) && !isBase60Float(s)
}

const isLetter = (r: string) => /\p{L}/u.test(r)
const isDigit = (r: string) => /\p{Nd}/u.test(r)

/** go-yaml v2 `keyList.Less` for string keys: letters after other characters, digit runs compared numerically. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48)
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

/** Sorts keys like go-yaml v2's encoder. */
export function sortGoYamlKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0))
}

/** Compares strings by Unicode code point (= Go's byte-wise UTF-8 order, used by encoding/json). */
export function codePointCompare(a: string, b: string): number {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const d = ar[i].codePointAt(0)! - br[i].codePointAt(0)!
    if (d !== 0) return d
  }
  return ar.length - br.length
}
