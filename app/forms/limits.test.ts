import { describe, expect, it } from "vitest";
import { acceptAttribute, headFits, kindsByName, TextCheck, type FileRule } from "./limits.ts";

const images: FileRule = { maxBytes: 2 * 1024 * 1024, types: ["png", "jpeg"] };

describe("file kinds", () => {
  it("accepts a file by its name and declared type, allowing browsers that declare none", () => {
    expect(kindsByName(images, "Logo.PNG", "image/png")).toEqual(["png"]);
    expect(kindsByName(images, "logo.jpg", "")).toEqual(["jpeg"]);
    expect(kindsByName(images, "logo.jpg", "application/octet-stream")).toEqual(["jpeg"]);
    expect(kindsByName(images, "logo.png", "text/html")).toEqual([]);
    expect(kindsByName(images, "logo.svg", "image/svg+xml")).toEqual([]);
    expect(kindsByName({ maxBytes: 1, types: ["csv"] }, "staff.csv", "application/vnd.ms-excel")).toEqual(["csv"]);
  });

  it("checks the first bytes of a binary kind", () => {
    expect(headFits("png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(true);
    expect(headFits("png", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
    expect(headFits("jpeg", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(headFits("zip", new TextEncoder().encode("PK\x03\x04rest"))).toBe(true);
    expect(headFits("zip", Uint8Array.from([0x50, 0x4b]))).toBe(false);
  });

  it("takes UTF-8 text split anywhere as text, and refuses binary or broken text", () => {
    const bytes = new TextEncoder().encode("nombre,correo\r\nJoão,joão@sao-paulo.example\n");
    const split = new TextCheck();
    // Split in the middle of "ã" (two bytes).
    const cut = bytes.indexOf(0xc3) + 1;
    expect(split.push(bytes.subarray(0, cut)) && split.push(bytes.subarray(cut)) && split.end()).toBe(true);
    expect(new TextCheck().push(Uint8Array.from([0x61, 0x00, 0x62]))).toBe(false);
    const truncated = new TextCheck();
    expect(truncated.push(Uint8Array.from([0x61, 0xc3]))).toBe(true);
    expect(truncated.end()).toBe(false);
    expect(new TextCheck().push(Uint8Array.from([0xff, 0xfe]))).toBe(false);
  });

  it("describes a rule for the file input", () => {
    expect(acceptAttribute(images)).toBe(".png,image/png,.jpg,.jpeg,image/jpeg");
  });
});
