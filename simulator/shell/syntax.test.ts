import { describe, expect, it } from 'vitest'
import { isComplete, splitCommands } from './parser'
import { createTestShell } from './testkit'

describe('isComplete', () => {
  it.each([
    ['echo hi', true],
    ["echo 'open", false],
    ['echo "open', false],
    ["oc create -f - <<'EOF'\n{", false],
    ["oc create -f - <<'EOF'\n{\n}\nEOF", true],
    ['cat <<-EOF\n\tx\n\tEOF', true],
    ['echo a \\', false],
    ['echo a |', false],
    ['echo a &&', false],
    ['echo a ||\n', false],
    ['echo $(echo', false],
    ['echo `date', false],
    ['echo ${X', false],
    ['(echo a', false],
    ['{ echo a; }', true],
    ['echo a;', true],
    ['| echo', true],
    ["oc create -f <(echo '{\n  \"kind\": \"List\"\n}');", true],
    ['', true],
    ['# only a comment', true],
  ])('%j -> %s', (text, expected) => {
    expect(isComplete(text)).toBe(expected)
  })
})

describe('splitCommands', () => {
  it('splits a script into complete commands keeping their text', () => {
    const script = [
      '# set up',
      'export NS=openshift-image-registry',
      '',
      'oc get pods -n $NS | grep image-registry',
      "oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{",
      '  "spec": {"managementState": "Managed"}',
      "}'",
      'cat <<EOF > /tmp/x',
      'a',
      'EOF',
      'oc get \\',
      '  co image-registry; echo done',
    ].join('\n')
    expect(splitCommands(script)).toEqual([
      'export NS=openshift-image-registry',
      'oc get pods -n $NS | grep image-registry',
      "oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{\n  \"spec\": {\"managementState\": \"Managed\"}\n}'",
      'cat <<EOF > /tmp/x\na\nEOF',
      'oc get \\\n  co image-registry; echo done',
    ])
  })
  it('returns an unfinished tail as a last command', () => {
    expect(splitCommands("echo ok\necho 'never closed\nmore")).toEqual(['echo ok', "echo 'never closed\nmore"])
  })
})

describe('syntax errors', () => {
  it.each([
    ['| grep x', "bash: syntax error near unexpected token `|'\n"],
    ['echo a ;; echo b', "bash: syntax error near unexpected token `;;'\n"],
    ['echo >', "bash: syntax error near unexpected token `newline'\n"],
    ['echo a && && b', "bash: syntax error near unexpected token `&&'\n"],
    ['echo )', "bash: syntax error near unexpected token `)'\n"],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\'\n'],
    ['echo $(ls', "bash: unexpected EOF while looking for matching `)'\n"],
    ['echo a |', 'bash: syntax error: unexpected end of file\n'],
  ])('%j', async (line, err) => {
    const t = createTestShell()
    expect(await t.run(line)).toEqual({ out: '', err, code: 2 })
    expect((await t.run('echo $?')).out).toBe('2\n')
  })
})

describe('here-documents', () => {
  it('expands variables in an unquoted here-document', async () => {
    const t = createTestShell()
    expect(await t.run('N=web\ncat <<EOF\nname: $N\ncost: \\$5 $(echo x)\nEOF\necho after')).toEqual({
      out: 'name: web\ncost: $5 x\nafter\n',
      err: '',
      code: 0,
    })
  })
  it('keeps a quoted here-document literal', async () => {
    const t = createTestShell()
    expect(await t.run("cat <<'EOF'\n{\"a\": \"$HOME\"}\nEOF")).toEqual({ out: '{"a": "$HOME"}\n', err: '', code: 0 })
  })
  it('strips leading tabs with <<-', async () => {
    const t = createTestShell()
    expect(await t.run('cat <<-END\n\t\tindented\n\tEND')).toEqual({ out: 'indented\n', err: '', code: 0 })
  })
  it('combines a here-document with a pipe and a redirection', async () => {
    const t = createTestShell()
    expect(await t.run('cat <<EOF | grep b > /tmp/out\na\nb\nEOF\ncat /tmp/out')).toEqual({ out: 'b\n', err: '', code: 0 })
  })
  it('warns when a here-document ends at end of file', async () => {
    const t = createTestShell()
    expect(await t.run('cat <<EOF\nline')).toEqual({
      out: 'line\n',
      err: "bash: warning: here-document delimited by end-of-file (wanted `EOF')\n",
      code: 0,
    })
  })
  it('supports here-strings', async () => {
    const t = createTestShell()
    expect(await t.run('X=abc; cat <<< "$X-1"')).toEqual({ out: 'abc-1\n', err: '', code: 0 })
  })
})

describe('process substitution', () => {
  it('exposes a command output as a /dev/fd file', async () => {
    const t = createTestShell()
    expect(await t.run(`args <(echo x) ; cat <(echo '{\n  "a": 1\n}');`)).toEqual({
      out: '["/dev/fd/63"]\n{\n  "a": 1\n}\n',
      err: '',
      code: 0,
    })
  })
  it('numbers several substitutions and removes them afterwards', async () => {
    const t = createTestShell()
    expect(await t.run('cat <(echo 1) <(echo 2); ls /dev/fd')).toEqual({ out: '1\n2\n', err: '', code: 0 })
  })
  it('feeds >(cmd) with what was written to it', async () => {
    const t = createTestShell()
    expect(await t.run('echo hello > >(tr a-z A-Z)')).toEqual({ out: 'HELLO\n', err: '', code: 0 })
  })
})
