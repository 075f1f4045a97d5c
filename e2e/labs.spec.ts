import { expect, test, type Page } from '@playwright/test'
import {
  expectStep,
  focusTerminal,
  guardNetwork,
  openLab,
  readSavedRecord,
  runCommand,
  screenText,
  waitForScreen,
} from './helpers'

const LAB = 'baremetal-storage'
const CONFIG = 'configs.imageregistry.operator.openshift.io'

guardNetwork()

/** waits until the saved lab record has `stepId` among its done steps */
async function waitSavedDone(page: Page, stepId: string): Promise<void> {
  await expect
    .poll(async () => ((await readSavedRecord(page, `lab:${LAB}`)) as { progress?: { done?: string[] } } | undefined)?.progress?.done ?? [])
    .toContain(stepId)
}

test('the catalogue lists the bare-metal storage lab', async ({ page }) => {
  await page.goto('./')
  const card = page.locator(`[data-testid="lab-link"][data-lab-id="${LAB}"]`)
  await expect(card).toBeVisible()
  await expect(card).toHaveText('Give the registry storage on bare metal')
  await expect(page.getByTestId('sandbox-scenario').locator('option')).toHaveCount(5)
  await card.click()
  await expect(page).toHaveURL(new RegExp(`#/lab/${LAB}$`))
  await expect(page.getByTestId('step')).toHaveCount(6)
})

