import { describe, expect, it } from "vitest";
import { oneDecimal, percentage } from "./rounding.ts";

describe("rounding figures", () => {
  it("shows shares as whole percentages on pages and with one decimal in files", () => {
    expect(percentage(2 / 3, 0)).toBe(67);
    expect(percentage(2 / 3, 1)).toBe(66.7);
    expect(percentage(0.005, 0)).toBe(1);
    expect(percentage(1, 1)).toBe(100);
  });

  it("gives scores and days one decimal", () => {
    expect(oneDecimal(86.66)).toBe(86.7);
    expect(oneDecimal(12)).toBe(12);
  });
});
