/**
 * `npx tsx scripts/screenshots.ts`: takes the README's screenshots from the built site (run `npm run build`
 * first): the catalogue, a lab in progress, the editor, the cluster view and the metrics page. Not a test.
 */
import { chromium, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'

const PORT = 4178
const BASE = `http://localhost:${PORT}/`

async function type(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
  await page.waitForTimeout(400)
}

async function skip(page: Page, minutes: number): Promise<void> {
  for (let i = 0; i < minutes; i++) await page.getByTestId('clock-skip').click()
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' })
  await new Promise((r) => setTimeout(r, 2500))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } })
    await page.goto(BASE + '#/')
    await page.getByTestId('lab-link').first().waitFor()
    await page.screenshot({ path: 'docs/screenshots/catalogue.png' })

    await page.goto(BASE + '#/lab/baremetal-storage')
    await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' })
    await type(page, 'oc get pod -n openshift-image-registry')
    await type(page, 'oc get configs.imageregistry.operator.openshift.io/cluster -o yaml | head -20')
    await page.screenshot({ path: 'docs/screenshots/lab.png' })

    await page.goto(BASE + '#/sandbox?scenario=aws')
    await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' })
    await type(page, 'oc get pods -n openshift-image-registry -o wide')
    await type(page, 'oc edit configs.imageregistry.operator.openshift.io cluster')
    await page.getByTestId('editor').waitFor()
    await page.waitForTimeout(2500)
    await page.screenshot({ path: 'docs/screenshots/editor.png' })
    await page.getByTestId('editor-cancel').click()

    await type(page, `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":3}}'`)
    await skip(page, 5)
    await page.getByTestId('cluster-tab').click()
    await page.waitForTimeout(800)
    await page.screenshot({ path: 'docs/screenshots/cluster.png' })

    await page.goto(BASE + '#/metrics?scenario=aws')
    // an hour later the two pods replaced by the scale-up have left the graph: three replicas, three lines
    await skip(page, 61)
    await page.getByTestId('metrics-query').fill('sum by (pod) (rate(imageregistry_http_request_duration_seconds_count[5m]))')
    await page.getByTestId('metrics-execute').click()
    await page.waitForTimeout(1500)
    await page.screenshot({ path: 'docs/screenshots/metrics.png' })

    await page.goto(BASE + '#/sandbox')
    await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' })
    await type(page, 'oc get nodes')
    await type(page, 'oc get co | head -8')
    await page.screenshot({ path: 'docs/screenshots/sandbox.png' })
  } finally {
    await browser.close()
    server.kill()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
