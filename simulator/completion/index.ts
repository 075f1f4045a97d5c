/**
 * Tab completion for the terminal, from live state: command names (shell builtins and tools, `oc`, `kubectl`),
 * `oc` verbs and sub-verbs, flags of the verb (and `--output=` values), resource types (plurals, singulars,
 * short names, `plural.group`), names of objects of the typed type in the right namespace (`-n`/`-A`
 * considered, `TYPE/NAME` forms), project names, and file paths of the virtual file system.
 *
 * `complete` returns the candidates for the word that ends at `cursor` and where that word starts; a candidate
 * replaces `line.slice(replaceFrom, cursor)`.
 */
import type { ClusterSession } from '../session'
import { allVerbs } from '../cli/verbs'
import { GLOBAL_FLAGS } from '../cli/oc'
import type { Verb } from '../cli/env'
import type { FlagSpec } from '../cli/flags'
import { RESOURCE_TYPES, resolveResource, servedOn, type ResourceType } from '../api/resources'
import type { Profile } from '../api/types'

export interface Completion {
  candidates: string[]
  replaceFrom: number
}

interface Word {
  text: string
  start: number
}

/** Output formats of `-o` as `oc get` offers them. */
export const OUTPUT_FORMATS = ['custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'name', 'template=', 'templatefile=', 'wide', 'yaml']

/** Verbs whose first positional argument is a resource type (and the next ones names of that type). */
const TYPE_THEN_NAMES = new Set(['get', 'describe', 'delete', 'edit', 'patch', 'label', 'annotate', 'scale', 'wait', 'rollout history', 'rollout restart', 'rollout status', 'rollout pause', 'rollout resume', 'rollout undo', 'set env'])
/** Verbs whose positional argument is a pod (or TYPE/NAME). */
const POD_VERBS = new Set(['logs', 'rsh', 'exec', 'port-forward', 'attach', 'debug'])
/** Flags whose value is a file path. */
const FILE_FLAGS = new Set(['filename', 'patch-file', 'from-file', 'kubeconfig', 'template', 'from-env-file'])
const FLAG_VALUES: Record<string, string[]> = {
  output: OUTPUT_FORMATS,
  type: ['json', 'merge', 'strategic'],
  'dry-run': ['client', 'none', 'server'],
  validate: ['false', 'ignore', 'strict', 'true', 'warn'],
  cascade: ['background', 'foreground', 'orphan'],
}

/** Completes the word ending at `cursor` in `line`. */
export function complete(session: ClusterSession, line: string, cursor: number): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)))
  const words = commandWords(before)
  const endsInSpace = before.length === 0 || /\s$/.test(before) || words.length === 0
  const current: Word = endsInSpace || words.length === 0 ? { text: '', start: before.length } : words[words.length - 1]
  const previous = endsInSpace ? words : words.slice(0, -1)
  // a leading quote belongs to the word's syntax, not to its text
  let replaceFrom = current.start
  let word = current.text
  if (word.startsWith('"') || word.startsWith("'")) {
    word = word.slice(1)
    replaceFrom++
  }
  if (session.inSubshell()) return { candidates: [], replaceFrom }
  const done = (list: Iterable<string>): Completion => ({ candidates: uniqueSorted([...list].filter((c) => c.startsWith(word))), replaceFrom })

  // skip `VAR=value` prefixes and `watch [-n N]` to find the command word
  let i = 0
  while (i < previous.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(previous[i].text)) i++
  while (previous[i]?.text === 'watch') {
    i++
    while (i < previous.length && previous[i].text.startsWith('-')) i += /^(-n|--interval)$/.test(previous[i].text) ? 2 : 1
  }
  if (word.startsWith('$') && !word.includes('(')) {
    const prefix = word.startsWith('${') ? '${' : '$'
    const close = prefix === '${' ? '}' : ''
    return done([...session.shell.env.keys()].map((k) => `${prefix}${k}${close}`))
  }
  if (i >= previous.length) {
    if (word.includes('/')) return done(paths(session, word))
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) return { candidates: [], replaceFrom }
    return done([...session.shell.commands.keys(), ...session.shell.builtins.keys()])
  }
  const command = previous[i].text
  const args = previous.slice(i + 1).map((w) => w.text)
  if (command === 'oc' || command === 'kubectl') return done(completeOc(session, args, word))
  if (command === 'cd') return done(paths(session, word).filter((p) => p.endsWith('/')))
  return done(paths(session, word))
}

