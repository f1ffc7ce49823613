/** The geometry of the score histogram, server-side (d3-scale); the page only draws it. */
import { scaleBand, scaleLinear } from "d3-scale";
import type { HistogramBin } from "./item-analysis.ts";

export const HISTOGRAM_SIZE = { width: 640, height: 240, margin: { top: 16, right: 16, bottom: 40, left: 48 } };

export interface HistogramGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: Array<{ x: number; y: number; width: number; height: number; from: number; to: number; count: number }>;
  yTicks: Array<{ value: number; y: number }>;
}

export function histogramGeometry(bins: readonly HistogramBin[]): HistogramGeometry {
  const { width, height, margin } = HISTOGRAM_SIZE;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const x = scaleBand<number>()
    .domain(bins.map((_, index) => index))
    .range([plot.left, plot.right])
    .padding(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((bin) => bin.count))])
    .nice()
    .range([plot.bottom, plot.top]);
  return {
    width,
    height,
    plot,
    bars: bins.map((bin, index) => ({
      x: x(index) ?? plot.left,
      y: y(bin.count),
      width: x.bandwidth(),
      height: plot.bottom - y(bin.count),
      ...bin,
    })),
    yTicks: y
      .ticks(5)
      .filter((value) => Number.isInteger(value))
      .map((value) => ({ value, y: y(value) })),
  };
}
