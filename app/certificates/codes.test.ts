import { describe, expect, it } from "vitest";
import { CODE_PATTERN, newCertificateCode, normaliseCode } from "./codes.ts";

describe("certificate codes", () => {
  it("carry the city prefix and match the published pattern", () => {
    const code = newCertificateCode("mad");
    expect(code).toMatch(/^MAD-/);
    expect(code).toMatch(CODE_PATTERN);
  });
  it("are not repeated across many draws", () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newCertificateCode("BOG")));
    expect(codes.size).toBe(5000);
  });
  it("accept what a person types with spaces or lower case", () => {
    expect(normaliseCode("  mad-7k3q-9xrt-m4pz ")).toBe("MAD-7K3Q-9XRT-M4PZ");
  });
});
