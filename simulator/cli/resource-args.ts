/**
 * Turns the positional arguments of `get`, `describe`, `delete`... into resource targets, as kubectl's resource
 * builder does: `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2 [NAME...]`, `TYPE/NAME...`, with its error words.
 */
import { resolveResource, type ResourceType } from '../api/resources'
import type { Profile } from '../api/types'
import { CliError } from './errors'

export interface Target {
  rt: ResourceType
  /** undefined: every object of the type */
  names?: string[]
}

/** Resolves a comma list of types; `all` expands to the "all" category. */
export function resolveTypes(list: string, profile: Profile): ResourceType[] {
  const out: ResourceType[] = []
  for (const t of list.split(',')) {
    if (t === '') continue
    if (t === 'all') {
      for (const key of ['pods', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'jobs.batch', 'cronjobs.batch', 'imagestreams.image.openshift.io', 'routes.route.openshift.io']) {
        out.push(resolveResource(key, profile))
      }
      continue
    }
    out.push(resolveResource(t, profile))
  }
  // `,` alone names no type at all: the RESTMapper is asked for "" and says so
  if (out.length === 0) out.push(resolveResource('', profile))
  return out
}

export function parseTargets(args: string[], profile: Profile, binary: string, verb: string): Target[] {
  if (args.length === 0) return []
  const slashForm = args.some((a) => a.includes('/'))
  if (slashForm) {
    if (!args[0].includes('/')) {
      throw new CliError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${binary} ${verb} resource/<resource_name>' instead of '${binary} ${verb} resource resource/<resource_name>'`,
      )
    }
    const targets: Target[] = []
    for (const a of args) {
      const parts = a.split('/')
      if (parts.length > 2) throw new CliError('arguments in resource/name form may not have more than one slash')
      if (parts.length < 2 || !parts[0] || !parts[1]) throw new CliError('arguments in resource/name form must have a single resource and name')
      const rt = resolveResource(parts[0], profile)
      const prev = targets.find((t) => t.rt === rt)
      if (prev) prev.names!.push(parts[1])
      else targets.push({ rt, names: [parts[1]] })
    }
    return targets
  }
  const types = resolveTypes(args[0], profile)
  const names = args.slice(1)
  return types.map((rt) => ({ rt, names: names.length ? names : undefined }))
}

/** The resource builder's refusal of `-A` with names of a namespaced type (`oc get pods -A x`). */
export function refuseNamesAcrossNamespaces(targets: Target[], allNamespaces: boolean): void {
  if (allNamespaces && targets.some((t) => t.names && t.rt.namespaced)) {
    throw new CliError('a resource cannot be retrieved by name across all namespaces')
  }
}
