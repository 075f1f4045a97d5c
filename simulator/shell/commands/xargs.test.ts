import { describe, expect, it } from 'vitest'
import { createTestShell } from '../testkit'

describe('xargs', () => {
  it.each([
    ['echo a b c | xargs', 'a b c\n'],
    ['echo a b c | xargs -n1', 'a\nb\nc\n'],
    ['echo a b c | xargs -n 2 echo x', 'x a b\nx c\n'],
    ['echo a b | xargs --max-args=1 echo', 'a\nb\n'],
    ['printf "p1\\np2\\n" | xargs -I{} echo pod/{} {}', 'pod/p1 p1\npod/p2 p2\n'],
    ['printf "  a b\\n\\nc\\n" | xargs -I % echo "[%]"', '[a b]\n[c]\n'],
    ['printf "a b\\nc\\n" | xargs -L 1 echo', 'a b\nc\n'],
    ['printf "a b\\0c\\0" | xargs -0 -n1 echo', 'a b\nc\n'],
    ['printf "a,b" | xargs -d , -n1', 'a\nb\n'],
    [`echo "'a b' \\"c d\\" e\\\\ f" | xargs -n1`, 'a b\nc d\ne f\n'],
    ['echo a STOP b | xargs -E STOP', 'a\n'],
    ['true | xargs echo always', 'always\n'],
    ['true | xargs -r echo never', ''],
  ])('%s', async (line, out) => {
    const t = createTestShell()
    expect(await t.run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('-t prints each command on stderr before running it', async () => {
    const t = createTestShell()
    expect(await t.run('echo a b | xargs -t -n1 echo')).toEqual({ out: 'a\nb\n', err: 'echo a \necho b \n', code: 0 })
  })
  it('reads items from a file with -a', async () => {
    const t = createTestShell()
    t.fs.writeFile('/home/user/names', 'x\ny\n')
    expect(await t.run('xargs -a names echo')).toEqual({ out: 'x y\n', err: '', code: 0 })
  })
  it('exits 123 when a command fails, 127 when it does not exist', async () => {
    const t = createTestShell()
    expect(await t.run('echo a b | xargs -n1 false')).toEqual({ out: '', err: '', code: 123 })
    expect(await t.run('echo a | xargs nosuch')).toEqual({ out: '', err: 'xargs: nosuch: No such file or directory\n', code: 127 })
  })
  it.each([
    ['echo a | xargs -z', "xargs: invalid option -- 'z'\nTry 'xargs --help' for more information.\n"],
    ['echo a | xargs --nope', "xargs: unrecognized option '--nope'\nTry 'xargs --help' for more information.\n"],
    ['echo a | xargs -n', "xargs: option requires an argument -- 'n'\nTry 'xargs --help' for more information.\n"],
    ['echo a | xargs -n x', 'xargs: invalid number "x" for -n option\nTry \'xargs --help\' for more information.\n'],
    ['echo a | xargs -n 0', "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n"],
    [`echo "'a" | xargs`, 'xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n'],
    ['xargs -a missing', 'xargs: Cannot open input file ‘missing’: No such file or directory\n'],
  ])('%s reports in GNU words and exits 1', async (line, err) => {
    const t = createTestShell()
    expect(await t.run(line)).toEqual({ out: '', err, code: 1 })
  })
})
