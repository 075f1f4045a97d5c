/**
 * A cobra/pflag-compatible flag parser: long and short flags, `--flag=value`, `--flag value`, `-nvalue`,
 * grouped booleans, `--` ends flags, repeated flags for arrays, and pflag's error words.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration'

export interface FlagSpec {
  name: string
  short?: string
  type: FlagType
  default?: string | boolean | number | string[]
  usage: string
  /** a value used when the flag is given without `=value` (pflag NoOptDefVal), e.g. `--dry-run` → `client` */
  noOptDefault?: string
  hidden?: boolean
  /** the real client's flag exists but has no effect here: using it is refused with this hint */
  notSimulated?: string
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>

export class FlagError extends Error {}

export interface ParsedArgs {
  positional: string[]
  flags: FlagValues
  /** names of flags the user set explicitly */
  changed: Set<string>
  /** arguments after `--` (for `oc exec POD -- cmd`) */
  afterDash?: string[]
}

/** Parses `args` against `specs`; throws FlagError with pflag's message on unknown flags or missing values. */
export function parseFlags(args: string[], specs: FlagSpec[], opts: { interspersed?: boolean } = {}): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]))
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]))
  const flags: FlagValues = {}
  for (const s of specs) flags[s.name] = s.default === undefined ? (s.type === 'stringArray' ? [] : s.type === 'bool' ? false : undefined) : s.default
  const changed = new Set<string>()
  const positional: string[] = []
  let afterDash: string[] | undefined
  const set = (spec: FlagSpec, raw: string) => {
    let value: string | boolean | number | string[]
    if (spec.type === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(raw)) {
        throw new FlagError(`invalid argument "${raw}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`)
      }
      value = ['true', '1', 't', 'TRUE', 'True'].includes(raw)
    } else if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${spec.short ? `-${spec.short}, ` : ''}--${spec.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`)
      value = parseInt(raw, 10)
    } else if (spec.type === 'stringArray') {
      const prev = changed.has(spec.name) ? (flags[spec.name] as string[]) : []
      value = [...prev, raw]
    } else value = raw
    flags[spec.name] = value
    changed.add(spec.name)
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      afterDash = args.slice(i + 1)
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
      const spec = byLong.get(name)
      if (!spec) throw new FlagError(`unknown flag: --${name}`)
      if (eq >= 0) set(spec, a.slice(eq + 1))
      else if (spec.type === 'bool') set(spec, 'true')
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault)
      else if (i + 1 < args.length) set(spec, args[++i])
      else throw new FlagError(`flag needs an argument: --${name}`)
    } else if (a.startsWith('-') && a.length > 1) {
      // shorthand cluster: -it, -nfoo, -n foo, -o=yaml
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        const spec = byShort.get(c)
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`)
        if (spec.type === 'bool') {
          if (a[j + 1] === '=') {
            set(spec, a.slice(j + 2))
            break
          }
          set(spec, 'true')
          continue
        }
        const rest = a.slice(j + 1)
        if (rest.length > 0) set(spec, rest.startsWith('=') ? rest.slice(1) : rest)
        else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault)
        else if (i + 1 < args.length) set(spec, args[++i])
        else throw new FlagError(`flag needs an argument: '${c}' in ${a}`)
        break
      }
    } else {
      positional.push(a)
      if (opts.interspersed === false) {
        positional.push(...args.slice(i + 1))
        break
      }
    }
  }
  return { positional, flags, changed, afterDash }
}
