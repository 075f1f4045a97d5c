import { describe, expect, it } from 'vitest'
import { runScript } from '../runner/run-script'
import { IDLE_ITERATION_LIMIT } from './loops'
import { isComplete, splitCommands } from './parser'
import { createTestShell } from './testkit'

describe('for loops', () => {
  it('iterates over words after expansion, on one line or several', async () => {
    const t = createTestShell()
    expect(await t.run('for i in a "b c" $(echo d e); do echo "<$i>"; done')).toEqual({ out: '<a>\n<b c>\n<d>\n<e>\n', err: '', code: 0 })
    expect(await t.run('for n in 1 2\ndo\n  echo n=$n\ndone\necho last=$n')).toEqual({ out: 'n=1\nn=2\nlast=2\n', err: '', code: 0 })
  })
  it('globs, takes its output through a pipe and a redirection', async () => {
    const t = createTestShell()
    t.fs.writeFile('/tmp/a.yaml', '')
    t.fs.writeFile('/tmp/b.yaml', '')
    expect(await t.run('for f in /tmp/*.yaml; do echo $f; done | sort -r')).toEqual({ out: '/tmp/b.yaml\n/tmp/a.yaml\n', err: '', code: 0 })
    expect(await t.run('for i in 1 2; do echo $i; done > /tmp/out; cat /tmp/out')).toEqual({ out: '1\n2\n', err: '', code: 0 })
  })
  it('returns the status of the last body command, 0 when the body never ran', async () => {
    const t = createTestShell()
    expect(await t.run('for i in a; do false; done; echo $?; for i in; do false; done; echo $?')).toEqual({ out: '1\n0\n', err: '', code: 0 })
  })
  it('without `in` iterates over the (empty) positional parameters', async () => {
    const t = createTestShell()
    expect(await t.run('for x; do echo $x; done; for x do echo $x; done; echo none')).toEqual({ out: 'none\n', err: '', code: 0 })
  })
  it('rejects a name that is not an identifier as bash does', async () => {
    const t = createTestShell()
    expect(await t.run('for 1x in a; do echo; done')).toEqual({ out: '', err: "bash: `1x': not a valid identifier\n", code: 1 })
  })
})

describe('while, until, if', () => {
  it('while and until loop on a condition', async () => {
    const t = createTestShell()
    expect(await t.run('i=0; while [ $i -lt 3 ]; do echo w$i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i')).toEqual({
      out: 'w0\nw1\nw2\n0\n',
      err: '',
      code: 0,
    })
  })
  it('if, elif, else pick the first true branch; no branch is status 0', async () => {
    const t = createTestShell()
    expect(await t.run('for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo many; fi; done')).toEqual({
      out: 'one\ntwo\nmany\n',
      err: '',
      code: 0,
    })
    expect(await t.run('if false; then echo no; fi; echo $?')).toEqual({ out: '0\n', err: '', code: 0 })
    expect(await t.run('if true\nthen\n  echo multi\nfi')).toEqual({ out: 'multi\n', err: '', code: 0 })
  })
  it('`while read` consumes its input line by line', async () => {
    const t = createTestShell()
    t.fs.writeFile('/home/user/pods', 'web-1 Running\n  db-0   Pending  \n')
    expect(await t.run('while read name phase; do echo "[$name|$phase]"; done < pods')).toEqual({ out: '[web-1|Running]\n[db-0|Pending]\n', err: '', code: 0 })
    expect(await t.run('while IFS= read -r line; do echo "[$line]"; done < pods')).toEqual({ out: '[web-1 Running]\n[  db-0   Pending  ]\n', err: '', code: 0 })
    expect(await t.run('printf "a\\nb\\n" | while read x; do echo got $x; done')).toEqual({ out: 'got a\ngot b\n', err: '', code: 0 })
    expect(await t.run('while read -r a; do echo $a; done <<EOF\none\ntwo\nEOF')).toEqual({ out: 'one\ntwo\n', err: '', code: 0 })
  })
  it('a pipeline stage is a subshell: variables set in `| while` are lost, as in bash', async () => {
    const t = createTestShell()
    expect(await t.run('n=0; printf "a\\nb\\n" | while read x; do n=$((n+1)); done; echo $n')).toEqual({ out: '0\n', err: '', code: 0 })
    expect(await t.run('n=0; while read x; do n=$((n+1)); done <<< "a"; echo $n')).toEqual({ out: '1\n', err: '', code: 0 })
  })
})

describe('break and continue', () => {
  it('leave or resume the innermost loop, or the Nth', async () => {
    const t = createTestShell()
    expect(await t.run('for i in a b c; do [ $i = b ] && continue; echo $i; done')).toEqual({ out: 'a\nc\n', err: '', code: 0 })
    expect(await t.run('for i in 1 2; do for j in x y; do [ $j = y ] && break 2; echo $i$j; done; done; echo st=$?')).toEqual({
      out: '1x\nst=0\n',
      err: '',
      code: 0,
    })
    expect(await t.run('i=0; while true; do i=$((i+1)); if [ $i -ge 3 ]; then break; fi; done; echo $i')).toEqual({ out: '3\n', err: '', code: 0 })
  })
  it('only end a subshell or a pipeline stage', async () => {
    const t = createTestShell()
    expect(await t.run('for i in 1 2; do (break); echo $i; done')).toEqual({ out: '1\n2\n', err: '', code: 0 })
  })
  it('are builtins, and the loop words are keywords', async () => {
    const t = createTestShell()
    expect(await t.run('type break for done')).toEqual({ out: 'break is a shell builtin\nfor is a shell keyword\ndone is a shell keyword\n', err: '', code: 0 })
  })
  it('complain outside a loop and about a bad count, in bash words', async () => {
    const t = createTestShell()
    expect(await t.run('break; echo $?')).toEqual({ out: '0\n', err: "bash: break: only meaningful in a `for', `while', or `until' loop\n", code: 0 })
    expect(await t.run('for i in 1 2; do continue 0; echo no; done; echo $?')).toEqual({ out: '1\n', err: 'bash: continue: 0: loop count out of range\n', code: 0 })
    expect(await t.run('for i in 1; do break x; done')).toEqual({ out: '', err: 'bash: break: x: numeric argument required\n', code: 1 })
  })
})

