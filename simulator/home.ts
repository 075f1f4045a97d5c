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
}
