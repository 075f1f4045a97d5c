import { describe, expect, it } from 'vitest'
import { buildCatalogue, bundledFiles, validateImport } from './catalog'
import { newProgress, progressSummary, readProgress } from './progress'
import { hashParam, parseRoute } from '../router.svelte'

describe('catalogue', () => {
  it('bundles the labs of labs/ and loads them with the engine', () => {
    const c = buildCatalogue()
    expect(c.labs.map((l) => l.id)).toContain('baremetal-storage')
    expect(c.broken).toEqual([])
  })

  it('imports lab.yaml with its markdown files, and explains what is wrong', () => {
    const files = bundledFiles()
    const yaml = files['baremetal-storage/lab.yaml'].replace('id: baremetal-storage', 'id: my-copy')
    const md = Object.entries(files)
      .filter(([k]) => k.startsWith('baremetal-storage/') && k.endsWith('.md'))
      .map(([k, text]) => ({ name: k.split('/')[1], text }))
    const ok = validateImport([{ name: 'lab.yaml', text: yaml }, ...md], ['baremetal-storage'])
    expect(ok.ok).toBe(true)
    const missing = validateImport([{ name: 'lab.yaml', text: yaml }], ['baremetal-storage'])
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.problems[0].message).toMatch(/01-look-pods\.md not found/)
    const taken = validateImport([{ name: 'lab.yaml', text: files['baremetal-storage/lab.yaml'] }], ['baremetal-storage'])
    expect(taken.ok).toBe(false)
    expect(validateImport([{ name: 'notes.md', text: '# x' }]).ok).toBe(false)
  })
})

describe('progress', () => {
  it('round-trips and summarises', () => {
    const p = newProgress('a', 5)
    p.done.push('a')
    const back = readProgress(JSON.parse(JSON.stringify({ progress: p })))
    expect(back?.done).toEqual(['a'])
    expect(back?.startedAt).toEqual({ a: 5 })
    expect(progressSummary(back, 2)).toMatchObject({ state: 'started', label: '1 of 2 steps done' })
    expect(progressSummary(undefined, 2).state).toBe('new')
    expect(readProgress('garbage')).toBeUndefined()
  })
})

describe('routes', () => {
  it('knows reports, metrics and the sandbox scenario', () => {
    expect(parseRoute('#/report/x')).toEqual({ name: 'report', id: 'x' })
    expect(parseRoute('#/metrics')).toEqual({ name: 'metrics' })
    expect(hashParam('#/sandbox?scenario=aws', 'scenario')).toBe('aws')
  })
})
