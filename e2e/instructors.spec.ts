import { readFileSync, readdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { clearSaved, expectStep, guardNetwork, openLab, runCommand } from './helpers'

const LAB = 'baremetal-storage'
const DIR = new URL(`../labs/${LAB}/`, import.meta.url)

guardNetwork()

function labFiles(id: string, drop?: string) {
  return readdirSync(DIR)
    .filter((name) => name !== drop)
    .map((name) => {
      let text = readFileSync(new URL(name, DIR), 'utf8')
      if (name === 'lab.yaml') text = text.replace(`id: ${LAB}`, `id: ${id}`).replace(/^title: .*$/m, 'title: Imported copy')
      return { name, mimeType: name.endsWith('.md') ? 'text/markdown' : 'text/yaml', buffer: Buffer.from(text) }
    })
}

test('an instructor imports a lab (with clear errors first) and it joins the catalogue', async ({ page }) => {
  await page.goto('./')
  await clearSaved(page)
  await page.reload()
  await page.getByTestId('import-lab').setInputFiles(labFiles('imported-copy', '03-which-state.md'))
  await expect(page.getByTestId('import-problems')).toContainText('03-which-state.md not found')
  await page.getByTestId('import-lab').setInputFiles(labFiles('imported-copy'))
  await expect(page.getByTestId('import-ok')).toContainText('Imported copy')
  await page.reload()
  const link = page.locator('[data-testid="lab-link"][data-lab-id="imported-copy"]')
  await expect(link).toHaveText('Imported copy')
  await link.click()
  await expect(page.getByTestId('step')).toHaveCount(6)
})

test('the progress report and the cluster view', async ({ page }) => {
  await openLab(page, LAB)
  await runCommand(page, 'oc get pod -n openshift-image-registry')
  await expectStep(page, 'look-pods', 'done')
  await page.getByTestId('hint').click()

  await page.getByTestId('cluster-tab').click()
  await expect(page.getByTestId('node').first()).toBeVisible()
  await expect(page.getByTestId('registry-timeline')).toContainText('Available')
  await page.getByRole('button', { name: /^Config\/cluster/ }).first().click()
  await expect(page.getByTestId('object-yaml')).toContainText('managementState')

  await page.goto(`./#/report/${LAB}`)
  await expect(page.locator('[data-testid="report-step"][data-step-id="look-pods"]')).toContainText('done')
  await expect(page.locator('[data-testid="report-step"][data-step-id="look-config"]')).toContainText('1 of 2')
  const download = page.waitForEvent('download')
  await page.getByTestId('download-report').click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`progress-${LAB}.json`)
})