describe('syntax', () => {
  it.each([
    ['for i in a b; do echo $i; done', true],
    ['for i in a b; do', false],
    ['for i in a b', false],
    ['for', false],
    ['while true', false],
    ['while true; do echo', false],
    ['until false; do :; done', true],
    ['if true; then', false],
    ['if true; then echo; else', false],
    ['if true; then echo; fi', true],
    ['for i in a; do echo; done |', false],
    ['echo done', true],
    ['{ echo a', false],
  ])('isComplete(%j) is %s (an unfinished loop asks for a `> ` line)', (text, complete) => {
    expect(isComplete(text)).toBe(complete)
  })
  it('splitCommands keeps a multi-line loop as one command', () => {
    expect(splitCommands('echo a\nfor i in 1 2\ndo\n  echo $i\ndone\nif true\nthen echo c\nfi')).toEqual([
      'echo a',
      'for i in 1 2\ndo\n  echo $i\ndone',
      'if true\nthen echo c\nfi',
    ])
  })
  it.each([
    ['done', "bash: syntax error near unexpected token `done'\n"],
    ['for i in a; do done', "bash: syntax error near unexpected token `done'\n"],
    ['while true; do; done', "bash: syntax error near unexpected token `;'\n"],
    ['if true; fi', "bash: syntax error near unexpected token `fi'\n"],
    ['if then', "bash: syntax error near unexpected token `then'\n"],
    ['for ; do', "bash: syntax error near unexpected token `;'\n"],
    ['for i in a | b', "bash: syntax error near unexpected token `|'\n"],
    ['if true; then echo; fi echo', "bash: syntax error near unexpected token `echo'\n"],
    ['echo a; }', "bash: syntax error near unexpected token `}'\n"],
    ['{ }', "bash: syntax error near unexpected token `}'\n"],
    ['for i in a; do echo $i', 'bash: syntax error: unexpected end of file\n'],
  ])('%j', async (line, err) => {
    const t = createTestShell()
    expect(await t.run(line)).toEqual({ out: '', err, code: 2 })
  })
})

describe('endless loops', () => {
  it('stop on Ctrl+C while waiting', async () => {
    const t = createTestShell({ abortAfterMs: 7000 })
    expect(await t.run('while true; do echo tick; sleep 3; done; echo never')).toEqual({ out: 'tick\ntick\ntick\n', err: '', code: 130 })
  })
  it('hand control to the host regularly, so Ctrl+C stops even a loop that never waits', async () => {
    const t = createTestShell({ interruptOnPause: true })
    expect(await t.run('while true; do :; done; echo never')).toEqual({ out: '', err: '', code: 130 })
    expect(t.clock.pauses).toBe(1)
  })
  it('their waits are endless: the headless deadline interrupts them like watch, a for loop is not', async () => {
    const t = createTestShell({ endlessAfterMs: 30_000 })
    const r = await t.run('while true; do sleep 5; done')
    expect(r).toEqual({ out: '', err: '', code: 130 })
    expect(t.clock.now).toBe(30_000)
    const f = createTestShell({ endlessAfterMs: 30_000 })
    expect(await f.run('for i in 1 2 3 4 5 6 7; do sleep 5; done; echo done')).toEqual({ out: 'done\n', err: '', code: 0 })
    expect(f.clock.now).toBe(35_000)
  })
  it(`a loop that neither waits nor reads input is stopped after ${IDLE_ITERATION_LIMIT} iterations`, async () => {
    const t = createTestShell()
    const message = `bash: loop stopped after ${IDLE_ITERATION_LIMIT} iterations that neither waited nor read input (add a sleep)\n`
    expect(await t.run('n=0; until false; do n=$((n+1)); done; echo never')).toEqual({ out: '', err: message, code: 130 })
    expect(await t.run('echo $n')).toEqual({ out: `${IDLE_ITERATION_LIMIT}\n`, err: '', code: 0 })
    // nested, or hidden in a command substitution, the limit still ends everything
    expect(await t.run('while true; do x=$(while :; do :; done); done; echo after')).toEqual({ out: '', err: message, code: 130 })
  })
  it('the headless runner interrupts `while true; do ...; sleep N; done` after 30 virtual seconds', async () => {
    const results = await runScript('while true; do echo tick; sleep 10; done\necho next', { scenario: 'minimal' })
    expect(results.map((r) => [r.stdout, r.exitCode])).toEqual([
      ['tick\ntick\ntick\n', 130],
      ['next\n', 0],
    ])
  })
})
