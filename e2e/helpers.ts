import { expect, test, type BrowserContext, type Page } from '@playwright/test'

/** the text currently shown in the terminal (xterm's DOM renderer), one string per row */
export async function screenRows(page: Page): Promise<string[]> {
  return page.locator('[data-testid="terminal"] .xterm-rows > div').allInnerTexts()
}

/** the whole visible terminal text, rows joined with newlines, non-breaking spaces normalised */
export async function screenText(page: Page): Promise<string> {
  const rows = await screenRows(page)
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n')
}

/** waits until the terminal shows text matching `pattern` */
export async function waitForScreen(page: Page, pattern: RegExp | string, timeout = 10_000): Promise<string> {
  let last = ''
  try {
    await expect
      .poll(
        async () => {
          last = await screenText(page)
          return typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)
        },
        { timeout },
      )
      .toBe(true)
  } catch {
    throw new Error(`terminal never showed ${pattern}; the screen was:\n${last.trimEnd()}`)
  }
  return last
}

/** opens a page and waits for the shell prompt (`$ ` at the end of a row) */
export async function openSandbox(page: Page): Promise<void> {
  await page.goto('./#/sandbox')
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  await focusTerminal(page)
}

export async function focusTerminal(page: Page): Promise<void> {
  await page.locator('[data-testid="terminal"] .xterm-helper-textarea').focus()
}

/** types a command line into the terminal and presses Enter */
export async function runCommand(page: Page, line: string): Promise<void> {
  await focusTerminal(page)
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

export interface NetworkLog {
  /** every URL the page (and its workers) requested */
  requests: string[]
  /** requests to anything but the page's origin (aborted) */
  external: string[]
  failed: string[]
  pageErrors: string[]
  consoleErrors: string[]
}

const isLocal = (url: string, origin: string) =>
  url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:')

/**
 * Records every request, aborts and records any that would leave the origin, and collects page errors and
 * console errors. Call before navigating.
 */
export async function recordNetwork(page: Page, context: BrowserContext, origin: string): Promise<NetworkLog> {
  const log: NetworkLog = { requests: [], external: [], failed: [], pageErrors: [], consoleErrors: [] }
  await context.route(
    (url) => !isLocal(url.href, origin),
    async (route) => {
      log.external.push(route.request().url())
      await route.abort('blockedbyclient')
    },
  )
  page.on('request', (r) => log.requests.push(r.url()))
  page.on('worker', (w) => log.requests.push(w.url()))
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? ''
    // A reload or navigation cancels same-origin chunk downloads still in flight: that is not a failure.
    if (why === 'net::ERR_ABORTED' && isLocal(r.url(), origin)) return
    log.failed.push(`${r.url()}: ${why}`)
  })
  page.on('pageerror', (e) => log.pageErrors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text())
  })
  return log
}

/** asserts nothing left the origin and the page logged no errors */
export function expectCleanNetwork(log: NetworkLog, origin: string): void {
  expect(log.external, 'requests that left the origin').toEqual([])
  expect(log.requests.filter((u) => !isLocal(u, origin)), 'non-local requests').toEqual([])
  expect(log.failed, 'failed requests').toEqual([])
  expect(log.pageErrors, 'uncaught page errors').toEqual([])
  expect(log.consoleErrors, 'console errors').toEqual([])
}

export interface NetworkGuard {
  /** the origin of the site under test (set before each test) */
  readonly origin: string
  /** the network log of the test's own page */
  readonly log: NetworkLog
  /** records another page of the test too (checked after it like the first) */
  watch(page: Page, context: BrowserContext): Promise<NetworkLog>
}

/**
 * Records the network of each test's page before it runs (recordNetwork) and asserts afterwards that nothing
 * left the origin and nothing logged an error (expectCleanNetwork). Call once at the top of a spec file.
 */
export function guardNetwork(): NetworkGuard {
  let origin = ''
  let logs: NetworkLog[] = []
  test.beforeEach(async ({ page, context, baseURL }) => {
    origin = new URL(baseURL!).origin
    logs = [await recordNetwork(page, context, origin)]
  })
  test.afterEach(() => {
    for (const log of logs) expectCleanNetwork(log, origin)
  })
  return {
    get origin() {
      return origin
    },
    get log() {
      return logs[0]
    },
    async watch(page, context) {
      const log = await recordNetwork(page, context, origin)
      logs.push(log)
      return log
    },
  }
}

/** the IndexedDB database, object store and key the sandbox page saves into (src/lib/storage) */
export const SAVE_DB = { name: 'registry-workshop', version: 1, store: 'sandboxes', sandboxKey: 'sandbox:minimal' }

/** one request on the page's save store, run in the page: `get` resolves to the record (undefined when none) */
type SaveStoreOp = { kind: 'get'; key: string } | { kind: 'put'; key: string; value: unknown } | { kind: 'clear' }

function inSaveStore(page: Page, op: SaveStoreOp): Promise<unknown> {
  return page.evaluate(
    ({ db, op }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(db.name, db.version)
        open.onupgradeneeded = () => open.result.createObjectStore(db.store)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const conn = open.result
          const tx = conn.transaction(db.store, op.kind === 'get' ? 'readonly' : 'readwrite')
          const store = tx.objectStore(db.store)
          const req = op.kind === 'get' ? store.get(op.key) : op.kind === 'put' ? store.put(op.value, op.key) : store.clear()
          tx.oncomplete = () => {
            conn.close()
            resolve(op.kind === 'get' ? req.result : undefined)
          }
          tx.onabort = () => reject(tx.error ?? req.error)
        }
      }),
    { db: SAVE_DB, op },
  )
}

/** reads the page's saved sandbox record (undefined when there is none) */
export async function readSavedRecord(page: Page, key = SAVE_DB.sandboxKey): Promise<unknown> {
  return inSaveStore(page, { kind: 'get', key })
}

/** replaces the page's saved sandbox record with `value` (anything, garbage included) */
export async function writeSavedRecord(page: Page, value: unknown, key = SAVE_DB.sandboxKey): Promise<void> {
  await inSaveStore(page, { kind: 'put', key, value })
}

/** waits until the saved record's scrollback contains `text` (the save after a command has committed) */
export async function waitForSaved(page: Page, text: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const rec = (await readSavedRecord(page)) as { scrollback?: string[] } | undefined
        return (rec?.scrollback ?? []).join('\n').includes(text)
      },
      { timeout, message: `the saved record never contained ${JSON.stringify(text)}` },
    )
    .toBe(true)
}

/** opens a lab (`#/lab/<id>`, with `?speed=N` when given) and waits for its terminal's prompt */
export async function openLab(page: Page, id: string, speed?: number): Promise<void> {
  await page.goto(`./#/lab/${id}${speed !== undefined ? `?speed=${speed}` : ''}`)
  await expect(page.getByTestId('terminal')).toBeVisible()
  await waitForScreen(page, /[$#] *$/m)
  await focusTerminal(page)
}

/** the `data-status` of a lab step */
export function stepStatus(page: Page, stepId: string) {
  return page.locator(`[data-testid="step"][data-step-id="${stepId}"]`)
}

/** waits until a lab step has `status` (todo, current, done) */
export async function expectStep(page: Page, stepId: string, status: 'todo' | 'current' | 'done', timeout = 10_000): Promise<void> {
  await expect(stepStatus(page, stepId)).toHaveAttribute('data-status', status, { timeout })
}

/** deletes every saved record (sandboxes, labs, imported labs) */
export async function clearSaved(page: Page): Promise<void> {
  await inSaveStore(page, { kind: 'clear' })
}
