/**
 * The browser half of `npm run bench`: builds the page (`npm run build`, skipped with BENCH_SKIP_BUILD=1), serves
 * the built files with `vite preview` on a free port, and measures in headless Chromium:
 * - time from navigation to the first prompt painted (`]$ ` in `.xterm-rows`, the page's `performance.now()` at
 *   the animation frame that shows it);
 * - the initial download: gzip size (computed here, zlib level 6) of every response the page received before it;
 * - keystroke → echo: a keydown listener's `performance.now()` to the frame that shows the echoed char (median of 20);
 * - Enter → output of `oc get pods -A`: keydown of Enter to the frame that shows the next prompt;
 * - time to open the editor (`oc edit sc gp2-csi` → `[data-testid="editor"]` visible), when the page has one;
 * - JS heap after an hour of virtual time (`?speed=3600`, ~1.2 s wall clock; gc() first).
 * Every phase runs in a fresh browser context (the page allows one tab per sandbox and restores saved state).
 * Runs alone too: `node --import tsx scripts/bench-browser.ts` prints the figures as JSON.
 */
// Code passed to page.evaluate runs in the browser; these names exist there, not in this Node program.
declare const document: any
declare const window: any
declare const requestAnimationFrame: (cb: (t: number) => void) => number
type HTMLElement = { offsetParent: unknown; getBoundingClientRect(): { width: number; height: number } }
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'

export interface BrowserFigures {
  error?: string
  url: string
  firstPromptMs: number
  /** the same, median of `firstPromptRuns` cold loads */
  firstPromptRunsMs: number[]
  /** median time until xterm shows its prompt (the boot terminal's prompt comes first) */
  terminalReadyMs: number
  initialGzipBytes: number
  initialRawBytes: number
  initialRequests: number
  initialFiles: { url: string; rawBytes: number; gzipBytes: number }[]
  keystrokeEchoMs: { p50: number; p95: number; runs: number }
  enterToOutputMs: { p50: number; p95: number; runs: number }
  /** the scenario the page ran `oc get pods -A` on, and its node count beyond the scenario's own */
  enterScenario: string
  enterExtraNodes: number
  enterNodes: number
  enterPods: number
  frameMs: number
  editorOpenMs: number | null
  editorNote: string
  heapAfterHourMB: number | null
  heapAtStartMB: number | null
  virtualMinutesAdvanced: number | null
  notes: string[]
}

