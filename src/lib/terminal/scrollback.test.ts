import { describe, expect, it } from 'vitest'
import { readScrollback, scrollbackText, type BufferLike } from './scrollback'

/** a buffer of rows `[text, isWrapped]` with the cursor on row `cursor` */
function buffer(rows: [string, boolean][], cursor: number): BufferLike {
  return {
    length: rows.length,
    baseY: 0,
    cursorY: cursor,
    getLine: (y) =>
      rows[y] && {
        isWrapped: rows[y][1],
        translateToString: (trim?: boolean) => (trim ? rows[y][0].trimEnd() : rows[y][0]),
      },
  }
}

describe('scrollback', () => {
  it('keeps the lines above the prompt row, wrapped rows joined', () => {
    const buf = buffer(
      [
        ['$ echo hello   ', false],
        ['hello     ', false],
        ['$ a long comm', false],
        ['and output  ', true],
        ['$ typing', false],
        ['', false],
      ],
      4,
    )
    expect(readScrollback(buf, 100)).toEqual(['$ echo hello', 'hello', '$ a long command output'])
    expect(readScrollback(buf, 2)).toEqual(['hello', '$ a long command output'])
  })

  it('leaves out the start of a prompt line that wrapped onto the cursor row', () => {
    const buf = buffer(
      [
        ['out', false],
        ['$ a very long line bei', false],
        ['ng typed', true],
      ],
      2,
    )
    expect(readScrollback(buf, 100)).toEqual(['out'])
  })

  it('prints saved lines back on fresh rows without control characters', () => {
    expect(scrollbackText([])).toBe('')
    expect(scrollbackText(['a', 'b\x1b[2Jc'])).toBe('a\r\nb[2Jc\r\n')
  })
})
