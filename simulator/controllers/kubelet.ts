/**
 * The kubelets of all nodes: run pods bound to a node (ContainerCreating → Running → Ready), restart crashing
 * containers with CrashLoopBackOff back-off, complete job containers, and stop terminating pods after their
 * preStop hook, finally removing them from the API. Container behaviour comes from `containerBehaviours`.
 */
import type { KObject } from '../api/types'
import { rfc3339 } from '../core/time'
import { formatGoDuration } from '../format/duration'
import { containerBehaviours, type ContainerOutcome } from './container-behaviour'
import { allocatePodIP, checkVolumes, nodeIP } from './kubelet-support'
import type { Controller, ControllerContext, ReconcileResult } from './types'
import { splitKey } from './types'
import { clone, controllerRef, emit, eventExists, hashHex, hashInt, ms, setCondition } from './util'

/** Timer key of the kubelet for a pod. */
const src = (pod: KObject) => ({ component: 'kubelet', host: pod.spec.nodeName })
const field = (c: any) => `spec.containers{${c.name}}`

/** Milliseconds between a pod reaching its node and its containers starting (sandbox, pull, create). */
function startDelay(pod: KObject): number {
  return 2000 + hashInt(`${pod.metadata.uid}/start`, 3000)
}

/** CrashLoopBackOff delay before restart number `n + 1`: immediate, then 10s doubling to 5m. */
export function backoff(n: number): number {
  return n === 0 ? 1000 : Math.min(10000 * 2 ** (n - 1), 300000)
}

function imageID(image: string): string {
  if (image.includes('@')) return image
  const repo = image.replace(/:[^/:]+$/, '')
  return `${repo}@sha256:${hashHex(`image:${image}`, 64)}`
}

function defaultOutcome(pod: KObject, c: any): ContainerOutcome {
  // Without a behaviour, job pods finish their work after a few seconds; everything else runs and is ready.
  if (controllerRef(pod)?.kind === 'Job') return { exit: { code: 0, reason: 'Completed', afterMs: 3000 + hashInt(`${pod.metadata.uid}/${c.name}/job`, 5000) } }
  return {}
}

function outcomeOf(ctx: ControllerContext, pod: KObject, c: any): ContainerOutcome {
  const o = containerBehaviours(ctx).outcome(pod, c, ctx)
  const d = defaultOutcome(pod, c)
  return { ready: o.ready ?? d.ready, exit: o.exit ?? d.exit, onStart: o.onStart }
}

function startContainer(ctx: ControllerContext, pod: KObject, c: any, cs: any, first: boolean): void {
  const now = ctx.now()
  const pull = c.imagePullPolicy === 'Always'
  if (pull) {
    emit(ctx, pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, src(pod), field(c))
    const secs = `${1 + hashInt(`${pod.metadata.uid}/${c.name}/pull`, 3)}.${String(hashInt(`${pod.metadata.uid}/${c.name}/ns`, 1e9)).padStart(9, '0')}s`
    emit(ctx, pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${secs}`, src(pod), field(c))
  } else emit(ctx, pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, src(pod), field(c))
  emit(ctx, pod, 'Normal', 'Created', `Created container ${c.name}`, src(pod), field(c))
  emit(ctx, pod, 'Normal', 'Started', `Started container ${c.name}`, src(pod), field(c))
  cs.state = { running: { startedAt: rfc3339(now) } }
  cs.containerID = `cri-o://${ctx.rng.hex(64)}`
  cs.imageID = imageID(c.image)
  cs.started = true
  cs.ready = false
  if (!first) cs.restartCount = (cs.restartCount ?? 0) + 1
  outcomeOf(ctx, pod, c).onStart?.()
}

/** Whether a terminated container will be started again under the pod's restart policy. */
function restarts(pod: KObject, t: { exitCode: number } | undefined): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always'
  return !!t && (policy === 'Always' || (policy === 'OnFailure' && t.exitCode !== 0))
}

/** When a crashed container is due to start again (after its back-off), if it is waiting for that. */
function restartDue(pod: KObject, cs: any): number | undefined {
  if (cs.state?.terminated && restarts(pod, cs.state.terminated)) return ms(cs.state.terminated.finishedAt) + backoff(cs.restartCount ?? 0)
  if (cs.state?.waiting?.reason === 'CrashLoopBackOff') return ms(cs.lastState?.terminated?.finishedAt) + backoff(cs.restartCount ?? 0)
  return undefined
}

/** Advances one container; returns when it next needs attention (ms from now), if ever. */
function stepContainer(ctx: ControllerContext, pod: KObject, c: any, cs: any): number | undefined {
  const now = ctx.now()
  if (cs.state?.waiting?.reason === 'ContainerCreating') startContainer(ctx, pod, c, cs, true)
  const due = restartDue(pod, cs)
  if (due !== undefined) {
    if (now < due) return due - now
    if (cs.state?.terminated) cs.lastState = { terminated: cs.state.terminated }
    startContainer(ctx, pod, c, cs, false)
  }
  if (!cs.state?.running) return undefined
  const startedAt = ms(cs.state.running.startedAt)
  const out = outcomeOf(ctx, pod, c)
  if (out.exit && now >= startedAt + out.exit.afterMs) {
    const terminated = { exitCode: out.exit.code, reason: out.exit.reason, startedAt: cs.state.running.startedAt, finishedAt: rfc3339(now), containerID: cs.containerID }
    cs.ready = false
    cs.started = false
    const n = cs.restartCount ?? 0
    if (!restarts(pod, terminated) || n === 0) {
      // The first crash restarts at once (no back-off entry yet); a finished container just stays terminated.
      cs.state = { terminated }
      return restarts(pod, terminated) ? backoff(0) : undefined
    }
    const wait = backoff(n)
    cs.lastState = { terminated }
    cs.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${formatGoDuration(wait)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } }
    emit(ctx, pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, src(pod), field(c))
    return wait
  }
  let next = out.exit ? startedAt + out.exit.afterMs - now : undefined
  const probe = c.readinessProbe
  const period = (probe?.periodSeconds ?? 10) * 1000
  const readyAt = probe ? startedAt + (probe.initialDelaySeconds ?? 0) * 1000 + hashInt(`${cs.containerID}/probe`, period) : startedAt
  const min = (a: number | undefined, b: number) => (a === undefined ? b : Math.min(a, b))
  if (now < readyAt) {
    cs.ready = false
    next = min(next, readyAt - now)
  } else if (out.ready === false) {
    emit(ctx, pod, 'Warning', 'Unhealthy', probeFailure(probe), src(pod), field(c))
    cs.ready = false
    next = min(next, period)
  } else {
    cs.ready = true
    if (out.ready !== undefined) next = min(next, period)
  }
  return next
}

