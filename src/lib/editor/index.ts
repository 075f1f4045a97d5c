/**
 * The editor for the page: Monaco (loaded lazily) with YAML completion, hover and validation from the API
 * server's schemas, an optional vi mode, and the EditorPort the shell's `oc edit` uses.
 *
 *   const editor = attachEditor(session)      // session.editor = editor.port; adds `vi`/`vim FILE`
 *   <EditorPane controller={editor} />        // next to the terminal
 */
import type { ClusterSession } from '../../../simulator/session'
import type { Command } from '../../../simulator/shell/types'
import { createEditorController, type EditorController } from './controller.svelte'

export { createEditorController, EditorController, VIM_PREFERENCE } from './controller.svelte'
export type { EditorBuffer, EditorHost } from './controller.svelte'
export { default as EditorPane } from './EditorPane.svelte'

/** `vi FILE` / `vim FILE`: edits a file of the session in the editor pane (a missing file is created on save). */
export function viCommand(name: string): Command {
  return {
    name,
    summary: 'edit a file in the editor pane',
    async run(ctx) {
      const files = ctx.args.filter((a) => a !== '--' && !a.startsWith('-') && !a.startsWith('+'))
      if (files.length !== 1) {
        ctx.stderr.write(`${name}: give exactly one file to edit, e.g. \`${name} registry.yaml\`\n`)
        return 1
      }
      const path = ctx.fs.resolve(ctx.cwd, files[0])
      if (ctx.fs.isDir(path)) {
        ctx.stderr.write(`${name}: ${files[0]}: Is a directory\n`)
        return 1
      }
      const text = ctx.fs.isFile(path) ? ctx.fs.readFile(path) : ''
      const saved = await ctx.editor.edit({ path, text, title: files[0] })
      if (saved === null) return 0
      const dir = path.slice(0, path.lastIndexOf('/')) || '/'
      if (!ctx.fs.isDir(dir)) {
        ctx.stderr.write(`${name}: ${files[0]}: No such file or directory\n`)
        return 1
      }
      ctx.fs.writeFile(path, saved)
      return 0
    },
  }
}

/**
 * Creates the editor for a session: `session.editor` becomes the controller's port (so `oc edit` opens the pane)
 * and the shell gets `vi`/`vim FILE` unless it already has them.
 */
export function attachEditor(session: ClusterSession, controller: EditorController = createEditorController()): EditorController {
  controller.setHost(session)
  session.editor = controller.port
  for (const name of ['vi', 'vim']) if (!session.shell.commands.has(name)) session.shell.commands.set(name, viCommand(name))
  return controller
}
