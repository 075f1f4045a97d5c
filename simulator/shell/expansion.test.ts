import { describe, expect, it } from 'vitest'
import { createTestShell } from './testkit'

const argv = async (line: string, setup?: (t: ReturnType<typeof createTestShell>) => void) => {
  const t = createTestShell()
  setup?.(t)
  const r = await t.run(line)
  expect(r.err).toBe('')
  return JSON.parse(r.out.trim().split('\n').pop()!)
}

describe('quoting and word splitting', () => {
  it('splits on blanks and removes quotes', async () => {
    expect(await argv(`args a  b\t"c d" 'e f' g\\ h`)).toEqual(['a', 'b', 'c d', 'e f', 'g h'])
  })
  it('keeps empty quoted words and concatenates adjacent parts', async () => {
    expect(await argv(`args "" '' a"b"'c'd`)).toEqual(['', '', 'abcd'])
  })
  it('expands variables in double quotes but not in single quotes', async () => {
    expect(await argv(`X=1; args "$X" '$X' "\${X}y" $X"z" "\\$X"`)).toEqual(['1', '$X', '1y', '1z', '$X'])
  })
  it('splits unquoted expansions and drops empty ones', async () => {
    expect(await argv(`V='a  b'; E=; args $V "$V" $E "$E" $UNSET`)).toEqual(['a', 'b', 'a  b', ''])
  })
  it('handles backslashes inside double quotes like bash', async () => {
    expect(await argv(`args "a\\"b" "c\\\\d" "e\\nf" "g\\\`h"`)).toEqual(['a"b', 'c\\d', 'e\\nf', 'g`h'])
  })
  it('supports ANSI-C quoting', async () => {
    expect(await argv(`args $'a\\tb\\n' $'it\\'s'`)).toEqual(['a\tb\n', "it's"])
  })
  it('keeps a single-quoted string spanning lines (pasted JSON)', async () => {
    expect(await argv(`args '{\n  "a": 1\n}' x`)).toEqual(['{\n  "a": 1\n}', 'x'])
  })
  it('joins backslash-newline continuations', async () => {
    expect(await argv(`args one \\\n  two \\\nthree`)).toEqual(['one', 'two', 'three'])
  })
  it('ignores comments but not # inside words', async () => {
    expect(await argv(`args a#b '#c' # comment here`)).toEqual(['a#b', '#c'])
  })
})

describe('parameter expansion', () => {
  it('supports $?, ${#V}, defaults and alternatives', async () => {
    expect(await argv(`false; S=$?; V=abc; args $S \${#V} \${U:-def} \${V:-def} \${V:+alt} \${U:+alt}x`)).toEqual(['1', '3', 'def', 'abc', 'alt', 'x'])
  })
  it('supports prefix/suffix removal', async () => {
    expect(await argv(`P=registry.example.com/ns/image:tag; args \${P#*/} \${P##*/} \${P%:*} \${P%%/*}`)).toEqual([
      'ns/image:tag',
      'image:tag',
      'registry.example.com/ns/image',
      'registry.example.com',
    ])
  })
  it('expands ~ at word start and after NAME=', async () => {
    expect(await argv(`K=~/kube; args ~ ~/x "~" a~ $K`)).toEqual(['/home/user', '/home/user/x', '~', 'a~', '/home/user/kube'])
  })
  it('evaluates arithmetic', async () => {
    expect(await argv(`N=4; args $((N * 2 + 1)) $(( (1+2) % 2 )) $(($N-10))`)).toEqual(['9', '1', '-6'])
  })
  it('reports bad substitution as a syntax error', async () => {
    const t = createTestShell()
    expect(await t.run('echo ${a b}')).toEqual({ out: '', err: 'bash: ${a b}: bad substitution\n', code: 2 })
  })
})

