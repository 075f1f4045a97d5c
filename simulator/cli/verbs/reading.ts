/** Verbs that read cluster state (describe, logs, explain, exec/rsh, wait, ...). */
import type { Verb } from '../env'

export const READING_VERBS: Verb[] = []
