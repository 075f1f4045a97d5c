/**
 * The simulated API server: the one door through which the CLI, the editor, scenarios and controllers read and
 * write objects. It assigns uid, resourceVersion, generation and timestamps, runs admission (pruning,
 * defaulting, validation), enforces optimistic concurrency, finalizers and graceful deletion, notifies
 * watchers, and keeps an audit log of the requests made by trainees' commands.
 */
import type { Patch } from 'immer'
import type { VirtualClock } from '../core/clock'
import type { Rng } from '../core/rng'
import { ApiError, alreadyExists, conflict, invalid, notFound, type StatusCause } from './errors'
import { jsonEqual, jsonPatch, mergePatch, strategicMergePatch, type PatchType } from './patch'
import { apiVersionOf, qualifiedName, resourceByKey, type ResourceType } from './resources'
import { parseFieldSelector, parseLabelSelector } from './selectors'
import { cloneJson, ObjectStore, type StoreState } from './store'
import type { KObject, Profile } from './types'
import { rfc3339 } from '../core/time'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface WatchEvent {
  type: WatchEventType
  resource: string
  object: KObject
  old?: KObject
  patches: Patch[]
  inversePatches: Patch[]
}

/** Admission: schema pruning, defaulting and validation; implemented by the schema module and injected. */
export interface Admission {
  admit(rt: ResourceType, obj: KObject, ctx: { profile: Profile; operation: 'CREATE' | 'UPDATE'; old?: KObject; warnings: string[] }): KObject
  /** DELETE requests (before the object is looked up, as the real admission chain runs); throws to refuse */
  admitDelete?(rt: ResourceType, namespace: string | undefined, name: string, ctx: { profile: Profile }): void
}

/**
 * Server-side defaulting that is not in a schema: cluster IP allocation, a route's default host, the default
 * StorageClass admission plugin. Runs before admission on create (and on update with `operation`).
 */
export type Mutator = (rt: ResourceType, obj: KObject, ctx: { operation: 'CREATE' | 'UPDATE'; old?: KObject; api: ApiServer }) => void

export interface RequestOptions {
  /** collects `Warning:` texts (unknown fields) for the CLI to print */
  warnings?: string[]
  dryRun?: boolean
  /** scenario installers and controllers may set status on create */
  keepStatus?: boolean
}

export interface DeleteOptions extends RequestOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan'
}

export interface ListOptions {
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
}

export interface AuditEntry {
  time: number
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete'
  resource: string
  /** `log` for `oc logs`, `exec` for `oc rsh`/`oc exec` */
  subresource?: string
  namespace?: string
  name?: string
  user: string
  command: string
  /**
   * Set only when the request failed: the HTTP status the server answered (404 for NotFound, 400 for a log or exec
   * request on a container that is not running…). Absent means it succeeded (also in sessions saved before).
   */
  code?: number
}

export interface Requester {
  user: string
  /** the trainee's command line; requests without one (controllers) are not audited */
  command?: string
}

const CONTROLLER: Requester = { user: 'system:serviceaccount:kube-system:generic-controller' }

