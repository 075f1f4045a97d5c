/** The lab format's types: what `lab.yaml` holds once loaded, and the declarative checks its steps carry. */

/** Where an object lives: a typed resource name (`pods`, `configs.imageregistry`), its name and namespace. */
export interface ObjectTarget {
  resource: string
  name: string
  namespace?: string
}

/** A comparison against a value: exactly one of equals / matches / contains / compare. */
export interface ValueTest {
  equals?: unknown
  /** a regular expression the printed value must match */
  matches?: string
  /** a substring of the printed value, or an element of an array value */
  contains?: unknown
  /** `">= 3"`, `"< 1"`, `"== 2"`, `"!= 0"`, or a plain number meaning `==` */
  compare?: string | number
}

/** `exists` / `absent`: the object is (is not) there. */
export type ExistsSpec = ObjectTarget
/** `jsonpath`: a JSONPath value of one object passes a test. */
export interface JsonPathSpec extends ObjectTarget, ValueTest {
  path: string
}
/** `condition`: the object's status.conditions has `type` with `status` (and `reason`). */
export interface ConditionSpec extends ObjectTarget {
  type: string
  status: 'True' | 'False' | 'Unknown'
  reason?: string
}
/** `count`: how many objects match a label/field selector (and a phase, and a JSONPath predicate). */
export interface CountSpec {
  resource: string
  namespace?: string
  selector?: string
  field?: string
  phase?: string
  where?: ValueTest & { path: string }
  compare: string | number
}
/** `podOnNode`: a pod matching `selector` runs on a node matching `nodeSelector`. */
export interface PodOnNodeSpec {
  namespace: string
  selector: string
  nodeSelector: string
  /** every running pod matching the selector (not only one) must be on such a node */
  every?: boolean
}
/** `question`: the trainee's answer equals a value read from live state. */
export interface QuestionSpec extends ObjectTarget {
  /** the key the trainee's answer is stored under */
  id: string
  prompt: string
  path: string
  ignoreCase?: boolean
}
/** `hasRead`: since the step began, a trainee command got, listed or watched a resource. */
export interface HasReadSpec {
  resource: string
  name?: string
  namespace?: string
  verbs?: ('get' | 'list' | 'watch')[]
}

/** One check: exactly one kind key, plus the message shown when it fails. */
export interface Check {
  message?: string
  exists?: ExistsSpec
  absent?: ExistsSpec
  jsonpath?: JsonPathSpec
  condition?: ConditionSpec
  count?: CountSpec
  podOnNode?: PodOnNodeSpec
  question?: QuestionSpec
  hasRead?: HasReadSpec
  all?: Check[]
  any?: Check[]
  not?: Check
}

/** The check kinds, in the order the docs list them. */
export const CHECK_KINDS = ['exists', 'absent', 'jsonpath', 'condition', 'count', 'podOnNode', 'question', 'hasRead', 'all', 'any', 'not'] as const
/** One of CHECK_KINDS. */
export type CheckKind = (typeof CHECK_KINDS)[number]

/** A hint shown when the state matches a known wrong path. */
export interface WrongPath {
  when: Check
  hint: string
}

/** One step as written in lab.yaml. */
export interface StepSpec {
  id: string
  title: string
  file: string
  checks: Check[]
  hints: string[]
  solution: string
  /** virtual seconds to wait after the solution before its checks must pass (labs:verify) */
  settle?: number
  wrongPaths?: WrongPath[]
}

/** A lab's difficulty. */
export type Level = 'beginner' | 'intermediate' | 'advanced'

/** lab.yaml as written. */
export interface LabSpec {
  id: string
  title: string
  summary: string
  order: number
  duration: number
  level: Level
  scenario: string
  seed?: number
  faults?: string[]
  setup?: string[]
  steps: StepSpec[]
}

/** A step once loaded: its instructions (English) and translations by locale. */
export interface Step extends StepSpec {
  instructions: string
  translations: Record<string, string>
}

/** A loaded lab. */
export interface Lab extends Omit<LabSpec, 'steps'> {
  steps: Step[]
}

/** A problem found while loading, with the file and 1-based line it points to. */
export interface LabProblem {
  file: string
  line: number
  message: string
}