/** the launch arguments of playwright.config.ts, plus precise heap figures and gc() for the heap measure */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHttp(url: string, ms: number): Promise<void> {
  const end = performance.now() + ms
  for (;;) {
    try {
      const r = await fetch(url)
      if (r.ok) return
    } catch {
      /* not up yet */
    }
    if (performance.now() > end) throw new Error(`vite preview did not answer at ${url}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

const median = (xs: number[]) => pct(xs, 50)
function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

/**
 * Page-side helpers: the time of the last keydown, and `__benchWait(kind, arg)`, which resolves with the
 * `performance.now()` of the first animation frame after the terminal's rows satisfy the condition.
 */
const INIT = `
  window.__benchKeydown = 0;
  document.addEventListener('keydown', () => { window.__benchKeydown = performance.now() }, true);
  window.__benchRows = () => Array.from(document.querySelectorAll('.xterm-rows > div')).map((d) => (d.textContent || '').replace(/\\u00a0/g, ' '));
  window.__benchWait = (kind, arg) => new Promise((resolve) => {
    const ok = () => {
      const rows = window.__benchRows();
      if (kind === 'text') return rows.some((r) => r.includes(arg));
      if (kind === 'prompt') {
        const filled = rows.map((r) => r.trimEnd()).filter((r) => r !== '');
        const last = filled[filled.length - 1] || '';
        return last.endsWith(']$') && (arg === '' || rows.join('\\n').includes(arg));
      }
      return false;
    };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      obs.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    };
    const obs = new MutationObserver(() => { if (ok()) finish() });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    if (ok()) finish();
  });
`

interface Loaded {
  promptAt: number
  /** when xterm (the real terminal) showed its prompt, taking over from the boot terminal */
  terminalAt: number
  responses: { url: string; body: Buffer }[]
}

async function loadToPrompt(browser: Browser, url: string, collect: boolean): Promise<{ page: Page; close: () => Promise<void> } & Loaded> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(INIT)
  const page = await context.newPage()
  const pending: Promise<{ url: string; body: Buffer } | null>[] = []
  let open = true
  if (collect) {
    page.on('response', (r) => {
      if (!open) return
      pending.push(r.body().then((body) => ({ url: r.url(), body })).catch(() => null))
    })
  }
  await page.goto(url, { waitUntil: 'commit' })
  // the first prompt the trainee can type at: the boot terminal's (plain DOM, before xterm has loaded) or xterm's
  const handle = await page.waitForFunction(
    () => {
      const rows = document.querySelector('.xterm-rows, [data-boot-prompt]')
      const text = (rows?.textContent ?? '').replace(/\u00a0/g, ' ')
      return text.includes(']$') ? performance.now() : false
    },
    null,
    { polling: 'raf', timeout: 30_000 },
  )
  const promptAt = (await handle.jsonValue()) as number
  open = false
  const responses = (await Promise.all(pending)).filter((x): x is { url: string; body: Buffer } => x !== null)
  const xterm = await page.waitForFunction(
    () => ((document.querySelector('.xterm-rows')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(']$') ? performance.now() : false),
    null,
    { polling: 'raf', timeout: 30_000 },
  )
  const terminalAt = (await xterm.jsonValue()) as number
  return { page, promptAt, terminalAt, responses, close: () => context.close() }
}

async function typeAndWait(page: Page, key: string, kind: 'text' | 'prompt', arg: string): Promise<number> {
  const waiting = page.evaluate(([k, a]) => (window as any).__benchWait(k, a) as Promise<number>, [kind, arg] as const)
  await page.keyboard.press(key)
  const paintedAt = await waiting
  const keydownAt = (await page.evaluate(() => (window as any).__benchKeydown)) as number
  return paintedAt - keydownAt
}

async function runCommand(page: Page, command: string): Promise<string> {
  await page.keyboard.type(command)
  const before = await page.evaluate(() => (window as any).__benchRows().join('\n'))
  void before
  await typeAndWait(page, 'Enter', 'prompt', '')
  return page.evaluate(() => (window as any).__benchRows().join('\n'))
}

/** Runs the browser measures; throws when the page cannot be built, served or loaded. */
/** a line on stderr, so a slow phase shows where it is */
const progress = (what: string) => process.stderr.write(`bench: browser: ${what}…\n`)

export async function runBrowserBench(): Promise<BrowserFigures> {
  const notes: string[] = []
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    const b = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
    if (b.status !== 0) throw new Error(`npm run build failed: ${(b.stderr ?? '').slice(-2000)}`)
  }
  const port = await freePort()
  const base = `http://localhost:${port}/`
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', 'localhost'], { stdio: 'ignore', detached: true })
  let browser: Browser | undefined
  try {
    await waitForHttp(base, 30_000)
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS, headless: true })
    const url = `${base}#/sandbox`

    // 1. cold loads: first prompt and what was downloaded before it
    progress('cold loads to the first prompt')
    const firstRuns: number[] = []
    const terminalRuns: number[] = []
    let initial: Loaded | undefined
    // one load first, not counted: the first page a freshly launched browser opens is slower for the browser's sake
    await (await loadToPrompt(browser, url, false)).close()
    for (let i = 0; i < 5; i++) {
      const l = await loadToPrompt(browser, url, i === 0)
      firstRuns.push(l.promptAt)
      terminalRuns.push(l.terminalAt)
      if (i === 0) initial = l
      await l.close()
    }
    const files = (initial?.responses ?? []).map((r) => ({ url: r.url.replace(base, '/'), rawBytes: r.body.length, gzipBytes: r.body.length ? gzipSync(r.body, { level: 6 }).length : 0 }))
    notes.push(`first prompt: ${firstRuns.map((x) => x.toFixed(0)).join(', ')} ms over ${firstRuns.length} cold loads (fresh context each; median reported)`)
    notes.push(`xterm's prompt (the terminal taking over from the boot terminal): ${terminalRuns.map((x) => x.toFixed(0)).join(', ')} ms (median ${median(terminalRuns).toFixed(0)})`)
    notes.push(`initial download: ${files.length} responses, ${files.map((x) => `${x.url} ${(x.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}`)

    // 2. keystrokes and Enter → output, on the largest scenario the page offers
    progress('keystrokes and Enter → output on the large sandbox')
    const bigUrl = `${base}#/sandbox?scenario=aws&nodes=${process.env.BENCH_BROWSER_NODES ?? 1000}`
    const page1 = await loadToPrompt(browser, bigUrl, false)
    const page = page1.page
    // the prompt is painted before the simulator has built the (large) cluster: wait for the cluster clock
    await page.waitForSelector('[data-testid="clock"][datetime]', { timeout: 120_000 })
    await page.locator('.xterm-helper-textarea').focus()
    progress('frame interval')
    // a string, not a function: tsx's keepNames would wrap the inner arrow in a `__name` helper the page lacks
    const frameMs = (await page.evaluate(`new Promise((resolve) => {
      const ts = [];
      const step = (t) => { ts.push(t); if (ts.length < 31) requestAnimationFrame(step); else resolve((ts[30] - ts[0]) / 30) };
      requestAnimationFrame(step);
    })`)) as number
    progress('keystroke echo')
    const echoes: number[] = []
    let typed = ''
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    for (let i = 0; i < 24; i++) {
      const ch = letters[i % letters.length]
      typed += ch
      const ms = await typeAndWait(page, ch, 'text', `]$ ${typed}`)
      if (i >= 4) echoes.push(ms) // the first few warm up the JIT
    }
    await page.keyboard.press('Control+C')
    await page.evaluate(() => (window as any).__benchWait('prompt', ''))
    // the page titles a sandbox on another scenario `Sandbox (<scenario>)`
    const heading = (await page.locator('body').textContent().catch(() => '')) ?? ''
    const scenarioMatch = /Sandbox \(([a-z0-9.-]+)\)/.exec(heading)
    const enterScenario = scenarioMatch ? scenarioMatch[1] : 'minimal (the page default)'
    progress('Enter → output')
    const nodesText = await runCommand(page, 'oc get nodes --no-headers | wc -l')
    const podsText = await runCommand(page, 'oc get pods -A --no-headers | wc -l')
    const lastNumber = (t: string) => Number([...t.matchAll(/^\s*(\d+)\s*$/gm)].pop()?.[1] ?? NaN)
    const enterNodes = lastNumber(nodesText)
    const enterPods = lastNumber(podsText)
    const enterExtraNodes = scenarioMatch ? Math.max(0, enterNodes - 6) : 0
    if (!scenarioMatch) notes.push(`the page cannot choose a scenario with extra nodes (tried ${bigUrl.replace(base, '/')}): Enter → output is measured on its default scenario (${enterNodes} nodes, ${enterPods} pods)`)
    const enters: number[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Control+L').catch(() => {})
      await page.keyboard.type('oc get pods -A')
      // the next prompt is painted after the last line of output (at 1000 nodes the header has scrolled away)
      const ms = await typeAndWait(page, 'Enter', 'prompt', '')
      if (i >= 2) enters.push(ms)
    }
    notes.push(`frame: ${frameMs.toFixed(1)} ms (headless Chromium's requestAnimationFrame interval)`)

    // 3. the editor
    progress('opening the editor')
    let editorOpenMs: number | null = null
    let editorNote = ''
    {
      await page.keyboard.type('oc edit sc gp2-csi')
      await page.keyboard.press('Enter')
      const keydownAt = (await page.evaluate(() => (window as any).__benchKeydown)) as number
      try {
        const h = await page.waitForFunction(
          () => {
            const el = document.querySelector('[data-testid="editor"]') as HTMLElement | null
            return el && el.offsetParent !== null && el.getBoundingClientRect().height > 0 ? performance.now() : false
          },
          null,
          { polling: 'raf', timeout: 8_000 },
        )
        editorOpenMs = ((await h.jsonValue()) as number) - keydownAt
        editorNote = 'oc edit → [data-testid="editor"] visible'
      } catch {
        const rows = (await page.evaluate(() => (window as any).__benchRows().join('\n'))) as string
        const last = rows.split('\n').map((r) => r.trim()).filter(Boolean).slice(-2).join(' / ')
        editorNote = `no [data-testid="editor"] within 8 s (terminal: ${last.slice(0, 120)})`
      }
    }
    await page1.close()

    // 4. heap after an hour of virtual time
    progress('heap after an hour of virtual time')
    let heapAfterHourMB: number | null = null
    let heapAtStartMB: number | null = null
    let virtualMinutesAdvanced: number | null = null
    {
      const l = await loadToPrompt(browser, `${base}#/sandbox?speed=3600&scenario=aws&nodes=1000`, false)
      const heap = () =>
        l.page.evaluate(() => {
          ;(window as any).gc?.()
          const m = (performance as any).memory
          return m ? (m.usedJSHeapSize as number) / 1048576 : null
        })
      const clock = () => l.page.evaluate(() => document.querySelector('[data-testid="clock"]')?.getAttribute('datetime') ?? null)
      // the prompt is painted before the simulator has loaded: wait for the cluster clock
      await l.page.waitForSelector('[data-testid="clock"][datetime]', { timeout: 30_000 })
      heapAtStartMB = await heap()
      const c0 = await clock()
      await l.page.waitForTimeout(1_200)
      const c1 = await clock()
      heapAfterHourMB = await heap()
      if (c0 && c1) virtualMinutesAdvanced = (Date.parse(c1) - Date.parse(c0)) / 60_000
      notes.push(`heap: ${heapAtStartMB?.toFixed(1)} MB at the first prompt, ${heapAfterHourMB?.toFixed(1)} MB after ${virtualMinutesAdvanced?.toFixed(0) ?? '?'} virtual minutes at ?speed=3600 (usedJSHeapSize after gc())`)
      await l.close()
    }

    return {
      url,
      firstPromptMs: median(firstRuns),
      firstPromptRunsMs: firstRuns,
      terminalReadyMs: median(terminalRuns),
      initialGzipBytes: files.reduce((a, x) => a + x.gzipBytes, 0),
      initialRawBytes: files.reduce((a, x) => a + x.rawBytes, 0),
      initialRequests: files.length,
      initialFiles: files,
      keystrokeEchoMs: { p50: median(echoes), p95: pct(echoes, 95), runs: echoes.length },
      enterToOutputMs: { p50: median(enters), p95: pct(enters, 95), runs: enters.length },
      enterScenario,
      enterExtraNodes,
      enterNodes,
      enterPods,
      frameMs,
      editorOpenMs,
      editorNote,
      heapAfterHourMB,
      heapAtStartMB,
      virtualMinutesAdvanced,
      notes,
    }
  } finally {
    await browser?.close().catch(() => {})
    if (server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM')
      } catch {
        /* already gone */
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBrowserBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
