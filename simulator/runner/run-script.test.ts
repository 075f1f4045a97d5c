import { describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { formatTranscript, runScript } from './run-script'

const NODE_TABLE = [
  'NAME       STATUS   ROLES                  AGE     VERSION',
  'master-0   Ready    control-plane,master   3h12m   v1.25.4+77bec7a',
  'worker-0   Ready    worker                 3h12m   v1.25.4+77bec7a',
  'worker-1   Ready    worker                 3h12m   v1.25.4+77bec7a',
  '',
].join('\n')

describe('runScript', () => {
  it('runs each top-level command and reports output, exit code and virtual time', async () => {
    const results = await runScript('oc get nodes\noc get pods -n nope\noc get nope\n', { scenario: 'minimal' })
    expect(results.map((r) => [r.command, r.stdout, r.stderr, r.exitCode, r.time])).toEqual([
      ['oc get nodes', NODE_TABLE, '', 0, 11520],
      ['oc get pods -n nope', '', 'No resources found in nope namespace.\n', 0, 11522],
      ['oc get nope', '', 'error: the server doesn\'t have a resource type "nope"\n', 1, 11524],
    ])
  })

  it('prints a transcript with `$ ` and each command', async () => {
    const results = await runScript('oc whoami\noc project\n', { scenario: 'minimal' })
    expect(formatTranscript(results)).toBe(
      '$ oc whoami\nkube:admin\n$ oc project\nUsing project "default" on server "https://api.sandbox.example.com:6443".\n',
    )
  })

  it('advances the clock with sleep, so AGE grows', async () => {
    const results = await runScript('sleep 600\noc get nodes master-0 --no-headers', { scenario: 'minimal' })
    expect(results[1].stdout).toBe('master-0   Ready   control-plane,master   3h22m   v1.25.4+77bec7a\n')
  })

  it('interrupts an endless command after 30 virtual seconds', async () => {
    const results = await runScript('oc get nodes -w\noc whoami\n', { scenario: 'minimal' })
    expect(results[0].stdout).toBe(NODE_TABLE)
    expect(results[0].exitCode).toBe(0)
    expect(results[1].time - results[0].time).toBe(2)
    expect(results[0].time).toBe(11520 + 30)
  })

  it('keeps a command that spans lines whole', async () => {
    const results = await runScript("echo 'a\nb' | wc -l\n", { scenario: 'minimal' })
    expect(results.map((r) => [r.command, r.stdout])).toEqual([["echo 'a\nb' | wc -l", '2\n']])
  })

  it('replays identically from the same seed', async () => {
    const script = 'oc get pods -A -o wide\noc get nodes -o yaml\n'
    const a = await runScript(script, { scenario: 'minimal', seed: 42 })
    const b = await runScript(script, { scenario: 'minimal', seed: 42 })
    expect(a).toEqual(b)
    const c = await runScript(script, { scenario: 'minimal', seed: 43 })
    expect(c[0].stdout).not.toBe(a[0].stdout)
  })

  it('refuses an unknown scenario or fault', async () => {
    await expect(runScript('oc get nodes', { scenario: 'nope' })).rejects.toThrow('unknown scenario "nope"; known scenarios: minimal')
    await expect(runScript('oc get nodes', { scenario: 'minimal', faults: ['nope'] })).rejects.toThrow('unknown fault "nope"')
  })
})

describe('npm run sim (the command-line contract)', () => {
  it('prints only the transcript on stdout, or the JSON array with --json', () => {
    const text = execFileSync('npx', ['tsx', 'scripts/sim.ts', '--scenario', 'minimal'], { input: 'oc get nodes\n', encoding: 'utf8' })
    expect(text).toBe(`$ oc get nodes\n${NODE_TABLE}`)
    const json = JSON.parse(execFileSync('npx', ['tsx', 'scripts/sim.ts', '--scenario', 'minimal', '--json'], { input: 'oc get nodes\n', encoding: 'utf8' }))
    expect(json).toEqual([{ command: 'oc get nodes', stdout: NODE_TABLE, stderr: '', exitCode: 0, time: 11520 }])
  }, 30_000)

  it('exits non-zero with a clear message for an unknown scenario', () => {
    const r = spawnSync('npx', ['tsx', 'scripts/sim.ts', '--scenario', 'nope'], { input: '', encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('sim: unknown scenario "nope"')
  }, 30_000)
})
