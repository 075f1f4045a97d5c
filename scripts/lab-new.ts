/**
 * `npm run lab:new -- ID [--scenario NAME]`: scaffolds labs/ID/ with a lab.yaml (one step that labs:verify
 * passes) and its instructions, ready to edit.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

function main(): void {
  const args = process.argv.slice(2)
  const s = args.indexOf('--scenario')
  const scenario = s >= 0 ? args.splice(s, 2)[1] : 'minimal'
  const id = args[0]
  if (!id || args.length > 1 || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    process.stderr.write('usage: npm run lab:new -- ID [--scenario NAME]   (ID: lower-case letters, digits and dashes)\n')
    process.exit(2)
  }
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
