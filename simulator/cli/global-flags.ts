/** The flags every `oc` verb accepts (oc's persistent flags), as far as the simulator knows them. */
import type { FlagSpec } from './flags'

/** Flags every verb accepts (oc's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.', notSimulated: 'there is one cluster and one user' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use', notSimulated: 'there is one cluster and one user' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use', notSimulated: 'there is one cluster and one user' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use', notSimulated: 'there is one cluster and one user' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server', notSimulated: 'there is one cluster and one user' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server', notSimulated: 'there is one cluster and one user' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'request-timeout', type: 'string', default: '0', usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: 'loglevel', type: 'int', default: 0, usage: 'Set the level of log output (0-10)' },
  { name: 'v', short: 'v', type: 'int', default: 0, usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.', notSimulated: 'every command runs as the session\'s user' },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code', notSimulated: 'warnings stay warnings' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', hidden: true },
]
