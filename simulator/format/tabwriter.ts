/**
 * A port of Go's `text/tabwriter` (left alignment, no escapes, no HTML filtering) as used by kubectl,
 * plus the `RememberWidths` behaviour of the `liggitt/tabwriter` fork used by `oc get -w`.
 */

/** Options of a tabwriter, mirroring Go's `tabwriter.Writer.Init`. */
export interface TabwriterOptions {
  minwidth: number
  tabwidth: number
  padding: number
  padchar: string
  /** Go's DiscardEmptyColumns flag (rarely used). */
  discardEmptyColumns?: boolean
}

/** kubectl `get` tables: minwidth 6, tabwidth 4, padding 3, spaces. */
export const GET_TABLE: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ' }
/** kubectl 1.11 (OCP 4.0 previews) `get` tables: minwidth 10. */
export const GET_TABLE_LEGACY: TabwriterOptions = { minwidth: 10, tabwidth: 4, padding: 3, padchar: ' ' }
/** kubectl describers: minwidth 0, tabwidth 8, padding 2, spaces. */
export const DESCRIBE: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' }
/** `oc describe project`: minwidth 0, tabwidth 8, padding 1, padded with real tab characters. */
export const PROJECT_DESCRIBE: TabwriterOptions = { minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' }

interface Cell {
  text: string
  width: number
  htab: boolean
}

/** Number of Unicode code points (Go's utf8.RuneCountInString). */
export function runeWidth(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Stateful formatter; `remember` keeps the maximum width per column across flushes (widths only grow). */
class Engine {
  private lines: Cell[][] = [[]]
  private cur = ''
  private widths: number[] = []
  private out: string[] = []

  constructor(
    private readonly opts: TabwriterOptions,
    private readonly remembered: number[] | null,
  ) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const ncells = this.terminateCell(ch === '\t')
        if (ch === '\n' || ch === '\f') {
          this.lines.push([])
          if (ch === '\f' || ncells === 1) this.flush()
        }
      } else {
        this.cur += ch
      }
    }
  }

  /** Formats and emits everything buffered; returns the output accumulated so far. */
  finish(): string {
    if (this.cur.length > 0) this.terminateCell(false)
    this.flush()
    return this.out.join('')
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]
    line.push({ text: this.cur, width: runeWidth(this.cur), htab })
    this.cur = ''
    return line.length
  }

  private flush(): void {
    // A trailing partial cell stays buffered in Go; here cells are only terminated by the caller.
    this.format(0, this.lines.length)
    this.lines = [[]]
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue
      this.writeLines(line0, cur)
      line0 = cur
      let width = this.opts.minwidth
      let discardable = true
      for (; cur < line1; cur++) {
        const line = this.lines[cur]
        if (column >= line.length - 1) break
        const c = line[column]
        const w = c.width + this.opts.padding
        if (w > width) width = w
        if (c.width > 0 || c.htab) discardable = false
      }
      if (discardable && this.opts.discardEmptyColumns) width = 0
      if (this.remembered) {
        if (column < this.remembered.length && this.remembered[column] > width) width = this.remembered[column]
        this.remembered[column] = width
      }
      this.widths.push(width)
      this.format(line0, cur)
      this.widths.pop()
      line0 = cur
    }
    this.writeLines(line0, line1)
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]
      line.forEach((c, j) => {
        this.out.push(c.text)
        if (j < this.widths.length) this.out.push(this.padding(c.width, this.widths[j]))
      })
      if (i + 1 < this.lines.length) this.out.push('\n')
    }
  }

  private padding(textw: number, cellw: number): string {
    const { padchar, tabwidth } = this.opts
    if (padchar === '\t') {
      if (tabwidth === 0) return ''
      const w = Math.ceil(cellw / tabwidth) * tabwidth
      return '\t'.repeat(Math.ceil((w - textw) / tabwidth))
    }
    return padchar.repeat(Math.max(0, cellw - textw))
  }
}

/** Runs `text` through a tabwriter with the given options, like writing it all then calling Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const e = new Engine(opts, null)
  e.write(text)
  return e.finish()
}

/** Joins cells with tabs, ends each row with a newline and formats them (default: kubectl get table). */
export function formatTable(rows: string[][], opts: TabwriterOptions = GET_TABLE): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''), opts)
}

/** A table writer that remembers column widths across successive writes (kubectl `get -w`). */
export class TableWriter {
  private readonly widths: number[] = []

  constructor(private readonly opts: TabwriterOptions = GET_TABLE) {}

  /** Formats rows, widening columns to at least the widths seen before; widths only grow. */
  write(rows: string[][]): string {
    const e = new Engine(this.opts, this.widths)
    e.write(rows.map((r) => r.join('\t') + '\n').join(''))
    return e.finish()
  }

  /** The remembered column widths (a copy). */
  columnWidths(): number[] {
    return [...this.widths]
  }
}
