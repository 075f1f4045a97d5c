// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { createRawSnippet, flushSync, mount, unmount } from 'svelte'
import PanelBoundary from './PanelBoundary.svelte'
import workbench from './Workbench.svelte?raw'
import labPage from '../../routes/Lab.svelte?raw'
import app from '../../App.svelte?raw'

describe('PanelBoundary', () => {
  it('shows the panel while it works', () => {
    const target = document.createElement('div')
    const children = createRawSnippet(() => ({ render: () => '<p class="ok">fine</p>' }))
    const app = mount(PanelBoundary, { target, props: { name: 'cluster view', children } })
    flushSync()
    expect(target.querySelector('.ok')?.textContent).toBe('fine')
    unmount(app)
  })

  it('a panel that throws shows a readable message with "Try again" and "Reload the page"', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const target = document.createElement('div')
    let fail = true
    const children = createRawSnippet(() => ({
      render: () => {
        if (fail) throw new Error('the cluster view broke')
        return '<p class="ok">back</p>'
      },
    }))
    const app = mount(PanelBoundary, { target, props: { name: 'cluster view', testid: 'cluster-error', children } })
    flushSync()
    const alert = target.querySelector('[role="alert"][data-testid="cluster-error"]')
    expect(alert?.querySelector('h2')?.textContent).toBe('The cluster view stopped working')
    expect(alert?.textContent).toContain('the cluster view broke')
    const buttons = [...target.querySelectorAll('button')].map((b) => b.textContent)
    expect(buttons).toEqual(['Try again', 'Reload the page'])
    expect(warn).toHaveBeenCalled()

    fail = false
    target.querySelector('button')!.click()
    flushSync()
    expect(target.querySelector('.ok')?.textContent).toBe('back')
    unmount(app)
    warn.mockRestore()
  })

  it('every panel of the page sits inside an error boundary', () => {
    // the terminal has its own boundary (its fallback says the work is saved); the cluster view and the editor
    // pane are wrapped where they are mounted
    const wraps = (src: string, name: string, inner: string) =>
      expect(src).toMatch(new RegExp(`<PanelBoundary name="${name}"[^>]*>(?:(?!</PanelBoundary>)[\\s\\S])*${inner}(?:(?!</PanelBoundary>)[\\s\\S])*</PanelBoundary>`))
    expect(workbench).toMatch(/<svelte:boundary(?:(?!<\/svelte:boundary>)[\s\S])*<Terminal[\s\S]*?<\/svelte:boundary>/)
    wraps(workbench, 'cluster view', 'ClusterView')
    wraps(workbench, 'editor', '<EditorPane')
    wraps(labPage, 'instructions', '<Instructions')
    wraps(app, 'metrics page', 'Metrics\\.svelte')
  })
})
