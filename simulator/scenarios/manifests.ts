/** Objects the Cluster Version Operator installs for the image registry (before the operator itself acts). */
import type { KObject, Profile } from '../api/types'
import type { ClusterInfo } from '../cluster'

/** The image the registry operator runs, per profile. */
export function operatorImage(profile: Profile, rngHex: string): string {
  return profile === '4.0'
    ? `registry.svc.ci.openshift.org/openshift/origin-v4.0-2019-02-22-073342@sha256:${rngHex}`
    : `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${rngHex}`
}

/** Deployment `cluster-image-registry-operator` (1 replica on a master, as the CVO manifest says). */
export function operatorDeployment(profile: Profile, info: ClusterInfo, image: string, registryImage: string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'cluster-image-registry-operator',
      namespace: 'openshift-image-registry',
      annotations: { 'config.openshift.io/inject-proxy': 'cluster-image-registry-operator', 'include.release.openshift.io/self-managed-high-availability': 'true' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { name: 'cluster-image-registry-operator' } },
      template: {
        metadata: { labels: { name: 'cluster-image-registry-operator' }, annotations: { 'target.workload.openshift.io/management': '{"effect": "PreferredDuringScheduling"}' } },
        spec: {
          serviceAccountName: 'cluster-image-registry-operator',
          priorityClassName: 'system-cluster-critical',
          nodeSelector: { 'node-role.kubernetes.io/master': '' },
          tolerations: [
            { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
            { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
            { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
          ],
          containers: [
            {
              name: 'cluster-image-registry-operator',
              image,
              command: ['cluster-image-registry-operator'],
              ports: [{ containerPort: 60000, name: 'metrics', protocol: 'TCP' }],
              env: [
                { name: 'RELEASE_VERSION', value: info.release },
                { name: 'WATCH_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'OPERATOR_NAME', value: 'cluster-image-registry-operator' },
                { name: 'IMAGE', value: registryImage },
                { name: 'IMAGE_PRUNER', value: image.replace(/@sha256:.*/, '@sha256:' + 'c'.repeat(64)) },
              ],
              resources: { requests: { cpu: '10m', memory: '50Mi' } },
              terminationMessagePolicy: 'FallbackToLogsOnError',
              volumeMounts: [
                { name: 'trusted-ca', mountPath: '/var/run/configmaps/trusted-ca/' },
                { name: 'image-registry-operator-tls', mountPath: '/etc/secrets' },
              ],
            },
          ],
          volumes: [
            { name: 'trusted-ca', configMap: { name: 'trusted-ca', optional: true, items: [{ key: 'ca-bundle.crt', path: 'tls-ca-bundle.pem' }] } },
            { name: 'image-registry-operator-tls', secret: { secretName: 'image-registry-operator-tls' } },
          ],
        },
      },
    },
  }
}
