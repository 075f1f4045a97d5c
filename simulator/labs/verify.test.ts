import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../../scripts/lab-source-node'
import { runVerify } from './report'
import { loadLab } from './loader'
import { mapSource } from './source'
import { verifyLab } from './verify'

const fixtures = nodeSource(fileURLToPath(new URL('./fixtures', import.meta.url)))

async function verifyFixture(id: string) {
  const { lab, problems } = loadLab(fixtures, id)
  expect(problems).toEqual([])
  return verifyLab(lab!)
}

describe('labs:verify', () => {
  it('passes a lab whose checks fail before each solution and pass after', async () => {
    expect(await verifyFixture('good')).toEqual({ id: 'good', status: 'ok', steps: 3 })
  })

  it('fails a lab whose check is already met at the start', async () => {
    expect(await verifyFixture('already-met')).toMatchObject({ status: 'fail', step: 'default-exists', reason: expect.stringContaining('already pass') })
  })

  it('fails a lab whose solution does not reach the goal, with the check message', async () => {
    expect(await verifyFixture('unreached')).toMatchObject({ status: 'fail', step: 'make-foo', reason: expect.stringContaining('There is no config map foo in default.') })
  })

  it('fails a lab whose scenario does not exist: the loader refuses it, with file and line', async () => {
    const { lab, problems } = loadLab(fixtures, 'no-scenario')
    expect(lab).toBeUndefined()
    expect(problems).toEqual([{ file: 'no-scenario/lab.yaml', line: 7, message: '"scenario" must be one of "minimal", "aws", "aws-4.0", "baremetal", "ocs", not "no-such-scenario"' }])
    // a lab built by hand (not through the loader) fails too, instead of being skipped
    const good = loadLab(fixtures, 'good').lab!
    expect(await verifyLab({ ...good, scenario: 'no-such-scenario' })).toEqual({ id: 'good', status: 'fail', reason: 'unknown scenario "no-such-scenario"' })
  })

  it('fails a step with one check already met before its solution, unless the check says why', async () => {
    const lab = (extra: string) => `id: x
title: X
summary: S
order: 1
duration: 5
level: beginner
scenario: minimal
steps:
  - id: make
    title: Make
    file: 01.md
    checks:
      - exists: { resource: ns, name: default }${extra}
      - exists: { resource: ns, name: made }
    hints: [h]
    solution: oc create namespace made
`
    const verify = (yaml: string) => verifyLab(loadLab(mapSource({ 'x/lab.yaml': yaml, 'x/01.md': 'Do it.' }), 'x').lab!)
    expect(await verify(lab(''))).toEqual({
      id: 'x',
      status: 'fail',
      step: 'make',
      reason: 'check 1 (ns/default exists) already passes before the solution runs; make the step ask for a change, or say why with alreadyMetOk',
    })
    expect(await verify(lab('\n        alreadyMetOk: The default project is there from the start; the step checks it is still there.'))).toEqual({ id: 'x', status: 'ok', steps: 1 })
  })

  it('prints one line per lab and flags failures', async () => {
    const lines = await runVerify(fixtures, { root: 'fixtures/' })
    const byId = Object.fromEntries(lines.map((l) => [l.id, l]))
    expect(byId.good.text).toMatch(/^ok {2}good {2}3 steps {2}\d+ms$/)
    expect(byId.good.failed).toBe(false)
    expect(byId['already-met'].text).toMatch(/^FAIL already-met step default-exists: /)
    expect(byId.unreached.failed).toBe(true)
    expect(byId['no-scenario']).toMatchObject({ text: expect.stringMatching(/^FAIL no-scenario: does not load\n {2}fixtures\/no-scenario\/lab.yaml:7: "scenario" must be one of /), failed: true })
    expect(byId['bad-schema'].text).toContain('fixtures/bad-schema/lab.yaml:6: "level" must be one of')
    expect(lines.filter((l) => l.failed).map((l) => l.id).sort()).toEqual(['already-met', 'bad-schema', 'no-scenario', 'unreached'])
  })

  it('can replay only the labs asked for', async () => {
    const lines = await runVerify(fixtures, { ids: ['unreached'] })
    expect(lines.map((l) => l.id)).toEqual(['unreached'])
  })
})
