import { describe, expect, it } from 'vitest'
import { createTestShell } from '../testkit'

const setup = () => {
  const t = createTestShell()
  t.fs.writeFile('/home/user/cfg.yaml', 'spec:\n  managementState: Removed\n  replicas: 1\n')
  t.fs.writeFile(
    '/home/user/pods.json',
    JSON.stringify({ items: [{ metadata: { name: 'a', labels: { app: 'x' } }, status: { phase: 'Running' } }, { metadata: { name: 'b' }, status: { phase: 'Pending' } }] }),
  )
  return t
}

describe('sed', () => {
  it.each([
    ["sed 's/Removed/Managed/' cfg.yaml", 'spec:\n  managementState: Managed\n  replicas: 1\n'],
    ["echo aaa | sed 's/a/b/g'", 'bbb\n'],
    ["echo aaa | sed 's/a/b/2'", 'aba\n'],
    ["echo /a/b | sed 's|/|:|g'", ':a:b\n'],
    ["echo 'foo bar' | sed 's/\\(foo\\) \\(bar\\)/\\2 \\1 [&]/'", 'bar foo [foo bar]\n'],
    ["echo 'foo bar' | sed -E 's/(o+)/<\\1>/'", 'f<oo> bar\n'],
    ["sed -n '2p' cfg.yaml", '  managementState: Removed\n'],
    ["sed -n '/replicas/p' cfg.yaml", '  replicas: 1\n'],
    ["sed '1d' cfg.yaml", '  managementState: Removed\n  replicas: 1\n'],
    ["sed '/state/Id;$d' cfg.yaml", 'spec:\n'],
    ["sed -n '2,3p' cfg.yaml", '  managementState: Removed\n  replicas: 1\n'],
    ["sed -e 's/1/2/' -e 's/spec/SPEC/' cfg.yaml", 'SPEC:\n  managementState: Removed\n  replicas: 2\n'],
    ["sed '2q' cfg.yaml", 'spec:\n  managementState: Removed\n'],
    ["sed -n '$=' cfg.yaml", '3\n'],
    ["printf 'a\\nb' | sed 's/b/c/'", 'a\nc'],
    ["sed '1a added' cfg.yaml | head -2", 'spec:\nadded\n'],
    // GNU: `a\text` keeps leading blanks, `\n` and `\t` in the text are a newline and a tab
    ["sed '1a\\  two\\n  lines' cfg.yaml | head -3", 'spec:\n  two\n  lines\n'],
    ["sed '1a   x\\ty' cfg.yaml | head -2", 'spec:\nx\ty\n'],
    // workshop 004's scripted editor: drop `storage:` and everything below, then append the pvc claim
    ["sed -e '$a\\  storage:\\n    pvc:' -e '/managementState/,$d' cfg.yaml", 'spec:\n  storage:\n    pvc:\n'],
    // `c` on a range prints its text once, at the end of the range
    ["sed '2,3c\\  replaced' cfg.yaml", 'spec:\n  replaced\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('edits in place with -i', async () => {
    const t = setup()
    expect(await t.run("sed -i 's/Removed/Managed/' cfg.yaml && grep State cfg.yaml")).toEqual({ out: '  managementState: Managed\n', err: '', code: 0 })
  })
  it('reports errors like GNU sed', async () => {
    const t = setup()
    expect(await t.run("sed 's/a/b' cfg.yaml")).toEqual({ out: '', err: "sed: -e expression #1, char 5: unterminated `s' command\n", code: 1 })
    expect(await t.run("sed 's/a/b/' nofile")).toEqual({ out: '', err: "sed: can't read nofile: No such file or directory\n", code: 2 })
  })
})

describe('awk', () => {
  const table = 'NAME READY STATUS\npod-a 1/1 Running\npod-b 0/1 Error\n'
  it.each([
    ["awk '{print $1}'", 'NAME\npod-a\npod-b\n'],
    ["awk '{print $1, $3}'", 'NAME STATUS\npod-a Running\npod-b Error\n'],
    ["awk 'NR>1 {print $1 \"=\" $3}'", 'pod-a=Running\npod-b=Error\n'],
    ["awk '/Error/'", 'pod-b 0/1 Error\n'],
    ["awk '$3 == \"Running\" {print NR, NF}'", '2 3\n'],
    ["awk '{print $NF}'", 'STATUS\nRunning\nError\n'],
    ["awk -F/ 'NR>1 {print $2}'", '1 Running\n1 Error\n'],
    ["awk 'NR>1 {n++} END {print n \" pods\"}'", '2 pods\n'],
    ["awk 'BEGIN {OFS=\":\"} {$2=\"x\"; print}'", 'NAME:x:STATUS\npod-a:x:Running\npod-b:x:Error\n'],
    ["awk '{ if ($3 ~ /Err/) print \"bad\"; else print \"ok\" }'", 'ok\nok\nbad\n'],
    ["awk '{printf \"%-6s|\\n\", $1}'", 'NAME  |\npod-a |\npod-b |\n'],
    ["awk 'NR==2 {print length($1), toupper($3), substr($1, 1, 3)}'", '5 RUNNING pod\n'],
    ["awk -v want=pod-b '$1 == want {print $2}'", '0/1\n'],
  ])('%s', async (prog, out) => {
    const t = setup()
    t.fs.writeFile('/home/user/t.txt', table)
    expect(await t.run(`${prog} t.txt`)).toEqual({ out, err: '', code: 0 })
  })
  it('reports syntax errors', async () => {
    const r = await setup().run("echo x | awk '{print $1'")
    expect([r.out, r.code]).toEqual(['', 2])
    expect(r.err).toBe("awk: syntax error: missing `}'\n")
  })
})

describe('jq', () => {
  it.each([
    ["jq -r '.items[].metadata.name' pods.json", 'a\nb\n'],
    ["jq '.items[0].status' pods.json", '{\n  "phase": "Running"\n}\n'],
    ["jq -c '.items[1].metadata' pods.json", '{"name":"b"}\n'],
    ["jq '.items | length' pods.json", '2\n'],
    ['jq -r \'.items[] | select(.status.phase == "Pending") | .metadata.name\' pods.json', 'b\n'],
    ["jq -r '.items[].metadata.labels.app' pods.json", 'x\nnull\n'],
    ["jq -c '[.items[].metadata.name]' pods.json", '["a","b"]\n'],
    ["jq -c '.items[0].metadata | keys' pods.json", '["labels","name"]\n'],
    ["echo '{\"a\":{\"b\":3}}' | jq .a.b", '3\n'],
    ["echo '{\"a\":1}' | jq '.b // \"none\"'", '"none"\n'],
    ["echo '[1,2]' | jq -c 'map(. + 1)'", '[2,3]\n'],
    ["echo '{\"a\":1} {\"a\":2}' | jq .a", '1\n2\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('reports errors', async () => {
    const t = setup()
    expect(await t.run("echo '[1]' | jq .a")).toEqual({ out: '', err: 'jq: error (at <stdin>:0): Cannot index array with "a"\n', code: 5 })
    expect(await t.run("echo 'nope' | jq .")).toEqual({ out: '', err: 'jq: error (at <stdin>:0): Cannot parse input: parse error: Invalid JSON text\n', code: 2 })
  })
})

describe('base64', () => {
  it.each([
    ['echo -n "user:pass" | base64', 'dXNlcjpwYXNz\n'],
    ['echo -n "user:pass" | base64 | base64 -d', 'user:pass'],
    ['printf "%s" "$(seq 1 40)" | base64 -w0 | wc -c', '148\n'],
    ['printf "%s" "$(seq 1 40)" | base64 | head -1 | wc -c', '77\n'],
    ['echo -n "é" | base64', 'w6k=\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('rejects invalid input', async () => {
    expect(await setup().run('echo "!!" | base64 -d')).toEqual({ out: '', err: 'base64: invalid input\n', code: 1 })
  })
})

describe('test and [', () => {
  it.each([
    ['[ -f cfg.yaml ] && echo file', 'file\n'],
    ['[ -d /tmp ] && [ ! -e /nope ] && echo ok', 'ok\n'],
    ['test -z "" && test -n x && echo ok', 'ok\n'],
    ['[ 3 -gt 2 -a abc = abc ] && echo ok', 'ok\n'],
    ['[ a != a ] || echo differs', 'differs\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('reports errors with exit 2', async () => {
    const t = setup()
    expect(await t.run('[ 1 -eq 1')).toEqual({ out: '', err: "bash: [: missing `]'\n", code: 2 })
    expect(await t.run('[ a -eq 1 ]')).toEqual({ out: '', err: 'bash: [: a: integer expression expected\n', code: 2 })
  })
})

describe('variables', () => {
  it('export, unset, env and read', async () => {
    const t = setup()
    expect(await t.run('export NS=demo; unset USER PATH; env; echo "x y" | { read A B; echo "$B-$A"; }')).toEqual({
      out: 'HOME=/home/user\nPWD=/home/user\nNS=demo\ny-x\n',
      err: '',
      code: 0,
    })
    expect(await t.run('export 1x=2')).toEqual({ out: '', err: "bash: export: `1x=2': not a valid identifier\n", code: 1 })
  })
})
