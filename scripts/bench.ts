/**
 * `npm run bench`: measures the simulator headless and the built page in headless Chromium, prints one table with
 * the targets of issue 7 next to the figures, and writes bench-results/latest.json. Figures are reported, never
 * asserted.
 *
 * Headless: commands per second and p50/p95 latency of `oc get pods -A`, `oc describe pod`, `oc patch` (merge patch
 * of the registry config, alternating values so every run changes it) and a single-object `oc get node <name>` on
 * the scenario `aws` (BENCH_SCENARIO) with 10, 100 and 1000 (BENCH_NODES) extra worker nodes; the cost ratio
 * between sizes; reconcile cost per virtual minute; heap used after GC; the build time of every scenario.
 * Browser: `scripts/bench-browser.ts` (skipped with BENCH_BROWSER=0).
 *
 * Environment: BENCH_SCENARIO, BENCH_NODES (comma list), BENCH_RUNS (runs per command), BENCH_BROWSER=0,
 * CHROMIUM_PATH.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createRunSession } from '../simulator/runner/run-script'
import { SCENARIOS } from '../simulator/scenarios'
import type { ClusterSession } from '../simulator/session'
import type { BrowserFigures } from './bench-browser'

interface Row {
  scenario: string
  extraNodes: number
  nodes: number
  pods: number
  objects: number
  buildMs: number
  command: string
  label: string
  runs: number
  perSecond: number
  p50Ms: number
  p95Ms: number
  maxMs: number
}

interface SizeFigures {
  extraNodes: number
  nodes: number
  pods: number
  objects: number
  buildMs: number
  /** median wall time of `session.advance(60_000)` over several virtual minutes */
  reconcileMsPerVirtualMinute: number
  reconcileMaxMsPerVirtualMinute: number
  /** process heap after GC with only this session alive */
  heapUsedMB: number
  /** the part of that heap the session holds (heap minus the heap before it was built) */
  sessionHeapMB: number
}

const sink = { write: () => {} }

async function timeCommand(session: ClusterSession, command: string | ((i: number) => string), runs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const text = typeof command === 'string' ? command : command(i)
    const ac = new AbortController()
    const t0 = performance.now()
    await session.execute(text, { stdout: sink, stderr: sink, signal: ac.signal })
    times.push(performance.now() - t0)
  }
  return times
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}

function gc(): void {
  const g = globalThis as { gc?: () => void }
  if (!g.gc) return
  for (let i = 0; i < 3; i++) g.gc()
}

function heapMB(): number {
  gc()
  return process.memoryUsage().heapUsed / 1048576
}

function countObjects(session: ClusterSession): number {
  const objects = session.cluster.api.store.snapshot().objects
  let n = 0
  for (const byNs of Object.values(objects)) for (const items of Object.values(byNs)) n += Object.keys(items).length
  return n
}