export class ApiServer {
  readonly store = new ObjectStore()
  private rv = 1
  private listeners = new Set<(e: WatchEvent) => void>()
  private requester: Requester = CONTROLLER
  /** append-only; snapshots record its length */
  readonly audit: AuditEntry[] = []
  admission: Admission | undefined
  /** registered by controllers and scenarios; see `Mutator` */
  readonly mutators: Mutator[] = []

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    readonly profile: Profile,
  ) {}

  /** Runs `fn` with requests attributed to `req` (the audit log records requests that carry a command). */
  as<T>(req: Requester, fn: () => T): T {
    const prev = this.requester
    this.requester = req
    try {
      return fn()
    } finally {
      this.requester = prev
    }
  }

  /** Same as `as` for async work (the shell runs commands asynchronously). */
  setRequester(req: Requester | undefined): void {
    this.requester = req ?? CONTROLLER
  }

  watch(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  // ---- reads ----

  get(resource: string, namespace: string | undefined, name: string): KObject {
    const rt = resourceByKey(resource)
    return this.audited(this.record('get', rt, namespace, name), () => this.getRecorded(rt, resource, namespace, name))
  }

  private getRecorded(rt: ResourceType, resource: string, namespace: string | undefined, name: string): KObject {
    if (rt.viewOf) {
      const ns = this.store.get(rt.viewOf, '', name)
      if (!ns) throw notFound(qualifiedName(rt), name)
      return this.project(ns, rt)
    }
    const obj = this.store.get(resource, rt.namespaced ? (namespace ?? '') : '', name)
    if (!obj) throw notFound(qualifiedName(rt), name)
    return obj
  }

  /** A lookup that is not a user request (no audit, no error). */
  tryGet(resource: string, namespace: string | undefined, name: string): KObject | undefined {
    const rt = resourceByKey(resource)
    if (rt.viewOf) {
      const o = this.store.get(rt.viewOf, '', name)
      return o && this.project(o, rt)
    }
    return this.store.get(resource, rt.namespaced ? (namespace ?? '') : '', name)
  }

  list(resource: string, opts: ListOptions = {}): KObject[] {
    const rt = resourceByKey(resource)
    return this.audited(this.record('list', rt, opts.namespace, undefined), () => this.select(rt, opts))
  }

  /** A listing that is not a user request (controllers, printers). */
  query(resource: string, opts: ListOptions = {}): KObject[] {
    return this.select(resourceByKey(resource), opts)
  }

  /** Records a request on a subresource: `get pods/log` (`oc logs`), `create pods/exec` (`oc rsh`, `oc exec`). */
  recordSubresource(verb: 'get' | 'create', resource: string, namespace: string | undefined, name: string, subresource: string): void {
    const cmd = this.requester.command
    if (cmd === undefined) return
    const rt = resourceByKey(resource)
    const entry: AuditEntry = { time: this.clock.now(), verb, resource: rt.key, subresource, namespace: rt.namespaced ? namespace : undefined, name, user: this.requester.user, command: cmd }
    const code = this.subresourceRefusal(rt, namespace, name, subresource)
    if (code !== undefined) entry.code = code
    this.audit.push(entry)
  }

  /**
   * The status a real API server (through the kubelet) answers a log or exec request with, judged from the pod: logs
   * need a container that has started, exec/attach a running one (400 otherwise, 404 without the pod). The CLI
   * records the request before it picks a container, so this looks at every container of the pod.
   */
  private subresourceRefusal(rt: ResourceType, namespace: string | undefined, name: string, subresource: string): number | undefined {
    const pod = this.store.get(rt.key, rt.namespaced ? namespace ?? '' : '', name)
    if (!pod) return 404
    if (rt.key !== 'pods') return undefined
    const statuses: any[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
    if (subresource === 'log') {
      const started = statuses.some((s) => s?.state?.running || s?.state?.terminated || s?.lastState?.terminated || (s?.restartCount ?? 0) > 0)
      return started ? undefined : 400
    }
    if (subresource === 'exec' || subresource === 'attach') {
      const phase = pod.status?.phase
      const running = statuses.some((s) => s?.state?.running)
      return phase !== 'Succeeded' && phase !== 'Failed' && running ? undefined : 400
    }
    return undefined
  }

  /** Records that the trainee watched a resource (`oc get -w`, `watch oc get ...`). */
  recordWatch(resource: string, namespace: string | undefined, name?: string): void {
    this.record('watch', resourceByKey(resource), namespace, name)
  }

  private select(rt: ResourceType, opts: ListOptions): KObject[] {
    const source = rt.viewOf ?? rt.key
    let items = this.store.list(source, rt.namespaced ? opts.namespace : undefined)
    if (rt.viewOf) items = items.map((o) => this.project(o, rt))
    if (opts.labelSelector) {
      const sel = parseLabelSelector(opts.labelSelector)
      items = items.filter((o) => sel.matches(o.metadata.labels))
    }
    if (opts.fieldSelector) {
      const sel = parseFieldSelector(opts.fieldSelector, rt.kind)
      items = items.filter((o) => sel.matches(o))
    }
    return items
  }

  /** Project is served from Namespace, as openshift-apiserver does. */
  private project(ns: KObject, rt: ResourceType): KObject {
    return {
      apiVersion: apiVersionOf(rt, this.profile),
      kind: rt.kind,
      metadata: ns.metadata,
      spec: { finalizers: ns.spec?.finalizers ?? ['kubernetes'] },
      status: ns.status ?? { phase: 'Active' },
    }
  }

  // ---- writes ----

  create(resource: string, input: KObject, opts: RequestOptions = {}): KObject {
    const rt = resourceByKey(resource)
    if (rt.viewOf) throw new ApiError('Forbidden', 'You may not request a new project via this API.')
    const obj = cloneJson(input) as KObject
    obj.metadata = obj.metadata ?? ({} as KObject['metadata'])
    obj.apiVersion = apiVersionOf(rt, this.profile)
    obj.kind = rt.kind
    const ns = rt.namespaced ? obj.metadata.namespace ?? '' : ''
    if (rt.namespaced) {
      if (!ns) throw new ApiError('BadRequest', 'an empty namespace may not be set during creation')
      obj.metadata.namespace = ns
      const nsObj = this.store.get('namespaces', '', ns)
      if (!nsObj) throw notFound('namespaces', ns)
      if (nsObj.metadata.deletionTimestamp) {
        throw new ApiError('Forbidden', `${rt.plural} "${obj.metadata.name ?? obj.metadata.generateName}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`)
      }
    } else {
      delete obj.metadata.namespace
    }
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = obj.metadata.generateName + this.rng.suffix(5)
    if (!obj.metadata.name) {
      throw invalid(rt.kind, '', [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }])
    }
    const name = obj.metadata.name
    return this.audited(this.record('create', rt, ns || undefined, name), () => this.createRecorded(rt, ns, name, obj, opts))
  }

  private createRecorded(rt: ResourceType, ns: string, name: string, obj: KObject, opts: RequestOptions): KObject {
    if (this.store.get(rt.key, ns, name)) throw alreadyExists(qualifiedName(rt), name)
    if (rt.statusSubresource && !opts.keepStatus) delete obj.status
    delete obj.metadata.deletionTimestamp
    delete obj.metadata.deletionGracePeriodSeconds
    obj.metadata.uid = this.rng.uuid()
    obj.metadata.creationTimestamp = rfc3339(this.clock.now())
    if (rt.generation) obj.metadata.generation = 1
    else delete obj.metadata.generation
    if (this.profile === '4.0') obj.metadata.selfLink = selfLink(rt, ns, name, this.profile)
    else delete obj.metadata.selfLink
    const admitted = this.admit(rt, obj, 'CREATE', undefined, opts)
    if (opts.dryRun) return admitted
    admitted.metadata.resourceVersion = String(this.rv++)
    return this.commit(rt, ns, name, admitted)
  }

  /** PUT: replaces the object (status is kept from the stored object when the kind has a status subresource). */
  update(resource: string, input: KObject, opts: RequestOptions = {}): KObject {
    const rt = resourceByKey(resource)
    const ns = rt.namespaced ? input.metadata.namespace ?? '' : ''
    return this.audited(this.record('update', rt, ns || undefined, input.metadata.name), () => this.updateRecorded(rt, ns, input, opts))
  }

  private updateRecorded(rt: ResourceType, ns: string, input: KObject, opts: RequestOptions): KObject {
    const existing = this.store.get(rt.key, ns, input.metadata.name)
    if (!existing) throw notFound(qualifiedName(rt), input.metadata.name)
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== existing.metadata.resourceVersion) {
      throw conflict(qualifiedName(rt), input.metadata.name)
    }
    const next = cloneJson(input) as KObject
    if (rt.statusSubresource) {
      if (existing.status === undefined) delete next.status
      else next.status = cloneJson(existing.status)
    }
    return this.replace(rt, existing, next, { ...opts, privateCopy: true })
  }

  /** PUT on the status subresource: only `status` changes. */
  updateStatus(resource: string, input: KObject, opts: RequestOptions = {}): KObject {
    const rt = resourceByKey(resource)
    const ns = rt.namespaced ? input.metadata.namespace ?? '' : ''
    const existing = this.store.get(rt.key, ns, input.metadata.name)
    if (!existing) throw notFound(qualifiedName(rt), input.metadata.name)
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== existing.metadata.resourceVersion) {
      throw conflict(qualifiedName(rt), input.metadata.name)
    }
    const next = cloneJson(existing) as KObject
    if (input.status === undefined) delete next.status
    else next.status = cloneJson(input.status)
    return this.replace(rt, existing, next, { ...opts, statusOnly: true, privateCopy: true })
  }

  /** PATCH; returns the result and whether anything changed (`patched (no change)`). */
  patch(
    resource: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: RequestOptions & { subresource?: 'status' } = {},
  ): { object: KObject; changed: boolean } {
    const rt = resourceByKey(resource)
    const ns = rt.namespaced ? namespace ?? '' : ''
    return this.audited(this.record('patch', rt, ns || undefined, name), () => this.patchRecorded(rt, ns, name, type, body, opts))
  }

  private patchRecorded(rt: ResourceType, ns: string, name: string, type: PatchType, body: unknown, opts: RequestOptions & { subresource?: 'status' }): { object: KObject; changed: boolean } {
    if (type === 'strategic' && !rt.builtin) throw unsupportedStrategic(this.profile)
    const existing = this.store.get(rt.key, ns, name)
    if (!existing) throw notFound(qualifiedName(rt), name)
    let patched: unknown
    if (type === 'merge') patched = mergePatch(existing, body)
    else if (type === 'json') patched = jsonPatch(existing, body)
    else patched = strategicMergePatch(existing, body)
    const next = patched as KObject
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new ApiError('BadRequest', 'the body of the request was in an unknown format')
    }
    const pRV = (next.metadata as KObject['metadata'] | undefined)?.resourceVersion
    if (pRV && pRV !== existing.metadata.resourceVersion) throw conflict(qualifiedName(rt), name)
    if (opts.subresource === 'status') {
      const only = cloneJson(existing) as KObject
      only.status = next.status
      const result = this.replace(rt, existing, only, { ...opts, statusOnly: true })
      return { object: result, changed: result !== existing }
    }
    if (rt.statusSubresource) {
      if (existing.status === undefined) delete next.status
      else next.status = cloneJson(existing.status)
    }
    const result = this.replace(rt, existing, next, opts)
    return { object: result, changed: result !== existing }
  }

  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KObject | undefined {
    const rt = resourceByKey(resource)
    if (rt.viewOf) return this.delete(rt.viewOf, undefined, name, opts)
    const ns = rt.namespaced ? namespace ?? '' : ''
    return this.audited(this.record('delete', rt, ns || undefined, name), () => this.deleteRecorded(rt, ns, name, opts))
  }

  private deleteRecorded(rt: ResourceType, ns: string, name: string, opts: DeleteOptions): KObject | undefined {
    this.admission?.admitDelete?.(rt, ns || undefined, name, { profile: this.profile })
    const existing = this.store.get(rt.key, ns, name)
    if (!existing) throw notFound(qualifiedName(rt), name)
    if (opts.dryRun) return existing
    const now = this.clock.now()
    const next = cloneJson(existing) as KObject
    const meta = next.metadata
    const grace = this.gracePeriod(rt, existing, opts)
    if (meta.deletionTimestamp) {
      // A second delete can only shorten a pod's grace period.
      if (grace !== undefined && grace < (meta.deletionGracePeriodSeconds ?? 0)) {
        meta.deletionTimestamp = rfc3339(now + grace * 1000)
        meta.deletionGracePeriodSeconds = grace
        if (grace === 0 && !(meta.finalizers?.length)) return this.remove(rt, existing)
        return this.commitVersioned(rt, ns, name, next, existing)
      }
      return existing
    }
    if (opts.propagationPolicy === 'Foreground' && this.store.dependentsOf(meta.uid!).length > 0) {
      meta.finalizers = [...(meta.finalizers ?? []), 'foregroundDeletion']
    }
    if (opts.propagationPolicy === 'Orphan') meta.finalizers = [...(meta.finalizers ?? []), 'orphan']
    if (rt.key === 'namespaces') {
      next.status = { ...(next.status ?? {}), phase: 'Terminating' }
      meta.deletionTimestamp = rfc3339(now)
      meta.deletionGracePeriodSeconds = 0
      return this.commitVersioned(rt, ns, name, next, existing)
    }
    if (grace !== undefined && grace > 0) {
      meta.deletionTimestamp = rfc3339(now + grace * 1000)
      meta.deletionGracePeriodSeconds = grace
      return this.commitVersioned(rt, ns, name, next, existing)
    }
    if (meta.finalizers?.length) {
      meta.deletionTimestamp = rfc3339(now)
      meta.deletionGracePeriodSeconds = 0
      return this.commitVersioned(rt, ns, name, next, existing)
    }
    return this.remove(rt, existing)
  }

  /** Pods on a node terminate gracefully; everything else goes at once (or waits for finalizers). */
  private gracePeriod(rt: ResourceType, obj: KObject, opts: DeleteOptions): number | undefined {
    if (rt.key !== 'pods') return undefined
    if (!obj.spec?.nodeName) return 0
    if (obj.status?.phase === 'Succeeded' || obj.status?.phase === 'Failed') return 0
    return opts.gracePeriodSeconds ?? obj.spec?.terminationGracePeriodSeconds ?? 30
  }

  // ---- internals ----

  private replace(rt: ResourceType, existing: KObject, input: KObject, opts: RequestOptions & { statusOnly?: boolean; privateCopy?: boolean }): KObject {
    // Patches share untouched (frozen) parts with the stored object; work on a private copy (`privateCopy`: the
    // caller made `input` by deep-copying, so it is one already).
    const next = opts.privateCopy ? input : (cloneJson(input) as KObject)
    const meta = next.metadata ?? ({} as KObject['metadata'])
    next.metadata = meta
    const old = existing.metadata
    if (meta.name !== old.name) {
      throw new ApiError('BadRequest', `the name of the object (${meta.name}) does not match the name on the URL (${old.name})`)
    }
    next.apiVersion = existing.apiVersion
    next.kind = existing.kind
    // Fields only the server sets.
    meta.uid = old.uid
    meta.creationTimestamp = old.creationTimestamp
    meta.generation = old.generation
    meta.resourceVersion = old.resourceVersion
    if (rt.namespaced) meta.namespace = old.namespace
    else delete meta.namespace
    if (old.selfLink) meta.selfLink = old.selfLink
    if (old.deletionTimestamp) {
      meta.deletionTimestamp = old.deletionTimestamp
      meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds
    } else {
      delete meta.deletionTimestamp
      delete meta.deletionGracePeriodSeconds
    }
    const admitted = opts.statusOnly ? next : this.admit(rt, next, 'UPDATE', existing, opts)
    if (!rt.generation) delete admitted.metadata.generation
    else if (specChanged(existing, admitted)) admitted.metadata.generation = (old.generation ?? 1) + 1
    if (jsonEqual(existing, admitted)) return existing
    if (opts.dryRun) return admitted
    if (admitted.metadata.deletionTimestamp && !(admitted.metadata.finalizers?.length) && rt.key !== 'pods' && rt.key !== 'namespaces') {
      return this.remove(rt, existing) ?? existing
    }
    const ns = rt.namespaced ? old.namespace ?? '' : ''
    return this.commitVersioned(rt, ns, old.name, admitted, existing)
  }

  private admit(rt: ResourceType, obj: KObject, operation: 'CREATE' | 'UPDATE', old: KObject | undefined, opts: RequestOptions): KObject {
    for (const m of this.mutators) m(rt, obj, { operation, old, api: this })
    if (!this.admission) return obj
    const warnings: string[] = []
    const out = this.admission.admit(rt, obj, { profile: this.profile, operation, old, warnings })
    opts.warnings?.push(...warnings)
    return out
  }

  private commitVersioned(rt: ResourceType, ns: string, name: string, obj: KObject, existing: KObject): KObject {
    obj.metadata.resourceVersion = String(this.rv++)
    return this.commit(rt, ns, name, obj, existing)
  }

  private commit(rt: ResourceType, ns: string, name: string, obj: KObject, existing?: KObject): KObject {
    const c = this.store.put(rt.key, ns, name, obj)
    const stored = c.after!
    this.emit({ type: existing ? 'MODIFIED' : 'ADDED', resource: rt.key, object: stored, old: existing, patches: c.patches, inversePatches: c.inversePatches })
    return stored
  }

  /** Final removal of an object (finalizers done, grace period over). */
  private remove(rt: ResourceType, existing: KObject): undefined {
    const ns = rt.namespaced ? existing.metadata.namespace ?? '' : ''
    const c = this.store.put(rt.key, ns, existing.metadata.name, undefined)
    this.rv++
    this.emit({ type: 'DELETED', resource: rt.key, object: existing, old: existing, patches: c.patches, inversePatches: c.inversePatches })
    return undefined
  }

  /** Removes an object whose deletion is complete (used by the kubelet and the finalizing controllers). */
  finalizeDeletion(resource: string, namespace: string | undefined, name: string): void {
    const rt = resourceByKey(resource)
    const existing = this.store.get(rt.key, rt.namespaced ? namespace ?? '' : '', name)
    if (existing) this.remove(rt, existing)
  }

  private emit(e: WatchEvent): void {
    for (const l of this.listeners) l(e)
  }

  private record(verb: AuditEntry['verb'], rt: ResourceType, namespace: string | undefined, name: string | undefined): AuditEntry | undefined {
    const cmd = this.requester.command
    if (cmd === undefined) return undefined
    const entry: AuditEntry = {
      time: this.clock.now(),
      verb,
      resource: rt.key,
      namespace: rt.namespaced ? namespace : undefined,
      name,
      user: this.requester.user,
      command: cmd,
    }
    this.audit.push(entry)
    return entry
  }

  /** Runs the request; if it throws, its audit entry (when it has one) records the error's status. */
  private audited<T>(entry: AuditEntry | undefined, fn: () => T): T {
    try {
      return fn()
    } catch (e) {
      if (entry) entry.code = e instanceof ApiError ? e.code : 500
      throw e
    }
  }

  snapshot(): { store: StoreState; rv: number; auditLength: number } {
    return { store: this.store.snapshot(), rv: this.rv, auditLength: this.audit.length }
  }

  restore(s: { store: StoreState; rv: number; auditLength?: number }, audit?: AuditEntry[]): void {
    this.store.restore(s.store)
    this.rv = s.rv
    if (audit) this.audit.splice(0, this.audit.length, ...audit)
    else if (s.auditLength !== undefined) this.audit.length = Math.min(this.audit.length, s.auditLength)
  }
}

/** Generation changes when anything outside metadata and status changes. */
function specChanged(a: KObject, b: KObject): boolean {
  const strip = (o: KObject) => {
    const { metadata: _m, status: _s, ...rest } = o
    return rest
  }
  return !jsonEqual(strip(a), strip(b))
}

function selfLink(rt: ResourceType, ns: string, name: string, profile: Profile): string {
  const base = rt.group ? `/apis/${apiVersionOf(rt, profile)}` : `/api/${rt.version}`
  return ns ? `${base}/namespaces/${ns}/${rt.plural}/${name}` : `${base}/${rt.plural}/${name}`
}

/** The strategic-merge refusal for custom resources, in the words of the profile's API server. */
function unsupportedStrategic(profile: Profile): ApiError {
  const types = profile === '4.0'
    ? 'application/json-patch+json, application/merge-patch+json'
    : 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml'
  return new ApiError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${types}`)
}

export type { StatusCause }
