/**
 * A tiny hash router: `#/`, `#/sandbox`, `#/lab/<id>`. Query parameters inside the hash are ignored here.
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

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/'
    case 'sandbox':
      return '#/sandbox'
    case 'lab':
      return `#/lab/${encodeURIComponent(route.id)}`
    case 'report':
      return `#/report/${encodeURIComponent(route.id)}`
    case 'metrics':
      return '#/metrics'
    case 'not-found':
      return `#${route.path}`
  }
}

class Router {
  current = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash))
  /** the whole hash, query included */
  hash = $state(typeof location === 'undefined' ? '' : location.hash)

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.current = parseRoute(location.hash)
        this.hash = location.hash
      })
    }
  }

  /** navigates without adding a history entry */
  replace(route: Route): void {
    const url = new URL(location.href)
    url.hash = href(route)
    history.replaceState(history.state, '', url)
    this.current = route
  }
}

export const router = new Router()
