/**
 * `npm run bench`: measures the simulator headless (commands per second and latency of `oc get pods -A`,
 * `oc describe`, `oc patch` on scenarios with extra nodes; reconcile cost per virtual minute; heap) and prints
 * a table; the JSON goes to bench-results/latest.json. Figures are reported, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createRunSession } from '../simulator/runner/run-script'
import type { ClusterSession } from '../simulator/session'

interface Row {
  scenario: string
  extraNodes: number
  objects: number
  buildMs: number
  command: string
  runs: number
  perSecond: number
  p50Ms: number
  p95Ms: number
}

const sink = { write: () => {} }

async function timeCommand(session: ClusterSession, command: string, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const ac = new AbortController()
    const t0 = performance.now()
    await session.execute(command, { stdout: sink, stderr: sink, signal: ac.signal })
    times.push(performance.now() - t0)
  }
  return times
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

function heapMB(): number {
  const g = globalThis as { gc?: () => void }
  g.gc?.()
  return process.memoryUsage().heapUsed / 1048576
}

async function main(): Promise<void> {
  const scenario = process.env.BENCH_SCENARIO ?? 'minimal'
  const sizes = (process.env.BENCH_NODES ?? '10,100,1000').split(',').map(Number)
  const rows: Row[] = []
  const reconcile: { extraNodes: number; msPerVirtualMinute: number; heapMB: number }[] = []
  for (const n of sizes) {
    const before = heapMB()
    const t0 = performance.now()
    const session = createRunSession({ scenario, seed: 1, nodes: n })
    const buildMs = performance.now() - t0
    const objects = Object.values(session.cluster.api.store.snapshot().objects).reduce((s, byNs) => s + Object.values(byNs).reduce((a, items) => a + Object.keys(items).length, 0), 0)
    const pod = session.cluster.api.query('pods', { namespace: 'openshift-image-registry' })[0]?.metadata.name ?? 'x'
    const commands = [
      'oc get pods -A',
      `oc describe pod ${pod} -n openshift-image-registry`,
      `oc patch deployment cluster-image-registry-operator -n openshift-image-registry --type merge -p '{"metadata":{"annotations":{"bench":"x"}}}'`,
      'oc get nodes node-does-not-matter-0',
    ]
    for (const command of commands) {
      const runs = n >= 1000 ? 20 : 50
      await timeCommand(session, command, 3)
      const times = await timeCommand(session, command, runs)
      const total = times.reduce((a, b) => a + b, 0)
      rows.push({ scenario, extraNodes: n, objects, buildMs, command: command.split(' ').slice(0, 4).join(' ').slice(0, 30), runs, perSecond: (runs * 1000) / total, p50Ms: pct(times, 50), p95Ms: pct(times, 95) })
    }
    const t1 = performance.now()
    session.advance(10 * 60_000)
    const msPerMin = (performance.now() - t1) / 10
    reconcile.push({ extraNodes: n, msPerVirtualMinute: msPerMin, heapMB: heapMB() - before })
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`
  console.log(`Simulator benchmark (${machine})\n`)
  console.log('extra nodes  objects  build ms  command                         runs   cmd/s    p50 ms   p95 ms')
  for (const r of rows) {
    console.log(
      `${String(r.extraNodes).padStart(11)}  ${String(r.objects).padStart(7)}  ${r.buildMs.toFixed(0).padStart(8)}  ${r.command.padEnd(30)}  ${String(r.runs).padStart(4)}  ${r.perSecond.toFixed(1).padStart(7)}  ${r.p50Ms.toFixed(2).padStart(7)}  ${r.p95Ms.toFixed(2).padStart(7)}`,
    )
  }
  console.log('\nextra nodes  reconcile ms per virtual minute  heap MB (after GC, growth)')
  for (const r of reconcile) console.log(`${String(r.extraNodes).padStart(11)}  ${r.msPerVirtualMinute.toFixed(2).padStart(31)}  ${r.heapMB.toFixed(1).padStart(10)}`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/latest.json', JSON.stringify({ machine, scenario, rows, reconcile }, null, 2))
  console.log('\nwritten: bench-results/latest.json')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
