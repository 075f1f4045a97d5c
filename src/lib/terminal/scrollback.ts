/**
 * Reading the terminal's text for saving, and writing saved text back. Only plain text is kept: colours are lost
 * across a reload, the words are not.
 */

/** the part of xterm's buffer API this needs */
export interface BufferLike {
  readonly length: number
  readonly baseY: number
  readonly cursorY: number
  getLine(y: number): { isWrapped: boolean; translateToString(trimRight?: boolean): string } | undefined
}

/**
 * The logical lines above the cursor's row (the prompt line being edited is left out), wrapped rows joined back
 * together, at most `max` of them, oldest first.
 */
export function readScrollback(buf: BufferLike, max: number): string[] {
  const end = Math.min(buf.length, buf.baseY + buf.cursorY)
  const lines: string[] = []
  for (let y = 0; y < end; y++) {
    const line = buf.getLine(y)
    if (!line) continue
    const next = y + 1 < buf.length ? buf.getLine(y + 1) : undefined
    // a row that continues on the next one keeps its trailing spaces
    const text = line.translateToString(!next?.isWrapped)
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text
    else lines.push(text)
  }
  // a cursor inside a wrapped line: its earlier rows belong to the line being edited
  const cursorLine = buf.getLine(end)
  if (cursorLine?.isWrapped) {
    let y = end
    while (y > 0 && buf.getLine(y)?.isWrapped) y--
    // rows y..end-1 are the start of the cursor's logical line, which is the last entry
    if (y < end) lines.pop()
  }
  return lines.slice(-max)
}

/** the text that puts saved lines back on screen, ending at the start of a fresh row */
export function scrollbackText(lines: string[]): string {
  if (lines.length === 0) return ''
  return lines.map((l) => l.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')).join('\r\n') + '\r\n'
}