function machine(): { cpu: string; cores: number; memoryGB: number; node: string; platform: string } {
  let cpu = cpus()[0]?.model ?? 'unknown cpu'
  try {
    // some VMs report a bare family name to Node; /proc/cpuinfo is no better there, but try it
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (m && m[1].length > cpu.length) cpu = m[1].trim()
  } catch {
    /* not Linux */
  }
  return { cpu, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` }
}

async function benchSize(scenario: string, n: number, runsBase: number): Promise<{ rows: Row[]; size: SizeFigures }> {
  const before = heapMB()
  const t0 = performance.now()
  let session: ClusterSession | undefined = createRunSession({ scenario, seed: 1, nodes: n })
  const buildMs = performance.now() - t0
  const objects = countObjects(session)
  const nodes = session.cluster.api.store.count('nodes')
  const pods = session.cluster.api.store.count('pods')
  const registryPods = session.cluster.api.store.list('pods', 'openshift-image-registry')
  const pod = (registryPods.find((p) => p.metadata.labels?.['docker-registry'] === 'default') ?? registryPods[0])?.metadata.name ?? 'missing'
  const allNodes = session.cluster.api.store.list('nodes')
  const node = allNodes[Math.floor(allNodes.length / 2)]?.metadata.name ?? 'missing'
  const commands: { label: string; command: string | ((i: number) => string); shown: string }[] = [
    { label: 'get pods -A', command: 'oc get pods -A', shown: 'oc get pods -A' },
    { label: 'describe pod', command: `oc describe pod ${pod} -n openshift-image-registry`, shown: `oc describe pod ${pod} -n openshift-image-registry` },
    {
      label: 'patch config',
      // alternate 3 and 2 replicas so every run is a real change (the operator then scales the registry)
      command: (i) => `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":${i % 2 === 0 ? 3 : 2}}}'`,
      shown: `oc patch configs.imageregistry.operator.openshift.io cluster --type merge -p '{"spec":{"replicas":3|2}}'`,
    },
    { label: 'get node <name>', command: `oc get node ${node}`, shown: `oc get node ${node}` },
  ]
  const rows: Row[] = []
  for (const c of commands) {
    const runs = n >= 1000 ? Math.max(10, Math.round(runsBase / 2)) : runsBase
    await timeCommand(session, c.command, 4) // warm-up (JIT, caches); even so the patch keeps alternating
    const times = await timeCommand(session, c.command, runs)
    const total = times.reduce((a, b) => a + b, 0)
    rows.push({ scenario, extraNodes: n, nodes, pods, objects, buildMs, command: c.shown, label: c.label, runs, perSecond: (runs * 1000) / total, p50Ms: pct(times, 50), p95Ms: pct(times, 95), maxMs: Math.max(...times) })
  }
  // reconcile: one virtual minute at a time, after the patches above settled
  session.advance(60_000)
  const minutes: number[] = []
  for (let i = 0; i < 10; i++) {
    const t1 = performance.now()
    session.advance(60_000)
    minutes.push(performance.now() - t1)
  }
  const heapUsedMB = heapMB()
  const size: SizeFigures = {
    extraNodes: n,
    nodes,
    pods,
    objects,
    buildMs,
    reconcileMsPerVirtualMinute: pct(minutes, 50),
    reconcileMaxMsPerVirtualMinute: Math.max(...minutes),
    heapUsedMB,
    sessionHeapMB: heapUsedMB - before,
  }
  session = undefined
  void session
  return { rows, size }
}

function buildTimes(): { scenario: string; buildMs: number; objects: number }[] {
  const out: { scenario: string; buildMs: number; objects: number }[] = []
  for (const s of SCENARIOS) {
    const t0 = performance.now()
    const session = createRunSession({ scenario: s.name, seed: 1 })
    out.push({ scenario: s.name, buildMs: performance.now() - t0, objects: countObjects(session) })
  }
  return out
}

const f = (v: number | undefined | null, digits = 1) => (v === undefined || v === null || !Number.isFinite(v) ? 'n/a' : v.toFixed(digits))

interface TargetRow {
  what: string
  target: string
  figure: string
  met: 'yes' | 'no' | 'n/a'
}

