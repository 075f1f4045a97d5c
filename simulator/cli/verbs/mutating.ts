/** Verbs that change cluster state (patch, create, apply, delete, edit, ...). */
import type { Verb } from '../env'
import { admVerb } from './adm'
import { applyVerb } from './apply'
import { createVerb } from './create'
import { deleteVerb } from './delete'
import { editVerb } from './edit'
import { annotateVerb, labelVerb } from './label'
import { newProjectVerb } from './new-project'
import { patchVerb } from './patch'
import { replaceVerb } from './replace'
import { rolloutVerb } from './rollout'
import { scaleVerb } from './scale'

export const MUTATING_VERBS: Verb[] = [
  newProjectVerb,
  createVerb,
  applyVerb,
  replaceVerb,
  deleteVerb,
  editVerb,
  patchVerb,
  labelVerb,
  annotateVerb,
  scaleVerb,
  rolloutVerb,
  admVerb,
]
