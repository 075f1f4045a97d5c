import { describe, expect, it } from 'vitest'
import { createTestShell } from '../testkit'

const PODS = [
  'NAME                                               READY   STATUS      RESTARTS   AGE',
  'cluster-image-registry-operator-5d6b8c7f9-abcde    1/1     Running     0          3h',
  'image-registry-7f9c8d6b5-xyz12                     1/1     Running     2          3h',
  'image-pruner-27123456-kq8zp                        0/1     Completed   0          1h',
  'node-ca-4m2xq                                      1/1     Running     0          3h',
].join('\n') + '\n'

const setup = () => {
  const t = createTestShell()
  t.fs.writeFile('/home/user/pods.txt', PODS)
  t.fs.writeFile('/home/user/nums.txt', '10\n9\n100\n9\n')
  return t
}

describe('echo and printf', () => {
  it.each([
    ['echo a   b', 'a b\n'],
    ['echo -n x; echo y', 'xy\n'],
    ['echo -e "a\\tb\\nc"', 'a\tb\nc\n'],
    ['echo "a\\nb"', 'a\\nb\n'],
    ['echo -e "stop\\chere"', 'stop'],
    ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n'],
    ['printf "%-6s|%5s|%03d|%.2f\\n" ab cd 7 3.14159', 'ab    |   cd|007|3.14\n'],
    ['printf "%%done %x\\n" 255', '%done ff\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('reports invalid numbers', async () => {
    expect(await setup().run('printf "%d\\n" abc')).toEqual({ out: '0\n', err: 'bash: printf: abc: invalid number\n', code: 1 })
  })
})

describe('grep', () => {
  it.each([
    ['grep Running pods.txt | wc -l', '3\n'],
    ['grep -c Running pods.txt', '3\n'],
    ['grep -v Running pods.txt | cut -c1-12', 'NAME        \nimage-pruner\n'],
    ['grep -i COMPLETED pods.txt | awk \'{print $1}\'', 'image-pruner-27123456-kq8zp\n'],
    ['grep -n node pods.txt | cut -d" " -f1', '5:node-ca-4m2xq\n'],
    ['grep -E "^(node|image-pruner)" pods.txt | awk \'{print $1, $3}\'', 'image-pruner-27123456-kq8zp Completed\nnode-ca-4m2xq Running\n'],
    ['grep -o "image-[a-z]*" pods.txt', 'image-registry\nimage-registry\nimage-pruner\n'],
    ['grep -w ca pods.txt | cut -c1-13', 'node-ca-4m2xq\n'],
    ['echo "a.b axb" | grep -o "a\\.b"', 'a.b\n'],
    ['grep "registry-\\(operator\\|7f\\)" pods.txt | cut -c1-14', 'cluster-image-\nimage-registry\n'],
    ['printf "1\\n2\\n3\\n4\\n5\\n" | grep -A1 -B1 3', '2\n3\n4\n'],
    ['printf "a\\nx\\nb\\nc\\nx\\n" | grep -A1 x', 'x\nb\n--\nx\n'],
    ['grep -q Running pods.txt && echo yes', 'yes\n'],
    ['grep -l Running pods.txt nums.txt', 'pods.txt\n'],
    ['grep -h 9 nums.txt nums.txt', '9\n9\n9\n9\n'],
    ['grep -F "1/1" pods.txt -c', '3\n'],
    ['printf "x[1]\\n" | grep "[[:digit:]]"', 'x[1]\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('exits 1 without matches and 2 for missing files', async () => {
    const t = setup()
    expect(await t.run('grep nothing pods.txt')).toEqual({ out: '', err: '', code: 1 })
    expect(await t.run('grep x nofile')).toEqual({ out: '', err: 'grep: nofile: No such file or directory\n', code: 2 })
    expect(await t.run('grep Running nofile pods.txt -c')).toEqual({ out: 'pods.txt:3\n', err: 'grep: nofile: No such file or directory\n', code: 2 })
  })
  it('reports bad regexes and options', async () => {
    const t = setup()
    expect(await t.run('grep "[a" pods.txt')).toEqual({ out: '', err: 'grep: Unmatched [, [^, [:, [., or [=\n', code: 2 })
    expect(await t.run('grep -Z x')).toEqual({ out: '', err: "grep: invalid option -- 'Z'\nTry 'grep --help' for more information.\n", code: 2 })
  })
})

describe('head, tail, wc', () => {
  it.each([
    ['head -n 2 pods.txt | cut -c1-4', 'NAME\nclus\n'],
    ['head -2 nums.txt', '10\n9\n'],
    ['head -n -3 nums.txt', '10\n'],
    ['tail -n 1 nums.txt', '9\n'],
    ['tail -2 nums.txt', '100\n9\n'],
    ['tail -n +4 pods.txt | cut -c1-7', 'image-p\nnode-ca\n'],
    ['wc -l pods.txt', '5 pods.txt\n'],
    ['wc nums.txt', ' 4  4 11 nums.txt\n'],
    ['echo "a b c" | wc -w', '3\n'],
    ['echo hello | wc', '      1       1       6\n'],
    ['wc -l nums.txt pods.txt', '  4 nums.txt\n  5 pods.txt\n  9 total\n'],
    ['head -n1 nums.txt pods.txt | cut -c1-6', '==> nu\n10\n\n==> po\nNAME  \n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('reports missing files in coreutils words', async () => {
    const t = setup()
    expect(await t.run('head nofile')).toEqual({ out: '', err: "head: cannot open 'nofile' for reading: No such file or directory\n", code: 1 })
    expect(await t.run('wc -l nofile')).toEqual({ out: '', err: 'wc: nofile: No such file or directory\n', code: 1 })
  })
})

describe('sort, uniq, cut, tr', () => {
  it.each([
    ['sort nums.txt', '10\n100\n9\n9\n'],
    ['sort -n nums.txt', '9\n9\n10\n100\n'],
    ['sort -rn nums.txt', '100\n10\n9\n9\n'],
    ['sort -nu nums.txt', '9\n10\n100\n'],
    ['tail -n +2 pods.txt | sort -k4 -n -r | head -1 | cut -c1-14', 'image-registry\n'],
    ['printf "b:2\\na:3\\nc:1\\n" | sort -t: -k2 -n', 'c:1\nb:2\na:3\n'],
    ['sort nums.txt | uniq', '10\n100\n9\n'],
    ['sort nums.txt | uniq -c', '      1 10\n      1 100\n      2 9\n'],
    ['sort nums.txt | uniq -d', '9\n'],
    ['sort nums.txt | uniq -u', '10\n100\n'],
    ['echo "a:b:c:d" | cut -d: -f2', 'b\n'],
    ['echo "a:b:c:d" | cut -d: -f1,3-', 'a:c:d\n'],
    ['echo "nodelim" | cut -d: -f2', 'nodelim\n'],
    ['echo "abcdef" | cut -c2-4', 'bcd\n'],
    ['echo "Hello World" | tr a-z A-Z', 'HELLO WORLD\n'],
    ['echo "Hello World" | tr "[:upper:]" "[:lower:]"', 'hello world\n'],
    ['echo "a-b-c" | tr -d -', 'abc\n'],
    ['echo "a   b" | tr -s " "', 'a b\n'],
    ['echo "a,b" | tr , "\\n"', 'a\nb\n'],
  ])('%s', async (line, out) => {
    expect(await setup().run(line)).toEqual({ out, err: '', code: 0 })
  })
  it('reports cut usage errors', async () => {
    expect(await setup().run('cut -d:')).toEqual({
      out: '',
      err: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
      code: 1,
    })
  })
})

describe('head and tail by bytes', () => {
  it('keep the first or last N bytes', async () => {
    const { run } = createTestShell()
    expect(await run('echo abcdefghij | head -c 4')).toEqual({ out: 'abcd', err: '', code: 0 })
    expect(await run('echo abcdefghij | tail -c 4')).toEqual({ out: 'hij\n', err: '', code: 0 })
    expect(await run('echo abcdefghij | head -c x')).toEqual({ out: '', err: 'head: invalid number of bytes: ‘x’\n', code: 1 })
  })
})