describe('command substitution', () => {
  it('substitutes $(...) and backticks, stripping trailing newlines', async () => {
    expect(await argv('args "$(echo hi; echo there)" `echo a b` $(printf "x\\n\\n")')).toEqual(['hi\nthere', 'a', 'b', 'x'])
  })
  it('nests and handles parentheses inside quotes', async () => {
    expect(await argv(`args "$(echo "(inner $(echo deep))")"`)).toEqual(['(inner deep)'])
  })
  it('does not leak variable assignments out of $(...)', async () => {
    expect(await argv('X=1; Y=$(X=2; echo $X); args $X $Y')).toEqual(['1', '2'])
  })
  it('returns the substitution status from a bare assignment', async () => {
    const t = createTestShell()
    expect(await t.run('X=$(false)')).toEqual({ out: '', err: '', code: 1 })
  })
})

describe('globs', () => {
  const withFiles = (t: ReturnType<typeof createTestShell>) => {
    for (const f of ['b.yaml', 'a.yaml', 'c.json', '.hidden.yaml']) t.fs.writeFile(`/home/user/${f}`, '')
    t.fs.mkdir('/home/user/dir')
    t.fs.writeFile('/home/user/dir/x.yaml', '')
  }
  it('expands matched globs sorted, skipping hidden files', async () => {
    expect(await argv('args *.yaml ?.json */*.yaml /home/user/[ab].yaml', withFiles)).toEqual([
      'a.yaml',
      'b.yaml',
      'c.json',
      'dir/x.yaml',
      '/home/user/a.yaml',
      '/home/user/b.yaml',
    ])
  })
  it('leaves unmatched and quoted globs literal', async () => {
    expect(
      await argv(`args registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/* *.txt "*.yaml" '*'`, withFiles),
    ).toEqual(['registry.svc.ci.openshift.org/*=docker-registry.default.svc:5000/*', '*.txt', '*.yaml', '*'])
  })
})

describe('prefix assignments', () => {
  it('applies VAR=value to one command only', async () => {
    const t = createTestShell()
    expect(await t.run('FOO=bar env | grep FOO; echo "[$FOO]"')).toEqual({ out: 'FOO=bar\n[]\n', err: '', code: 0 })
  })
  it('does not split assignment values', async () => {
    expect(await argv('V="a b"; W=$V; args "$W"')).toEqual(['a b'])
  })
  it('export keeps assignment words whole', async () => {
    expect(await argv('export A="x y" B=$(echo 1 2); args "$A" "$B"')).toEqual(['x y', '1 2'])
  })
})

describe('brace expansion', () => {
  it.each([
    ['echo {a,b}', 'a b'],
    ['echo x{1,2}y', 'x1y x2y'],
    ['echo {1..3} {3..1} {a..c}', '1 2 3 3 2 1 a b c'],
    ['echo {1..10..4} {01..03} {-1..1}', '1 5 9 01 02 03 -1 0 1'],
    ['echo a{b,c{d,e}}f', 'abf acdf acef'],
    ['echo {a,b}{1,2}', 'a1 a2 b1 b2'],
    ['echo x{,-old}', 'x x-old'],
    ['echo {a} {} {a,b {1..a} {a,{b,c}', '{a} {} {a,b {1..a} {a,b {a,c'],
    ['echo "{a,b}" \'{a,b}\' \\{a,b}', '{a,b} {a,b} {a,b}'],
  ])('%s', async (line, out) => {
    const t = createTestShell()
    expect(await t.run(line)).toEqual({ out: `${out}\n`, err: '', code: 0 })
  })
  it('happens before the other expansions, which apply to each word', async () => {
    expect(await argv(`X=v; args {$X,"$X w"} pre{'a b',c}`)).toEqual(['v', 'v w', 'prea b', 'prec'])
  })
  it('makes loops over ranges', async () => {
    const t = createTestShell()
    expect(await t.run('for i in {1..3}; do mkdir -p /tmp/d$i; done; ls /tmp')).toEqual({ out: 'd1\nd2\nd3\n', err: '', code: 0 })
  })
  it('leaves assignments alone', async () => {
    expect(await argv(`X={a,b}; args $X`)).toEqual(['{a,b}'])
  })
  it('refuses an absurd range like a failed allocation', async () => {
    const t = createTestShell()
    expect(await t.run('echo {1..1000000}')).toEqual({ out: '', err: 'bash: brace expansion: failed to allocate memory for 1000000 elements\n', code: 1 })
  })
})
