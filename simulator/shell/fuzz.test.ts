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
  // compound commands, loops and their keywords
  'for i in a b', 'for', 'in', 'do', 'done', 'while', 'until', 'true', 'if', 'then', 'elif', 'else', 'fi', 'break', 'continue', 'break 2',
  ':', 'read x', 'read -r l', '$i', '; do ', '; done', '; then ', '; fi', 'while true; do ', 'for i in 1 2 3; do ',
  // brace expansion
  '{a,b}', 'x{1,2}', '{1..3}', '{a..c}', '{,}', '{a{b,c}}', '{', ',', '..',
  // xargs and jq
  'xargs', 'xargs -n1', 'xargs -I{} echo {}', 'xargs -0', "jq '{a}'", "jq -c '{a: .b}'", 'jq \'{"a": .b}\'', "jq '.a |'", "jq '\\(.a)'",
]

const line = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join(''))
const mutated = fc
  .tuple(
    fc.constantFrom(
      ...[
        'echo "a b" | grep a > /tmp/o',
        "cat <<'EOF'\n$x\nEOF",
        'X=$(echo 1); echo ${X:-2} `echo 3`',
        'cat <(echo hi);',
        'for i in a {b,c}; do echo $i; done',
        'i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done',
        'until false; do break; done',
        'if true; then echo y; elif false; then :; else echo n; fi',
        'while read l; do echo "$l"; done < a',
        'for f in x y\ndo\n  if [ $f = x ]; then continue; fi\ndone',
        'echo a b | xargs -n1 -I{} echo {}',
        `echo '{"b":1}' | jq -c '{a: .b, "c": (.b), b}'`,
      ],
    ),
    fc.nat(),
    fc.string({ maxLength: 4 }),
    fc.nat({ max: 3 }),
  )
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
        // a low loop limit keeps the random endless loops (`until false; do typo; done`) quick
        const t = createTestShell({ abortAfterMs: 10_000, loopLimit: 200 })
        t.fs.writeFile('/home/user/a', 'x:1\nb\n')
        const r = await t.run(text)
        expect(Number.isInteger(r.code) && r.code >= 0 && r.code <= 255).toBe(true)
        if (r.err.startsWith('bash: syntax error') || r.err.startsWith('bash: unexpected EOF')) expect(r.code).toBe(2)
      }),
      { numRuns: 400 },
    )
  })
})
