/**
 * The sample image streams the samples operator installs in namespace `openshift`, and the openshift-apiserver
 * rule that decorates every image stream with the registry's repositories: `status.dockerImageRepository` =
 * `<internalRegistryHostname>/<ns>/<name>` and `publicDockerImageRepository` from the first external hostname
 * of `images.config.openshift.io/cluster` (both empty while the registry is not configured).
 */
import type { KObject } from '../api/types'
import type { Cluster } from '../cluster'
import { rfc3339 } from '../core/time'
import type { Controller, ControllerContext } from '../controllers/types'
import { splitKey } from '../controllers/types'
import { clone } from '../controllers/util'

const IS = 'imagestreams.image.openshift.io'
const IMAGE_CONFIG = 'images.config.openshift.io'

interface Sample {
  name: string
  /** source repository per tag (without the digest) */
  tags: Record<string, string>
  display: string
}

const SAMPLES_412: Sample[] = [
  { name: 'cli', display: 'OpenShift CLI', tags: { latest: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev' } },
  { name: 'tools', display: 'OpenShift Tools', tags: { latest: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev' } },
  { name: 'must-gather', display: 'must-gather', tags: { latest: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev' } },
  { name: 'httpd', display: 'Apache HTTP Server (httpd)', tags: { '2.4-el7': 'registry.redhat.io/rhscl/httpd-24-rhel7', '2.4-el8': 'registry.redhat.io/ubi8/httpd-24', latest: 'registry.redhat.io/ubi8/httpd-24' } },
  { name: 'nodejs', display: 'Node.js', tags: { '14-ubi8': 'registry.redhat.io/ubi8/nodejs-14', '16-ubi8': 'registry.redhat.io/ubi8/nodejs-16', '18-ubi8': 'registry.redhat.io/ubi8/nodejs-18', latest: 'registry.redhat.io/ubi8/nodejs-18' } },
  { name: 'python', display: 'Python', tags: { '2.7-ubi8': 'registry.redhat.io/ubi8/python-27', '3.6-ubi8': 'registry.redhat.io/ubi8/python-36', '3.8-ubi8': 'registry.redhat.io/ubi8/python-38', '3.9-ubi8': 'registry.redhat.io/ubi8/python-39', latest: 'registry.redhat.io/ubi8/python-39' } },
  { name: 'ruby', display: 'Ruby', tags: { '2.7-ubi8': 'registry.redhat.io/ubi8/ruby-27', '3.0-ubi8': 'registry.redhat.io/ubi8/ruby-30', '3.1-ubi8': 'registry.redhat.io/ubi8/ruby-31', latest: 'registry.redhat.io/ubi8/ruby-31' } },
  { name: 'php', display: 'PHP', tags: { '7.4-ubi8': 'registry.redhat.io/ubi8/php-74', '8.0-ubi8': 'registry.redhat.io/ubi8/php-80', latest: 'registry.redhat.io/ubi8/php-80' } },
  { name: 'mysql', display: 'MySQL', tags: { '8.0-el8': 'registry.redhat.io/rhel8/mysql-80', latest: 'registry.redhat.io/rhel8/mysql-80' } },
  { name: 'postgresql', display: 'PostgreSQL', tags: { '10-el8': 'registry.redhat.io/rhel8/postgresql-10', '12-el8': 'registry.redhat.io/rhel8/postgresql-12', '13-el8': 'registry.redhat.io/rhel8/postgresql-13', latest: 'registry.redhat.io/rhel8/postgresql-13' } },
]

const SAMPLES_40: Sample[] = [
  { name: 'cli', display: 'OpenShift CLI', tags: { latest: 'registry.svc.ci.openshift.org/openshift/origin-v4.0' } },
  { name: 'tools', display: 'OpenShift Tools', tags: { latest: 'registry.svc.ci.openshift.org/openshift/origin-v4.0' } },
  { name: 'httpd', display: 'Apache HTTP Server (httpd)', tags: { '2.4': 'registry.redhat.io/rhscl/httpd-24-rhel7', latest: 'registry.redhat.io/rhscl/httpd-24-rhel7' } },
  { name: 'nodejs', display: 'Node.js', tags: { '6': 'registry.redhat.io/rhscl/nodejs-6-rhel7', '8': 'registry.redhat.io/rhscl/nodejs-8-rhel7', '10': 'registry.redhat.io/rhscl/nodejs-10-rhel7', latest: 'registry.redhat.io/rhscl/nodejs-10-rhel7' } },
  { name: 'python', display: 'Python', tags: { '2.7': 'registry.redhat.io/rhscl/python-27-rhel7', '3.5': 'registry.redhat.io/rhscl/python-35-rhel7', '3.6': 'registry.redhat.io/rhscl/python-36-rhel7', latest: 'registry.redhat.io/rhscl/python-36-rhel7' } },
  { name: 'ruby', display: 'Ruby', tags: { '2.3': 'registry.redhat.io/rhscl/ruby-23-rhel7', '2.4': 'registry.redhat.io/rhscl/ruby-24-rhel7', '2.5': 'registry.redhat.io/rhscl/ruby-25-rhel7', latest: 'registry.redhat.io/rhscl/ruby-25-rhel7' } },
  { name: 'php', display: 'PHP', tags: { '7.1': 'registry.redhat.io/rhscl/php-71-rhel7', latest: 'registry.redhat.io/rhscl/php-71-rhel7' } },
  { name: 'mysql', display: 'MySQL', tags: { '5.7': 'registry.redhat.io/rhscl/mysql-57-rhel7', latest: 'registry.redhat.io/rhscl/mysql-57-rhel7' } },
]

/** The sample stream names of a profile (for tests and labs). */
export function sampleNames(profile: '4.0' | '4.12'): string[] {
  return (profile === '4.0' ? SAMPLES_40 : SAMPLES_412).map((s) => s.name)
}

/** The registry repositories of a stream as openshift-apiserver reports them. */
function repositories(ctx: { api: ControllerContext['api'] }, ns: string, name: string): { dockerImageRepository: string; publicDockerImageRepository?: string } {
  const status = ctx.api.tryGet(IMAGE_CONFIG, undefined, 'cluster')?.status ?? {}
  // The validator rejects an empty dockerImageRepository, so an unconfigured registry still yields the service host.
  const internal: string = status.internalRegistryHostname || 'image-registry.openshift-image-registry.svc:5000'
  const external: string | undefined = status.externalRegistryHostnames?.[0]
  return { dockerImageRepository: internal ? `${internal}/${ns}/${name}` : '', ...(external ? { publicDockerImageRepository: `${external}/${ns}/${name}` } : {}) }
}

/** Creates the sample image streams in `openshift`, imported a little after the install began. */
export function installSamples(cluster: Cluster): void {
  const samples = cluster.profile === '4.0' ? SAMPLES_40 : SAMPLES_412
  const created = rfc3339(cluster.now())
  for (const s of samples) {
    const digests: Record<string, string> = {}
    const tagNames = Object.keys(s.tags)
    for (const t of tagNames) digests[t] = t === 'latest' ? '' : `sha256:${cluster.rng.hex(64)}`
    const latestOf = tagNames.filter((t) => t !== 'latest').sort().at(-1)
    if ('latest' in digests) digests.latest = latestOf ? digests[latestOf] : `sha256:${cluster.rng.hex(64)}`
    const is: KObject = {
      apiVersion: 'image.openshift.io/v1',
      kind: 'ImageStream',
      metadata: {
        name: s.name,
        namespace: 'openshift',
        annotations: { 'openshift.io/display-name': s.display, 'samples.operator.openshift.io/version': cluster.info.release },
        labels: { 'samples.operator.openshift.io/managed': 'true' },
      },
      spec: {
        lookupPolicy: { local: false },
        tags: tagNames.map((t) => ({
          name: t,
          annotations: { 'openshift.io/display-name': `${s.display} ${t === 'latest' ? '(Latest)' : t}`, tags: 'builder' },
          from: { kind: 'DockerImage', name: `${s.tags[t]}:${t === 'latest' ? 'latest' : t}` },
          generation: 2,
          importPolicy: {},
          referencePolicy: { type: 'Local' },
        })),
      },
      status: {
        ...repositories(cluster, 'openshift', s.name),
        tags: tagNames.map((t) => ({ tag: t, items: [{ created, dockerImageReference: `${s.tags[t]}@${digests[t]}`, image: digests[t], generation: 2 }] })),
      },
    }
    cluster.api.create(IS, is, { keepStatus: true })
  }
}

function reconcile(key: string, ctx: ControllerContext): void {
  const { namespace, name } = splitKey(key)
  if (!namespace) return
  const is = ctx.api.tryGet(IS, namespace, name)
  if (!is || is.metadata.deletionTimestamp) return
  const want = repositories(ctx, namespace, name)
  const cur = is.status ?? {}
  if ((cur.dockerImageRepository ?? '') === want.dockerImageRepository && cur.publicDockerImageRepository === want.publicDockerImageRepository) return
  const next = clone(is)
  next.status = { ...cur, dockerImageRepository: want.dockerImageRepository }
  if (want.publicDockerImageRepository) next.status.publicDockerImageRepository = want.publicDockerImageRepository
  else delete next.status.publicDockerImageRepository
  ctx.api.updateStatus(IS, next)
}

/** openshift-apiserver's image stream decoration, as a controller (registered by every scenario's `prepare`). */
export const imageStreamRepositories: Controller = {
  name: 'openshift-apiserver-imagestream-repositories',
  watches: [
    { resource: IS },
    { resource: IMAGE_CONFIG, keys: (_e, ctx) => ctx.api.store.list(IS).map((o) => `${o.metadata.namespace}/${o.metadata.name}`) },
  ],
  reconcile,
}