test('a trainee completes the whole lab by typing', async ({ page }) => {
  await openLab(page, LAB)
  await page.getByTestId('reset-lab').waitFor()
  await expectStep(page, 'look-pods', 'current')
  await expectStep(page, 'look-config', 'todo')

  await runCommand(page, 'oc get pod -n openshift-image-registry')
  await waitForScreen(page, /cluster-image-registry-operator-/)
  await expectStep(page, 'look-pods', 'done')
  await expectStep(page, 'look-config', 'current')

  await runCommand(page, `oc get ${CONFIG}/cluster -o yaml`)
  await waitForScreen(page, /storageManaged: false/)
  await expectStep(page, 'look-config', 'done')

  // a wrong answer is refused with the check's own message, the right one passes
  const answer = page.getByTestId('answer')
  await answer.fill('Managed')
  await answer.press('Enter')
  await page.getByTestId('check').click()
  await expect(page.getByTestId('unmet-check')).toContainText('is not the answer')
  await expectStep(page, 'which-state', 'current')
  await answer.fill('Removed')
  await answer.press('Enter')
  await expectStep(page, 'which-state', 'done')

  await runCommand(page, `oc patch ${CONFIG} cluster --type merge --patch '{"spec":{"storage":{"emptyDir":{}}}}'`)
  await waitForScreen(page, /cluster patched/)
  await expectStep(page, 'empty-dir', 'done')

  await runCommand(page, `oc patch ${CONFIG} cluster --type merge --patch '{"spec":{"managementState":"Managed"}}'`)
  await expectStep(page, 'managed', 'done')
  await expectStep(page, 'watch-pods', 'current')

  await runCommand(page, 'watch oc get pod -n openshift-image-registry')
  await waitForScreen(page, /Every 2\.0s/)
  // the registry needs virtual time to come up: skip ahead instead of waiting
  for (let i = 0; i < 5; i++) await page.getByTestId('clock-skip').click()
  await expectStep(page, 'watch-pods', 'done', 15_000)
  await focusTerminal(page)
  await page.keyboard.press('Control+C')
  await waitForScreen(page, /[$#] *$/m)

  for (const id of ['look-pods', 'look-config', 'which-state', 'empty-dir', 'managed', 'watch-pods']) await expectStep(page, id, 'done')
  await expect(page.getByTestId('lab-finished')).toContainText('Lab complete')
  await waitSavedDone(page, 'watch-pods')

  // the catalogue shows the lab finished
  await page.goto('./#/')
  await expect(page.locator(`[data-testid="lab-progress"][data-lab-id="${LAB}"]`)).toHaveAttribute('data-state', 'finished')
})

test('a reload in the middle of a lab resumes it', async ({ page }) => {
  await openLab(page, LAB)
  await runCommand(page, 'oc get pod -n openshift-image-registry')
  await expectStep(page, 'look-pods', 'done')
  await page.getByTestId('hint').click()
  await expect(page.getByTestId('hint-text')).toHaveCount(1)
  await runCommand(page, `oc get ${CONFIG}/cluster -o yaml`)
  await expectStep(page, 'look-config', 'done')
  await page.getByTestId('answer').fill('removed')
  await page.getByTestId('answer').press('Enter')
  await expectStep(page, 'which-state', 'done')
  await runCommand(page, `oc patch ${CONFIG} cluster --type merge --patch '{"spec":{"storage":{"emptyDir":{}}}}'`)
  await expectStep(page, 'empty-dir', 'done')
  await waitSavedDone(page, 'empty-dir')

  await page.reload()
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  // progress, the cluster and the scrollback are all back
  for (const id of ['look-pods', 'look-config', 'which-state', 'empty-dir']) await expectStep(page, id, 'done')
  await expectStep(page, 'managed', 'current')
  expect(await screenText(page)).toContain('cluster patched')
  await runCommand(page, `oc get ${CONFIG} cluster -o jsonpath='{.spec.storage}'`)
  await waitForScreen(page, /\{"emptyDir":\{\}\}/)

  // "Reset step" after a reload still goes back to the cluster as it was when the step began (before the reload)
  await runCommand(page, `oc patch ${CONFIG} cluster --type merge --patch '{"spec":{"managementState":"Unmanaged","storage":{"emptyDir":null}}}'`)
  await expect(page.getByTestId('wrong-path')).toBeVisible()
  await page.reload()
  await waitForScreen(page, /[$#] *$/m)
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('reset-step').click()
  await expect(page.getByTestId('wrong-path')).toHaveCount(0)
  await runCommand(page, 'clear')
  await runCommand(page, `oc get ${CONFIG} cluster -o jsonpath='{.spec.managementState}{" "}{.spec.storage}{"\\n"}'`)
  await waitForScreen(page, /^Removed \{"emptyDir":\{\}\}$/m)
  await expectStep(page, 'managed', 'current')

  // resetting the lab starts it over
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('reset-lab').click()
  await expectStep(page, 'look-pods', 'current')
  await expectStep(page, 'empty-dir', 'todo')
  await waitForScreen(page, /[$#] *$/m)
  await runCommand(page, `oc get ${CONFIG} cluster -o jsonpath='{.spec.storage}{"|"}'`)
  await waitForScreen(page, /^\{\}\|$/m)
})

test('undo restores the cluster to just before the last change', async ({ page }) => {
  await openLab(page, LAB)
  await expect(page.getByTestId('undo')).toBeDisabled()
  await runCommand(page, `oc patch ${CONFIG} cluster --type merge --patch '{"spec":{"managementState":"Unmanaged"}}'`)
  await waitForScreen(page, /cluster patched/)
  // reading does not make an undo point; the patch did
  await runCommand(page, `oc get ${CONFIG} cluster -o jsonpath='{.spec.managementState}{"\\n"}'`)
  await waitForScreen(page, /^Unmanaged$/m)
  await expect(page.getByTestId('undo')).toBeEnabled()
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('undo-status')).toContainText('managementState')
  await expect(page.getByTestId('undo')).toBeDisabled()
  await runCommand(page, 'clear')
  await runCommand(page, `oc get ${CONFIG} cluster -o jsonpath='{.spec.managementState}{"\\n"}'`)
  await waitForScreen(page, /^Removed$/m)
  expect(await screenText(page)).not.toMatch(/^Unmanaged$/m)
})

test('hints are revealed one at a time, and the solution on request', async ({ page }) => {
  await openLab(page, LAB)
  await runCommand(page, 'oc get pod -n openshift-image-registry')
  await expectStep(page, 'look-config', 'current')
  await expect(page.getByTestId('hint-text')).toHaveCount(0)
  await page.getByTestId('hint').click()
  await expect(page.getByTestId('hint-text')).toHaveCount(1)
  await expect(page.getByTestId('hint-text').first()).toContainText('configs.imageregistry.operator.openshift.io')
  await page.getByTestId('hint').click()
  await expect(page.getByTestId('hint-text')).toHaveCount(2)
  await expect(page.getByTestId('hint')).toBeDisabled()
  await expect(page.getByTestId('solution-text')).toHaveCount(0)
  await page.getByTestId('solution').click()
  await expect(page.getByTestId('solution-text')).toContainText(`oc get ${CONFIG}/cluster -o yaml`)
  // while a command runs, "Run in terminal" says the terminal is busy instead of doing nothing
  await runCommand(page, 'sleep 600')
  const run = page.getByTestId('solution-text').getByTestId('run-code')
  await run.click()
  await expect(run).toHaveText('Terminal busy: finish the running command first')
  await focusTerminal(page)
  await page.keyboard.press('Control+c')
  await expect(run).toHaveText('Run in terminal')
  // then it types the solution and runs it
  await run.click()
  await waitForScreen(page, /storageManaged: false/)
  await expectStep(page, 'look-config', 'done')
})

test('time controls: pause holds the clock (across a reload too), skip and speed move it', async ({ page }) => {
  await openLab(page, LAB)
  const clock = page.getByTestId('clock')
  await page.getByTestId('clock-pause').click()
  const before = await clock.getAttribute('datetime')
  await page.getByTestId('clock-skip').click()
  await expect
    .poll(async () => Date.parse((await clock.getAttribute('datetime'))!) - Date.parse(before!))
    .toBeGreaterThanOrEqual(60_000)
  // paused, the clock holds still, and stays paused across a reload
  const skipped = await clock.getAttribute('datetime')
  await page.waitForTimeout(1_500)
  expect(await clock.getAttribute('datetime')).toBe(skipped)
  await page.reload()
  await expect(page.getByTestId('clock-pause')).toHaveAttribute('aria-pressed', 'true')
  await expect(clock).toHaveAttribute('datetime', skipped!)
  // a speed resumes time, at that speed: 60× moves a virtual minute in about a wall second
  await page.getByTestId('clock-speed').selectOption('60')
  await expect(page.getByTestId('clock-speed')).toHaveValue('60')
  await expect(page.getByTestId('clock-pause')).toHaveAttribute('aria-pressed', 'false')
  await expect
    .poll(async () => Date.parse((await clock.getAttribute('datetime'))!) - Date.parse(skipped!), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(30_000)
})
