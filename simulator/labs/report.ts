/** labs:verify's report: loads labs from a source, replays each, and renders one line per lab. */
import { loadLabs } from './loader'
import type { LabSource } from './source'
import type { LabProblem } from './types'
import { verifyLab } from './verify'

/** One printed line and whether it counts as a failure. */
export interface VerifyLine {
  id: string
  text: string
  failed: boolean
}

/** `labs/<file>:<line>: <message>`, as editors and CI logs link them. */
export function formatProblem(root: string, p: LabProblem): string {
  return `${root}${p.file}:${p.line}: ${p.message}`
}

/**
 * Loads and replays the labs of `source` (all, or `ids`); `elapsed` measures wall time around each lab (the
 * caller's clock, since the engine has none). `root` prefixes file names in problem lines.
 */
export async function runVerify(source: LabSource, opts: { ids?: string[]; root?: string; elapsed?: (fn: () => Promise<void>) => Promise<number> } = {}): Promise<VerifyLine[]> {
  const root = opts.root ?? 'labs/'
  const elapsed = opts.elapsed ?? (async (fn) => (await fn(), 0))
  const lines: VerifyLine[] = []
  for (const loaded of loadLabs(source, opts.ids)) {
    if (!loaded.lab) {
      const detail = loaded.problems.map((p) => `\n  ${formatProblem(root, p)}`).join('')
      lines.push({ id: loaded.id, text: `FAIL ${loaded.id}: does not load${detail}`, failed: true })
      continue
    }
    const lab = loaded.lab
    let result!: Awaited<ReturnType<typeof verifyLab>>
    const ms = await elapsed(async () => {
      result = await verifyLab(lab)
    })
    if (result.status === 'ok') {
      const variants = result.variants ? `  ${result.variants} variants` : ''
      lines.push({ id: lab.id, text: `ok  ${lab.id}  ${result.steps} steps${variants}  ${Math.round(ms)}ms`, failed: false })
    }
    else lines.push({ id: lab.id, text: `FAIL ${lab.id}${result.step ? ` step ${result.step}` : ''}: ${result.reason}`, failed: true })
  }
  return lines
}
