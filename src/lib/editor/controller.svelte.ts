/**
 * The editor's state, independent of Monaco: what is open (an `oc edit` buffer or a file of the session's
 * virtual file system), its live text, and the `EditorPort` the shell's `oc edit` (and `vi FILE`) talk to.
 * The pane (EditorPane.svelte) renders it and loads Monaco lazily the first time something is opened.
 */
import { readPreference, writePreference } from '../preferences'
import type { EditorPort } from '../../../simulator/shell/types'
import type { VirtualFs } from '../../../simulator/shell/vfs'
import type { Profile } from '../../../simulator/api/types'
import { schemaForText, type BufferSchema } from './schema'

/** What the controller needs of a session: its file system, its cluster's profile and the shell's cwd. */
export interface EditorHost {
  fs: VirtualFs
  cluster: { profile: Profile }
  shell?: { cwd: string }
}

export interface EditorBuffer {
  /** `edit`: a request through the port (`oc edit`), answered on Save/Cancel; `file`: a file of the session */
  kind: 'edit' | 'file'
  /** absolute path (shown as the title) */
  path: string
  /** what the request called the object (`deployment.apps/foo`), if anything */
  title?: string
  /** the text the buffer was opened with */
  initial: string
  /** bumped for every buffer, so the pane knows to replace its model even when path and text repeat */
  id: number
}

export const VIM_PREFERENCE = 'editor-vim'

function readVimPreference(): boolean {
  return readPreference(VIM_PREFERENCE) === 'on'
}

export class EditorController {
  /** the open buffer, or null when the pane is closed */
  buffer = $state.raw<EditorBuffer | null>(null)
  /** the buffer's live text (the pane writes every change here) */
  text = $state('')
  /** vi key bindings */
  vim = $state(readVimPreference())
  /** a problem to show in the pane (e.g. a file could not be written) */
  problem = $state<string | null>(null)

  readonly port: EditorPort
  private host: EditorHost | null
  private pending: ((text: string | null) => void) | null = null
  /** what `:w` last wrote of this buffer (an `oc edit` gets it when the editor quits), null when nothing yet */
  private written: string | null = null
  private nextId = 1

  constructor(host: EditorHost | null = null) {
    this.host = host
    this.port = { edit: (req) => this.edit(req) }
  }

  get open(): boolean {
    return this.buffer !== null
  }

  get path(): string {
    return this.buffer?.path ?? ''
  }

  get title(): string {
    return this.buffer?.title ?? ''
  }

  /** the cluster profile schemas are chosen for */
  get profile(): Profile {
    return this.host?.cluster.profile ?? '4.12'
  }

  /** the session whose files `openFile` and `save` use (and whose profile picks schemas) */
  setHost(host: EditorHost | null): void {
    this.host = host
  }

  /** the resource schema for the current text (from its apiVersion and kind), if any */
  schema(text = this.text): BufferSchema | undefined {
    return schemaForText(text, this.profile)
  }

  /** EditorPort.edit: opens the text; resolves with the saved text, or null on cancel */
  edit(req: { path: string; text: string; title?: string }): Promise<string | null> {
    // a request still open (should not happen: the shell runs one command at a time) is cancelled
    this.settle(null)
    return new Promise((resolve) => {
      this.pending = resolve
      this.show({ kind: 'edit', path: req.path, title: req.title, initial: req.text, id: this.nextId++ })
    })
  }

  /** opens a file of the session (relative paths from the shell's cwd); a missing file opens empty */
  openFile(path: string): void {
    const fs = this.requireHost().fs
    const abs = this.resolve(path)
    if (fs.isDir(abs)) throw new Error(`${path}: Is a directory`)
    const text = fs.isFile(abs) ? fs.readFile(abs) : ''
    this.settle(null)
    this.show({ kind: 'file', path: abs, initial: text, id: this.nextId++ })
  }

  /**
   * Saves `text` (default: the live text) and closes: answers an `oc edit` request, or writes the file (the pane
   * stays open when the file could not be written). Returns whether it saved.
   */
  save(text: string = this.text): boolean {
    if (!this.write(text)) return false
    this.finish()
    return true
  }

  /**
   * `:w`: writes `text` and stays open. A file is written at once; an `oc edit` buffer is kept, and `oc` gets it
   * when the editor quits, as `oc` reads its temporary file only once the editor exits.
   */
  write(text: string = this.text): boolean {
    const buf = this.buffer
    if (!buf) return false
    if (buf.kind === 'file') {
      try {
        const fs = this.requireHost().fs
        const dir = buf.path.slice(0, buf.path.lastIndexOf('/')) || '/'
        if (!fs.isDir(dir)) fs.mkdir(dir, { recursive: true })
        fs.writeFile(buf.path, text)
      } catch (err) {
        this.problem = `Could not write ${buf.path}: ${err instanceof Error ? err.message : String(err)}`
        return false
      }
    }
    this.written = text
    this.problem = null
    return true
  }

  /** whether the live text differs from what was last written (or opened) */
  get modified(): boolean {
    return this.buffer !== null && this.text !== (this.written ?? this.buffer.initial)
  }

  /** `:q`: closes when nothing is left unwritten (else false, as vim refuses with E37); `oc edit` gets what was written */
  quit(): boolean {
    if (!this.buffer) return false
    if (this.modified) return false
    this.finish()
    return true
  }

  /** `:q!`: closes and drops what was not written; an `oc edit` request gets what `:w` wrote, or null (cancelled) */
  cancel(): void {
    this.finish()
  }

  private finish(): void {
    this.settle(this.buffer?.kind === 'edit' ? this.written : null)
    this.close()
  }

  setVim(on: boolean): void {
    this.vim = on
    writePreference(VIM_PREFERENCE, on ? 'on' : 'off')
  }

  private show(buf: EditorBuffer): void {
    this.problem = null
    this.written = null
    this.text = buf.initial
    this.buffer = buf
  }

  private close(): void {
    this.buffer = null
    this.problem = null
  }

  private settle(value: string | null): void {
    const resolve = this.pending
    this.pending = null
    resolve?.(value)
  }

  private resolve(path: string): string {
    const host = this.requireHost()
    return host.fs.resolve(host.shell?.cwd ?? '/', path)
  }

  private requireHost(): EditorHost {
    if (!this.host) throw new Error('the editor is not attached to a session')
    return this.host
  }
}

export function createEditorController(host: EditorHost | null = null): EditorController {
  return new EditorController(host)
}