/** Candidates for an `oc` command line whose finished arguments are `args`, completing `word`. */
function completeOc(session: ClusterSession, args: string[], word: string): string[] {
  const profile = session.cluster.profile
  const verbs = visible(allVerbs(), profile)
  // walk the verb tree over the positional arguments
  let list = verbs
  let verb: Verb | undefined
  const path: string[] = []
  const specs = (): FlagSpec[] => [...(verb?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden)
  const positional: string[] = []
  let namespace: string | undefined
  let allNamespaces = false
  let pendingFlag: FlagSpec | undefined
  for (let k = 0; k < args.length; k++) {
    const a = args[k]
    if (pendingFlag) {
      if (pendingFlag.name === 'namespace') namespace = a
      pendingFlag = undefined
      continue
    }
    if (a === '--') break
    if (a.startsWith('-') && a.length > 1) {
      const f = findFlag(specs(), a)
      if (f?.spec.name === 'all-namespaces' && f.value !== 'false') allNamespaces = true
      if (f?.spec.name === 'namespace' && f.value !== undefined) namespace = f.value
      if (f && f.spec.type !== 'bool' && f.value === undefined && !f.spec.noOptDefault) pendingFlag = f.spec
      continue
    }
    const next = verb && positional.length > 0 ? undefined : list.find((v) => v.name === a || v.aliases?.includes(a))
    if (next && positional.length === 0) {
      verb = next
      path.push(next.name)
      list = visible(next.subcommands ?? [], profile)
      continue
    }
    positional.push(a)
  }
  const ns = allNamespaces ? undefined : namespace ?? session.oc.project

  // a flag's value
  if (pendingFlag) return flagValues(session, pendingFlag, '', word)
  if (word.startsWith('--') && word.includes('=')) {
    const name = word.slice(2, word.indexOf('='))
    const spec = specs().find((f) => f.name === name)
    return spec ? flagValues(session, spec, `--${name}=`, word) : []
  }
  if (/^-[A-Za-z]./.test(word) && !word.startsWith('--')) {
    const spec = specs().find((f) => f.short === word[1])
    if (spec && spec.type !== 'bool') return flagValues(session, spec, word.slice(0, 2), word)
  }
  if (word.startsWith('-')) {
    const all = specs()
    const long = all.map((f) => `--${f.name}${f.type === 'bool' || f.noOptDefault ? '' : '='}`)
    if (word === '-') return [...all.filter((f) => f.short).map((f) => `-${f.short}`), ...long]
    return long
  }

  // verbs and sub-verbs
  if (!verb && positional.length > 0) return []
  if (!verb || (verb.subcommands && positional.length === 0 && list.length > 0 && !verb.run)) return list.map((v) => v.name)
  if (verb.subcommands && positional.length === 0 && list.length > 0) {
    return [...list.map((v) => v.name), ...argumentCandidates(session, path.join(' '), positional, word, ns)]
  }
  return argumentCandidates(session, path.join(' '), positional, word, ns)
}

/** Candidates for a positional argument of the verb at `path`. */
function argumentCandidates(session: ClusterSession, path: string, positional: string[], word: string, ns: string | undefined): string[] {
  const profile = session.cluster.profile
  if (path === 'project') return positional.length === 0 ? names(session, 'namespaces', undefined) : []
  if (path === 'explain') return positional.length === 0 ? typeWords(profile, word) : []
  if (POD_VERBS.has(path)) {
    if (positional.length > 0) return []
    if (word.includes('/')) return typedNames(session, word, ns)
    return names(session, 'pods', ns)
  }
  if (path === 'apply' || path === 'create' || path === 'replace') return []
  if (!TYPE_THEN_NAMES.has(path)) return []
  // TYPE/NAME forms
  if (word.includes('/')) return typedNames(session, word, ns)
  const first = positional[0]
  if (first === undefined || first.includes('/')) {
    // after a TYPE/NAME argument only more TYPE/NAME arguments may follow
    if (first?.includes('/')) return []
    return typeWords(profile, word)
  }
  const rts = first.split(',').map((t) => tryResolve(t, profile))
  if (rts.length !== 1 || !rts[0]) return []
  return names(session, rts[0].key, ns)
}

/** `TYPE/partial` → `TYPE/name` for every object of TYPE. */
function typedNames(session: ClusterSession, word: string, ns: string | undefined): string[] {
  const slash = word.indexOf('/')
  const type = word.slice(0, slash)
  const rt = tryResolve(type, session.cluster.profile)
  if (!rt) return []
  return names(session, rt.key, ns).map((n) => `${type}/${n}`)
}

/** Names of the objects of a resource (in `ns` when namespaced; every namespace when `ns` is undefined). */
function names(session: ClusterSession, key: string, ns: string | undefined): string[] {
  try {
    const rt = RESOURCE_TYPES.find((r) => r.key === key)
    if (!rt) return []
    return session.cluster.api.query(key, rt.namespaced && ns ? { namespace: ns } : {}).map((o) => o.metadata.name)
  } catch {
    return []
  }
}

/** Resource type words: plurals (`plural.group` for every grouped type too), and, once typing, singulars and short names. */
function typeWords(profile: Profile, word: string): string[] {
  const served = RESOURCE_TYPES.filter((r) => servedOn(r, profile))
  const out: string[] = []
  const prefixStart = word.lastIndexOf(',') + 1
  const prefix = word.slice(0, prefixStart)
  const typed = word.slice(prefixStart)
  for (const r of served) {
    const clash = served.some((o) => o !== r && o.plural === r.plural)
    if (!clash) out.push(r.plural)
    if (r.group) out.push(`${r.plural}.${r.group}`)
    if (typed !== '') out.push(r.singular, ...r.shortNames)
  }
  return out.map((t) => prefix + t)
}

function tryResolve(type: string, profile: Profile): ResourceType | undefined {
  try {
    return resolveResource(type, profile)
  } catch {
    return undefined
  }
}

/** Values of a flag: files, namespaces, output formats, enumerations. */
function flagValues(session: ClusterSession, spec: FlagSpec, prefix: string, word: string): string[] {
  const typed = word.slice(prefix.length)
  let values: string[] = []
  if (FILE_FLAGS.has(spec.name)) {
    // `--from-file=key=path`: complete the path after the key
    const eq = spec.name === 'from-file' ? typed.indexOf('=') + 1 : 0
    return paths(session, typed.slice(eq)).map((p) => prefix + typed.slice(0, eq) + p)
  }
  if (spec.name === 'namespace') values = names(session, 'namespaces', undefined)
  else values = FLAG_VALUES[spec.name] ?? []
  return values.map((v) => prefix + v)
}

/** File-system paths completing `word` (relative to the shell's cwd, `~` for home); directories end in `/`. */
function paths(session: ClusterSession, word: string): string[] {
  const fs = session.fs
  const home = session.shell.env.get('HOME') ?? '/'
  const slash = word.lastIndexOf('/')
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : ''
  const base = slash >= 0 ? word.slice(slash + 1) : word
  const expanded = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart
  const dir = fs.resolve(session.shell.cwd, expanded === '' ? '.' : expanded)
  let entries: string[]
  try {
    entries = fs.readdir(dir)
  } catch {
    return []
  }
  return entries
    .filter((e) => e.startsWith(base) && (base.startsWith('.') || !e.startsWith('.')))
    .map((e) => dirPart + e + (fs.isDir(`${dir.replace(/\/$/, '')}/${e}`) ? '/' : ''))
}

function findFlag(specs: FlagSpec[], arg: string): { spec: FlagSpec; value?: string } | undefined {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq < 0 ? undefined : eq)
    const spec = specs.find((f) => f.name === name)
    return spec && { spec, value: eq < 0 ? undefined : arg.slice(eq + 1) }
  }
  const spec = specs.find((f) => f.short === arg[1])
  if (!spec) return undefined
  return { spec, value: arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined }
}

