import { expect, test, type Page } from '@playwright/test'
import {
  guardNetwork,
  openSandbox,
  readSavedRecord,
  runCommand,
  screenText,
  waitForSaved,
  waitForScreen,
  writeSavedRecord,
} from './helpers'

const net = guardNetwork()

/** the prompt the sandbox shows after a (re)load */
async function waitForPrompt(page: Page): Promise<void> {
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
}

test('a reload keeps the files, the project and the scrollback', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'echo hello > note.txt')
  await runCommand(page, 'oc project openshift-image-registry')
  await waitForScreen(page, /Now using project "openshift-image-registry"/)
  await waitForSaved(page, 'Now using project "openshift-image-registry"')
  const saved = (await readSavedRecord(page)) as { state: string }
  const savedNow: number = JSON.parse(saved.state).cluster.clock.now

  await page.reload()
  await waitForPrompt(page)
  // the earlier scrollback is back on screen
  const restored = await screenText(page)
  expect(restored).toContain('echo hello > note.txt')
  expect(restored).toContain('Now using project "openshift-image-registry"')
  // the clock goes on from the saved time (or from a later save made while the page went away)
  const clockAfter = Date.parse((await page.getByTestId('clock').getAttribute('datetime'))!)
  expect(clockAfter).toBeGreaterThanOrEqual(Math.floor(savedNow))
  expect(clockAfter - savedNow).toBeLessThan(60_000)

  await runCommand(page, 'cat note.txt')
  await waitForScreen(page, /cat note\.txt\nhello$/m)
  await runCommand(page, 'oc project')
  await waitForScreen(page, /Using project "openshift-image-registry"/)
})

test('a second tab is told the sandbox is open elsewhere and can take it over', async ({ page, context }) => {
  await openSandbox(page)
  await runCommand(page, 'echo from-the-first-tab > tab.txt')
  await waitForSaved(page, 'echo from-the-first-tab > tab.txt')
  await runCommand(page, 'echo unsaved-until-handover')
  await waitForScreen(page, /^unsaved-until-handover$/m)

  const second = await context.newPage()
  await net.watch(second, context)
  await second.goto('./#/sandbox')
  const elsewhere = second.getByTestId('sandbox-elsewhere')
  await expect(elsewhere).toContainText('This sandbox is open in another tab')
  await expect(second.getByTestId('terminal')).toHaveCount(0)

  await second.getByRole('button', { name: 'Take over here' }).click()
  // the first tab saved, stopped and says so
  await expect(page.getByTestId('sandbox-taken-over')).toContainText('taken over by another tab')
  await expect(page.getByTestId('terminal')).toHaveCount(0)
  // the second tab carries on with everything, including the last command before the hand-over
  await waitForPrompt(second)
  const text = await screenText(second)
  expect(text).toContain('echo from-the-first-tab > tab.txt')
  expect(text).toContain('unsaved-until-handover')
  await runCommand(second, 'cat tab.txt')
  await waitForScreen(second, /^from-the-first-tab$/m)
  await second.close()
})

test('a corrupt saved record shows what was lost and "Start fresh" instead of a white screen', async ({ page }) => {
  // a page without the sandbox, so nothing overwrites the garbage
  await page.goto('./#/lab/none')
  await writeSavedRecord(page, 'garbage \u0000{not a record')
  await page.goto('./#/sandbox')
  const notice = page.getByTestId('restore-failed')
  await expect(notice).toContainText('Your saved sandbox could not be restored')
  await expect(notice).toContainText('The saved state is not a workshop session (it may be corrupt)')
  await expect(page.getByTestId('terminal')).toHaveCount(0)

  await page.getByRole('button', { name: 'Start fresh' }).click()
  await waitForPrompt(page)
  await runCommand(page, 'oc project')
  await waitForScreen(page, /Using project "default"/)
})

test('a save from an older version is refused with its reason', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'echo old > old.txt')
  await waitForSaved(page, 'echo old > old.txt')
  // leave the sandbox (it saves once more on the way out), then age the saved state
  await page.goto('./#/lab/none')
  await expect(page.getByTestId('terminal')).toHaveCount(0)
  const rec = (await readSavedRecord(page)) as { state: string }
  const state = JSON.parse(rec.state)
  state.version = 0
  await writeSavedRecord(page, { ...rec, state: JSON.stringify(state) })

  await page.goto('./#/sandbox')
  await expect(page.getByTestId('restore-failed')).toContainText(
    'The saved state comes from an older version of the workshop (format 0, this one reads 1)',
  )
  await page.getByRole('button', { name: 'Start fresh' }).click()
  await waitForPrompt(page)
  await runCommand(page, 'cat old.txt')
  await waitForScreen(page, /No such file/)
  expect(await readSavedRecord(page)).not.toMatchObject({ state: JSON.stringify(state) })
})

test('"Reset sandbox" asks first, then starts a new cluster', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'echo keep > keep.txt')
  await waitForScreen(page, /echo keep > keep\.txt/)

  // declined: nothing changes
  page.once('dialog', (d) => void d.dismiss())
  await page.getByTestId('reset-sandbox').click()
  await runCommand(page, 'cat keep.txt')
  await waitForScreen(page, /^keep$/m)

  page.once('dialog', (d) => {
    expect(d.type()).toBe('confirm')
    void d.accept()
  })
  await page.getByTestId('reset-sandbox').click()
  await expect.poll(async () => (await screenText(page)).includes('echo keep')).toBe(false)
  await waitForPrompt(page)
  await runCommand(page, 'cat keep.txt')
  await waitForScreen(page, /No such file/)
})

test('without IndexedDB the sandbox works and says progress is not saved', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError')
      },
    })
  })
  await openSandbox(page)
  await expect(page.getByTestId('storage-notice')).toContainText('Progress is not being saved')
  await runCommand(page, 'echo still works')
  await waitForScreen(page, /^still works$/m)
})

test('a failing terminal shows a readable message with a reload button', async ({ page }) => {
  await page.addInitScript(() => {
    // the terminal panel needs ResizeObserver: without it, attaching the terminal throws
    ;(window as { ResizeObserver?: unknown }).ResizeObserver = class {
      constructor() {
        throw new Error('ResizeObserver is broken in this test')
      }
    }
  })
  await page.goto('./#/sandbox')
  const panel = page.getByTestId('terminal-error')
  await expect(panel).toContainText('The terminal stopped working')
  await expect(panel).toContainText('ResizeObserver is broken in this test')
  await expect(panel.getByRole('button', { name: 'Reload the page' })).toBeVisible()
})
