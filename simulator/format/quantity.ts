/** Kubernetes `resource.Quantity` parsing, canonical formatting and comparison (exact, via nano-unit bigints). */

/** Thrown for malformed quantities; messages are apimachinery's. */
export class QuantityError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QuantityError'
  }
}

/** apimachinery `ErrFormatWrong` text. */
export const QUANTITY_FORMAT_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

/** How a quantity is written: binary suffixes (Ki), decimal suffixes (k, m) or exponents (e3). */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent'

/** A parsed quantity: `nanos` is the exact value × 10^9 (rounded up to nano precision like k8s). */
export interface ParsedQuantity {
  nanos: bigint
  format: QuantityFormat
}

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }

interface Split {
  positive: boolean
  value: string
  suffix: string
}

function splitQuantity(str: string): Split {
  let pos = 0
  const end = str.length
  let positive = true
  if (str[0] === '-') {
    positive = false
    pos++
  } else if (str[0] === '+') pos++
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end && str[pos] === '.') {
    pos++
    while (pos < end && isDigit(str[pos])) pos++
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end) throw new QuantityError(QUANTITY_FORMAT_MESSAGE)
  return { positive, value, suffix: str.slice(suffixStart) }
}

function interpretSuffix(suffix: string): { base: 2 | 10; exp: number; format: QuantityFormat } {
  if (suffix in BINARY) return { base: 2, exp: BINARY[suffix], format: 'BinarySI' }
  if (suffix in DECIMAL) return { base: 10, exp: DECIMAL[suffix], format: 'DecimalSI' }
  const m = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
  if (m) {
    const exp = Number(m[1])
    if (Math.abs(exp) <= 1000) return { base: 10, exp, format: 'DecimalExponent' }
  }
  throw new QuantityError("unable to parse quantity's suffix")
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return q * b === a ? q : q + 1n
}

/** Parses a quantity string exactly (`100Gi`, `500m`, `1.5`, `2e3`). */
export function parseQuantityExact(str: string): ParsedQuantity {
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_MESSAGE)
  if (!/^[+-]?[0-9.]+/.test(str)) throw new QuantityError(QUANTITY_FORMAT_MESSAGE)
  const { positive, value, suffix } = splitQuantity(str)
  const { base, exp, format } = interpretSuffix(suffix)
  const unsigned = value.replace(/^[+-]/, '')
  const m = /^([0-9]*)(?:\.([0-9]*))?$/.exec(unsigned)
  if (!m) throw new QuantityError('unable to parse numeric part of quantity')
  const frac = m[2] ?? ''
  let num = BigInt((m[1] || '0') + frac) // value × 10^frac.length
  let den = 10n ** BigInt(frac.length)
  num *= 1_000_000_000n
  if (base === 2) num *= 1n << BigInt(exp)
  else if (exp >= 0) num *= 10n ** BigInt(exp)
  else den *= 10n ** BigInt(-exp)
  const nanos = ceilDiv(num, den)
  return { nanos: positive || nanos === 0n ? nanos : -nanos, format }
}

/** Parses a quantity into a plain number of units (bytes, cores…); throws QuantityError. */
export function parseQuantity(str: string): number {
  return Number(parseQuantityExact(str).nanos) / 1e9
}

/** -1, 0 or 1 as a is smaller, equal or larger than b (both quantity strings). */
export function compareQuantities(a: string, b: string): -1 | 0 | 1 {
  const x = parseQuantityExact(a).nanos
  const y = parseQuantityExact(b).nanos
  return x < y ? -1 : x > y ? 1 : 0
}

function formatDecimal(nanos: bigint, exponentForm: boolean): string {
  const neg = nanos < 0n
  let mant = neg ? -nanos : nanos
  if (mant === 0n) return '0'
  let exp = -9
  while (mant % 1000n === 0n && exp < 18 + 3 * 1000) {
    mant /= 1000n
    exp += 3
  }
  let suffix: string
  if (exponentForm) suffix = exp === 0 ? '' : `e${exp}`
  else {
    const name = Object.entries(DECIMAL).find(([, e]) => e === exp)?.[0]
    if (name === undefined) return formatDecimal(nanos, true)
    suffix = name
  }
  return `${neg ? '-' : ''}${mant}${suffix}`
}

/** Canonical string of a quantity in the given format, like `Quantity.String()` (`2Gi`, `1500m`, `1k`). */
export function formatQuantity(value: number | bigint | ParsedQuantity, format: QuantityFormat = 'DecimalSI'): string {
  let nanos: bigint
  if (typeof value === 'object') {
    nanos = value.nanos
    format = value.format
  } else if (typeof value === 'bigint') nanos = value * 1_000_000_000n
  else nanos = BigInt(Math.round(value * 1e9))
  if (format === 'BinarySI') {
    const abs = nanos < 0n ? -nanos : nanos
    if (abs < 1024n * 1_000_000_000n || abs % 1_000_000_000n !== 0n) return formatDecimal(nanos, false)
    let mant = abs / 1_000_000_000n
    let i = 0
    while (mant % 1024n === 0n && i < 6) {
      mant /= 1024n
      i++
    }
    const suffix = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][i]
    return `${nanos < 0n ? '-' : ''}${mant}${suffix}`
  }
  return formatDecimal(nanos, format === 'DecimalExponent')
}

/** Re-renders a quantity string canonically (`1024Mi` → `1Gi`, `0.5` → `500m`). */
export function canonicalQuantity(str: string): string {
  return formatQuantity(parseQuantityExact(str))
}
