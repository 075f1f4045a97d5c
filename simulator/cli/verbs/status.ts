/** A short `oc status`: the project and server, then services and deployments with their pods. */
import type { KObject } from '../../api/types'
import { goUnitsHumanDuration } from '../../format/duration'
import { parseTime } from '../../core/time'
import type { Invocation, Verb } from '../env'

function deploymentLines(d: KObject, now: number, indent: string): string {
  const image = d.spec?.template?.spec?.containers?.[0]?.image ?? ''
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '1'
  const ready = d.status?.readyReplicas ?? 0
  const age = goUnitsHumanDuration(now - parseTime(d.metadata.creationTimestamp))
  return `${indent}deployment/${d.metadata.name} deploys ${image}\n${indent}  deployment #${rev} running for ${age} - ${ready} pod${ready === 1 ? '' : 's'}\n`
}

async function runStatus(inv: Invocation): Promise<number> {
  const { cluster, cmd } = inv
  const ns = inv.namespace
  const now = cluster.now()
  const services = cluster.api.list('services', { namespace: ns })
  const deployments = cluster.api.list('deployments.apps', { namespace: ns })
  let t = `In project ${ns} on server ${inv.session.server}\n`
  if (!services.length && !deployments.length) {
    t += '\nYou have no services, deployment configs, or build configs.\nRun \'oc new-app\' to create an application.\n'
    cmd.stdout.write(t)
    return 0
  }
  const shown = new Set<string>()
  for (const s of services) {
    const ports = (s.spec?.ports ?? []).map((p: any) => `${p.port}${p.targetPort && String(p.targetPort) !== String(p.port) ? `->${p.targetPort}` : ''}`).join(',')
    t += `\nsvc/${s.metadata.name} - ${s.spec?.clusterIP ?? ''}${ports ? ':' + ports : ''}\n`
    const sel = s.spec?.selector ?? {}
    for (const d of deployments) {
      const labels = d.spec?.template?.metadata?.labels ?? {}
      if (!Object.keys(sel).length || !Object.entries(sel).every(([k, v]) => labels[k] === v)) continue
      shown.add(d.metadata.name)
      t += deploymentLines(d, now, '  ')
    }
  }
  for (const d of deployments) if (!shown.has(d.metadata.name)) t += '\n' + deploymentLines(d, now, '')
  t += `\n${services.length + deployments.length > 0 ? '' : ''}View details with '${inv.binary} describe <resource>/<name>' or list everything with '${inv.binary} get all'.\n`
  cmd.stdout.write(t)
  return 0
}

export const statusVerb: Verb = {
  name: 'status',
  short: 'Show an overview of the current project',
  use: 'status [-o dot | --suggest ] [flags] [options]',
  group: 'Basic Commands',
  flags: [{ name: 'suggest', type: 'bool', usage: 'See details for resolving issues.' }],
  run: runStatus,
}
