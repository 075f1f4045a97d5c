import { describe, expect, it } from 'vitest'
import { createTestShell } from './testkit'

describe('lists and status', () => {
  it('runs ; && || with bash semantics', async () => {
    const t = createTestShell()
    expect(await t.run('true && echo a || echo b; false && echo c || echo d; false; echo $?')).toEqual({
      out: 'a\nd\n1\n',
      err: '',
      code: 0,
    })
  })
  it('reports unknown commands with 127', async () => {
    const t = createTestShell()
    expect(await t.run('nosuch --flag')).toEqual({ out: '', err: 'bash: nosuch: command not found\n', code: 127 })
    expect((await t.run('echo $?')).out).toBe('127\n')
  })
  it('negates a pipeline with !', async () => {
    const t = createTestShell()
    expect(await t.run('! false')).toEqual({ out: '', err: '', code: 0 })
  })
  it('exit returns its code and stops the line', async () => {
    const t = createTestShell()
    expect(await t.run('echo a; exit 3; echo b')).toEqual({ out: 'a\n', err: '', code: 3 })
    expect(await t.run('(exit 4); echo $?')).toEqual({ out: '4\n', err: '', code: 0 })
  })
  it('runs subshells isolated and groups in place', async () => {
    const t = createTestShell()
    expect(await t.run('X=1; (X=2; cd /tmp); echo $X $PWD; { X=3; }; echo $X')).toEqual({
      out: '1 /home/user\n3\n',
      err: '',
      code: 0,
    })
  })
})

describe('pipes', () => {
  it('feeds each stage the previous stdout', async () => {
    const t = createTestShell()
    expect(await t.run('printf "b\\na\\nc\\na\\n" | sort | uniq -c | sort -rn | head -1')).toEqual({
      out: '      2 a\n',
      err: '',
      code: 0,
    })
  })
  it('returns the last stage status and passes stderr through', async () => {
    const t = createTestShell()
    expect(await t.run('cat nofile | grep x')).toEqual({ out: '', err: 'cat: nofile: No such file or directory\n', code: 1 })
  })
  it('|& pipes stderr too', async () => {
    const t = createTestShell()
    expect(await t.run('cat nofile |& grep -c such')).toEqual({ out: '1\n', err: '', code: 0 })
  })
})

describe('redirections', () => {
  it('writes, appends and reads files', async () => {
    const t = createTestShell()
    expect(await t.run('echo one > f; echo two >> f; cat < f; wc -l < f')).toEqual({ out: 'one\ntwo\n2\n', err: '', code: 0 })
    expect(t.fs.readFile('/home/user/f')).toBe('one\ntwo\n')
  })
  it('handles 2>, 2>&1, &> and /dev/null', async () => {
    const t = createTestShell()
    expect(await t.run('cat nofile 2> err.txt; cat nofile > all.txt 2>&1; cat nofile &> both.txt; cat nofile 2>/dev/null; echo $?')).toEqual({
      out: '1\n',
      err: '',
      code: 0,
    })
    const msg = 'cat: nofile: No such file or directory\n'
    expect([t.fs.readFile('/home/user/err.txt'), t.fs.readFile('/home/user/all.txt'), t.fs.readFile('/home/user/both.txt')]).toEqual([msg, msg, msg])
  })
  it('order matters: 2>&1 >file sends stderr to the old stdout', async () => {
    const t = createTestShell()
    expect(await t.run('cat nofile 2>&1 >out.txt')).toEqual({ out: 'cat: nofile: No such file or directory\n', err: '', code: 1 })
  })
  it('>&2 sends stdout to stderr', async () => {
    const t = createTestShell()
    expect(await t.run('echo oops >&2')).toEqual({ out: '', err: 'oops\n', code: 0 })
  })
  it('reports missing input files and directories like bash', async () => {
    const t = createTestShell()
    expect(await t.run('cat < missing; echo $?')).toEqual({ out: '1\n', err: 'bash: missing: No such file or directory\n', code: 0 })
    expect(await t.run('echo x > /nodir/f')).toEqual({ out: '', err: 'bash: /nodir/f: No such file or directory\n', code: 1 })
    expect(await t.run('echo x > /tmp')).toEqual({ out: '', err: 'bash: /tmp: Is a directory\n', code: 1 })
  })
  it('truncates the file even when there is no command', async () => {
    const t = createTestShell()
    t.fs.writeFile('/home/user/f', 'old')
    expect(await t.run('> f')).toEqual({ out: '', err: '', code: 0 })
    expect(t.fs.readFile('/home/user/f')).toBe('')
  })
})