function probeFailure(probe: any): string {
  if (probe?.httpGet) return 'Readiness probe failed: HTTP probe failed with statuscode: 503'
  if (probe?.tcpSocket) return `Readiness probe failed: dial tcp: connect: connection refused`
  return 'Readiness probe failed: '
}

/** Pod phase and Ready/ContainersReady from the container statuses (kubelet's getPhase and status manager). */
function podConditions(pod: KObject, status: any, at: string): void {
  const statuses: any[] = status.containerStatuses
  const allTerminated = statuses.every((s) => s.state?.terminated && !restarts(pod, s.state.terminated))
  const started = statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)
  if (allTerminated) status.phase = statuses.every((s) => s.state.terminated.exitCode === 0) ? 'Succeeded' : 'Failed'
  else status.phase = started ? 'Running' : 'Pending'
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name)
  for (const type of ['Ready', 'ContainersReady']) {
    if (status.phase === 'Succeeded' || status.phase === 'Failed') setCondition(status, { type, status: 'False', reason: 'PodCompleted', lastProbeTime: null }, at)
    else if (unready.length) setCondition(status, { type, status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]`, lastProbeTime: null }, at)
    else setCondition(status, { type, status: 'True', lastProbeTime: null }, at)
  }
  for (const c of status.conditions) if (c.status === 'True' || c.reason === 'PodCompleted') {
    delete c.message
    if (c.status === 'True') delete c.reason
  }
}

function terminate(ctx: ControllerContext, pod: KObject): ReconcileResult | void {
  const grace = pod.metadata.deletionGracePeriodSeconds ?? 0
  const requested = ms(pod.metadata.deletionTimestamp) - grace * 1000
  const running = (pod.status?.containerStatuses ?? []).filter((s: any) => s.state?.running)
  let stopMs = 0
  if (running.length) {
    for (const c of pod.spec.containers ?? []) {
      if (!running.some((s: any) => s.name === c.name)) continue
      const killing = `Stopping container ${c.name}`
      // Recorded once: later reconciles of the same termination find the event already there.
      if (!eventExists(ctx, pod, 'Killing', killing, 'kubelet', field(c))) emit(ctx, pod, 'Normal', 'Killing', killing, src(pod), field(c))
      const cmd = (c.lifecycle?.preStop?.exec?.command ?? []).join(' ')
      const sleep = /sleep\s+(\d+)/.exec(cmd)
      const hook = sleep ? Number(sleep[1]) * 1000 : 0
      stopMs = Math.max(stopMs, hook + 1000 + hashInt(`${pod.metadata.uid}/stop`, 1000))
    }
  } else stopMs = 500
  const endAt = requested + Math.min(stopMs, grace * 1000)
  if (ctx.now() < endAt) return { requeueAfter: endAt - ctx.now() }
  ctx.api.finalizeDeletion('pods', pod.metadata.namespace, pod.metadata.name)
}

function reconcile(key: string, ctx: ControllerContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key)
  const stored = ctx.api.tryGet('pods', namespace, name)
  if (!stored?.spec?.nodeName) return
  if (stored.metadata.deletionTimestamp) {
    return terminate(ctx, stored)
  }
  if (stored.status?.phase === 'Succeeded' || stored.status?.phase === 'Failed') return
  const node = ctx.api.tryGet('nodes', undefined, stored.spec.nodeName)
  if (!node) return
  const pod = clone(stored)
  const status = (pod.status ??= {})
  const now = ctx.now()
  const at = rfc3339(now)
  if (!status.startTime) {
    status.phase = 'Pending'
    status.hostIP = nodeIP(node)
    status.startTime = at
    setCondition(status, { type: 'Initialized', status: 'True', lastProbeTime: null }, at)
    setCondition(status, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, at)
    status.containerStatuses = [...(pod.spec.containers ?? [])]
      .sort((a: any, b: any) => (a.name < b.name ? -1 : 1))
      .map((c: any) => ({ name: c.name, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: c.image, imageID: '', started: false }))
    podConditions(pod, status, at)
    status.conditions.sort((a: any, b: any) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type))
  }
  let next: number | undefined
  const pending = !status.podIP
  if (pending) {
    const block = checkVolumes(ctx, pod)
    if (block?.multiAttach) {
      const { pv, holders } = block.multiAttach
      emit(ctx, pod, 'Warning', 'FailedAttachVolume', `Multi-Attach error for volume "${pv}" Volume is already used by pod(s) ${holders.join(', ')}`, { component: 'attachdetach-controller' })
    }
    if (block) {
      const waited = now - ms(status.startTime)
      if (waited >= 120000) {
        const vols = (pod.spec.volumes ?? []).map((v: any) => v.name).sort()
        const claimVols = (pod.spec.volumes ?? []).filter((v: any) => v.persistentVolumeClaim).map((v: any) => v.name).sort()
        emit(ctx, pod, 'Warning', 'FailedMount', `Unable to attach or mount volumes: unmounted volumes=[${claimVols.join(' ')}], unattached volumes=[${vols.join(' ')}]: timed out waiting for the condition`, src(pod))
      }
      next = 10000
    } else if (now < ms(status.startTime) + startDelay(pod)) {
      next = ms(status.startTime) + startDelay(pod) - now
    } else {
      if (pod.spec.hostNetwork) {
        status.podIP = status.hostIP
      } else {
        const { ip, prefix } = allocatePodIP(ctx, node)
        status.podIP = ip
        emit(ctx, pod, 'Normal', 'AddedInterface', `Add eth0 [${ip}/${prefix}] from ovn-kubernetes`, { component: 'multus' })
      }
      status.podIPs = [{ ip: status.podIP }]
    }
  }
  if (status.podIP) {
    const byName = new Map((pod.spec.containers ?? []).map((c: any) => [c.name, c]))
    for (const cs of status.containerStatuses ?? []) {
      const c = byName.get(cs.name)
      if (!c) continue
      const n = stepContainer(ctx, pod, c, cs)
      if (n !== undefined) next = next === undefined ? n : Math.min(next, n)
    }
  }
  podConditions(pod, status, at)
  if (JSON.stringify(stored.status) !== JSON.stringify(status)) ctx.api.updateStatus('pods', pod)
  if (next !== undefined) return { requeueAfter: Math.max(next, 0) }
}

const ORDER = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

/** Wakes the kubelet for the pods of a namespace that use a claim when that claim changes. */
function claimToPods(e: { object: KObject }, ctx: ControllerContext): string[] {
  const ns = e.object.metadata.namespace
  return ctx.api.store
    .list('pods', ns)
    .filter((p) => p.spec?.nodeName && !p.status?.podIP && (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === e.object.metadata.name))
    .map((p) => `${ns}/${p.metadata.name}`)
}

/** The kubelet (all nodes' kubelets, keyed by pod). */
export const kubelet: Controller = {
  name: 'kubelet',
  watches: [
    { resource: 'pods', keys: (e) => (e.object.spec?.nodeName ? [`${e.object.metadata.namespace}/${e.object.metadata.name}`] : []) },
    { resource: 'persistentvolumeclaims', keys: claimToPods },
  ],
  reconcile,
}
