import { describe, expect, it } from "vitest";
import { cpuTicks, median, scaleRatio } from "./bench-scale-figures.ts";

describe("cpuTicks", () => {
  it("adds utime and stime (fields 14 and 15)", () => {
    const stat =
      "4242 (node) S 1 4242 4242 0 -1 4194304 12000 0 0 0 731 96 0 0 20 0 11 0 5000 1200000000 40000 18446744073709551615";
    expect(cpuTicks(stat)).toBe(731 + 96);
  });

  it("counts fields after the last parenthesis, whatever the command name holds", () => {
    const stat = "77 (node (main) x) R 1 77 77 0 -1 0 0 0 0 0 15 5 0 0 20 0 1 0 1 1 1";
    expect(cpuTicks(stat)).toBe(20);
  });

  it("refuses text that is not a stat line", () => {
    expect(() => cpuTicks("nothing here")).toThrow();
    expect(() => cpuTicks("1 (a) S 1")).toThrow();
  });
});

describe("median", () => {
  it("takes the middle sample, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe("scaleRatio", () => {
  it("compares the medians and passes within the tolerance", () => {
    expect(scaleRatio([2, 2.2, 1.8], [2.2, 2.2, 9])).toEqual({ ratio: 2.2 / 2, pass: true });
    expect(scaleRatio([2, 2, 2], [2.4, 2.4, 2.4]).pass).toBe(false);
    expect(scaleRatio([2], [2.3]).pass).toBe(true);
  });
});
