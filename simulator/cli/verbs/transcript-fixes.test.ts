/** Client behaviours fixed while reviewing the golden transcripts (simulator/transcripts). */
import { describe, expect, it } from 'vitest'
import { createRunSession, runInSession } from '../../runner/run-script'

async function run(scenario: string, line: string) {
  const s = createRunSession({ scenario })
  const [r] = await runInSession(s, line)
  return r
}

describe('fixes found by the transcripts', () => {
  it('`oc help` and `oc help VERB` work like cobra', async () => {
    const root = await run('minimal', 'oc help')
    expect(root.exitCode).toBe(0)
    expect(root.stdout.startsWith('OpenShift Client\n')).toBe(true)
    const get = await run('minimal', 'oc help get')
    expect(get.stdout).toBe((await run('minimal', 'oc get --help')).stdout)
    const status = await run('minimal', 'oc help rollout status')
    expect(status.stdout).toBe((await run('minimal', 'oc rollout status --help')).stdout)
    const nope = await run('minimal', 'oc help nope')
    expect(nope.stdout.startsWith('Unknown help topic [`nope`]\nOpenShift Client\n')).toBe(true)
  })

  it('custom-columns prints maps and lists with Go %v', async () => {
    const r = await run('minimal', 'oc get nodes master-0 -o custom-columns=N:.metadata.name,T:.spec.taints,X:.nope')
    expect(r.stdout).toBe(
      'N          T                                                             X\n' +
        'master-0   [map[effect:NoSchedule key:node-role.kubernetes.io/master]]   <none>\n',
    )
  })

  it('a type list naming no type is the RESTMapper error, not a crash', async () => {
    for (const line of ['oc rollout restart ,', 'oc get ,', 'oc scale , --replicas=1']) {
      const r = await run('minimal', line)
      expect(r.stderr).toBe('error: the server doesn\'t have a resource type ""\n')
      expect(r.exitCode).toBe(1)
    }
  })

  it('a jsonpath execution error is reported like kubectl, not as an internal error', async () => {
    const r = await run('minimal', `oc get ns default -o jsonpath='{.metadata.name}{A}'`)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(
      /^error: error executing jsonpath "\{\.metadata\.name\}\{A\}": Error executing template: unrecognized identifier A\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.metadata\.name\}\{A\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "kind":"Namespace", /,
    )
  })
})

describe('--sort-by with a bad expression', () => {
  it('prints the table sorter\'s error for tables and the parser\'s own for other formats', async () => {
    const table = await run('minimal', 'oc get nodes --sort-by ]=.metadata.name')
    expect([table.stdout, table.stderr, table.exitCode]).toEqual(['', "error: sorting error: unrecognized character in action: U+005D ']'\n", 1])
    const names = await run('minimal', 'oc get nodes -o name --sort-by ]=.metadata.name')
    expect([names.stdout, names.stderr, names.exitCode]).toEqual(['', "error: unrecognized character in action: U+005D ']'\n", 1])
  })
})