describe('builtins bound to the shell', () => {
  it('cd, pwd, cd - and errors', async () => {
    const t = createTestShell()
    expect(await t.run('cd /tmp && pwd; cd -; cd nowhere; cd /tmp/../home/user/../user; pwd')).toEqual({
      out: '/tmp\n/home/user\n/home/user\n',
      err: 'bash: cd: nowhere: No such file or directory\n',
      code: 0,
    })
  })
  it('records history and prints it numbered', async () => {
    const t = createTestShell()
    await t.run('echo a')
    await t.run('   ')
    await t.run('true')
    expect(await t.run('history')).toEqual({ out: '    1  echo a\n    2  true\n    3  history\n', err: '', code: 0 })
    expect(t.shell.getHistory()).toEqual(['echo a', 'true', 'history'])
  })
  it('which and type', async () => {
    const t = createTestShell()
    expect(await t.run('which grep nothere; type cd cat')).toEqual({
      out: '/usr/bin/grep\ncd is a shell builtin\ncat is /usr/bin/cat\n',
      err: 'which: no nothere in (/usr/local/bin:/usr/bin)\n',
      code: 0,
    })
  })
  it('runs scripts with bash, sh -c, source and ./path', async () => {
    const t = createTestShell()
    t.fs.writeFile('/home/user/s.sh', '#!/bin/bash\nX=inner\necho "script $1"\nexit 5\n')
    t.fs.writeFile('/home/user/vars.sh', 'X=inner\n')
    expect(await t.run('bash s.sh; echo $?; sh -c "echo c; exit 2"; echo $?; ./s.sh; echo $? $X; . vars.sh; echo $X')).toEqual({
      out: 'script \n5\nc\n2\nscript \n5\ninner\n',
      err: '',
      code: 0,
    })
  })
  it('ctx.exec runs nested lines in the same shell', async () => {
    const t = createTestShell()
    expect(await t.run('echo "a b" | xargs -n 1 echo item')).toEqual({ out: 'item a\nitem b\n', err: '', code: 0 })
  })
})

describe('abort and time', () => {
  it('sleep advances the virtual clock', async () => {
    const t = createTestShell()
    expect(await t.run('sleep 1m; sleep 5s; sleep 0.5')).toEqual({ out: '', err: '', code: 0 })
    expect(t.clock.now).toBe(65500)
  })
  it('rejects bad durations', async () => {
    const t = createTestShell()
    expect(await t.run('sleep 5x')).toEqual({
      out: '',
      err: "sleep: invalid time interval ‘5x’\nTry 'sleep --help' for more information.\n",
      code: 1,
    })
  })
  it('an interrupted command returns 130 and stops the line', async () => {
    const t = createTestShell({ abortAfterMs: 3000 })
    expect(await t.run('sleep 10; echo never')).toEqual({ out: '', err: '', code: 130 })
  })
  it('watch repeats until interrupted, clearing the screen each time', async () => {
    const t = createTestShell({ abortAfterMs: 5000 })
    const r = await t.run('watch -n 2 echo hi')
    const frame = 'Every 2.0s: echo hi\n\nhi\n'
    expect(r).toEqual({ out: frame.repeat(3), err: '', code: 0 })
    expect(t.clock.clears).toBe(3)
  })
})

describe('command context', () => {
  it('passes commandLine, stdinIsTty and stdin to commands', async () => {
    const t = createTestShell()
    const seen: unknown[] = []
    t.shell.commands.set('probe', {
      name: 'probe',
      run: async (ctx) => {
        seen.push({ line: ctx.commandLine, tty: ctx.stdinIsTty, stdin: ctx.stdin, cwd: ctx.cwd, name: ctx.name })
        return 0
      },
    })
    await t.run('probe | probe; echo in | probe < /dev/null')
    expect(seen).toEqual([
      { line: 'probe | probe; echo in | probe < /dev/null', tty: true, stdin: '', cwd: '/home/user', name: 'probe' },
      { line: 'probe | probe; echo in | probe < /dev/null', tty: false, stdin: '', cwd: '/home/user', name: 'probe' },
      { line: 'probe | probe; echo in | probe < /dev/null', tty: false, stdin: '', cwd: '/home/user', name: 'probe' },
    ])
  })
  it('turns a command that throws into a message and status 1', async () => {
    const t = createTestShell()
    t.shell.commands.set('boom', { name: 'boom', run: async () => { throw new Error('kaput') } })
    expect(await t.run('boom; echo $?')).toEqual({ out: '1\n', err: 'boom: kaput\n', code: 0 })
  })
})