function visible(verbs: Verb[], profile: Profile): Verb[] {
  return verbs.filter((v) => !v.profiles || v.profiles.includes(profile))
}

function uniqueSorted(list: string[]): string[] {
  return [...new Set(list)].sort()
}

/**
 * The words of the simple command that the cursor is in: the text after the last unquoted `|`, `;`, `&`, `(`,
 * `$(` or backquote, split on unquoted blanks, with quotes kept in the words' text.
 */
export function commandWords(text: string): Word[] {
  let words: Word[] = []
  let cur: Word | undefined
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = undefined
      if (ch === '\\' && quote === '"') {
        cur!.text += text.slice(i, i + 2)
        i++
      } else cur!.text += ch
      continue
    }
    if (ch === '\\') {
      cur ??= { text: '', start: i }
      cur.text += text.slice(i, i + 2)
      i++
      continue
    }
    if (ch === "'" || ch === '"') {
      quote = ch
      cur ??= { text: '', start: i }
      cur.text += ch
      continue
    }
    if (/[|;&()`]/.test(ch) || (ch === '$' && text[i + 1] === '(')) {
      words = []
      cur = undefined
      if (ch === '$') i++
      continue
    }
    if (/\s/.test(ch)) {
      if (cur) words.push(cur)
      cur = undefined
      continue
    }
    cur ??= { text: '', start: i }
    cur.text += ch
  }
  if (cur) words.push(cur)
  return words
}