function targetTable(sizes: SizeFigures[], rows: Row[], browser: BrowserFigures | undefined): TargetRow[] {
  const largest = sizes[sizes.length - 1]
  const smallest = sizes[0]
  const at = (n: number, label: string) => rows.find((r) => r.extraNodes === n && r.label === label)
  const out: TargetRow[] = []
  const met = (ok: boolean | undefined): TargetRow['met'] => (ok === undefined ? 'n/a' : ok ? 'yes' : 'no')
  const b = browser && !browser.error ? browser : undefined
  out.push({ what: 'first prompt painted (built files)', target: '< 200 ms', figure: b ? `${f(b.firstPromptMs, 0)} ms` : 'not measured', met: met(b ? b.firstPromptMs < 200 : undefined) })
  out.push({ what: "xterm's prompt (takes over)", target: '(report)', figure: b ? `${f(b.terminalReadyMs, 0)} ms` : 'not measured', met: 'n/a' })
  out.push({ what: 'initial download (gzip, before prompt)', target: '< 120 KB', figure: b ? `${f(b.initialGzipBytes / 1024)} KB (${b.initialRequests} requests)` : 'not measured', met: met(b ? b.initialGzipBytes < 120 * 1024 : undefined) })
  out.push({ what: 'keystroke → echo (median of 20)', target: '(report)', figure: b ? `${f(b.keystrokeEchoMs.p50)} ms (p95 ${f(b.keystrokeEchoMs.p95)})` : 'not measured', met: 'n/a' })
  out.push({
    what: `Enter → output, oc get pods -A (page: ${b?.enterScenario ?? '?'})`,
    target: '≤ 2 frames at 1000 extra nodes',
    figure: b ? `${f(b.enterToOutputMs.p50)} ms = ${f(b.enterToOutputMs.p50 / b.frameMs)} frames (p95 ${f(b.enterToOutputMs.p95)} ms)` : 'not measured',
    met: b && b.enterExtraNodes >= 1000 ? met(b.enterToOutputMs.p50 <= 2 * b.frameMs) : 'n/a',
  })
  out.push({ what: 'open the editor (oc edit sc gp2-csi)', target: '(report)', figure: b ? (b.editorOpenMs === null ? `not available: ${b.editorNote}` : `${f(b.editorOpenMs, 0)} ms`) : 'not measured', met: 'n/a' })
  out.push({ what: `heap after 1 h virtual time (page: ${b?.enterScenario ?? '?'})`, target: '(report)', figure: b ? (b.heapAfterHourMB === null ? 'n/a (no performance.memory)' : `${f(b.heapAfterHourMB)} MB (virtual ${f(b.virtualMinutesAdvanced, 0)} min)`) : 'not measured', met: 'n/a' })
  for (const label of ['get pods -A', 'describe pod', 'patch config']) {
    const r = at(largest.extraNodes, label)
    out.push({ what: `simulator time, ${label} @ ${largest.extraNodes}`, target: '< 5 ms p95', figure: r ? `${f(r.p95Ms, 2)} ms p95 (p50 ${f(r.p50Ms, 2)})` : 'n/a', met: met(r ? r.p95Ms < 5 : undefined) })
  }
  const l0 = at(smallest.extraNodes, 'get node <name>')
  const l1 = at(largest.extraNodes, 'get node <name>')
  const lookupRatio = l0 && l1 ? l1.p50Ms / l0.p50Ms : NaN
  out.push({ what: `lookup (get node <name>) ${largest.extraNodes} vs ${smallest.extraNodes}`, target: 'independent of size (~1×)', figure: `${f(lookupRatio, 2)}× (${f(l0?.p50Ms, 3)} → ${f(l1?.p50Ms, 3)} ms p50)`, met: met(Number.isFinite(lookupRatio) ? lookupRatio < 2 : undefined) })
  const g0 = at(smallest.extraNodes, 'get pods -A')
  const g1 = at(largest.extraNodes, 'get pods -A')
  const costRatio = g0 && g1 ? g1.p50Ms / g0.p50Ms : NaN
  const podRatio = largest.pods / smallest.pods
  out.push({ what: `listing (get pods -A) ${largest.extraNodes} vs ${smallest.extraNodes}`, target: `cost ∝ pods listed (≤ ${f(podRatio)}×)`, figure: `${f(costRatio)}× cost for ${f(podRatio)}× pods (${smallest.pods} → ${largest.pods})`, met: met(Number.isFinite(costRatio) ? costRatio <= podRatio * 1.25 : undefined) })
  out.push({ what: `heap after GC @ ${largest.extraNodes} (session only)`, target: '< 20 MB', figure: `${f(largest.sessionHeapMB)} MB (process ${f(largest.heapUsedMB)} MB)`, met: met(largest.sessionHeapMB < 20) })
  out.push({ what: `reconcile per virtual minute @ ${largest.extraNodes}`, target: '(report)', figure: `${f(largest.reconcileMsPerVirtualMinute, 2)} ms (max ${f(largest.reconcileMaxMsPerVirtualMinute, 2)})`, met: 'n/a' })
  return out
}

function printTable(headers: string[], data: string[][], alignLeft: number[] = [0]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...data.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (alignLeft.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(line(headers))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of data) console.log(line(r))
}

