import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isComplete, splitCommands } from './parser'
import { createTestShell } from './testkit'

/** Fragments that exercise every syntax feature, glued together at random. */
const FRAGMENTS = [
  'echo', 'args', 'cat', 'grep -c x', 'sed s/a/b/', "awk '{print $1}'", 'jq .a', 'sort -n', 'head -1', 'wc -l', 'tr a-z A-Z',
  'cut -d: -f1', 'base64', 'test', '[', ']', 'ls', 'cd', 'export', 'unset', 'printf', 'sleep 1', 'nosuch', 'exit', 'true', 'false',
  ' ', ' ', ' ', '\n', '|', '||', '&&', ';', ';;', '&', '(', ')', '{', '}', '!', '>', '>>', '<', '2>', '2>&1', '&>', '>&', '<<', '<<-',
  '<<<', 'EOF', "'EOF'", '<(', '>(', '$(', '`', "'", '"', '\\', '\\\n', '$', '${', '}', '$?', '$X', '${X:-d}', '${#X}', '$((', '))',
  '~', '*', '?', '[a-z]', '#', '=', 'X=1', 'a', 'b.txt', '/tmp/f', '-n', '-e', '{"a":1}', '%s', '%d', '\t', 'é', '\u0000',
]

const line = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(''))
const mutated = fc
  .tuple(fc.constantFrom(...['echo "a b" | grep a > /tmp/o', "cat <<'EOF'\n$x\nEOF", 'X=$(echo 1); echo ${X:-2} `echo 3`', 'cat <(echo hi);']), fc.nat(), fc.string({ maxLength: 4 }), fc.nat({ max: 3 }))
  .map(([base, at, insert, del]) => {
    const i = at % (base.length + 1)
    return base.slice(0, i) + insert + base.slice(i + del)
  })
const anyLine = fc.oneof(line, mutated, fc.string({ maxLength: 30 }))

describe('robustness', () => {
  it('isComplete and splitCommands never throw', () => {
    fc.assert(
      fc.property(anyLine, (text) => {
        expect(typeof isComplete(text)).toBe('boolean')
        const parts = splitCommands(text)
        expect(Array.isArray(parts)).toBe(true)
      }),
      { numRuns: 600 },
    )
  })

  it('Shell.run never throws, and syntax errors exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(anyLine, async (text) => {
        const t = createTestShell({ abortAfterMs: 10_000 })
        t.fs.writeFile('/home/user/a', 'x:1\nb\n')
        const r = await t.run(text)
        expect(Number.isInteger(r.code) && r.code >= 0 && r.code <= 255).toBe(true)
        if (r.err.startsWith('bash: syntax error') || r.err.startsWith('bash: unexpected EOF')) expect(r.code).toBe(2)
      }),
      { numRuns: 400 },
    )
  })
})
