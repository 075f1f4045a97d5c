/**
 * The boot script: a tiny entry that index.html runs before the app's own. On a page with a terminal (the
 * sandbox, a lab) it paints the boot terminal (src/lib/boot/boot-terminal.ts) with the saved scrollback and
 * prompt, or a new session's prompt, so the trainee has a prompt to type at before xterm and the app have even
 * loaded. Everything it imports is small and shared with the app (one IndexedDB connection for both).
 */
import { showBootTerminal } from './lib/boot/boot-terminal'
import { labKey } from './lib/labs/progress'
import { extraNodesParam, hashParam, parseRoute } from './lib/route'
import { DEFAULT_SCENARIO, INITIAL_PROMPT } from './lib/session-defaults'
import { openSharedIdbStore } from './lib/storage/idb-store'
import { bootViewOf, sandboxKey } from './lib/storage/record'

/** the record key of the page's session, or null on a page without a terminal */
function sessionKey(hash: string): string | null {
  const route = parseRoute(hash)
  if (route.name === 'sandbox') return sandboxKey(hashParam(hash, 'scenario') ?? DEFAULT_SCENARIO, extraNodesParam(hash))
  if (route.name === 'lab') return labKey(route.id)
  return null
}

async function boot(): Promise<void> {
  const key = sessionKey(location.hash)
  if (key === null) return
  let saved: unknown
  try {
    saved = await (await openSharedIdbStore()).get(key)
  } catch {
    // no storage: the session will be a new one
    saved = undefined
  }
  const view = bootViewOf(saved, INITIAL_PROMPT)
  if (view) showBootTerminal(view)
}

boot().catch((err) => console.warn('the boot terminal failed', err))
