/**
 * The graph, drawn with uPlot. This module is only ever loaded with `import()` from the metrics page, so uPlot
 * and its stylesheet stay out of the initial download.
 */
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { PALETTE } from './query'


export interface ChartOptions {
  width: number
  height: number
  /** one entry per series: its legend text */
  labels: string[]
  /** the axis and grid colours */
  text: string
  grid: string
  /** the hovered point (index into the x column), or null when the cursor left */
  onHover: (idx: number | null) => void
}

export interface Chart {
  /** new values for the same series */
  setData(data: uPlot.AlignedData): void
  setSize(width: number, height: number): void
  destroy(): void
}

const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC')

export function createChart(el: HTMLElement, data: uPlot.AlignedData, o: ChartOptions): Chart {
  const axis = { stroke: o.text, grid: { stroke: o.grid, width: 1 }, ticks: { stroke: o.grid, width: 1 } }
  const opts: uPlot.Options = {
    width: o.width,
    height: o.height,
    tzDate: utc,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 6 } },
    scales: { x: { time: true } },
    axes: [axis, { ...axis, size: 60 }],
    series: [
      { label: 'time' },
      ...o.labels.map((label, i) => ({
        label,
        stroke: PALETTE[i % PALETTE.length],
        width: 1.5,
        spanGaps: false,
        points: { show: false },
      })),
    ],
    hooks: {
      setCursor: [(u) => o.onHover(u.cursor.idx ?? null)],
    },
  }
  const u = new uPlot(opts, data, el)
  return {
    setData: (d) => u.setData(d),
    setSize: (width, height) => u.setSize({ width, height }),
    destroy: () => u.destroy(),
  }
}
