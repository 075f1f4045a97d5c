import { expect, test, type Page } from '@playwright/test'
import { guardNetwork, openSandbox, runCommand, waitForScreen } from './helpers'

const net = guardNetwork()

const EDIT_DEPLOYMENT = 'oc edit deployment cluster-image-registry-operator -n openshift-image-registry'
const isEditorAsset = (url: string) => /monaco|worker|codicon|vim/i.test(url)

/** waits for the editor pane with Monaco ready in it */
async function waitForEditor(page: Page) {
  const pane = page.getByTestId('editor')
  await expect(pane).toBeVisible()
  // data-ready: Monaco shows this buffer (and has the focus)
  await expect(pane).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await expect(pane.locator('.monaco-editor .view-lines')).toBeVisible()
  return pane
}

/** puts the cursor at the end of the first line containing `text`, with Monaco's find (Ctrl+F) as a trainee would */
async function clickLineEnd(page: Page, text: string) {
  await page.locator('[data-testid="editor"] .monaco-editor textarea').first().focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+f')
  const find = page.locator('[data-testid="editor"] .find-widget textarea, [data-testid="editor"] .find-widget input').first()
  await expect(find).toBeFocused()
  // typing selects the first match after the cursor (Enter would go on to the next one)
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
  await page.keyboard.press('End')
}

test('Monaco is loaded only when the editor opens; oc edit saves a change', async ({ page }) => {
  await openSandbox(page)
  await expect(page.getByTestId('editor')).toHaveCount(0)
  expect(net.log.requests.filter(isEditorAsset), 'editor assets before the editor opened').toEqual([])

  await runCommand(page, EDIT_DEPLOYMENT)
  const pane = await waitForEditor(page)
  await expect(pane.getByTestId('editor-path')).toHaveText(/^\/tmp\/oc-edit-\d+\.yaml$/)
  expect(net.log.requests.some((u) => /monaco/i.test(u))).toBe(true)

  await clickLineEnd(page, 'revisionHistoryLimit: 10')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('7')
  await pane.getByTestId('editor-save').click()

  await waitForScreen(page, 'deployment.apps/cluster-image-registry-operator edited')
  await expect(page.getByTestId('editor')).toHaveCount(0)
  await runCommand(page, 'oc get deployment cluster-image-registry-operator -n openshift-image-registry -o yaml | grep revisionHistoryLimit')
  await waitForScreen(page, /revisionHistoryLimit: 7/)
})

test('an invalid change reopens the editor with the error in the header; Cancel gives up', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, EDIT_DEPLOYMENT)
  const pane = await waitForEditor(page)
  await clickLineEnd(page, 'replicas: 1')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('-1')
  await page.keyboard.press('Escape')
  await pane.getByTestId('editor-save').click()

  // the same pane again, with kubectl's header naming the failure
  await expect(pane.getByTestId('editor-errors')).toContainText('spec.replicas: Invalid value: -1: must be greater than or equal to 0')
  await expect(pane.locator('.view-lines')).toContainText('# * spec.replicas: Invalid value: -1')
  await waitForScreen(page, 'is invalid')

  await pane.getByTestId('editor-cancel').click()
  await waitForScreen(page, 'Edit cancelled, no changes made.')
  await expect(page.getByTestId('editor')).toHaveCount(0)
})

test('YAML validation and completion come from the resource schema', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, EDIT_DEPLOYMENT)
  const pane = await waitForEditor(page)
  await expect(pane.getByTestId('editor-problems')).toHaveAttribute('data-count', '0')

  // hover shows the schema's description
  await clickLineEnd(page, 'replicas: 1')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Control+k')
  await page.keyboard.press('Control+i')
  await expect(page.locator('.monaco-hover', { hasText: /desired/i }).first()).toBeVisible({ timeout: 15_000 })
  await page.keyboard.press('Escape')

  // a string where the schema wants an integer
  await clickLineEnd(page, 'revisionHistoryLimit: 10')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('lots')
  await page.keyboard.press('Escape')
  await expect(pane.getByTestId('editor-problems')).toContainText(/Incorrect type\. Expected "integer/, { timeout: 15_000 })

  // an unknown field in the deployment's spec (the new line is indented like its neighbours)
  await clickLineEnd(page, 'progressDeadlineSeconds: 600')
  await page.keyboard.press('Enter')
  await page.keyboard.type('bogus: 1')
  await page.keyboard.press('Escape')
  await expect(pane.getByTestId('editor-problems')).toContainText('Property bogus is not allowed.', { timeout: 15_000 })

  // completion offers DeploymentSpec fields
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('pau')
  await page.keyboard.press('Control+Space')
  await expect(page.locator('.suggest-widget')).toContainText('paused', { timeout: 15_000 })
  await page.keyboard.press('Escape')

  await pane.getByTestId('editor-cancel').click()
  await waitForScreen(page, 'Edit cancelled, no changes made.')
})

