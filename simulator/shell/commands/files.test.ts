import { describe, expect, it } from 'vitest'
import { createTestShell } from '../testkit'

describe('file commands', () => {
  it('mkdir -p, touch, ls, ls -a, ls -l', async () => {
    const t = createTestShell()
    expect(await t.run('mkdir -p a/b/c && touch a/f2 a/f1 a/.hid && ls a && ls -a a/b && echo hello > a/f1 && ls -l a')).toEqual({
      out:
        'b\nf1\nf2\n.\n..\nc\ntotal 8\n' +
        'drwxr-xr-x. 2 user user  4096 Jan  1 00:00 b\n' +
        '-rw-r--r--. 1 user user     6 Jan  1 00:00 f1\n' +
        '-rw-r--r--. 1 user user     0 Jan  1 00:00 f2\n',
      err: '',
      code: 0,
    })
  })
  it('ls of several operands and missing paths', async () => {
    const t = createTestShell()
    t.fs.writeFile('/tmp/x', '')
    expect(await t.run('ls /tmp/x nope /tmp')).toEqual({
      out: '/tmp/x\n\n/tmp:\nx\n',
      err: "ls: cannot access 'nope': No such file or directory\n",
      code: 2,
    })
  })
  it('cp, mv, rm and their errors', async () => {
    const t = createTestShell()
    expect(await t.run('echo v > f && cp f g && mkdir d && mv g d/ && cp -r d e && rm f && ls . e && cat e/g')).toEqual({
      out: '.:\nd\ne\n\ne:\ng\nv\n',
      err: '',
      code: 0,
    })
    expect(await t.run('cp nope x; mv nope x; rm nope; rm d; rm -f nope; cp d z')).toEqual({
      out: '',
      err:
        "cp: cannot stat 'nope': No such file or directory\n" +
        "mv: cannot stat 'nope': No such file or directory\n" +
        "rm: cannot remove 'nope': No such file or directory\n" +
        "rm: cannot remove 'd': Is a directory\n" +
        "cp: -r not specified; omitting directory 'd'\n",
      code: 1,
    })
    expect(await t.run('rm -rf d e; ls')).toEqual({ out: '', err: '', code: 0 })
  })
  it('mkdir errors', async () => {
    const t = createTestShell()
    expect(await t.run('mkdir x; mkdir x; mkdir a/b')).toEqual({
      out: '',
      err: 'mkdir: cannot create directory ‘x’: File exists\nmkdir: cannot create directory ‘a/b’: No such file or directory\n',
      code: 1,
    })
  })
  it('cat: numbering, stdin, missing files and directories', async () => {
    const t = createTestShell()
    t.fs.writeFile('/home/user/f', 'a\nb\n')
    expect(await t.run('cat -n f; echo in | cat - f; cat nofile /tmp')).toEqual({
      out: '     1\ta\n     2\tb\nin\na\nb\n',
      err: 'cat: nofile: No such file or directory\ncat: /tmp: Is a directory\n',
      code: 1,
    })
  })
  it('tee writes stdin to files and stdout', async () => {
    const t = createTestShell()
    expect(await t.run('echo x | tee a b > /dev/null; echo y | tee -a a; cat a b')).toEqual({ out: 'y\nx\ny\nx\n', err: '', code: 0 })
  })
  it('seq, basename, dirname, xargs -I', async () => {
    const t = createTestShell()
    expect(await t.run('seq 3; seq 2 2 6 | xargs; basename /a/b/c.yaml .yaml; dirname /a/b/c.yaml; printf "p1\\np2\\n" | xargs -I {} echo pod/{}')).toEqual({
      out: '1\n2\n3\n2 4 6\nc\n/a/b\npod/p1\npod/p2\n',
      err: '',
      code: 0,
    })
  })
})
