/** Shared fast-check arbitraries for the fuzz tests: JSON values, objects shaped like Kubernetes ones, text mutations. */
import fc from 'fast-check'

/** Keys that collide often (so patches hit existing fields) plus the special keys of strategic merge patch. */
export const KEYS = ['a', 'b', 'c', 'name', 'spec', 'metadata', 'labels', 'containers', 'env', 'finalizers', 'volumes', 'image', 'value', '$patch', '$retainKeys', '__proto__', 'constructor', '']

export const jsonScalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('x', 'name', 'replace', 'delete', 'merge', ''), fc.string({ maxLength: 5 }))

/** Any JSON value, keys drawn mostly from KEYS. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonScalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), tie('value'), { maxKeys: 5 }),
})).value

/** A JSON object (the shape a patch target usually has). */
export const jsonObject = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), jsonValue, { maxKeys: 6 }) as fc.Arbitrary<Record<string, unknown>>

/** A JSON value without `null` anywhere (a merge patch of it deletes nothing). */
export const jsonNoNull: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 5 }), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'spec', 'name', 'x'), tie('value'), { maxKeys: 4 }),
})).value

/** A text edit: insert, delete or replace a few characters somewhere. */
export function mutateText(base: string): fc.Arbitrary<string> {
  const insert = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(':', ': ', '- ', '\n', '\n  ', '  ', '{', '}', '[', ']', '"', "'", '#', '&a', '*a', '!!binary', '|', '>', '---\n', '...', '\t', '%YAML 1.2', '? ', ',', 'null', '~', '0x1', '1e999', '<<: *a', '\u0000', 'é'),
  )
  const one = fc.tuple(fc.nat(), insert, fc.nat({ max: 8 })).map(([at, ins, del]) => (s: string) => {
    const i = at % (s.length + 1)
    return s.slice(0, i) + ins + s.slice(i + del)
  })
  return fc.array(one, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce((s, e) => e(s), base))
}

/** Replaces the value at a random path of a JSON document by another JSON value (or deletes the key). */
export function mutateJson(doc: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    if (paths.length > 400) return
    paths.push(path)
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k])
  }
  walk(doc, [])
  const replacement = fc.oneof(jsonValue, fc.constant(undefined), fc.constantFrom('', -1, 1e308, {}, [], 'x'.repeat(3)))
  const one = fc.tuple(fc.constantFrom(...paths), replacement)
  return fc.array(one, { minLength: 1, maxLength: 3 }).map((edits) => {
    let out: unknown = JSON.parse(JSON.stringify(doc))
    for (const [path, shared] of edits) {
      // a fresh copy: a later edit of the same case may reach into this value, and generated values are shared
      const value = shared === undefined ? undefined : JSON.parse(JSON.stringify(shared))
      if (path.length === 0) {
        out = value
        continue
      }
      let parent: any = out
      for (const k of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? parent[k] : undefined
      if (!parent || typeof parent !== 'object') continue
      const k = path[path.length - 1]
      if (value === undefined) {
        if (Array.isArray(parent)) parent.splice(Number(k), 1)
        else delete parent[k]
      } else parent[k] = value
    }
    return out
  })
}
