/**
 * The stored shape of a sandbox: the simulator's SavedSession (as JSON text, exactly what `restoreSession` is
 * tested with), the terminal scrollback as plain text lines, and the clock's speed and whether it is paused.
 */

/** Bumped when the record's own wrapper changes (the session inside carries its own version). */
export const RECORD_SCHEMA = 1
/** how many scrollback lines are kept */
export const SCROLLBACK_LINES = 1000

export interface SandboxRecord {
  schema: typeof RECORD_SCHEMA
  scenario: string
  /** `JSON.stringify(saveSession(...))` */
  state: string
  /** the terminal's lines above the prompt, oldest first, at most SCROLLBACK_LINES */
  scrollback: string[]
  speed: number
  /** the trainee paused the clock (a reload keeps it paused); absent in records saved before it was kept */
  paused?: boolean
  /** the prompt the restored session starts with, for the boot terminal (absent in older records) */
  prompt?: string
  /** wall-clock time of the save (epoch ms) */
  savedAt: number
}

export function sandboxKey(scenario: string, extraNodes = 0): string {
  return extraNodes > 0 ? `sandbox:${scenario}+${extraNodes}` : `sandbox:${scenario}`
}

export function makeRecord(input: {
  scenario: string
  state: unknown
  scrollback: string[]
  speed: number
  paused: boolean
  prompt: string
  savedAt: number
}): SandboxRecord {
  return {
    schema: RECORD_SCHEMA,
    scenario: input.scenario,
    state: JSON.stringify(input.state),
    scrollback: input.scrollback.slice(-SCROLLBACK_LINES),
    speed: input.speed,
    paused: input.paused,
    prompt: input.prompt,
    savedAt: input.savedAt,
  }
}

export interface LoadedRecord {
  /** what to hand to `restoreSession` (it decides whether the session inside can be trusted) */
  state: unknown
  scrollback: string[]
  speed: number | undefined
  paused: boolean
}

/**
 * Unwraps whatever was stored. Never throws: anything unreadable becomes `state: null`, which `restoreSession`
 * refuses with its own clear message.
 */
export function readRecord(raw: unknown): LoadedRecord {
  const r = raw !== null && typeof raw === 'object' ? (raw as Partial<Record<keyof SandboxRecord, unknown>>) : {}
  let state: unknown = null
  if (typeof r.state === 'string') {
    try {
      state = JSON.parse(r.state)
    } catch {
      state = null
    }
  }
  const scrollback = Array.isArray(r.scrollback) ? r.scrollback.filter((l): l is string => typeof l === 'string').slice(-SCROLLBACK_LINES) : []
  const speed = typeof r.speed === 'number' && Number.isFinite(r.speed) && r.speed >= 0 && r.speed <= 10_000 ? r.speed : undefined
  return { state, scrollback, speed, paused: r.paused === true }
}

/**
 * What the boot terminal paints for a stored record (before the app has loaded): nothing stored is a new session
 * (no scrollback, the initial prompt); a record with its prompt shows its scrollback and that prompt; anything else
 * (a record from before the prompt was kept, or unreadable) paints nothing and waits for the app.
 */
export function bootViewOf(raw: unknown, initialPrompt: string): { scrollback: string[]; prompt: string } | null {
  if (raw === undefined) return { scrollback: [], prompt: initialPrompt }
  const r = raw !== null && typeof raw === 'object' ? (raw as Partial<Record<keyof SandboxRecord, unknown>>) : {}
  if (typeof r.prompt !== 'string' || r.prompt === '') return null
  return { scrollback: readRecord(raw).scrollback, prompt: r.prompt }
}
