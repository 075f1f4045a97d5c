/** Every `oc` verb, in the order the help lists them. Adding a verb = one module + one entry in a list here. */
import type { Verb } from '../env'
import { getVerb } from './get'
import { projectVerb, projectsVerb, whoamiVerb } from './project'
import { MUTATING_VERBS } from './mutating'
import { optionsVerb } from './options'
import { READING_VERBS } from './reading'

export function allVerbs(): Verb[] {
  return [projectVerb, projectsVerb, getVerb, ...READING_VERBS, ...MUTATING_VERBS, whoamiVerb, optionsVerb]
}
