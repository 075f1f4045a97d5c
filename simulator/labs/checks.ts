/** The check evaluator: every check reads the cluster's state (or its audit log), never the trainee's keystrokes. */
import type { Cluster } from '../cluster'
import type { KObject } from '../api/types'
import { resolveResource, type ResourceType } from '../api/resources'
import { compareNumber, describeTest, parseCompare, printedAt, testValue } from './compare'
import type { Check, CheckKind, CountSpec, HasReadSpec, ObjectTarget, Step, ValueTest } from './types'
import { parseLabelSelector } from '../api/selectors'
import { CHECK_KINDS } from './types'
import { parseDuration, query as queryMetrics, SCRAPE_MS } from '../metrics'

/** What a check is evaluated against. */
export interface CheckContext {
  cluster: Cluster
  /** virtual time (ms) the step began; `hasRead` only counts requests since then */
  stepStartedAt: number
  /** the trainee's answers to `question` checks, by question id */
  answers: Record<string, string>
}

/** One evaluated check: the author's message (or a generated one) and what was seen. */
export interface CheckResult {
  check: Check
  passed: boolean
  message: string
  detail: string
}

/** One evaluated step. */
export interface StepResult {
  passed: boolean
  results: CheckResult[]
  wrongPathHints: string[]
}

/** The kind key of a check. */
export function kindOf(check: Check): CheckKind {
  const k = CHECK_KINDS.find((kind) => check[kind] !== undefined)
  if (!k) throw new Error(`check without a kind: ${JSON.stringify(check)}`)
  return k
}

class CheckFailure extends Error {}

function resourceOf(ctx: CheckContext, typed: string): ResourceType {
  try {
    return resolveResource(typed, ctx.cluster.profile)
  } catch {
    throw new CheckFailure(`unknown resource "${typed}" on release profile ${ctx.cluster.profile}`)
  }
}

function where(t: ObjectTarget): string {
  return `${t.resource}/${t.name}${t.namespace ? ` in ${t.namespace}` : ''}`
}

function lookup(ctx: CheckContext, t: ObjectTarget): KObject | undefined {
  const rt = resourceOf(ctx, t.resource)
  return ctx.cluster.api.tryGet(rt.key, t.namespace, t.name)
}

function isRunning(o: KObject): boolean {
  return o.status?.phase === 'Running' && !o.metadata.deletionTimestamp
}

type Outcome = { passed: boolean; message: string; detail: string }

function leaf(passed: boolean, message: string, detail = ''): Outcome {
  return { passed, message, detail }
}

function evaluate(check: Check, ctx: CheckContext): Outcome {
  const kind = kindOf(check)
  let out: Outcome
  try {
    out = evaluateKind(kind, check, ctx)
  } catch (e) {
    if (!(e instanceof CheckFailure) && !(e instanceof Error)) throw e
    out = leaf(false, e.message, e.message)
  }
  return check.message && !out.passed ? { ...out, message: check.message } : out
}

