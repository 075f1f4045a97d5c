/**
 * `npm run --silent labs:verify [-- ID...]`: loads every lab under labs/ (schema errors, an unknown scenario
 * included, with file and line), replays each from its scenario and proves every step's checks fail before its
 * solution and pass after (and that no single check already holds, unless it says why with `alreadyMetOk`).
 * Prints one line per lab; exits 1 on any failure.
 */
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { labIds } from '../simulator/labs/loader'
import { runVerify } from '../simulator/labs/report'
import { nodeSource } from './lab-source-node'

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const rootArg = args.indexOf('--root')
  const root = rootArg >= 0 ? args.splice(rootArg, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..', 'labs')
  const source = nodeSource(root)
  const known = labIds(source)
  const unknown = args.filter((id) => !known.includes(id))
  if (unknown.length) {
    process.stderr.write(`labs:verify: no lab ${unknown.map((u) => `"${u}"`).join(', ')}; labs: ${known.join(', ') || '(none)'}\n`)
    process.exit(2)
  }
  const elapsed = async (fn: () => Promise<void>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  const lines = await runVerify(source, { ids: args.length ? args : undefined, root: rootArg >= 0 ? `${root.replace(/\/$/, '')}/` : 'labs/', elapsed })
  for (const l of lines) process.stdout.write(`${l.text}\n`)
  if (lines.length === 0) process.stdout.write('no labs found\n')
  process.exit(lines.some((l) => l.failed) ? 1 : 0)
}

void main()
