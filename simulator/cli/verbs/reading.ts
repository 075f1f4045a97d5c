/** Verbs that read cluster state (describe, logs, explain, exec/rsh, wait, ...). */
import type { Verb } from '../env'
import { describeVerb } from './describe'
import { apiResourcesVerb, apiVersionsVerb, explainVerb, versionVerb } from './discovery'
import { execVerb, rshVerb } from './exec'
import { logsVerb } from './logs'
import { statusVerb } from './status'
import { waitVerb } from './wait'

export const READING_VERBS: Verb[] = [
  statusVerb, explainVerb, describeVerb, logsVerb, rshVerb, execVerb, waitVerb, apiResourcesVerb, apiVersionsVerb, versionVerb,
]