async function main(): Promise<void> {
  const scenario = process.env.BENCH_SCENARIO ?? 'aws'
  const sizesWanted = (process.env.BENCH_NODES ?? '10,100,1000').split(',').map(Number).sort((a, b) => a - b)
  const runsBase = Number(process.env.BENCH_RUNS ?? 40)
  const m = machine()
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node} (${m.platform})\n`)

  const rows: Row[] = []
  const sizes: SizeFigures[] = []
  for (const n of sizesWanted) {
    process.stderr.write(`bench: ${scenario} with ${n} extra nodes…\n`)
    const r = await benchSize(scenario, n, runsBase)
    rows.push(...r.rows)
    sizes.push(r.size)
  }
  process.stderr.write('bench: scenario build times…\n')
  const builds = buildTimes()

  let browser: BrowserFigures | undefined
  if (process.env.BENCH_BROWSER !== '0') {
    process.stderr.write('bench: browser (npm run build, vite preview, headless Chromium)…\n')
    try {
      const { runBrowserBench } = await import('./bench-browser')
      browser = await runBrowserBench()
    } catch (e) {
      browser = { error: e instanceof Error ? e.message : String(e) } as BrowserFigures
    }
  }

  console.log(`Simulator commands (scenario ${scenario}; simulator time per command includes settling the controllers)\n`)
  printTable(
    ['extra nodes', 'nodes', 'pods', 'objects', 'command', 'runs', 'cmd/s', 'p50 ms', 'p95 ms', 'max ms'],
    rows.map((r) => [String(r.extraNodes), String(r.nodes), String(r.pods), String(r.objects), r.label, String(r.runs), f(r.perSecond), f(r.p50Ms, 3), f(r.p95Ms, 3), f(r.maxMs, 2)]),
    [4],
  )
  console.log('\nCost ratio between sizes (p50, larger ÷ smaller)\n')
  const ratioRows: string[][] = []
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1]
    const b = sizes[i]
    for (const label of ['get pods -A', 'describe pod', 'patch config', 'get node <name>']) {
      const ra = rows.find((r) => r.extraNodes === a.extraNodes && r.label === label)
      const rb = rows.find((r) => r.extraNodes === b.extraNodes && r.label === label)
      if (!ra || !rb) continue
      ratioRows.push([`${a.extraNodes} → ${b.extraNodes}`, label, f(rb.p50Ms / ra.p50Ms, 2), f(b.pods / a.pods, 2), f(b.objects / a.objects, 2)])
    }
  }
  printTable(['sizes', 'command', 'cost ×', 'pods ×', 'objects ×'], ratioRows, [0, 1])
  console.log('\nPer size\n')
  printTable(
    ['extra nodes', 'objects', 'build ms', 'reconcile ms/virtual min (p50)', 'max', 'heap MB after GC (process)', 'session MB'],
    sizes.map((s) => [String(s.extraNodes), String(s.objects), f(s.buildMs, 0), f(s.reconcileMsPerVirtualMinute, 2), f(s.reconcileMaxMsPerVirtualMinute, 2), f(s.heapUsedMB), f(s.sessionHeapMB)]),
  )
  console.log('\nScenario build time (no extra nodes)\n')
  printTable(['scenario', 'build ms', 'objects'], builds.map((b) => [b.scenario, f(b.buildMs, 0), String(b.objects)]))
  if (browser?.error) console.log(`\nBrowser part failed: ${browser.error}`)
  else if (browser) {
    console.log('\nBrowser (built files, headless Chromium)\n')
    for (const note of browser.notes) console.log(`- ${note}`)
  }
  console.log('\nTargets (issue 7)\n')
  const targets = targetTable(sizes, rows, browser)
  printTable(['measure', 'target', 'figure', 'met'], targets.map((t) => [t.what, t.target, t.figure, t.met]), [0, 1, 2])

  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/latest.json', JSON.stringify({ date: new Date().toISOString(), machine: m, scenario, sizes, rows, builds, browser: browser ?? null, targets }, null, 2) + '\n')
  console.log('\nwritten: bench-results/latest.json')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
