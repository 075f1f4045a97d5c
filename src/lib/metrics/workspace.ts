/**
 * Which cluster the metrics page shows: the workspace (sandbox scenario or lab) the trainee last worked in, in
 * this tab. The workbench remembers its workspace (`MetricsLink`); `#/metrics?scenario=aws` or
 * `#/metrics?lab=<id>` name one explicitly; a bare `#/metrics` uses the remembered one, else the default sandbox.
 */
import { parseRoute, hashParam } from '../router.svelte'
import { DEFAULT_SCENARIO } from '../session-defaults'

export type Workspace = { kind: 'sandbox'; scenario: string } | { kind: 'lab'; id: string }

const KEY = 'registry-workshop:metrics-workspace'

/** the workspace a page's hash shows (`#/sandbox?scenario=aws`, `#/lab/<id>`), or null on other pages */
export function workspaceOfHash(hash: string): Workspace | null {
  const route = parseRoute(hash)
  if (route.name === 'sandbox') return { kind: 'sandbox', scenario: hashParam(hash, 'scenario') ?? DEFAULT_SCENARIO }
  if (route.name === 'lab') return { kind: 'lab', id: route.id }
  return null
}

function isWorkspace(v: unknown): v is Workspace {
  if (!v || typeof v !== 'object') return false
  const w = v as Record<string, unknown>
  return (w.kind === 'sandbox' && typeof w.scenario === 'string') || (w.kind === 'lab' && typeof w.id === 'string')
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

let remembered: Workspace | null = null

/** notes the workspace the trainee works in (kept for this tab, across reloads) */
export function rememberWorkspace(ws: Workspace): void {
  remembered = ws
  try {
    storage()?.setItem(KEY, JSON.stringify(ws))
  } catch {
    // storage full or disabled: the in-memory copy still serves this page
  }
}

/** the workspace last remembered in this tab, or null */
export function lastWorkspace(): Workspace | null {
  if (remembered) return remembered
  try {
    const raw = storage()?.getItem(KEY)
    const v: unknown = raw ? JSON.parse(raw) : null
    return isWorkspace(v) ? v : null
  } catch {
    return null
  }
}

/** the workspace `#/metrics[?scenario=…|?lab=…]` shows */
export function workspaceForMetrics(hash: string): Workspace {
  const lab = hashParam(hash, 'lab')
  if (lab) return { kind: 'lab', id: lab }
  const scenario = hashParam(hash, 'scenario')
  if (scenario) return { kind: 'sandbox', scenario }
  return lastWorkspace() ?? { kind: 'sandbox', scenario: DEFAULT_SCENARIO }
}

/** the metrics page of a workspace */
export function metricsHref(ws: Workspace): string {
  return ws.kind === 'lab' ? `#/metrics?lab=${encodeURIComponent(ws.id)}` : `#/metrics?scenario=${encodeURIComponent(ws.scenario)}`
}

/** the workspace's own page (terminal) */
export function workspaceHref(ws: Workspace): string {
  return ws.kind === 'lab' ? `#/lab/${encodeURIComponent(ws.id)}` : ws.scenario === DEFAULT_SCENARIO ? '#/sandbox' : `#/sandbox?scenario=${encodeURIComponent(ws.scenario)}`
}
