/** Kubernetes object-name rules with the exact apimachinery messages. */

/** Which name rule applies: most kinds use subdomains, namespaces/projects and services use labels. */
export type NameRule = 'dns1123-subdomain' | 'dns1123-label'

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`
const LABEL_RE = new RegExp(`^${LABEL}$`)
const SUBDOMAIN_RE = new RegExp(`^${SUBDOMAIN}$`)

/** The messages (empty when valid) the API server attaches to `metadata.name: Invalid value: "<name>": <msg>`. */
export function validateName(name: string, rule: NameRule): string[] {
  const errs: string[] = []
  if (rule === 'dns1123-label') {
    if (name.length > 63) errs.push('must be no more than 63 characters')
    if (!LABEL_RE.test(name))
      errs.push(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '" +
          LABEL +
          "')",
      )
    return errs
  }
  if (name.length > 253) errs.push('must be no more than 253 characters')
  if (!SUBDOMAIN_RE.test(name))
    errs.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '" +
        SUBDOMAIN +
        "')",
    )
  return errs
}
