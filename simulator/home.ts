/** What a trainee finds in their home directory on the bastion: a kubeconfig and the workshops' files. */
import type { Cluster } from './cluster'
import type { VirtualFs } from './shell'

export function seedHome(fs: VirtualFs, home: string, cluster: Cluster): void {
  fs.mkdir(`${home}/.kube`, { recursive: true })
  fs.writeFile(
    `${home}/.kube/config`,
    `apiVersion: v1\nclusters:\n- cluster:\n    server: ${cluster.info.apiUrl}\n  name: ${cluster.info.apiUrl.replace(/^https:\/\//, '').replace(/\./g, '-')}\ncontexts:\n- context:\n    cluster: ${cluster.info.apiUrl.replace(/^https:\/\//, '').replace(/\./g, '-')}\n    namespace: default\n    user: kube:admin\n  name: default/${cluster.info.apiUrl.replace(/^https:\/\//, '').replace(/\./g, '-')}/kube:admin\ncurrent-context: default/${cluster.info.apiUrl.replace(/^https:\/\//, '').replace(/\./g, '-')}/kube:admin\nkind: Config\npreferences: {}\nusers:\n- name: kube:admin\n  user:\n    token: REDACTED\n`,
  )
  fs.mkdir('/tmp', { recursive: true })
  // Workshop 000's custom route needs a certificate, its key and the CA: trainees find them here.
  const domain = `registry.${cluster.info.appsDomain}`
  fs.mkdir(`${home}/route-certificate`, { recursive: true })
  fs.writeFile(`${home}/route-certificate/tls.crt`, pem('CERTIFICATE', `${domain}|cert|${cluster.info.infraID}`))
  fs.writeFile(`${home}/route-certificate/tls.key`, pem('PRIVATE KEY', `${domain}|key|${cluster.info.infraID}`))
  fs.writeFile(`${home}/route-certificate/ca.crt`, pem('CERTIFICATE', `ca|${cluster.info.infraID}`))
}

/** A PEM block whose body is a deterministic base64 text derived from `seed` (not a usable key). */
function pem(label: string, seed: string): string {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  let h = 2166136261
  let body = ''
  for (let i = 0; i < 64 * 18; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % seed.length) ^ i, 16777619) >>> 0
    body += B64[h % 64]
  }
  const lines = body.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