function evaluateKind(kind: CheckKind, c: Check, ctx: CheckContext): Outcome {
  switch (kind) {
    case 'exists': {
      const o = lookup(ctx, c.exists!)
      return leaf(o !== undefined, `${where(c.exists!)} does not exist`)
    }
    case 'absent': {
      const o = lookup(ctx, c.absent!)
      return leaf(o === undefined, `${where(c.absent!)} still exists`)
    }
    case 'jsonpath': {
      const s = c.jsonpath!
      const o = lookup(ctx, s)
      if (!o) return leaf(false, `${where(s)} does not exist`)
      const r = testValue(s, s.path, o)
      return leaf(r.passed, `${s.path} of ${where(s)} should be ${describeTest(s)}; it is ${r.seen}`, `seen ${r.seen}`)
    }
    case 'condition': {
      const s = c.condition!
      const o = lookup(ctx, s)
      if (!o) return leaf(false, `${where(s)} does not exist`)
      const cond = (o.status?.conditions ?? []).find((x: { type: string }) => x.type === s.type)
      const seen = cond ? `${cond.status}${cond.reason ? ` (${cond.reason})` : ''}` : 'absent'
      const ok = !!cond && cond.status === s.status && (s.reason === undefined || cond.reason === s.reason)
      return leaf(ok, `condition ${s.type} of ${where(s)} should be ${s.status}${s.reason ? ` (${s.reason})` : ''}; it is ${seen}`, `seen ${seen}`)
    }
    case 'count': {
      const s = c.count!
      const rt = resourceOf(ctx, s.resource)
      let items = ctx.cluster.api.query(rt.key, { namespace: s.namespace, labelSelector: s.selector, fieldSelector: s.field })
      if (s.phase) items = items.filter((o) => o.status?.phase === s.phase && !o.metadata.deletionTimestamp)
      if (s.where) items = items.filter((o) => testValue(s.where!, s.where!.path, o).passed)
      const cmp = parseCompare(s.compare)
      if (!cmp) throw new CheckFailure(`malformed compare "${s.compare}"`)
      const what = countedWhat(s)
      return leaf(compareNumber(items.length, cmp), `expected ${cmp.op} ${cmp.value} ${what}; found ${items.length}`, `found ${items.length}`)
    }
    case 'podOnNode': {
      const s = c.podOnNode!
      const pods = ctx.cluster.api.query('pods', { namespace: s.namespace, labelSelector: s.selector }).filter(isRunning)
      const nodes = new Set(ctx.cluster.api.query('nodes', { labelSelector: s.nodeSelector }).map((n) => n.metadata.name))
      const on = pods.filter((p) => nodes.has(p.spec?.nodeName))
      const ok = s.every ? pods.length > 0 && on.length === pods.length : on.length > 0
      const seen = pods.map((p) => `${p.metadata.name} on ${p.spec?.nodeName ?? '(unscheduled)'}`).join(', ') || 'no running pod'
      return leaf(ok, `${s.every ? 'every' : 'a'} running pod matching ${s.selector} in ${s.namespace} should run on a node matching ${s.nodeSelector}; seen: ${seen}`, seen)
    }
    case 'question': {
      const s = c.question!
      const given = ctx.answers[s.id]
      if (given === undefined || given.trim() === '') return leaf(false, `answer the question: ${s.prompt}`, 'no answer yet')
      const norm = (t: string) => (s.ignoreCase ? t.trim().toLowerCase() : t.trim())
      let expected: string[]
      if (s.promql !== undefined) {
        expected = [String(promqlSeriesCount(ctx, s.promql, s.range))]
      } else if (s.name !== undefined) {
        const target = s as ObjectTarget & { path: string }
        const o = lookup(ctx, target)
        if (!o) return leaf(false, `${where(target)} does not exist, so the answer cannot be checked`)
        expected = [printedAt(target.path, o)]
      } else {
        const found = selected(ctx, s.resource!, s.namespace, s.selector, s.where)
        if (!found.length) return leaf(false, `no ${describeSelection(s.resource!, s.namespace, s.selector, s.where)}, so the answer cannot be checked`)
        expected = found.map((o) => printedAt(s.path!, o))
      }
      const right = expected.some((x) => x.trim() !== '' && norm(given) === norm(x))
      return leaf(right, `"${given.trim()}" is not the answer to: ${s.prompt}`, `answer given: ${given.trim()}`)
    }
    case 'hasRead': {
      const s = c.hasRead!
      const rt = resourceOf(ctx, s.resource)
      const verbs = s.verbs ?? ['get', 'list', 'watch']
      const sel = s.selector !== undefined ? parseLabelSelector(s.selector) : undefined
      // A list (no name) counts for any name in it; a named request must name a matching object.
      const nameOk = (name: string | undefined, ns: string | undefined) => {
        if (name === undefined) return true
        if (s.name !== undefined && name !== s.name) return false
        if (s.namePrefix !== undefined && !name.startsWith(s.namePrefix)) return false
        if (sel) {
          const o = ctx.cluster.api.tryGet(rt.key, ns, name)
          if (!o || !sel.matches(o.metadata.labels)) return false
        }
        return true
      }
      const hit = ctx.cluster.api.audit.some(
        (e) =>
          e.time >= ctx.stepStartedAt &&
          e.resource === rt.key &&
          (s.allowFailed || e.code === undefined) &&
          (s.subresource !== undefined ? e.subresource === s.subresource : e.subresource === undefined && (verbs as string[]).includes(e.verb)) &&
          (s.namespace === undefined || e.namespace === undefined || e.namespace === s.namespace) &&
          nameOk(e.name, e.namespace ?? s.namespace),
      )
      return leaf(hit, `you have not ${readWhat(s, true)} yet`)
    }
    case 'all': {
      const subs = c.all!.map((x) => evaluate(x, ctx))
      const failed = subs.filter((x) => !x.passed)
      return leaf(failed.length === 0, failed.map((x) => x.message).join('; '), failed.map((x) => x.detail).join('; '))
    }
    case 'any': {
      const subs = c.any!.map((x) => evaluate(x, ctx))
      return leaf(subs.some((x) => x.passed), `none of these holds: ${subs.map((x) => x.message).join('; ')}`)
    }
    case 'not': {
      const sub = evaluate(c.not!, ctx)
      return leaf(!sub.passed, `this should not hold: ${describeCheck(c.not!)}`, sub.detail)
    }
  }
}

/** "pods matching x in phase Running in ns", for count messages. */
function countedWhat(s: CountSpec): string {
  return [s.resource, s.selector && `matching ${s.selector}`, s.phase && `in phase ${s.phase}`, s.where && `whose ${s.where.path} ${describeTest(s.where)}`, s.namespace && `in ${s.namespace}`].filter(Boolean).join(' ')
}

