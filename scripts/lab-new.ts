/**
 * `npm run lab:new -- ID [--scenario NAME]`: scaffolds labs/ID/ with a lab.yaml (one step that labs:verify
 * passes) and its instructions, ready to edit.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SCENARIOS } from '../simulator/scenarios'

const USAGE = 'usage: npm run lab:new -- ID [--scenario NAME]   (ID: lower-case letters, digits and dashes)'

/** The scaffold's files, by name. */
export function scaffold(id: string, scenario: string): Record<string, string> {
  const title = id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')
  return {
    'lab.yaml': `# yaml-language-server: $schema=../../simulator/labs/lab.schema.json
id: ${id}
title: ${title}
summary: One sentence that tells the trainee what they will be able to do.
order: 100
duration: 10
level: beginner
scenario: ${scenario}
steps:
  - id: make-project
    title: Create a project
    file: 01-make-project.md
    checks:
      - exists: { resource: namespaces, name: ${id}-demo }
        message: There is no project called ${id}-demo yet.
    hints:
      - "\`oc new-project NAME\` creates a project and switches to it."
    solution: |
      oc new-project ${id}-demo
`,
    '01-make-project.md': `Create a project for your work:

\`\`\`sh
oc new-project ${id}-demo
\`\`\`
`,
  }
}

/** The lab id and scenario of `lab:new`'s arguments, or what is wrong with them (the scenario must exist). */
export function parseArgs(argv: string[]): { id: string; scenario: string } | { error: string } {
  const args = [...argv]
  let scenario = 'minimal'
  const s = args.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='))
  if (s >= 0) {
    const [flag] = args.splice(s, 1)
    const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : args.splice(s, 1)[0]
    const known = SCENARIOS.map((x) => x.name)
    if (value === undefined || value === '' || value.startsWith('-')) return { error: `--scenario needs a scenario name: ${known.join(', ')}` }
    if (!known.includes(value)) return { error: `unknown scenario "${value}"; scenarios: ${known.join(', ')}` }
    scenario = value
  }
  const id = args[0]
  if (!id || args.length > 1 || !/^[a-z0-9][a-z0-9-]*$/.test(id)) return { error: USAGE }
  return { id, scenario }
}

function main(): void {
  const parsed = parseArgs(process.argv.slice(2))
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error === USAGE ? '' : 'lab:new: '}${parsed.error}\n`)
    process.exit(2)
  }
  const { id, scenario } = parsed
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'labs', id)
  if (existsSync(dir)) {
    process.stderr.write(`lab:new: labs/${id} already exists\n`)
    process.exit(1)
  }
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(scaffold(id, scenario))) writeFileSync(join(dir, name), text)
  process.stdout.write(`created labs/${id}/lab.yaml and labs/${id}/01-make-project.md\ncheck it with: npm run --silent labs:verify -- ${id}\n`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
