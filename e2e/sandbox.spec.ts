import { expect, test } from '@playwright/test'
import { focusTerminal, guardNetwork, openSandbox, readSavedRecord, runCommand, screenText, waitForScreen } from './helpers'

guardNetwork()

test('oc get nodes shows the node table', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'oc get nodes')
  await waitForScreen(page, /NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/)
})

test('the header shows a ticking cluster clock', async ({ page }) => {
  await page.goto('./#/sandbox')
  const clock = page.getByTestId('clock')
  await expect(clock).toHaveText(/^\d\d:\d\d:\d\d$/)
  const first = await clock.textContent()
  await expect(clock).not.toHaveText(first!, { timeout: 5_000 })
})

test('the start page (the lab catalogue) leads to the sandbox', async ({ page }) => {
  await page.goto('./')
  await page.getByTestId('sandbox-link').click()
  await expect(page).toHaveURL(/#\/sandbox$/)
  await expect(page.getByTestId('terminal')).toBeVisible()
  await expect(page).toHaveTitle('Registry workshop')
})

test('Ctrl+C at the prompt prints ^C and a fresh prompt', async ({ page }) => {
  await openSandbox(page)
  await focusTerminal(page)
  await page.keyboard.type('some half-typed command')
  await page.keyboard.press('Control+C')
  await waitForScreen(page, /some half-typed command\^C\n.*[$#] *$/m)
  // the abandoned line was not run: nothing was printed under it but the new prompt
  const text = await screenText(page)
  const after = text.slice(text.indexOf('some half-typed command^C') + 'some half-typed command^C'.length)
  expect(after.trim().split('\n')).toHaveLength(1)
})

test('an unfinished quote continues on a "> " line', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, "echo 'one")
  await waitForScreen(page, /^> *$/m)
  await page.keyboard.press('Control+C')
  await waitForScreen(page, /^> \^C$/m)
})

test('the prompt is there at once, and a command typed as soon as it appears runs whole (no lost keystrokes)', async ({ page }) => {
  await page.goto('./#/sandbox')
  // the first animation frame that shows the prompt: the simulator may still be loading
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="terminal"] .xterm-rows')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(']$ '),
    null,
    { polling: 'raf' },
  )
  await focusTerminal(page)
  const line = "oc get namespace default -o name; echo 'typed at once' done-$((6*7))"
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  const screen = await waitForScreen(page, /^typed at once done-42\n\[you@bastion ~\]\$$/m)
  expect(screen).toContain(`[you@bastion ~]$ ${line}\nnamespace/default\ntyped at once done-42\n`)
})

test('a prompt is there before the terminal has loaded: what is typed at it runs once the terminal is there', async ({ page }) => {
  // hold xterm's chunk back, so the typing below certainly happens on the boot terminal
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/assets/Workbench-*.js', async (route) => {
    await held
    await route.continue()
  })
  await page.goto('./#/sandbox')
  const boot = page.locator('[data-boot-prompt]')
  await expect(boot).toContainText('[you@bastion ~]$')
  await expect(page.locator('[data-testid="terminal"]')).toHaveCount(0)
  await page.keyboard.type('echo boot-$((6*7))x')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')
  await expect(boot).toContainText('[you@bastion ~]$ echo boot-$((6*7))')
  release()
  // the terminal replays the line through its line editor: echoed and run once, and the boot terminal is gone
  const screen = await waitForScreen(page, /^boot-42\n\[you@bastion ~\]\$$/m)
  expect(screen.match(/boot-42/g)).toHaveLength(1)
  expect(screen).toContain('[you@bastion ~]$ echo boot-$((6*7))\nboot-42\n')
  await expect(boot).toHaveCount(0)

  // a reload paints the saved scrollback and prompt at once, before the terminal is back
  await runCommand(page, 'cd /tmp')
  await waitForScreen(page, /\[you@bastion tmp\]\$ *$/m)
  await expect.poll(async () => ((await readSavedRecord(page, 'sandbox:minimal')) as { prompt?: string } | undefined)?.prompt).toBe('[you@bastion tmp]$ ')
  const again = new Promise<void>((resolve) => (release = resolve))
  await page.unroute('**/assets/Workbench-*.js')
  await page.route('**/assets/Workbench-*.js', async (route) => {
    await again
    await route.continue()
  })
  await page.reload()
  await expect(boot).toContainText('boot-42')
  await expect(boot).toContainText('[you@bastion tmp]$')
  release()
  await waitForScreen(page, /\[you@bastion tmp\]\$ *$/m)
  await expect(boot).toHaveCount(0)
})
