import { expect, test, type Page } from '@playwright/test'
import {
  clearSaved,
  expectStep,
  guardNetwork,
  openLab,
  openSandbox,
  readSavedRecord,
  runCommand,
  screenText,
  waitForSaved,
  waitForScreen,
  writeSavedRecord,
} from './helpers'

// nothing leaves the origin, nothing fails, no uncaught error (checked after each test, for every page watched)
const net = guardNetwork()

const LAB = 'baremetal-storage'
const LAB_KEY = `lab:${LAB}`

/** the page shows something readable: never a white screen */
async function expectReadablePage(page: Page): Promise<void> {
  const text = (await page.locator('body').innerText()).trim()
  expect(text.length, 'the page shows text').toBeGreaterThan(20)
}

/** waits until the saved record under `key` mentions `text` in its scrollback */
async function waitForSavedText(page: Page, key: string, text: string): Promise<void> {
  await expect
    .poll(async () => JSON.stringify((await readSavedRecord(page, key)) ?? null).includes(text), { message: `the record ${key} never held ${text}` })
    .toBe(true)
}

/** opens a page of the app that holds no sandbox or lab, so nothing overwrites what a test writes */
async function neutralPage(page: Page): Promise<void> {
  await page.goto('./#/lab/none')
  await expect(page.getByTestId('lab-not-found')).toBeVisible()
  // let the lazily loaded chunks arrive: the next navigation would abort them (a failed request)
  await page.waitForLoadState('networkidle')
}

test.describe('saved state that cannot be used', () => {
  test('a corrupt saved lab: a clear notice and "Start the lab again", never a white screen', async ({ page }) => {
    await neutralPage(page)
    await clearSaved(page)
    await writeSavedRecord(page, { schema: 1, state: '{"format":"registry-wor', progress: 'garbage', scrollback: [7] }, LAB_KEY)
    await page.goto(`./#/lab/${LAB}`)
    const notice = page.getByTestId('restore-failed')
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('could not be restored')
    await expect(page.getByTestId('terminal')).toHaveCount(0)
    await expectReadablePage(page)

    await notice.getByTestId('start-fresh').click()
    await expect(page.getByTestId('terminal')).toBeVisible()
    await waitForScreen(page, /[$#] *$/m)
    await expectStep(page, 'look-pods', 'current')
    await runCommand(page, 'oc get pod -n openshift-image-registry')
    await expectStep(page, 'look-pods', 'done')
  })

  test('a saved lab from an older version is refused with its reason and a reset', async ({ page }) => {
    await openLab(page, LAB)
    await runCommand(page, 'oc get pod -n openshift-image-registry')
    await expectStep(page, 'look-pods', 'done')
    await waitForSavedText(page, LAB_KEY, 'oc get pod -n openshift-image-registry')
    await neutralPage(page)
    const rec = (await readSavedRecord(page, LAB_KEY)) as { state: string }
    const state = JSON.parse(rec.state)
    state.version = 0
    await writeSavedRecord(page, { ...rec, state: JSON.stringify(state) }, LAB_KEY)

    await page.goto(`./#/lab/${LAB}`)
    await expect(page.getByTestId('restore-failed')).toContainText('comes from an older version of the workshop (format 0')
    await expectReadablePage(page)
    await page.getByTestId('start-fresh').click()
    await expectStep(page, 'look-pods', 'current')
  })

  test('a saved sandbox from a future version is refused with its reason and "Start fresh"', async ({ page }) => {
    await openSandbox(page)
    await runCommand(page, 'echo from-the-future > future.txt')
    await waitForSaved(page, 'echo from-the-future > future.txt')
    await neutralPage(page)
    const rec = (await readSavedRecord(page)) as { state: string }
    const state = JSON.parse(rec.state)
    state.version = 999
    await writeSavedRecord(page, { ...rec, schema: 999, state: JSON.stringify(state) })

    await page.goto('./#/sandbox')
    const notice = page.getByTestId('restore-failed')
    await expect(notice).toContainText('Your saved sandbox could not be restored')
    await expect(notice).toContainText('comes from a newer version of the workshop (format 999')
    await expectReadablePage(page)
    // nothing was overwritten while the notice is up: a newer workshop could still read it
    expect(JSON.parse(((await readSavedRecord(page)) as { state: string }).state).version).toBe(999)

    await page.getByRole('button', { name: 'Start fresh' }).click()
    await waitForScreen(page, /[$#] *$/m)
    await runCommand(page, 'cat future.txt')
    await waitForScreen(page, /No such file/)
  })

  test('a saved record of the wrong type altogether (a number, an array) is refused, not crashed on', async ({ page }) => {
    for (const value of [42, [1, 2, 3], { state: 5 }]) {
      await neutralPage(page)
      await writeSavedRecord(page, value)
      await page.goto('./#/sandbox')
      await expect(page.getByTestId('restore-failed')).toContainText('could not be restored')
      await expectReadablePage(page)
    }
  })
})

test.describe('storage that fails', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      // every write hits a full disk
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
    })
  })

  test('a full disk in the sandbox: it keeps working and says progress is not being saved', async ({ page }) => {
    await openSandbox(page)
    await runCommand(page, 'echo still-working > w.txt')
    await expect(page.getByTestId('storage-notice')).toContainText("Progress is not being saved: the browser's storage for this site is full")
    await runCommand(page, 'cat w.txt')
    await waitForScreen(page, /^still-working$/m)
    await runCommand(page, 'oc get nodes')
    await waitForScreen(page, /Ready/)
  })

  test('a full disk in a lab: the steps still turn green and the notice says so', async ({ page }) => {
    await openLab(page, LAB)
    await runCommand(page, 'oc get pod -n openshift-image-registry')
    await expectStep(page, 'look-pods', 'done')
    await expect(page.getByTestId('storage-notice')).toContainText('Progress is not being saved')
    await page.getByTestId('hint').click()
    await expect(page.getByTestId('hint-text').first()).toBeVisible()
  })
})

