/** kubectl's pod describer (`Service Account:` from oc 4.12 on). */
import type { KObject } from '../../api/types'
import { describeContainers, describeVolumes, podEnvResolver, tolerationsMultiline } from './containers'
import { annotationsMultiline, controllerOf, describeEvents, type DescribeContext, DescribeWriter, eventsFor, labelsMultiline, rfc1123, since } from './engine'

/** Describes one pod. */
export function describePod(pod: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  w.write(0, `Name:\t${pod.metadata.name}\n`)
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`)
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (ctx.profile !== '4.0') w.write(0, `Service Account:\t${spec.serviceAccountName ?? ''}\n`)
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123(status.startTime)}\n`)
  labelsMultiline(w, 'Labels', pod.metadata.labels)
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations)
  if (pod.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`)
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s\n`)
  } else w.write(0, `Status:\t${status.phase ?? 'Pending'}\n`)
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(0, `Message:\t${status.message}\n`)
  w.write(0, `IP:\t${status.podIP ?? ''}\n`)
  if (ctx.profile !== '4.0') {
    const ips: any[] = status.podIPs ?? []
    if (!ips.length) w.write(0, 'IPs:\t<none>\n')
    else {
      w.write(0, 'IPs:\n')
      for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`)
    }
  }
  const owner = controllerOf(pod)
  if (owner) w.write(0, `Controlled By:\t${owner}\n`)
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, podEnvResolver(pod))
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, podEnvResolver(pod))
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n')
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(w, spec.volumes)
  w.write(0, `QoS Class:\t${status.qosClass ?? 'BestEffort'}\n`)
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  tolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeEvents(w, eventsFor(pod, ctx), ctx)
  return w.done()
}
