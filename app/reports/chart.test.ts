import { describe, expect, it } from "vitest";
import { CHART_SIZE, weeklyChartGeometry } from "./chart.ts";

describe("weekly chart geometry", () => {
  it("puts zero on the bottom of the plot and the highest value at or below its top", () => {
    const geometry = weeklyChartGeometry(3, [{ key: "a", values: [0, 5, 10] }]);
    const [first, , last] = geometry.lines[0]!.points;
    expect(first!.y).toBe(geometry.plot.bottom);
    expect(last!.y).toBeGreaterThanOrEqual(geometry.plot.top);
    expect(first!.x).toBe(geometry.plot.left);
    expect(last!.x).toBe(geometry.plot.right);
    expect(geometry.lines[0]!.d.startsWith("M")).toBe(true);
  });

  it("leaves a gap for a missing value and keeps an empty chart drawable", () => {
    const gap = weeklyChartGeometry(4, [{ key: "a", values: [1, null, 2, 3] }]);
    expect(gap.lines[0]!.points).toHaveLength(3);
    expect(gap.lines[0]!.d.match(/M/g)).toHaveLength(2);
    const none = weeklyChartGeometry(2, [{ key: "a", values: [0, 0] }]);
    expect(none.yTicks.map((tick) => tick.value)).toContain(1);
    expect(none.width).toBe(CHART_SIZE.width);
  });

  it("labels at most six weeks, and only whole numbers on the value axis", () => {
    const geometry = weeklyChartGeometry(53, [{ key: "a", values: Array.from({ length: 53 }, (_, i) => i % 3) }]);
    expect(geometry.xTicks.length).toBeLessThanOrEqual(6);
    expect(geometry.yTicks.every((tick) => Number.isInteger(tick.value))).toBe(true);
  });
});
