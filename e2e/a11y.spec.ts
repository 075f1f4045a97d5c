import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { guardNetwork, openLab, openSandbox, runCommand } from './helpers'

// nothing leaves the origin, nothing fails, nothing logs an error (checked after each test)
guardNetwork()

/**
 * Third-party internals left out of the scan:
 * - Monaco's dimmed line numbers (`.dimmed-line-number`, the numbers past the end of the buffer, drawn by Monaco in
 *   its own theme colour; they are decoration, not content).
 */
const EXCLUDE: string[] = ['.monaco-editor .line-numbers.dimmed-line-number']

/** serious or critical axe violations on the page, readable when the assertion fails */
async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  for (const sel of [...EXCLUDE, ...exclude]) builder = builder.exclude(sel)
  const { violations } = await builder.analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'))
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the catalogue has no serious accessibility violation (${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('./#/')
    await expect(page.getByTestId('lab-link').first()).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test(`a lab has no serious accessibility violation (${colorScheme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openLab(page, 'baremetal-storage')
    await page.getByTestId('hint').click()
    await expect(page.getByTestId('hint-text')).toBeVisible()
    await page.getByTestId('solution').click()
    await expect(page.getByTestId('solution-text')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })
}

test('the cluster view has no serious accessibility violation', async ({ page }) => {
  await openLab(page, 'baremetal-storage')
  await page.getByTestId('cluster-tab').click()
  await expect(page.getByTestId('node').first()).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

test('the editor has no serious accessibility violation', async ({ page }) => {
  await openSandbox(page)
  await expect(page.getByTestId('terminal')).toHaveAccessibleName('Terminal')
  await runCommand(page, 'oc edit sc nfs-client')
  const pane = page.getByTestId('editor')
  await expect(pane).toBeVisible()
  await expect(pane).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  expect(await seriousViolations(page)).toEqual([])
})

test('the metrics page has no serious accessibility violation', async ({ page }) => {
  await page.goto('./#/metrics?scenario=aws')
  const query = page.getByTestId('metrics-query')
  await expect(query).toBeVisible({ timeout: 20_000 })
  // with the completion list open
  await query.click()
  await page.keyboard.type('imageregistry_http_requests_t')
  await expect(page.getByTestId('metrics-completion').first()).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  // and with a graph drawn
  // a few minutes of cluster time, so the registry has served requests
  for (let i = 0; i < 5; i++) await page.getByTestId('clock-skip').click()
  await query.fill('sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))')
  await page.getByTestId('metrics-execute').click()
  await expect(page.getByTestId('metrics-series').first()).toBeVisible()
  await expect(page.getByTestId('metrics-graph')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

test('screen reader mode: the header toggle gives the terminal an accessible copy of its text, and is remembered', async ({ page }) => {
  await openSandbox(page)
  const toggle = page.getByTestId('screen-reader-toggle')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('[data-testid="terminal"] .xterm-accessibility-tree')).toHaveCount(0)
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await runCommand(page, 'oc get nodes')
  // xterm's accessibility tree holds one element per row: the table is there as text a screen reader reads
  const tree = page.locator('[data-testid="terminal"] .xterm-accessibility-tree')
  await expect(tree).toContainText(/NAME\s+STATUS\s+ROLES/)
  await page.reload()
  await expect(page.getByTestId('screen-reader-toggle')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('[data-testid="terminal"] .xterm-accessibility-tree')).toHaveCount(1)
  expect(await seriousViolations(page)).toEqual([])
})
