import { describe, expect, it } from 'vitest'
import { minimalScenario } from '../scenarios/minimal'
import { installImageRegistryOperator } from './index'
import { cond, config, patchConfig } from './testing'

describe('operator on the minimal scenario (schema admission)', () => {
  it('bootstraps Removed, then runs with emptyDir, without controller errors', () => {
    const c = minimalScenario.build({ seed: 3 })
    installImageRegistryOperator(c)
    c.advance(120_000)
    expect(cond(c, 'Available')).toBe('True Removed: The registry is removed')
    patchConfig(c, { spec: { managementState: 'Managed', storage: { emptyDir: {} } } })
    c.advance(90_000)
    expect(cond(c, 'Available')).toBe('True Ready: The registry is ready')
    expect(config(c).spec.storage.managementState).toBe('Managed')
    expect(c.manager.errors).toEqual([])
  })
})