test('two tabs on one lab: taking over keeps the command typed just before', async ({ page, context }) => {
  await openLab(page, LAB)
  await runCommand(page, 'oc get pod -n openshift-image-registry')
  await expectStep(page, 'look-pods', 'done')
  // typed right before the hand-over, not waited for
  await runCommand(page, `echo last-before-handover`)
  await waitForScreen(page, /^last-before-handover$/m)

  const second = await context.newPage()
  await net.watch(second, context)
  await second.goto(`./#/lab/${LAB}`)
  await expect(second.getByTestId('lab-elsewhere')).toContainText('open in another tab')
  await expect(second.getByTestId('terminal')).toHaveCount(0)
  await second.getByTestId('take-over').click()

  await expect(page.getByTestId('lab-elsewhere')).toContainText('taken over by another tab')
  await expect(second.getByTestId('terminal')).toBeVisible()
  await waitForScreen(second, /[$#] *$/m)
  const text = await screenText(second)
  expect(text).toContain('oc get pod -n openshift-image-registry')
  expect(text).toContain('last-before-handover')
  await expectStep(second, 'look-pods', 'done')
  await expectStep(second, 'look-config', 'current')

  // and back again: the first tab takes over and has the second tab's command too
  await runCommand(second, 'echo typed-in-the-second-tab')
  await waitForScreen(second, /^typed-in-the-second-tab$/m)
  await page.getByTestId('take-over').click()
  await expect(second.getByTestId('lab-elsewhere')).toContainText('taken over by another tab')
  await waitForScreen(page, /^typed-in-the-second-tab$/m)
  await second.close()
})

test('a reload in the middle of a save restores the previous complete record', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'echo complete-record > kept.txt')
  await waitForSaved(page, 'echo complete-record > kept.txt')
  const before = (await readSavedRecord(page)) as { state: string; scrollback: string[] }

  // from now on every save puts its record and then keeps its transaction busy, so it never commits before the reload
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      const req = put.apply(this, args)
      const store = this
      const spin = () => {
        store.get('keep-the-transaction-busy').onsuccess = spin
      }
      spin()
      return req
    }
  })
  await runCommand(page, 'echo lost-in-the-reload > lost.txt')
  await waitForScreen(page, /echo lost-in-the-reload/)
  await page.reload()

  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  await expect(page.getByTestId('restore-failed')).toHaveCount(0)
  const text = await screenText(page)
  expect(text).toContain('echo complete-record > kept.txt')
  expect(text).not.toContain('lost-in-the-reload')
  await runCommand(page, 'cat kept.txt')
  await waitForScreen(page, /^complete-record$/m)
  // the record on disk is whole: the previous one, or a newer complete one written after the reload
  const after = (await readSavedRecord(page)) as { state: string; scrollback: string[] }
  expect(() => JSON.parse(after.state)).not.toThrow()
  expect(after.scrollback.join('\n')).toContain(before.scrollback.at(-1) ?? 'echo complete-record')
})
