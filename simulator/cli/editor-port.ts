/**
 * What `oc edit` and an editor port say to each other beyond the shell's EditorPort (`shell/types.ts`): the
 * request also carries the command's environment (so `KUBE_EDITOR=x oc edit ...` works), and a port reports an
 * editor that could not run or failed by throwing EditorFailure with kubectl's words.
 */

/** An edit request: the EditorPort's, plus the environment of the `oc edit` command. */
export interface EditRequest {
  path: string
  text: string
  title?: string
  env?: ReadonlyMap<string, string>
}

/** The editor could not be launched or exited non-zero: `unable to launch the editor "x"`, `there was a problem with the editor "x"`. */
export class EditorFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EditorFailure'
  }
}
