/** A trainee's progress through one lab, as stored next to the lab's cluster (`lab:<id>`). */

export interface LabProgress {
  /** index of the current step (== steps.length once finished) */
  current: number
  /** ids of the steps done */
  done: string[]
  /** answers to question checks, by question id */
  answers: Record<string, string>
  /** how many hints are revealed, by step id */
  hints: Record<string, number>
  /** steps whose solution was revealed */
  solutions: string[]
  /** virtual time (ms) each step began, by step id */
  startedAt: Record<string, number>
  /** virtual time the lab was finished */
  finishedAt?: number
  /** wall-clock time the lab was started and last touched */
  wallStarted: number
  wallUpdated: number
}

export function newProgress(firstStep: string | undefined, now: number): LabProgress {
  return {
    current: 0,
    done: [],
    answers: {},
    hints: {},
    solutions: [],
    startedAt: firstStep ? { [firstStep]: now } : {},
    wallStarted: Date.now(),
    wallUpdated: Date.now(),
  }
}

export function labKey(id: string): string {
  return `lab:${id}`
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** reads stored progress; anything unreadable becomes undefined */
export function readProgress(raw: unknown): LabProgress | undefined {
  if (!isObj(raw) || !isObj(raw.progress)) return undefined
  const p = raw.progress
  if (typeof p.current !== 'number' || !Array.isArray(p.done)) return undefined
  const strRecord = (v: unknown) => (isObj(v) ? Object.fromEntries(Object.entries(v).filter((e) => typeof e[1] === 'string')) : {}) as Record<string, string>
  const numRecord = (v: unknown) => (isObj(v) ? Object.fromEntries(Object.entries(v).filter((e) => typeof e[1] === 'number')) : {}) as Record<string, number>
  return {
    current: p.current,
    done: p.done.filter((x): x is string => typeof x === 'string'),
    answers: strRecord(p.answers),
    hints: numRecord(p.hints),
    solutions: Array.isArray(p.solutions) ? p.solutions.filter((x): x is string => typeof x === 'string') : [],
    startedAt: numRecord(p.startedAt),
    finishedAt: typeof p.finishedAt === 'number' ? p.finishedAt : undefined,
    wallStarted: typeof p.wallStarted === 'number' ? p.wallStarted : Date.now(),
    wallUpdated: typeof p.wallUpdated === 'number' ? p.wallUpdated : Date.now(),
  }
}

/** a short summary for the catalogue */
export function progressSummary(p: LabProgress | undefined, total: number): { label: string; fraction: number; state: 'new' | 'started' | 'finished' } {
  if (!p) return { label: 'Not started', fraction: 0, state: 'new' }
  const done = Math.min(p.done.length, total)
  if (p.finishedAt !== undefined || done >= total) return { label: 'Finished', fraction: 1, state: 'finished' }
  return { label: `${done} of ${total} steps done`, fraction: total ? done / total : 0, state: 'started' }
}
