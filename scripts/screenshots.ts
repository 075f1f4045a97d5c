/**
 * `npx tsx scripts/screenshots.ts`: takes the README's screenshots from the built site (run `npm run build`
 * first). Not part of the test suite.
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--port', '4174', '--strictPort'], { stdio: 'ignore' })
  await new Promise((r) => setTimeout(r, 2500))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } })
    await page.goto('http://localhost:4174/#/sandbox')
    await page.locator('.xterm-helper-textarea').focus()
    for (const cmd of ['oc get nodes', 'oc get pods -n openshift-image-registry', 'oc get co | head -8']) {
      await page.keyboard.type(cmd)
      await page.keyboard.press('Enter')
      await page.waitForTimeout(300)
    }
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
