/**
 * Monaco with the YAML language and monaco-yaml, set up once. Only ever reached through a dynamic
 * `import('./monaco')` from EditorPane, so neither Monaco, its CSS, its font nor its workers are part of the
 * page's first download.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/smartSelect/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
// the suggest widget itself (features/suggest only adds the inline variant; register.all gets it via inlineCompletions)
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/languages/definitions/yaml/register'
import { configureMonacoYaml, type MonacoYaml, type SchemasSettings } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import YamlWorker from './yaml.worker?worker'
import type { BufferSchema } from './schema'

export { monaco }

type Env = { getWorker(workerId: string, label: string): Worker }
const env = self as unknown as { MonacoEnvironment?: Env }
env.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}

/**
 * monaco-yaml 5.5.1 calls the pre-0.53 `createWebWorker({moduleId, label, createData})`; Monaco 0.53+ wants
 * `{worker}`. Start the worker ourselves with the handshake Monaco uses internally (stack.md pitfall 5).
 */
type WorkerOpts = Parameters<typeof monaco.editor.createWebWorker>[0] & {
  label?: string
  createData?: unknown
  worker?: Worker
}
const editorApi = {
  ...monaco.editor,
  createWebWorker(opts: WorkerOpts) {
    if (opts.worker) return monaco.editor.createWebWorker(opts)
    const w = env.MonacoEnvironment!.getWorker('workerMain.js', opts.label ?? 'yaml')
    w.postMessage('ignore')
    w.postMessage(opts.createData)
    return monaco.editor.createWebWorker({ ...opts, worker: w })
  },
}

/** model path → the schema that applies to it */
const schemas = new Map<string, BufferSchema>()
const yaml: MonacoYaml = configureMonacoYaml({ ...monaco, editor: editorApi } as unknown as typeof monaco, {
  enableSchemaRequest: false,
  validate: true,
  completion: true,
  hover: true,
  format: { enable: true },
  schemas: [],
})

/**
 * Makes `schema` apply to the model whose URI path is `path` (and only to it); undefined removes the
 * association. Resolves once the language worker has the new settings.
 */
export function setModelSchema(path: string, schema: BufferSchema | undefined): Promise<unknown> {
  const before = schemas.get(path)
  if (before?.uri === schema?.uri) return Promise.resolve()
  if (schema) schemas.set(path, schema)
  else schemas.delete(path)
  // one entry per schema, matching every model it applies to
  const byUri = new Map<string, SchemasSettings>()
  for (const [p, s] of schemas) {
    const entry = byUri.get(s.uri)
    if (entry) (entry.fileMatch as string[]).push('**' + p)
    else byUri.set(s.uri, { uri: s.uri, fileMatch: ['**' + p], schema: s.schema })
  }
  return yaml.update({ ...yaml.getOptions(), schemas: [...byUri.values()] })
}

monaco.editor.defineTheme('workshop-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  // line numbers readable against the background (WCAG AA 4.5:1)
  colors: {
    'editor.background': '#14161b',
    'editorLineNumber.foreground': '#8b909a',
    'editorLineNumber.dimmedForeground': '#8b909a',
    'editorLineNumber.activeForeground': '#d4d7dd',
  },
})
