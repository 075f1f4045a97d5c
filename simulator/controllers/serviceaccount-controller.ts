/**
 * OpenShift's service-account controllers: every namespace gets the `builder`, `default` and `deployer` service
 * accounts and the `kube-root-ca.crt` / `openshift-service-ca.crt` ConfigMaps; every service account gets a
 * token Secret `<sa>-token-<5>` and a pull Secret `<sa>-dockercfg-<5>`, listed in `secrets`/`imagePullSecrets`.
 * Keys: `ns:<namespace>` and `sa:<namespace>/<name>`.
 */
import type { KObject } from '../api/types'
import type { Controller, ControllerContext } from './types'
import { b64decode, b64encode, clone } from './util'

const SA_NAME = 'kubernetes.io/service-account.name'
const SA_UID = 'kubernetes.io/service-account.uid'
const b64 = b64encode
const PEM = (what: string) => `-----BEGIN CERTIFICATE-----\nMIIDMjCCAhqgAwIBAgIIS${what}AwDQYJKoZIhvcNAQELBQAwNjE0MDIGA1UEAwwr\n-----END CERTIFICATE-----\n`

function ensureNamespace(ctx: ControllerContext, ns: string): void {
  const nsObj = ctx.api.tryGet('namespaces', undefined, ns)
  if (!nsObj || nsObj.metadata.deletionTimestamp) return
  for (const sa of ['builder', 'default', 'deployer']) {
    if (!ctx.api.tryGet('serviceaccounts', ns, sa)) ctx.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } })
  }
  if (!ctx.api.tryGet('configmaps', ns, 'kube-root-ca.crt')) {
    ctx.api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': PEM('kube-apiserver') } })
  }
  if (!ctx.api.tryGet('configmaps', ns, 'openshift-service-ca.crt')) {
    ctx.api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'openshift-service-ca.crt', namespace: ns, annotations: { 'service.beta.openshift.io/inject-cabundle': 'true' } }, data: { 'service-ca.crt': PEM('service-ca') } })
  }
}

function ensureSecrets(ctx: ControllerContext, ns: string, name: string): void {
  const sa = ctx.api.tryGet('serviceaccounts', ns, name)
  const nsObj = ctx.api.tryGet('namespaces', undefined, ns)
  if (!sa || sa.metadata.deletionTimestamp || !nsObj || nsObj.metadata.deletionTimestamp) return
  const mine = ctx.api.store.list('secrets', ns).filter((s) => s.metadata.annotations?.[SA_NAME] === name && s.metadata.annotations?.[SA_UID] === sa.metadata.uid)
  let token = mine.find((s) => s.type === 'kubernetes.io/service-account-token')
  if (!token) {
    const jwt = `eyJhbGciOiJSUzI1NiIsImtpZCI6I${ctx.rng.string(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}.${b64(JSON.stringify({ iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': ns, 'kubernetes.io/serviceaccount/service-account.name': name })).replace(/=+$/, '')}.${ctx.rng.string(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`
    token = ctx.api.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-token-${ctx.rng.suffix()}`, namespace: ns, annotations: { [SA_NAME]: name, [SA_UID]: sa.metadata.uid! } },
      type: 'kubernetes.io/service-account-token',
      data: { 'ca.crt': b64(PEM('kube-apiserver')), namespace: b64(ns), 'service-ca.crt': b64(PEM('service-ca')), token: b64(jwt) },
    })
  }
  let pull = mine.find((s) => s.type === 'kubernetes.io/dockercfg')
  if (!pull) {
    const tokenValue = b64decode(token.data.token)
    const auth = b64(`<token>:${tokenValue}`)
    const hosts = ['image-registry.openshift-image-registry.svc:5000', 'image-registry.openshift-image-registry.svc.cluster.local:5000', '172.30.0.0:5000']
    const cfg = Object.fromEntries(hosts.map((h) => [h, { username: 'serviceaccount', password: tokenValue, email: 'serviceaccount@example.org', auth }]))
    pull = ctx.api.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-dockercfg-${ctx.rng.suffix()}`, namespace: ns, annotations: { [SA_NAME]: name, [SA_UID]: sa.metadata.uid!, 'openshift.io/token-secret.name': token.metadata.name, 'openshift.io/token-secret.value': tokenValue } },
      type: 'kubernetes.io/dockercfg',
      data: { '.dockercfg': b64(JSON.stringify(cfg)) },
    })
  }
  const next = clone(sa)
  // References to this account's generated secrets that no longer exist are dropped (and replaced above).
  const gone = (n: string) => (n.startsWith(`${name}-token-`) || n.startsWith(`${name}-dockercfg-`)) && !ctx.api.store.get('secrets', ns, n)
  const secrets: { name: string }[] = (next.secrets ?? []).filter((x: { name: string }) => !gone(x.name))
  for (const s of [token, pull]) if (!secrets.some((x) => x.name === s.metadata.name)) secrets.push({ name: s.metadata.name })
  next.secrets = secrets
  const pulls: { name: string }[] = (next.imagePullSecrets ?? []).filter((x: { name: string }) => !gone(x.name))
  if (!pulls.some((x) => x.name === pull!.metadata.name)) pulls.push({ name: pull.metadata.name })
  next.imagePullSecrets = pulls
  if (JSON.stringify(next) !== JSON.stringify(sa)) ctx.api.update('serviceaccounts', next)
}

function reconcile(key: string, ctx: ControllerContext): void {
  if (key.startsWith('ns:')) return ensureNamespace(ctx, key.slice(3))
  const [ns, name] = key.slice(3).split('/')
  ensureSecrets(ctx, ns, name)
}

const saKey = (o: KObject) => `sa:${o.metadata.namespace}/${o.metadata.name}`

/** The service-account, token and pull-secret controllers, plus the root CA ConfigMap publishers. */
export const serviceAccountController: Controller = {
  name: 'serviceaccount-controller',
  watches: [
    { resource: 'namespaces', keys: (e) => [`ns:${e.object.metadata.name}`] },
    { resource: 'serviceaccounts', keys: (e) => [saKey(e.object), `ns:${e.object.metadata.namespace}`] },
    { resource: 'secrets', keys: (e) => (e.object.metadata.annotations?.[SA_NAME] ? [`sa:${e.object.metadata.namespace}/${e.object.metadata.annotations[SA_NAME]}`] : []) },
    { resource: 'configmaps', keys: (e) => (e.type === 'DELETED' ? [`ns:${e.object.metadata.namespace}`] : []) },
  ],
  reconcile,
}
