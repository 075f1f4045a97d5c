/**
 * The page's ticker that drives the simulator's virtual clock, and clock formatting.
 */

/** formats epoch milliseconds as `HH:MM:SS` in UTC */
export function formatClock(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** reads `?speed=N` from the URL's query (before or inside the hash); defaults to 1 */
export function parseSpeed(search: string, hash = ''): number {
  return speedParam(search, hash) ?? 1
}

/** `?speed=N` from the URL when given and valid, else null */
export function speedParam(search: string, hash = ''): number | null {
  const fromHash = hash.includes('?') ? hash.slice(hash.indexOf('?')) : ''
  for (const q of [search, fromHash]) {
    const raw = new URLSearchParams(q).get('speed')
    if (raw === null) continue
    const n = Number(raw)
    if (Number.isFinite(n) && n >= 0 && n <= 10_000) return n
  }
  return null
}

export interface Clocked {
  advance(ms: number): void
}

/** the longest wall-clock step taken at once (a throttled timer must not make the cluster jump ahead) */
const MAX_STEP_MS = 1000

/**
 * Advances `target` by the wall-clock time elapsed, times `speed`, while the page is visible.
 * Returns a function that stops the ticker.
 */
export function startTicker(target: Clocked, speed: number | (() => number), intervalMs = 200): () => void {
  const speedNow = typeof speed === 'function' ? speed : () => speed
  let last = performance.now()
  const tick = () => {
    const t = performance.now()
    const elapsed = Math.min(MAX_STEP_MS, t - last)
    last = t
    if (document.visibilityState !== 'visible') return
    const k = speedNow()
    if (elapsed > 0 && k > 0) target.advance(elapsed * k)
  }
  const onVisibility = () => {
    // time spent hidden does not count
    last = performance.now()
  }
  document.addEventListener('visibilitychange', onVisibility)
  const id = setInterval(tick, intervalMs)
  return () => {
    clearInterval(id)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}

/** the speeds offered in the header */
export const SPEEDS = [1, 10, 60]

/** What the header's time controls drive: the speed, pause, and skipping ahead. */
export interface TimeControl {
  readonly speed: number
  readonly paused: boolean
  setSpeed(n: number): void
  setPaused(p: boolean): void
  /** advances virtual time at once */
  skip(ms: number): void
}
