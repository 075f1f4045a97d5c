/**
 * The page's EditorPort: `createEditorController()` gives `port` (hand it to `ClusterSession.editor`), the pane's
 * reactive state (`open`, `path`, `text`, `buffer`) and `openFile(path)`/`save()`/`cancel()`. Monaco itself is
 * only loaded by EditorPane when the first buffer opens.
 */
export { createEditorController, EditorController, VIM_PREFERENCE } from './controller.svelte'
export type { EditorBuffer, EditorHost } from './controller.svelte'
