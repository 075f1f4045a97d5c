import { expect, test, type Page } from '@playwright/test'
import { expectStep, guardNetwork, waitForScreen } from './helpers'

// nothing leaves the origin, nothing fails, nothing logs an error (checked after each test)
guardNetwork()

const LAB = 'baremetal-storage'

/** what has the focus, in words: a test id, the terminal, or the tag */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    if (el.closest('[data-testid="terminal"]')) return 'terminal'
    return el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`
  })
}

/** presses `key` (Tab or Shift+Tab) until `target` has the focus; fails after `max` presses */
async function tabTo(page: Page, target: string, key: 'Tab' | 'Shift+Tab', max = 40): Promise<void> {
  const seen: string[] = []
  for (let i = 0; i <= max; i++) {
    const now = await focused(page)
    if (now === target) return
    seen.push(now)
    await page.keyboard.press(key)
  }
  throw new Error(`${key} never reached ${target}; the focus went: ${seen.join(' → ')}`)
}

test("a trainee completes the first step of a lab by keyboard alone", async ({ page }) => {
  await page.goto(`./#/lab/${LAB}`)
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  // the terminal has the focus from the start
  await expect.poll(() => focused(page)).toBe('terminal')
  await expectStep(page, 'look-pods', 'current')

  // Shift+Tab leaves the terminal (Tab itself completes commands there) and reaches the step's controls
  await tabTo(page, 'check', 'Shift+Tab')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('unmet-check')).toContainText('List the pods of the openshift-image-registry project first')

  await tabTo(page, 'hint', 'Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('hint-text')).toContainText('-n openshift-image-registry')

  // back into the terminal with Tab, Tab completion inside it, and the command run with Enter
  await tabTo(page, 'terminal', 'Tab')
  await page.keyboard.type('oc get pod -n openshift-image-reg')
  await page.keyboard.press('Tab')
  await waitForScreen(page, /oc get pod -n openshift-image-registry *$/m)
  await page.keyboard.press('Enter')
  await waitForScreen(page, /cluster-image-registry-operator-/)

  // the check, pressed from the keyboard, agrees: the step is done and the next one is current
  await tabTo(page, 'check', 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expectStep(page, 'look-pods', 'done')
  await expectStep(page, 'look-config', 'current')
  await expect(page.getByTestId('unmet-check')).toContainText('configuration object')

  // every control reached on the way shows where the focus is
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
  expect(outline).not.toBe('none')
})

test("a route's simulated page opens from its host in the terminal (mouse) and from the cluster view (keyboard)", async ({ page }) => {
  await page.goto('./#/sandbox?scenario=aws')
  await waitForScreen(page, /[$#] *$/m)
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus()
  await page.keyboard.type("oc get route prometheus-k8s -n openshift-monitoring -o jsonpath='{.spec.host}{\"\\n\"}'")
  await page.keyboard.press('Enter')
  const screen = await waitForScreen(page, /^prometheus-k8s-openshift-monitoring\.\S+$/m)
  const host = /^(prometheus-k8s-openshift-monitoring\.\S+)$/m.exec(screen)![1]

  // a click on the host, where xterm draws it, opens the route's page
  const rows = page.locator('[data-testid="terminal"] .xterm-rows > div')
  const texts = await rows.allInnerTexts()
  const index = texts.findIndex((t) => t.replace(/\u00a0/g, ' ').trimEnd() === host)
  const box = (await rows.nth(index).boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.click(box.x + 20, box.y + box.height / 2)
  await expect(page.getByTestId('route-panel')).toContainText(`https://${host}`)
  await page.getByRole('button', { name: 'Close the simulated page' }).click()
  await expect(page.getByTestId('route-panel')).toHaveCount(0)

  // the same page from the keyboard: the cluster view lists the routes as buttons
  await page.getByTestId('cluster-tab').focus()
  await page.keyboard.press('Enter')
  await tabTo(page, 'route-link', 'Tab')
  let focusedHost = await page.evaluate(() => document.activeElement?.getAttribute('data-host'))
  for (let i = 0; i < 20 && focusedHost !== host; i++) {
    await page.keyboard.press('Tab')
    focusedHost = await page.evaluate(() => document.activeElement?.getAttribute('data-host'))
  }
  expect(focusedHost).toBe(host)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('route-panel')).toContainText('This is Prometheus')
  await expect.poll(() => focused(page)).toBe('route-panel')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('route-panel')).toHaveCount(0)
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-host'))).toBe(host)
  await page.keyboard.press('Enter')
  await tabTo(page, 'open-metrics', 'Tab')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/metrics/)
})
