/**
 * `npm run --silent sim -- --scenario NAME [--seed N] [--nodes N] [--fault ID]... [--json]`: runs the shell
 * script on standard input against a fresh cluster and prints the transcript (or a JSON array).
 */
import { readFileSync } from 'node:fs'
import { formatTranscript, RunnerError, runScript, checkOptions, type RunOptions } from '../simulator/runner/run-script'

function usage(msg: string): never {
  process.stderr.write(`sim: ${msg}\nusage: npm run --silent sim -- --scenario NAME [--seed N] [--nodes N] [--fault ID]... [--json] < script.sh\n`)
  process.exit(2)
}

function parseArgs(argv: string[]): RunOptions & { json: boolean } {
  const opts: RunOptions & { json: boolean } = { scenario: '', faults: [], json: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) usage(`${a} needs a value`)
      return v
    }
    const int = (v: string) => {
      if (!/^\d+$/.test(v)) usage(`${a} needs a non-negative integer, got "${v}"`)
      return parseInt(v, 10)
    }
    if (a === '--scenario') opts.scenario = value()
    else if (a.startsWith('--scenario=')) opts.scenario = a.slice(11)
    else if (a === '--seed') opts.seed = int(value())
    else if (a === '--nodes') opts.nodes = int(value())
    else if (a === '--fault') opts.faults!.push(value())
    else if (a === '--json') opts.json = true
    else usage(`unknown argument "${a}"`)
  }
  if (!opts.scenario) usage('--scenario is required')
  return opts
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2))
  try {
    checkOptions(opts)
  } catch (e) {
    if (e instanceof RunnerError) usage(e.message)
    throw e
  }
  let script: string
  try {
    script = readFileSync(0, 'utf8')
  } catch (e) {
    usage(`cannot read the script from standard input: ${(e as Error).message}`)
  }
  const results = await runScript(script, opts)
  if (opts.json) {
    const out = results.map(({ command, stdout, stderr, exitCode, time }) => ({ command, stdout, stderr, exitCode, time }))
    process.stdout.write(JSON.stringify(out, null, 2) + '\n')
  } else {
    process.stdout.write(formatTranscript(results))
  }
}

main().catch((e) => {
  process.stderr.write(`sim: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`)
  process.exit(1)
})
