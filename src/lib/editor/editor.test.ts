import { describe, expect, it } from 'vitest'
import { createSandboxSession } from '../../../simulator/sandbox'
import { BufferStream } from '../../../simulator/shell'
import { schemaResourceKeys, getSchema } from '../../../simulator/api/schema'
import type { ClusterSession } from '../../../simulator/session'
import { attachEditor, createEditorController } from './index'
import { exAction } from './ex-commands'
import { resourceKeyOf, schemaForText, toJsonSchema, typeOf, type JsonSchema } from './schema'

const session = () => createSandboxSession({ scenario: 'minimal', timeMode: 'instant' })

function run(s: ClusterSession, line: string) {
  const stdout = new BufferStream()
  const stderr = new BufferStream()
  const done = s.execute(line, { stdout, stderr, signal: new AbortController().signal })
  return { stdout, stderr, done }
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5))
  expect(cond()).toBe(true)
}

describe('EditorController', () => {
  it('answers an edit request with the saved text, or null on cancel', async () => {
    const c = createEditorController()
    expect(c.open).toBe(false)
    const first = c.port.edit({ path: '/tmp/a.yaml', text: 'a: 1\n', title: 'thing/a' })
    expect(c.open).toBe(true)
    expect(c.path).toBe('/tmp/a.yaml')
    expect(c.title).toBe('thing/a')
    expect(c.text).toBe('a: 1\n')
    c.text = 'a: 2\n'
    expect(c.save()).toBe(true)
    await expect(first).resolves.toBe('a: 2\n')
    expect(c.open).toBe(false)

    const second = c.port.edit({ path: '/tmp/a.yaml', text: 'a: 2\n' })
    expect(c.text).toBe('a: 2\n')
    c.cancel()
    await expect(second).resolves.toBeNull()
    expect(c.open).toBe(false)
  })

  it('handles consecutive requests (a new one cancels one still open)', async () => {
    const c = createEditorController()
    const a = c.port.edit({ path: '/tmp/x.yaml', text: 'x' })
    const idA = c.buffer!.id
    const b = c.port.edit({ path: '/tmp/x.yaml', text: 'y' })
    expect(c.buffer!.id).not.toBe(idA)
    await expect(a).resolves.toBeNull()
    c.save('z')
    await expect(b).resolves.toBe('z')
  })

  it('opens and saves files of the session, relative to the shell cwd', () => {
    const s = session()
    const c = attachEditor(s)
    expect(s.editor).toBe(c.port)
    c.openFile('new/registry.yaml')
    expect(c.path).toBe('/home/you/new/registry.yaml')
    expect(c.text).toBe('')
    c.text = 'kind: ConfigMap\n'
    expect(c.save()).toBe(true)
    expect(s.fs.readFile('/home/you/new/registry.yaml')).toBe('kind: ConfigMap\n')
    c.openFile('/home/you/new/registry.yaml')
    expect(c.text).toBe('kind: ConfigMap\n')
    c.cancel()
    expect(() => c.openFile('/home/you')).toThrow(/directory/)
  })

  it('follows vi: :w writes and stays open, :q refuses unwritten changes, oc edit gets what was written on quit', async () => {
    const c = createEditorController()
    const req = c.port.edit({ path: '/tmp/a.yaml', text: 'a: 1\n' })
    c.text = 'a: 2\n'
    expect(c.modified).toBe(true)
    expect(c.quit()).toBe(false) // E37: no write since last change
    expect(c.write()).toBe(true)
    expect(c.open).toBe(true)
    expect(c.modified).toBe(false)
    c.text = 'a: 3\n'
    c.cancel() // :q! drops a: 3, but a: 2 was written: oc reads its file when the editor exits
    await expect(req).resolves.toBe('a: 2\n')

    const untouched = c.port.edit({ path: '/tmp/a.yaml', text: 'a: 1\n' })
    expect(c.quit()).toBe(true)
    await expect(untouched).resolves.toBeNull()
  })

  it(':w on a file writes it at once and keeps the buffer open', () => {
    const s = session()
    const c = attachEditor(s)
    c.openFile('notes.txt')
    c.text = 'one\n'
    expect(c.write()).toBe(true)
    expect(s.fs.readFile('/home/you/notes.txt')).toBe('one\n')
    expect(c.open).toBe(true)
    expect(c.quit()).toBe(true)
    expect(c.open).toBe(false)
  })

  it('remembers the vi mode', () => {
    const store = new Map<string, string>()
    const g = globalThis as { localStorage?: unknown }
    const before = g.localStorage
    g.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) }
    try {
      expect(createEditorController().vim).toBe(false)
      createEditorController().setVim(true)
      expect(createEditorController().vim).toBe(true)
    } finally {
      g.localStorage = before
    }
  })
})

