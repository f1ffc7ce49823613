import { describe, expect, it } from "vitest";
import { defaultEmblemSvg } from "~/cities/signatory-cities.ts";
import { cleanedSvgs, refusedSvgs } from "../../tests/fixtures/hostile-svgs.ts";
import { sanitiseSvg } from "./svg-sanitiser.server.ts";

describe("sanitiseSvg", () => {
  it.each(cleanedSvgs)("cleans $name", ({ svg, mustNotContain }) => {
    const result = sanitiseSvg(svg);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.svg).not.toMatch(mustNotContain);
      expect(result.svg).toMatch(/^<svg/);
    }
  });

  it.each(refusedSvgs)("refuses $name", ({ svg, reason }) => {
    expect(sanitiseSvg(svg)).toEqual({ ok: false, reason });
  });

  it("keeps an ordinary logo: shapes, text, gradients and references inside the file", () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 20">',
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h5v5z"/></defs>',
      '<rect width="20" height="20" fill="url(#g)"/><use xlink:href="#p"/><use href="#p"/><text x="2" y="15">M&amp;A</text>',
      "</svg>",
    ].join("");
    const result = sanitiseSvg(svg);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.svg).toContain('viewBox="0 0 20 20"');
    expect(result.svg).toContain('fill="url(#g)"');
    expect(result.svg).toContain('href="#p"');
    expect(result.svg).toContain("<use");
    expect(result.svg).toContain("M&amp;A");
  });

  it("keeps an embedded PNG image", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    const result = sanitiseSvg(`<svg xmlns="http://www.w3.org/2000/svg"><image href="${png}" width="1" height="1"/></svg>`);
    expect(result.ok && result.svg).toContain(png);
  });

  it("keeps the default emblem the seed gives every city", () => {
    const svg = defaultEmblemSvg({ primaryColor: "#1e3a5f", accentColor: "#c8102e", certificatePrefix: "MAD" });
    const result = sanitiseSvg(svg);
    expect(result.ok && result.svg).toContain(">MAD</text>");
  });

  it("refuses bytes that are not UTF-8", () => {
    expect(sanitiseSvg(new Uint8Array([0x3c, 0x73, 0xff, 0xfe]))).toEqual({ ok: false, reason: "notXml" });
  });
});
