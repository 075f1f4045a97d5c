/**
 * A tiny hash router: `#/`, `#/sandbox`, `#/lab/<id>`. Query parameters inside the hash are ignored here.
 */
import { parseRoute, type Route } from './route'

export { extraNodesParam, hashParam, parseRoute, type Route } from './route'

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
