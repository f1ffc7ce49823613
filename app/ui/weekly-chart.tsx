/**
 * A weekly line chart drawn on the server as SVG (geometry: app/reports/chart.ts), readable without
 * JavaScript: an image with a title and a description, lines told apart by dash as well as colour,
 * a legend in text, and right after it a table holding the same data.
 */
import { useId } from "react";
import { weeklyChartGeometry } from "~/reports/chart.ts";
import { TableScroll } from "./table-scroll.tsx";

export interface WeeklyChartSeries {
  key: string;
  label: string;
  /** Plotted values; null leaves a gap. */
  values: ReadonlyArray<number | null>;
  /** What the table shows for each week. */
  cells: readonly string[];
}

const strokes = [
  { colour: "#1e40af", dash: undefined },
  { colour: "#9a3412", dash: "6 4" },
  { colour: "#166534", dash: "2 3" },
  { colour: "#6b21a8", dash: "10 3 2 3" },
];

export function WeeklyChart({
  title,
  description,
  tableCaption,
  weekHeader,
  weekLabels,
  axisLabels = weekLabels,
  series,
}: {
  title: string;
  description: string;
  tableCaption: string;
  weekHeader: string;
  weekLabels: readonly string[];
  /** Shorter labels under the axis (default: the week labels). */
  axisLabels?: readonly string[];
  series: readonly WeeklyChartSeries[];
}) {
  const id = useId();
  const geometry = weeklyChartGeometry(weekLabels.length, series);
  return (
    <div className="mb-6">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="h-auto w-full max-w-3xl bg-white"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={geometry.plot.left} x2={geometry.plot.right} y1={tick.y} y2={tick.y} stroke="#cbd5e1" />
            <text x={geometry.plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end" fontSize="13" fill="#334155">
              {tick.value}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick) => (
          <text key={tick.index} x={tick.x} y={geometry.plot.bottom + 22} textAnchor="middle" fontSize="13" fill="#334155">
            {axisLabels[tick.index]}
          </text>
        ))}
        {geometry.lines.map((one, index) => {
          const stroke = strokes[index % strokes.length]!;
          return (
            <g key={one.key}>
              <path d={one.d} fill="none" stroke={stroke.colour} strokeWidth="2.5" strokeDasharray={stroke.dash} />
              {one.points.map((point, pointIndex) => (
                <circle key={pointIndex} cx={point.x} cy={point.y} r="2.5" fill={stroke.colour} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="mb-3 mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {series.map((one, index) => {
          const stroke = strokes[index % strokes.length]!;
          return (
            <li key={one.key} className="flex items-center gap-2">
              <svg width="32" height="10" aria-hidden="true">
                <line x1="0" x2="32" y1="5" y2="5" stroke={stroke.colour} strokeWidth="2.5" strokeDasharray={stroke.dash} />
              </svg>
              {one.label}
            </li>
          );
        })}
      </ul>
      <TableScroll label={tableCaption}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="mb-1 text-left font-semibold">{tableCaption}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {weekHeader}
              </th>
              {series.map((one) => (
                <th key={one.key} scope="col" className="p-2 text-right">
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weekLabels.map((label, index) => (
              <tr key={index} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {label}
                </th>
                {series.map((one) => (
                  <td key={one.key} className="p-2 text-right">
                    {one.cells[index]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
