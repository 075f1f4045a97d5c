/** Verbs that change cluster state (patch, create, apply, delete, edit, ...). */
import type { Verb } from '../env'

export const MUTATING_VERBS: Verb[] = []
