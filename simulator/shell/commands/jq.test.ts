import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestShell } from '../testkit'

const POD = JSON.stringify({
  items: [
    { metadata: { name: 'web', labels: { app: 'x' } }, status: { phase: 'Running' }, spec: { replicas: 2 } },
    { metadata: { name: 'db' }, status: { phase: 'Pending' } },
  ],
})

const jq = async (line: string) => {
  const t = createTestShell()
  t.fs.writeFile('/home/user/pods.json', POD)
  return t.run(line)
}

describe('jq object construction', () => {
  it.each([
    [`jq -c '.items[] | {name: .metadata.name, phase: .status.phase}' pods.json`, '{"name":"web","phase":"Running"}\n{"name":"db","phase":"Pending"}\n'],
    [`jq -c '.items[0].metadata | {name}' pods.json`, '{"name":"web"}\n'],
    [`jq -c '.items[0] | {"n": .metadata.name, (.status.phase): 1, r: .spec | .replicas, neg: -1}' pods.json`, '{"n":"web","Running":1,"r":2,"neg":-1}\n'],
    [`jq -c '{"metadata"} | {a: {b: .metadata}}' pods.json`, '{"a":{"b":null}}\n'],
    [`jq -nc '{a: (1,2), b: (3,4)}'`, '{"a":1,"b":3}\n{"a":1,"b":4}\n{"a":2,"b":3}\n{"a":2,"b":4}\n'],
    [`jq -nc '{}'`, '{}\n'],
  ])('%s', async (line, out) => {
    expect(await jq(line)).toEqual({ out, err: '', code: 0 })
  })
})

describe('jq language', () => {
  it.each([
    [`jq -r '.items[] | "\\(.metadata.name) is \\(.status.phase)"' pods.json`, 'web is Running\ndb is Pending\n'],
    [`jq -r '.items[] | [.metadata.name, .status.phase] | @tsv' pods.json`, 'web\tRunning\ndb\tPending\n'],
    [`jq -r '.items[] | if .status.phase == "Running" then "up" elif .spec then "?" else "down" end' pods.json`, 'up\ndown\n'],
    [`jq -c 'del(.items[0].metadata.labels) | .items[0].metadata' pods.json`, '{"name":"web"}\n'],
    [`jq -c '.items[0].spec.replicas |= . + 1 | .items[0].spec' pods.json`, '{"replicas":3}\n'],
    [`jq -c '.items[1].spec.replicas = 0 | [.items[].spec]' pods.json`, '[{"replicas":2},{"replicas":0}]\n'],
    [`jq -c '[.. | .phase? // empty]' pods.json`, '["Running","Pending"]\n'],
    [`jq -c '[.items[] | select(.status.phase != "Running") | .metadata.name]' pods.json`, '["db"]\n'],
    [`jq -c '.items | map(.metadata.name) | sort, length, .[1:]' pods.json`, '["db","web"]\n2\n["db"]\n'],
    [`jq -r '.items[0].metadata.labels | to_entries[] | "\\(.key)=\\(.value)"' pods.json`, 'app=x\n'],
    [`jq --arg n db -c '.items[] | select(.metadata.name == $n) | .status' pods.json`, '{"phase":"Pending"}\n'],
    [`jq -n '1 as $x | [$x, $x * 3, 7 % 4, 10 / 4]' -c`, '[1,3,3,2.5]\n'],
    [`jq -rn '"cmVnaXN0cnk=" | @base64d'`, 'registry\n'],
    [`jq -n 'try error("boom") catch .'`, '"boom"\n'],
  ])('%s', async (line, out) => {
    expect(await jq(line)).toEqual({ out, err: '', code: 0 })
  })
})

describe('jq errors', () => {
  const compileError = (program: string, message: string) => `jq: error: ${message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`
  it.each([
    ['{a: .b + 1}', "syntax error, unexpected '+' (Unix shell quoting issues?)"],
    ['.a |', 'syntax error, unexpected end of file (Unix shell quoting issues?)'],
    ['{', 'syntax error, unexpected end of file (Unix shell quoting issues?)'],
    ['}', "syntax error, unexpected '}' (Unix shell quoting issues?)"],
    ['.a & .b', 'syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)'],
    ['reduce .[] as $x (0; . + $x)', 'syntax error, unexpected reduce (Unix shell quoting issues?)'],
    ['{1: 2}', 'syntax error, unexpected LITERAL (Unix shell quoting issues?)'],
    ['"\\(.a"', 'syntax error, unexpected end of file (Unix shell quoting issues?)'],
    ['foo', 'foo/0 is not defined'],
    ['map', 'map/0 is not defined'],
    ['$missing', '$missing is not defined'],
  ])('%s is a compile error, exit 3', async (program, message) => {
    const t = createTestShell()
    expect(await t.run(`jq -n '${program}'`)).toEqual({ out: '', err: compileError(program, message), code: 3 })
  })
  it('runtime errors exit 5 and the next inputs still run', async () => {
    const t = createTestShell()
    expect(await t.run(`echo '{"a":1} {"a":{"b":2}}' | jq .a.b`)).toEqual({ out: '2\n', err: 'jq: error (at <stdin>:0): Cannot index number with "b"\n', code: 5 })
    expect(await t.run(`jq -n '{(1): 2}'`)).toEqual({ out: '', err: 'jq: error (at <unknown>): Object keys must be strings\n', code: 5 })
  })
  it('-e exits 1 on false or null and 4 without output; an unknown option exits 2', async () => {
    const t = createTestShell()
    expect(await t.run(`jq -en 'null'; echo $?; jq -en empty; echo $?`)).toEqual({ out: 'null\n1\n4\n', err: '', code: 0 })
    expect((await t.run('jq -z .')).code).toBe(2)
  })
  it('any program is compiled or refused in jq words, never a crash', async () => {
    const pieces = ['.', '.a', '[', ']', '{', '}', '(', ')', 'a', ':', ',', '|', '"s"', '"\\(', '1', '-', '+', '*', '==', '//', '?', '..', 'if', 'then', 'else', 'end', 'as', '$x', '@csv', 'select(', 'map(', ';', '=', '|=', ' ']
    const t = createTestShell()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), async (parts) => {
        const program = parts.join('')
        const r = await t.run(`echo '{"a":[1,{"b":2}]}' | jq -c -- '${program.replace(/'/g, '')}'`)
        expect([0, 3, 5]).toContain(r.code)
        if (r.code !== 0) expect(r.err).toMatch(/^jq: (error|1 compile error)/m)
        if (r.code === 3) expect(r.err).toMatch(/jq: 1 compile error\n$/)
      }),
      { numRuns: 300 },
    )
  })
})
