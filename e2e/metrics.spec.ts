import { expect, test, type Page } from '@playwright/test'
import { clearSaved, expectCleanNetwork, recordNetwork, runCommand, waitForScreen, focusTerminal, type NetworkLog } from './helpers'

const THREE_LINES = 'sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))'

let log: NetworkLog
let origin: string

test.beforeEach(async ({ page, context, baseURL }) => {
  origin = new URL(baseURL!).origin
  log = await recordNetwork(page, context, origin)
})

test.afterEach(() => {
  expectCleanNetwork(log, origin)
})

/** the names of the registry pods `oc get pods` shows Running, read from the terminal */
async function runningRegistryPods(page: Page): Promise<string[]> {
  const screen = await waitForScreen(page, /[$#] *$/m)
  const table = screen.slice(screen.lastIndexOf('oc get pods -n openshift-image-registry'))
  return [...table.matchAll(/^(image-registry-[a-z0-9]+-[a-z0-9]+)\s+1\/1\s+Running/gm)].map((m) => m[1]).sort()
}

async function skip(page: Page, minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) await page.getByTestId('clock-skip').click()
}

test('three replicas draw three lines; a malformed query shows the parse error', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto('./#/sandbox?scenario=aws')
  // the sandbox's chunks load after the page's load event: let them finish (the session runs and its editor pane
  // is there), or the reload aborts them and the network guard reports a failed request
  await expect(page.locator('.editor-pane')).toBeAttached()
  await clearSaved(page)
  await page.reload()
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  await focusTerminal(page)

  await runCommand(page, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":3}}'`)
  await waitForScreen(page, 'config.imageregistry.operator.openshift.io/cluster patched')

  // skip cluster time until the three replicas run
  let pods: string[] = []
  for (let i = 0; i < 10 && pods.length !== 3; i++) {
    await skip(page, 1)
    await runCommand(page, 'clear')
    await runCommand(page, 'oc get pods -n openshift-image-registry')
    await waitForScreen(page, /NAME\s+READY\s+STATUS/)
    pods = await runningRegistryPods(page)
  }
  expect(pods).toHaveLength(3)
  // a rate needs two scrapes (30 s apart) of a new pod within its 5m window: let a few minutes pass
  await skip(page, 5)

  // the workbench's link leads to the metrics of this cluster
  await page.getByTestId('metrics-link').click()
  await expect(page).toHaveURL(/#\/metrics\?scenario=aws$/)
  const query = page.getByTestId('metrics-query')
  await expect(page.getByTestId('clock')).toBeVisible()

  // completion of metric names, by keyboard
  await query.click()
  await page.keyboard.type('imageregistry_http_requests_t')
  const options = page.getByTestId('metrics-completion')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toHaveText(/imageregistry_http_requests_total/)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(query).toHaveValue('imageregistry_http_requests_total')
  await expect(options).toHaveCount(0)

  await query.fill('')
  await page.keyboard.type(THREE_LINES)
  await page.getByTestId('metrics-execute').click()
  const series = page.getByTestId('metrics-legend').getByTestId('metrics-series')
  // the replaced pods keep their lines while their end is within the hour; the three new ones are all there
  await expect.poll(() => series.count()).toBeGreaterThanOrEqual(3)
  for (const pod of pods) await expect(page.getByTestId('metrics-legend')).toContainText(`{pod="${pod}"}`)
  await expect(page.getByTestId('metrics-graph').locator('canvas')).toBeVisible()

  // an hour later, the graph holds only the three replicas: exactly three lines (it follows cluster time)
  await skip(page, 66)
  await expect(series).toHaveCount(3)
  expect((await series.allInnerTexts()).map((t) => /\{pod="([^"]+)"\}/.exec(t)?.[1]).sort()).toEqual(pods)

  // raw values on hover
  const box = (await page.getByTestId('metrics-graph').locator('.u-over').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page.getByTestId('metrics-hover-time')).toHaveText(/^\d\d:\d\d:\d\d$/)
  for (const v of await page.getByTestId('metrics-value').allInnerTexts()) expect(Number(v)).toBeGreaterThan(0)

  // a malformed query: Prometheus's parse error
  await query.fill('sum(')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('metrics-error')).toHaveText('Error executing query: 1:5: parse error: unexpected end of input in aggregation')
  await expect(page.getByTestId('metrics-legend')).toHaveCount(0)

  // back to the terminal: the same cluster, three pods still running
  await page.getByTestId('metrics-back').click()
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  await runCommand(page, 'clear')
  await runCommand(page, 'oc get pods -n openshift-image-registry')
  await waitForScreen(page, /NAME\s+READY\s+STATUS/)
  expect(await runningRegistryPods(page)).toEqual(pods)
})
