/** `oc create -f FILE` (YAML/JSON, several documents, Lists, stdin, `/dev/fd/N`) and the `create` subcommands. */
import { CREATE_COMMON_FLAGS, createAndPrint, eachManifestObject } from '../create-common'
import type { Invocation, Verb } from '../env'
import { CliError, ExitError } from '../errors'
import { renderHelp } from '../help'
import type { FlagSpec } from '../flags'
import { dryRunOf, reportAggregate } from '../mutate-helpers'
import { outputFormatOf } from '../printers/output'
import { CREATE_SUBCOMMANDS } from './create-resources'

const CREATE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files to use to create the resource' },
  { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' },
  { name: 'edit', type: 'bool', usage: 'Edit the API resource before creating', notSimulated: 'create the object, then use oc edit' },
  { name: 'raw', type: 'string', usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.', notSimulated: 'there are no raw requests' },
  ...CREATE_COMMON_FLAGS,
]

async function runCreate(inv: Invocation): Promise<number> {
  const { cmd, flags } = inv
  const files = flags.filename as string[]
  if (files.length === 0) {
    cmd.stderr.write('Error: must specify one of -f and -k\n\n')
    // kubectl's DefaultSubCommandRun: words that are no subcommand are an unknown command
    if (inv.positional.length > 0) throw new CliError(`unknown command "${inv.positional.join(' ')}"`, 'create')
    cmd.stderr.write(renderHelp(createVerb, inv.binary, 'create', inv.profile))
    throw new ExitError(1)
  }
  if (inv.positional.length > 0) throw new CliError(`Unexpected args: [${inv.positional.join(' ')}]`, 'create')
  const dry = dryRunOf(inv)
  if (flags.output) outputFormatOf(inv)
  const { errors, count } = eachManifestObject(inv, files, () => 'creating', (item, obj) => {
    createAndPrint(inv, item.rt, obj, dry)
  })
  if (count === 0) errors.push('no objects passed to create')
  return reportAggregate(inv, errors)
}

/** `oc create`. */
export const createVerb: Verb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  use: 'create -f FILENAME [flags] [options]',
  example: `  # Create a pod using the data in pod.json
  oc create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | oc create -f -
`,
  group: 'Basic Commands',
  flags: CREATE_FLAGS,
  subcommands: CREATE_SUBCOMMANDS,
  run: runCreate,
}