describe('oc edit through the port', () => {
  it('saves a change, reopens an invalid one with the errors in the header, and cancels', async () => {
    const s = session()
    const c = attachEditor(s)
    const r = run(s, 'oc edit deployment cluster-image-registry-operator -n openshift-image-registry')
    await until(() => c.open)
    expect(c.schema()?.key).toBe('deployments.apps')
    c.save(c.text.replace('revisionHistoryLimit: 10', 'revisionHistoryLimit: 7'))
    expect(await r.done).toBe(0)
    expect(r.stdout.text).toContain('deployment.apps/cluster-image-registry-operator edited')

    const bad = run(s, 'oc edit deployment cluster-image-registry-operator -n openshift-image-registry')
    await until(() => c.open)
    const firstId = c.buffer!.id
    c.save(c.text.replace(/replicas: \d+/, 'replicas: -1'))
    await until(() => c.open && c.buffer!.id !== firstId)
    expect(c.path).toBe(c.buffer!.path)
    expect(c.text).toMatch(/^# \* spec\.replicas: Invalid value: -1/m)
    c.cancel()
    await bad.done
    expect(bad.stderr.text).toMatch(/Edit cancelled/)
  })

  it('vi FILE edits a file through the pane', async () => {
    const s = session()
    const c = attachEditor(s)
    const r = run(s, 'vi cm.yaml')
    await until(() => c.open)
    expect(c.path).toBe('/home/you/cm.yaml')
    c.save('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-vi\ndata:\n  a: b\n')
    expect(await r.done).toBe(0)
    const create = run(s, 'oc create -f cm.yaml')
    expect(await create.done).toBe(0)
    expect(create.stdout.text).toContain('configmap/from-vi created')
  })
})

describe('ex commands', () => {
  it.each([
    ['w', 'write'],
    [':w!', 'write'],
    [':update', 'write'],
    [':wq', 'save'],
    [':wq!', 'save'],
    [':x', 'save'],
    [':exit', 'save'],
    [':q', 'quit'],
    [':qa', 'quit'],
    [':q!', 'cancel'],
    [':qa!', 'cancel'],
    [':cq', 'cancel'],
    [':', 'none'],
    [':set nu', undefined],
    [':foo', undefined],
  ])('%s → %s', (input, action) => expect(exAction(input)).toBe(action))
})

describe('schemas for buffers', () => {
  it('reads apiVersion and kind below the comment header', () => {
    const text = '# Please edit\n# apiVersion: nope\napiVersion: "apps/v1"\nkind: Deployment # here\nmetadata: {}\n'
    expect(typeOf(text)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' })
    expect(resourceKeyOf(text, '4.12')).toBe('deployments.apps')
    expect(resourceKeyOf('apiVersion: imageregistry.operator.openshift.io/v1\nkind: Config\n', '4.12')).toBe(
      'configs.imageregistry.operator.openshift.io',
    )
    expect(schemaForText('kind: Nope\napiVersion: v1\n', '4.12')).toBeUndefined()
    expect(schemaForText('just: text\n', '4.12')).toBeUndefined()
  })

  it('uses the profile: the 4.0 and 4.12 registry configs differ', () => {
    const text = 'apiVersion: imageregistry.operator.openshift.io/v1\nkind: Config\n'
    const a = schemaForText(text, '4.0')!
    const b = schemaForText(text, '4.12')!
    expect(a.uri).not.toBe(b.uri)
    expect(a.schema).toEqual(toJsonSchema(getSchema('configs.imageregistry.operator.openshift.io', '4.0')!))
  })

  it('converts nullable and int-or-string, and closes objects', () => {
    const js = toJsonSchema({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { 'x-kubernetes-int-or-string': true },
        c: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        d: { type: 'object', additionalProperties: { type: 'string' } },
      },
    })
    const p = js.properties as Record<string, JsonSchema>
    expect(js.additionalProperties).toBe(false)
    expect(p.a.type).toEqual(['string', 'null'])
    expect(p.b.type).toEqual(['integer', 'string'])
    expect(p.c.additionalProperties).toBe(true)
    expect(p.d.additionalProperties).toEqual({ type: 'string' })
  })

  /** the unknown-field and type errors yaml-language-server would report for `value` */
  function problems(value: unknown, s: JsonSchema, path: string, out: string[]): void {
    const types = s.type === undefined ? undefined : ([] as string[]).concat(s.type as string)
    const typeOfValue =
      value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value
    if (types && !types.includes(typeOfValue) && !(typeOfValue === 'integer' && types.includes('number'))) {
      out.push(`${path}: ${typeOfValue} is not ${types.join('|')}`)
      return
    }
    if (Array.isArray(value) && s.items) value.forEach((v, i) => problems(v, s.items as JsonSchema, `${path}[${i}]`, out))
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>
      for (const [k, v] of Object.entries(value)) {
        if (props[k]) problems(v, props[k], `${path}.${k}`, out)
        else if (s.additionalProperties === false) out.push(`${path}.${k}: not allowed`)
        else if (typeof s.additionalProperties === 'object') problems(v, s.additionalProperties as JsonSchema, `${path}.${k}`, out)
      }
    }
  }

  it.each(['minimal', 'workshop', 'aws'])('raises no false markers on the objects of scenario %s', (scenario) => {
    let s: ClusterSession
    try {
      s = createSandboxSession({ scenario, timeMode: 'instant' })
    } catch {
      return // scenario not there (yet)
    }
    const profile = s.cluster.profile
    const out: string[] = []
    let checked = 0
    for (const key of schemaResourceKeys()) {
      const schema = getSchema(key, profile)
      if (!schema) continue
      let objects: unknown[]
      try {
        objects = s.cluster.api.list(key, {}) as unknown[]
      } catch {
        continue
      }
      const js = toJsonSchema(schema)
      for (const o of objects) {
        problems(JSON.parse(JSON.stringify(o)), js, key, out)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
    expect(out).toEqual([])
  })
})
