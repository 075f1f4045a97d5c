/**
 * The page's routes, from the location hash: `#/`, `#/sandbox`, `#/lab/<id>`, `#/report/<id>`, `#/metrics`.
 * Plain functions with no Svelte in them, so the boot script can use them before the app loads.
 */
export type Route =
  | { name: 'home' }
  | { name: 'sandbox' }
  | { name: 'lab'; id: string }
  | { name: 'report'; id: string }
  | { name: 'metrics' }
  | { name: 'not-found'; path: string }

export function parseRoute(hash: string): Route {
  let path = hash.replace(/^#/, '')
  const q = path.indexOf('?')
  if (q >= 0) path = path.slice(0, q)
  if (path === '' || path === '/') return { name: 'home' }
  if (path === '/sandbox' || path === '/sandbox/') return { name: 'sandbox' }
  const lab = /^\/lab\/([A-Za-z0-9._-]+)\/?$/.exec(path)
  if (lab) return { name: 'lab', id: decodeURIComponent(lab[1]) }
  const report = /^\/report\/([A-Za-z0-9._-]+)\/?$/.exec(path)
  if (report) return { name: 'report', id: decodeURIComponent(report[1]) }
  if (path === '/metrics' || path === '/metrics/') return { name: 'metrics' }
  return { name: 'not-found', path }
}

/** a query parameter given inside the hash (`#/sandbox?scenario=aws`) */
export function hashParam(hash: string, name: string): string | null {
  const q = hash.indexOf('?')
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(name)
}

/** `?nodes=N` of a sandbox: extra worker nodes (0 when absent or out of range) */
export function extraNodesParam(hash: string): number {
  const n = Number(hashParam(hash, 'nodes') ?? '0')
  return Number.isInteger(n) && n > 0 && n <= 2000 ? n : 0
}
