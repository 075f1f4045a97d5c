import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { nodeSource } from '../../scripts/lab-source-node'
import { runVerify } from './report'
import { loadLab } from './loader'
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

  it('skips a lab whose scenario is not available', async () => {
    expect(await verifyFixture('no-scenario')).toEqual({ id: 'no-scenario', status: 'skip', reason: 'scenario "no-such-scenario" not available' })
  })

  it('prints one line per lab and flags failures', async () => {
    const lines = await runVerify(fixtures, { root: 'fixtures/' })
    const byId = Object.fromEntries(lines.map((l) => [l.id, l]))
    expect(byId.good.text).toMatch(/^ok {2}good {2}3 steps {2}\d+ms$/)
    expect(byId.good.failed).toBe(false)
    expect(byId['already-met'].text).toMatch(/^FAIL already-met step default-exists: /)
    expect(byId.unreached.failed).toBe(true)
    expect(byId['no-scenario']).toMatchObject({ text: 'skip no-scenario: scenario "no-such-scenario" not available', failed: false })
    expect(byId['bad-schema'].text).toContain('fixtures/bad-schema/lab.yaml:6: "level" must be one of')
    expect(lines.filter((l) => l.failed).map((l) => l.id).sort()).toEqual(['already-met', 'bad-schema', 'unreached'])
  })

  it('can replay only the labs asked for', async () => {
    const lines = await runVerify(fixtures, { ids: ['unreached'] })
    expect(lines.map((l) => l.id)).toEqual(['unreached'])
  })
})
