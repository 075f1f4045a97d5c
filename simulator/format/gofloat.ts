/** Go number formatting helpers shared by the YAML and JSONPath printers. */

/** Go's strconv.FormatFloat(f, 'g', -1, 64) (also what fmt's %v prints for a float64). */
export function formatGoFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  const [mant, expText] = Math.abs(f).toExponential().split('e')
  const exp = Number(expText)
  const digits = mant.replace('.', '')
  const sign = f < 0 ? '-' : ''
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp))
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`
}

/** How a JSON number prints in Go output: integers (what JSON→YAML/unstructured yields) as-is, others via 'g'. */
export function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString()
  return formatGoFloatG(n)
}
