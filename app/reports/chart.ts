/**
 * The geometry of a weekly line chart, server-side: scales from d3-scale, paths from d3-shape. A
 * missing value (null) leaves a gap in its line. The component (app/ui/weekly-chart.tsx) only draws it.
 */
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";

export interface ChartSeries {
  key: string;
  values: ReadonlyArray<number | null>;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ index: number; x: number }>;
  yTicks: Array<{ value: number; y: number }>;
  lines: Array<{ key: string; d: string; points: Array<{ x: number; y: number }> }>;
}

export const CHART_SIZE = { width: 640, height: 260, margin: { top: 16, right: 16, bottom: 40, left: 48 } };
/** At most this many week labels under the axis, so they never overlap. */
const MAX_X_LABELS = 6;

export function weeklyChartGeometry(weekCount: number, series: readonly ChartSeries[]): ChartGeometry {
  const { width, height, margin } = CHART_SIZE;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const indexes = Array.from({ length: weekCount }, (_, index) => index);
  const x = scalePoint<number>().domain(indexes).range([plot.left, plot.right]);
  const highest = Math.max(0, ...series.flatMap((one) => one.values.filter((value): value is number => value !== null)));
  const y = scaleLinear()
    .domain([0, Math.max(1, highest)])
    .nice()
    .range([plot.bottom, plot.top]);
  const step = Math.max(1, Math.ceil(weekCount / MAX_X_LABELS));
  const draw = line<number | null>()
    .defined((value) => value !== null)
    .x((_, index) => x(index) ?? plot.left)
    .y((value) => y(value ?? 0));
  return {
    width,
    height,
    plot,
    xTicks: indexes.filter((index) => index % step === 0).map((index) => ({ index, x: x(index) ?? plot.left })),
    yTicks: y
      .ticks(5)
      .filter((value) => Number.isInteger(value))
      .map((value) => ({ value, y: y(value) })),
    lines: series.map((one) => ({
      key: one.key,
      d: draw([...one.values]) ?? "",
      points: one.values.flatMap((value, index) => (value === null ? [] : [{ x: x(index) ?? plot.left, y: y(value) }])),
    })),
  };
}
