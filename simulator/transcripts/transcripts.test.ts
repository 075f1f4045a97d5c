/**
 * Golden transcripts: each `*.sh` file under `cases/` is run headless on the scenario named in its first line
 * (`# scenario: NAME`) and its normalised transcript must equal the sibling `*.golden` file in full.
 * Workshop names of generated objects are replaced by live ones through `names.ts` before each command runs.
 * `UPDATE_GOLDEN=1 npx vitest run simulator/transcripts` rewrites the golden files (review the diff).
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRunSession, formatTranscript, runInSession } from '../runner/run-script'
import { substituteNames } from './names'
import { normalise } from './normalise'

const DIR = join(__dirname, 'cases')
const cases = readdirSync(DIR).filter((f) => f.endsWith('.sh')).sort()

describe('golden transcripts', () => {
  for (const file of cases) {
    it(file, async () => {
      const script = readFileSync(join(DIR, file), 'utf8')
      const header = script.match(/^# scenario: (\S+)(?: seed: (\d+))?/)
      if (!header) throw new Error(`${file}: first line must be "# scenario: NAME"`)
      const session = createRunSession({ scenario: header[1], seed: header[2] ? Number(header[2]) : 1 })
      const results = await runInSession(session, script, (c) => substituteNames(c, session.cluster))
      const actual = normalise(formatTranscript(results))
      const goldenPath = join(DIR, file.replace(/\.sh$/, '.golden'))
      if (process.env.UPDATE_GOLDEN || !existsSync(goldenPath)) writeFileSync(goldenPath, actual)
      expect(actual).toBe(readFileSync(goldenPath, 'utf8'))
    })
  }
})
