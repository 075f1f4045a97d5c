/** Streams used by the interpreter: output for pipes, substitutions and redirections; shared input of loops. */
import type { OutputStream } from './types'

/** Collects everything written to it (a pipe stage's stdout, a `$(...)` result). */
export class BufferStream implements OutputStream {
  text = ''
  write(text: string): void {
    this.text += text
  }
}

/** Discards everything (`2>&-`). */
export const nullStream: OutputStream = { write: () => {} }

/**
 * Standard input shared by the commands of a compound command (`while read l; do ...; done < file`): `read`
 * consumes it line by line; other commands see what is left without consuming it.
 */
export class InputCursor {
  constructor(public rest: string) {}
}

/** The text a command reads from `stdin` (null, the terminal, reads as empty). */
export const inputText = (stdin: string | InputCursor | null): string => (stdin instanceof InputCursor ? stdin.rest : (stdin ?? ''))
