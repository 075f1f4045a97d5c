/**
 * The part of the cluster monitoring stack a trainee meets in the registry workshops: the two Prometheus pods
 * `prometheus-k8s-0/1` in `openshift-monitoring` (created directly: StatefulSets are not simulated), their
 * Service and the reencrypt Route `prometheus-k8s` (`oc get route prometheus-k8s -n openshift-monitoring`).
 */
import type { Cluster } from '../cluster'

const NS = 'openshift-monitoring'

/** Container names and images of a prometheus-k8s pod per release. */
function containers(cluster: Cluster): any[] {
  const img = () =>
    cluster.profile === '4.0'
      ? `registry.svc.ci.openshift.org/openshift/origin-v4.0-2019-02-22-073342@sha256:${cluster.rng.hex(64)}`
      : `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${cluster.rng.hex(64)}`
  const names = cluster.profile === '4.0'
    ? ['prometheus', 'prometheus-config-reloader', 'rules-configmap-reloader', 'prometheus-proxy', 'kube-rbac-proxy']
    : ['prometheus', 'config-reloader', 'thanos-sidecar', 'prometheus-proxy', 'kube-rbac-proxy', 'kube-rbac-proxy-thanos']
  return names.map((name) => ({
    name,
    image: img(),
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: { cpu: name === 'prometheus' ? '70m' : '1m', memory: name === 'prometheus' ? '1Gi' : '10Mi' } },
    ...(name === 'prometheus' ? { ports: [{ containerPort: 9090, name: 'web', protocol: 'TCP' }] } : {}),
    ...(name === 'prometheus-proxy' ? { ports: [{ containerPort: 9091, name: 'web', protocol: 'TCP' }] } : {}),
  }))
}

/** Creates the Prometheus pods, the Service and the Route of `openshift-monitoring`. */
export function installMonitoring(cluster: Cluster): void {
  const labels: Record<string, string> = cluster.profile === '4.0'
    ? { app: 'prometheus', prometheus: 'k8s' }
    : { 'app.kubernetes.io/component': 'prometheus', 'app.kubernetes.io/instance': 'k8s', 'app.kubernetes.io/managed-by': 'prometheus-operator', 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/part-of': 'openshift-monitoring', prometheus: 'k8s' }
  for (const i of [0, 1]) {
    const name = `prometheus-k8s-${i}`
    cluster.api.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: NS, labels: { ...labels, 'controller-revision-hash': `prometheus-k8s-${cluster.rng.suffix(10)}`, 'statefulset.kubernetes.io/pod-name': name } },
      spec: {
        hostname: name,
        subdomain: 'prometheus-operated',
        serviceAccountName: 'prometheus-k8s',
        priorityClassName: 'system-cluster-critical',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: containers(cluster),
      },
    })
  }
  cluster.api.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus-k8s', namespace: NS } })
  const ports = cluster.profile === '4.0'
    ? [{ name: 'web', port: 9091, protocol: 'TCP', targetPort: 'web' }]
    : [{ name: 'web', port: 9091, protocol: 'TCP', targetPort: 'web' }, { name: 'tenancy', port: 9092, protocol: 'TCP', targetPort: 'tenancy' }]
  cluster.api.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'prometheus-k8s', namespace: NS, labels: { ...labels }, annotations: { 'service.beta.openshift.io/serving-cert-secret-name': 'prometheus-k8s-tls' } },
    spec: { ports, selector: cluster.profile === '4.0' ? { app: 'prometheus', prometheus: 'k8s' } : { 'app.kubernetes.io/name': 'prometheus', prometheus: 'k8s' }, sessionAffinity: 'ClientIP', type: 'ClusterIP' },
  })
  cluster.api.create('routes.route.openshift.io', {
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: { name: 'prometheus-k8s', namespace: NS, labels: { ...labels } },
    spec: {
      host: `prometheus-k8s-${NS}.${cluster.info.appsDomain}`,
      ...(cluster.profile === '4.0' ? {} : { path: '/api' }),
      port: { targetPort: 'web' },
      tls: { insecureEdgeTerminationPolicy: 'Redirect', termination: 'reencrypt' },
      to: { kind: 'Service', name: 'prometheus-k8s', weight: 100 },
      wildcardPolicy: 'None',
    },
  })
}
