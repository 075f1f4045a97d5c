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
/**
 * `question`: the trainee's answer equals a value read from live state: either the JSONPath `path` of one object
 * (`resource`, `name`, `namespace`), or of the objects a label `selector` and/or a `where` test find (`resource`,
 * `namespace`; any one of them not being deleted may give the answer), or, with `promql`, the number of series
 * (graph lines) a PromQL range query over the registry's metrics returns for the last `range` (default `1h`, what the
 * Prometheus graph shows).
 */
export interface QuestionSpec extends Partial<ObjectTarget> {
  /** the key the trainee's answer is stored under */
  id: string
  prompt: string
  /** instead of `name`: a label selector that finds the object(s) whose `path` is the answer */
  selector?: string
  /** instead of (or with) `selector`: only objects whose value at `where.path` passes the test */
  where?: ValueTest & { path: string }
  path?: string
  promql?: string
  /** a Prometheus duration (`1h`, `30m`): the query's range, ending now (only with `promql`) */
  range?: string
  ignoreCase?: boolean
}
/**
 * `hasRead`: since the step began, a trainee command got, listed or watched a resource (or, with `subresource`, read
 * a pod's log or opened a shell in it), and the API server answered without an error.
 */
export interface HasReadSpec {
  resource: string
  name?: string
  /** the object's name starts with this (`image-registry-`: any pod of that deployment) */
  namePrefix?: string
  /** a label selector the object read matches (looked up in the live state); a list of the resource counts */
  selector?: string
  namespace?: string
  /** without `subresource`: the verbs that count (default get, list, watch) */
  verbs?: ('get' | 'list' | 'watch')[]
  /** `log` (`oc logs`), `exec` (`oc rsh`, `oc exec`) or `attach`: only that request counts, not a plain read */
  subresource?: 'log' | 'exec' | 'attach'
  /** count requests the API server refused too (a NotFound, logs of a container that never started) */
  allowFailed?: boolean
}

/** One check: exactly one kind key, plus the message shown when it fails. */
export interface Check {
  message?: string
  /**
   * why this check may already hold when its step begins (labs:verify otherwise reports a step's check that passes
   * before the step's solution runs); only on a step's own checks
   */
  alreadyMetOk?: string
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
  solution?: string
  /**
   * the script that reaches the goal; in a lab with `faults: { oneOf: [...] }` a step may give `solutions` instead,
   * one script per fault id. Once loaded, `solution` always holds the script of the lab's chosen fault.
   */
  solutions?: Record<string, string>
  /** virtual seconds to wait after the solution before its checks must pass (labs:verify) */
  settle?: number
  wrongPaths?: WrongPath[]
}

/** A lab's difficulty. */
export type Level = 'beginner' | 'intermediate' | 'advanced'

/** `faults: { oneOf: [...] }`: one of these faults is switched on, chosen by the lab's seed. */
export interface FaultChoice {
  oneOf: string[]
}

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
  faults?: string[] | FaultChoice
  setup?: string[]
  steps: StepSpec[]
}

/** A step once loaded: its instructions (English) and translations by locale. */
export interface Step extends StepSpec {
  /** the script of this lab (variant)'s fault */
  solution: string
  instructions: string
  translations: Record<string, string>
}

/**
 * A loaded lab. `faults` is the list switched on: with `faults: { oneOf }` in lab.yaml, the one fault chosen by the
 * seed (`chooseFault`), the whole list being in `faultChoices`; `labVariant(lab, id)` gives the lab for another.
 */
export interface Lab extends Omit<LabSpec, 'steps' | 'faults'> {
  faults?: string[]
  faultChoices?: string[]
  steps: Step[]
}

/** A problem found while loading, with the file and 1-based line it points to. */
export interface LabProblem {
  file: string
  line: number
  message: string
}
