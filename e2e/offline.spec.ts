import { expect, test } from '@playwright/test'
import { guardNetwork, openSandbox, runCommand, waitForScreen } from './helpers'

guardNetwork()

test('after the first visit the site works offline: terminal, Monaco, its workers and YAML validation', async ({
  page,
  context,
}) => {
  test.skip(!!process.env.E2E_DEV, 'the service worker is only built for production')
  test.setTimeout(60_000)
  await openSandbox(page)
  // the service worker installs (precaching everything, Monaco included) and takes control
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 })
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready
    return reg.active?.state
  })

  await context.setOffline(true)
  try {
    await page.reload()
    await openSandbox(page)
    await runCommand(page, 'oc get nodes')
    await waitForScreen(page, /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/)
    await waitForScreen(page, / Ready /)

    await runCommand(page, 'oc edit deployment cluster-image-registry-operator -n openshift-image-registry')
    const pane = page.getByTestId('editor')
    await expect(pane).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
    await expect(pane.locator('.monaco-editor .view-lines')).toBeVisible()
    await pane.locator('.monaco-editor textarea').first().focus()
    await page.keyboard.press('Control+f')
    await page.keyboard.type('progressDeadlineSeconds: 600')
    await page.keyboard.press('Escape')
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('bogus: 1')
    await page.keyboard.press('Escape')
    // the YAML worker runs (from the cache) and validates against the schema
    await expect(pane.getByTestId('editor-problems')).toContainText('Property bogus is not allowed.', { timeout: 15_000 })
    await pane.getByTestId('editor-cancel').click()
    await waitForScreen(page, 'Edit cancelled, no changes made.')
  } finally {
    await context.setOffline(false)
  }
})
