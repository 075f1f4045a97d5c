/**
 * Pathname expansion against the virtual file system. Patterns use backslash to mark characters that were
 * quoted in the source (so `"*"` never globs); unmatched patterns are left to the caller (bash keeps them as-is).
 */
import type { VirtualFs } from './vfs'

/** Escapes glob metacharacters so the text only matches itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&')
}

/** True when the (escaped) pattern has an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') i++
    else if (c === '*' || c === '?' || c === '[') return true
  }
  return false
}

/** Removes the escaping added by `escapeGlob`. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1')
}

/**
 * Converts a glob pattern to a regex source (no anchors). `*` and `?` match any character (including `/`,
 * which is what `${VAR#pattern}` needs; path expansion matches one segment at a time anyway).
 */
export function globToRegexSource(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\' && i + 1 < pattern.length) {
      out += escapeRegex(pattern[++i])
    } else if (c === '*') out += '[\\s\\S]*'
    else if (c === '?') out += '[\\s\\S]'
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2)
      if (close < 0) {
        out += '\\['
        continue
      }
      let body = pattern.slice(i + 1, close)
      let negate = false
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true
        body = body.slice(1)
      }
      out += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`
      i = close
    } else out += escapeRegex(c)
  }
  return out
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Expands a glob pattern relative to `cwd`; returns matching paths sorted (as typed: relative stays relative). */
export function expandGlob(pattern: string, fs: VirtualFs, cwd: string): string[] {
  const absolute = pattern.startsWith('/')
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0)
  if (absolute) segments.shift()
  let matches: string[] = [absolute ? '/' : '']
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]
    const last = i === segments.length - 1
    const next: string[] = []
    for (const prefix of matches) {
      const dir = fs.resolve(cwd, prefix || '.')
      const join = (name: string): string => (prefix === '' ? name : prefix.endsWith('/') ? prefix + name : `${prefix}/${name}`)
      if (!hasGlobChars(seg)) {
        const name = unescapeGlob(seg)
        const path = fs.resolve(dir, name)
        if (last ? fs.exists(path) : fs.isDir(path)) next.push(join(name))
        continue
      }
      if (!fs.isDir(dir)) continue
      const re = new RegExp(`^${globToRegexSource(seg)}$`)
      const showHidden = seg.startsWith('.') || seg.startsWith('\\.')
      for (const name of fs.readdir(dir)) {
        if (name.startsWith('.') && !showHidden) continue
        if (!re.test(name)) continue
        if (!last && !fs.isDir(fs.resolve(dir, name))) continue
        next.push(join(name))
      }
    }
    matches = next
    if (matches.length === 0) return []
  }
  if (pattern.endsWith('/')) matches = matches.filter((m) => fs.isDir(fs.resolve(cwd, m))).map((m) => `${m}/`)
  return matches.sort()
}
