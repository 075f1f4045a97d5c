/** `oc scale --replicas=N [--current-replicas=M] TYPE NAME`: deployments, replica sets, stateful sets, RCs. */
import { ApiError } from '../../api/errors'
import type { Invocation, Verb } from '../env'
import { CliError, formatApiError } from '../errors'
import type { FlagSpec } from '../flags'
import { DRY_RUN_FLAG, dryRunOf, dryRunSuffix, namedTargets, nsFor, refOf, reportAggregate } from '../mutate-helpers'

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'DeploymentConfig'])

/** Flags of `oc scale`. */
export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1, usage: 'The new desired number of replicas. Required.' },
  { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
  { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.', notSimulated: 'there is no precondition on the resource version' },
  { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
  { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)." },
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files identifying the resource to set a new size', notSimulated: 'name the objects as TYPE NAME or TYPE/NAME' },
  { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  DRY_RUN_FLAG,
]

async function runScale(inv: Invocation): Promise<number> {
  const { cluster, cmd, flags } = inv
  const replicas = flags.replicas as number
  if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  if (inv.positional.length === 0) throw new CliError(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`)
  const dry = dryRunOf(inv)
  const current = flags['current-replicas'] as number
  const errors: string[] = []
  const objs: { rt: ReturnType<typeof namedTargets>[number]['rt']; name: string }[] = []
  for (const t of namedTargets(inv, inv.positional, 'scale')) {
    if (t.name) objs.push({ rt: t.rt, name: t.name })
    else if (flags.all || flags.selector) {
      for (const o of cluster.api.list(t.rt.key, { namespace: nsFor(inv, t.rt), labelSelector: flags.selector as string | undefined })) objs.push({ rt: t.rt, name: o.metadata.name })
    } else throw new CliError('resource(s) were provided, but no name was specified')
  }
  for (const o of objs) {
    try {
      if (!SCALABLE.has(o.rt.kind)) throw new ApiError('NotFound', 'the server could not find the requested resource')
      const live = cluster.api.get(o.rt.key, nsFor(inv, o.rt), o.name)
      const have = live.spec?.replicas ?? 1
      if (current >= 0 && have !== current) {
        errors.push(`Expected replicas to be ${current}, was ${have}`)
        continue
      }
      cluster.api.patch(o.rt.key, nsFor(inv, o.rt), o.name, 'merge', { spec: { replicas } }, { dryRun: dry !== 'none' })
      cmd.stdout.write(flags.output === 'name' ? `${refOf(o.rt, o.name)}\n` : `${refOf(o.rt, o.name)} scaled${dryRunSuffix(dry)}\n`)
    } catch (e) {
      if (!(e instanceof ApiError)) throw e
      errors.push(formatApiError(e))
    }
  }
  return reportAggregate(inv, errors)
}

/** `oc scale`. */
export const scaleVerb: Verb = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [flags] [options]',
  example: `  # Scale a replica set named 'foo' to 3
  oc scale --replicas=3 rs/foo

  # If the deployment named mysql's current size is 2, scale mysql to 3
  oc scale --current-replicas=2 --replicas=3 deployment/mysql
`,
  group: 'Application Management Commands',
  flags: SCALE_FLAGS,
  run: runScale,
}