/** The objects of `resource` (in `namespace`) that match a label selector and a `where` test, not being deleted. */
function selected(ctx: CheckContext, resource: string, namespace: string | undefined, selector: string | undefined, test: (ValueTest & { path: string }) | undefined): KObject[] {
  const rt = resourceOf(ctx, resource)
  const items = ctx.cluster.api.query(rt.key, { namespace, labelSelector: selector })
  return items.filter((o) => !o.metadata.deletionTimestamp && (!test || testValue(test, test.path, o).passed))
}

function describeSelection(resource: string, namespace: string | undefined, selector: string | undefined, test: (ValueTest & { path: string }) | undefined): string {
  return [resource, selector && `matching ${selector}`, test && `whose ${test.path} ${describeTest(test)}`, namespace && `in ${namespace}`].filter(Boolean).join(' ')
}

/** What a `hasRead` asks for: "look at pods in x (get, list, watch)", or with `done`, "looked at …". */
function readWhat(s: HasReadSpec, done: boolean): string {
  const which = [s.name ? `/${s.name}` : '', s.namePrefix ? `/${s.namePrefix}…` : '', s.selector ? ` matching ${s.selector}` : '', s.namespace ? ` in ${s.namespace}` : ''].join('')
  if (s.subresource === 'log') return `read the logs of ${s.resource}${which}`
  if (s.subresource) return `${done ? 'opened' : 'open'} a shell (${s.subresource}) in ${s.resource}${which}`
  return `${done ? 'looked' : 'look'} at ${s.resource}${which} (${(s.verbs ?? ['get', 'list', 'watch']).join(', ')})`
}

/** The default range of a `question.promql` query: the Prometheus graph's default, the last hour. */
export const PROMQL_DEFAULT_RANGE = '1h'

/**
 * The number of series (lines of a graph) a PromQL range query over the registry's metrics returns for the last
 * `range` (default one hour), at one point per scrape interval, ending at the cluster's now.
 */
export function promqlSeriesCount(ctx: Pick<CheckContext, 'cluster'>, expr: string, range = PROMQL_DEFAULT_RANGE): number {
  const ms = parseDuration(range)
  if (!ms) throw new CheckFailure(`invalid range "${range}"`)
  const end = ctx.cluster.now()
  return queryMetrics(ctx.cluster, expr, { start: end - ms, end, step: SCRAPE_MS }).length
}

/** A short description of what a check asserts (used in `not` messages and docs). */
export function describeCheck(c: Check): string {
  const kind = kindOf(c)
  if (c.message) return c.message
  switch (kind) {
    case 'exists': return `${where(c.exists!)} exists`
    case 'absent': return `${where(c.absent!)} is absent`
    case 'jsonpath': return `${c.jsonpath!.path} of ${where(c.jsonpath!)} ${describeTest(c.jsonpath!)}`
    case 'condition': return `condition ${c.condition!.type}=${c.condition!.status} on ${where(c.condition!)}`
    case 'count': return `count(${countedWhat(c.count!)}) ${String(c.count!.compare).trim()}`
    case 'podOnNode': return `a pod matching ${c.podOnNode!.selector} on a node matching ${c.podOnNode!.nodeSelector}`
    case 'question': return c.question!.prompt
    case 'hasRead': return readWhat(c.hasRead!, false)
    case 'all': return c.all!.map(describeCheck).join(' and ')
    case 'any': return c.any!.map(describeCheck).join(' or ')
    case 'not': return `not (${describeCheck(c.not!)})`
  }
}

/** Evaluates one check. */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckResult {
  const o = evaluate(check, ctx)
  return { check, passed: o.passed, message: o.passed ? '' : o.message, detail: o.detail }
}

/** Evaluates a step: it passes when all its checks pass; wrong paths whose state matches add their hints. */
export function evaluateStep(step: Pick<Step, 'checks' | 'wrongPaths'>, ctx: CheckContext): StepResult {
  const results = step.checks.map((c) => evaluateCheck(c, ctx))
  const passed = results.every((r) => r.passed)
  const wrongPathHints = passed ? [] : (step.wrongPaths ?? []).filter((w) => evaluate(w.when, ctx).passed).map((w) => w.hint)
  return { passed, results, wrongPathHints }
}

/** Every `question` inside a list of checks (combinators included), for the page's answer boxes. */
export function questionsOf(checks: Check[]): NonNullable<Check['question']>[] {
  const out: NonNullable<Check['question']>[] = []
  const walk = (c: Check) => {
    if (c.question) out.push(c.question)
    c.all?.forEach(walk)
    c.any?.forEach(walk)
    if (c.not) walk(c.not)
  }
  checks.forEach(walk)
  return out
}
