/** Output streams used by the interpreter for pipes, substitutions and redirections. */
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
