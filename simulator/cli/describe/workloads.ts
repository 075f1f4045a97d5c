/** kubectl's describers for deployments, replica sets and daemon sets, with the shared pod template block. */
import type { KObject } from '../../api/types'
import { describeContainers, describeVolumes } from './containers'
import {
  annotationsMultiline, controllerOf, describeEvents, type DescribeContext, DescribeWriter, eventsFor, formatLabels,
  formatSelector, labelsMultiline, rfc1123,
} from './engine'

/** DescribePodTemplate. */
export function describePodTemplate(w: DescribeWriter, t: any): void {
  w.write(0, 'Pod Template:\n')
  labelsMultiline(w, '  Labels', t?.metadata?.labels)
  if (Object.keys(t?.metadata?.annotations ?? {}).length) annotationsMultiline(w, '  Annotations', t.metadata.annotations)
  const spec = t?.spec ?? {}
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`)
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, undefined, undefined, '  ')
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, undefined, '  ')
  describeVolumes(w, spec.volumes, '  ')
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`)
}

function podsStatus(ctx: DescribeContext, owner: KObject): string {
  const pods = ctx.list('pods', owner.metadata.namespace).filter((p) => (p.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid))
  const n = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`
}

const rsList = (rss: KObject[]) => (rss.length ? rss.map((r) => `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 0} replicas created)`).join(', ') : '<none>')

/** Describes a deployment, with its old and new replica sets. */
export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const s = d.status ?? {}
  w.write(0, `Name:\t${d.metadata.name}\n`)
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`)
  w.write(0, `CreationTimestamp:\t${rfc1123(d.metadata.creationTimestamp)}\n`)
  labelsMultiline(w, 'Labels', d.metadata.labels)
  annotationsMultiline(w, 'Annotations', d.metadata.annotations)
  w.write(0, `Selector:\t${formatSelector(d.spec?.selector)}\n`)
  w.write(0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`)
  const strategy = d.spec?.strategy ?? {}
  w.write(0, `StrategyType:\t${strategy.type ?? 'RollingUpdate'}\n`)
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`)
  if ((strategy.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const ru = strategy.rollingUpdate ?? {}
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge\n`)
  }
  describePodTemplate(w, d.spec?.template)
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
    w.write(1, '----\t------\t------\n')
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
  }
  const owned = ctx.list('replicasets.apps', d.metadata.namespace).filter((r) => (r.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid))
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision']
  const isNew = (r: KObject) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev
  const newRs = owned.filter(isNew).slice(0, 1)
  const old = owned.filter((r) => !newRs.includes(r) && ((r.spec?.replicas ?? 0) > 0 || (r.status?.replicas ?? 0) > 0))
  w.write(0, `OldReplicaSets:\t${rsList(old)}\n`)
  w.write(0, `NewReplicaSet:\t${rsList(newRs)}\n`)
  describeEvents(w, eventsFor(d, ctx), ctx)
  return w.done()
}

/** Describes a replica set. */
export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  w.write(0, `Name:\t${rs.metadata.name}\n`)
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`)
  w.write(0, `Selector:\t${formatSelector(rs.spec?.selector)}\n`)
  labelsMultiline(w, 'Labels', rs.metadata.labels)
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations)
  const owner = controllerOf(rs)
  if (owner) w.write(0, `Controlled By:\t${owner}\n`)
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`)
  w.write(0, `Pods Status:\t${podsStatus(ctx, rs)}\n`)
  describePodTemplate(w, rs.spec?.template)
  describeEvents(w, eventsFor(rs, ctx), ctx)
  return w.done()
}

/** Describes a daemon set. */
export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter()
  const s = ds.status ?? {}
  w.write(0, `Name:\t${ds.metadata.name}\n`)
  w.write(0, `Selector:\t${formatSelector(ds.spec?.selector)}\n`)
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
  labelsMultiline(w, 'Labels', ds.metadata.labels)
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations)
  w.write(0, `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled ?? 0}\n`)
  w.write(0, `Current Number of Nodes Scheduled: ${s.currentNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}\n`)
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}\n`)
  w.write(0, `Number of Nodes Misscheduled: ${s.numberMisscheduled ?? 0}\n`)
  w.write(0, `Pods Status:\t${podsStatus(ctx, ds)}\n`)
  describePodTemplate(w, ds.spec?.template)
  describeEvents(w, eventsFor(ds, ctx), ctx)
  return w.done()
}
