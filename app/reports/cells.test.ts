import { describe, expect, it } from "vitest";
import { exportCell, neutraliseCell } from "./cells.ts";

describe("neutraliseCell", () => {
  it.each(["=1+1", "+34 600", "-2", "@SUM(A1)", "\tcmd", "\rcmd", '=HYPERLINK("http://x")'])("defuses %j", (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each(["María José", "joão@sao-paulo.example", "a=b", "3 - 2", "", "'quoted"])("leaves %j alone", (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });
});

describe("exportCell", () => {
  it("keeps numbers (also negative ones) as numbers and writes null as empty", () => {
    expect(exportCell(-3)).toBe(-3);
    expect(exportCell(12)).toBe(12);
    expect(exportCell(null)).toBe("");
    expect(exportCell("-3")).toBe("'-3");
  });
});