test('vi mode: Esc :q! cancels, Esc :wq! saves a new file for oc create -f, :w writes and stays', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'oc edit sc nfs-client')
  const pane = await waitForEditor(page)
  await pane.getByTestId('editor-vim').check()
  await expect(pane.locator('.vim-status')).toContainText(/NORMAL|--/, { timeout: 15_000 })
  await pane.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Escape')
  await page.keyboard.type(':q!')
  await page.keyboard.press('Enter')
  await waitForScreen(page, 'Edit cancelled, no changes made.')
  await expect(page.getByTestId('editor')).toHaveCount(0)

  // the choice is remembered
  expect(await page.evaluate(() => localStorage.getItem('registry-workshop:editor-vim'))).toBe('on')

  await runCommand(page, 'vi cm.yaml')
  await waitForEditor(page)
  await expect(pane.getByTestId('editor-path')).toHaveText('/home/you/cm.yaml')
  await expect(pane.getByTestId('editor-vim')).toBeChecked()
  await page.keyboard.press('i')
  await page.keyboard.type('{apiVersion: v1, kind: ConfigMap, metadata: {name: from-vi}, data: {a: b}}')
  await page.keyboard.press('Escape')
  await page.keyboard.type(':wq!')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('editor')).toHaveCount(0)
  await runCommand(page, 'oc create -f cm.yaml')
  await waitForScreen(page, 'configmap/from-vi created')

  // as in vi: :q refuses unwritten changes, :w writes and stays, :x writes and quits
  await runCommand(page, 'vi notes.txt')
  await waitForEditor(page)
  await page.keyboard.press('i')
  await page.keyboard.type('first')
  await page.keyboard.press('Escape')
  await page.keyboard.type(':q')
  await page.keyboard.press('Enter')
  await expect(pane).toContainText('E37: No write since last change (add ! to override)')
  await page.keyboard.type(':w')
  await page.keyboard.press('Enter')
  await expect(pane).toContainText('"/home/you/notes.txt" written')
  await expect(page.getByTestId('editor')).toHaveCount(1)
  await page.keyboard.type('A second')
  await page.keyboard.press('Escape')
  await page.keyboard.type(':x')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('editor')).toHaveCount(0)
  await runCommand(page, 'cat notes.txt')
  await waitForScreen(page, 'first second')
})

test('without vi mode: Ctrl+S saves, Esc :q! cancels', async ({ page }) => {
  await openSandbox(page)
  await runCommand(page, 'oc edit sc nfs-client')
  const pane = await waitForEditor(page)
  await expect(pane.getByTestId('editor-vim')).not.toBeChecked()
  await pane.locator('.monaco-editor .view-lines').click()
  await page.keyboard.press('Escape')
  await page.keyboard.type(':q!')
  await page.keyboard.press('Enter')
  await waitForScreen(page, 'Edit cancelled, no changes made.')
  await expect(page.getByTestId('editor')).toHaveCount(0)

  await runCommand(page, 'oc edit sc nfs-client')
  await waitForEditor(page)
  await clickLineEnd(page, 'allowVolumeExpansion: true')
  await page.keyboard.press('Shift+Control+ArrowLeft')
  await page.keyboard.type('false')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+s')
  await waitForScreen(page, 'storageclass.storage.k8s.io/nfs-client edited')
  await expect(page.getByTestId('editor')).toHaveCount(0)
})
