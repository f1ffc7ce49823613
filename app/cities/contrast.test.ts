import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cityColourPairs,
  cityContrastFailures,
  contrastRatio,
  fixedColourPairs,
  meetsContrast,
  nearestPassingCityColours,
  nearestPassingColour,
  relativeLuminance,
  shellColours,
} from "./contrast.ts";
import { signatoryCities } from "./signatory-cities.ts";

describe("contrastRatio (WCAG relative luminance)", () => {
  it("gives the known end points and values", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    // Published values: #767676 is the lightest grey at 4.5:1 on white, #949494 is 3:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#949494", "#ffffff")).toBeCloseTo(3.03, 2);
    expect(contrastRatio("#1d4ed8", "#FFFFFF")).toBeCloseTo(6.7, 1);
  });

  it("does not depend on the order of the colours", () => {
    expect(contrastRatio("#7a1d2e", "#f3c64a")).toBe(contrastRatio("#f3c64a", "#7a1d2e"));
  });

  it("refuses what is not #rrggbb", () => {
    expect(() => relativeLuminance("red")).toThrow();
    expect(() => relativeLuminance("#fff")).toThrow();
  });

  it("asks 4.5:1 of normal text and 3:1 of large text and non-text", () => {
    expect(meetsContrast("#767676", "#ffffff", "text")).toBe(true);
    expect(meetsContrast("#777777", "#ffffff", "text")).toBe(false);
    expect(meetsContrast("#949494", "#ffffff", "large-text")).toBe(true);
    expect(meetsContrast("#949494", "#ffffff", "non-text")).toBe(true);
    expect(meetsContrast("#959595", "#ffffff", "non-text")).toBe(false);
  });
});

describe("cityContrastFailures (the rule the admin form applies to new colours)", () => {
  it("names each failing pair with its ratio and the minimum", () => {
    const failures = cityContrastFailures({ primaryColor: "#f3c64a", accentColor: "#7a1d2e" });
    expect(failures.map((failure) => failure.where)).toContain("header text and links on the header");
    expect(failures.map((failure) => failure.where)).toContain("focus ring's halo against the header");
    for (const failure of failures) expect(failure.ratio).toBeLessThan(failure.required);
  });

  it("passes a dark primary, whatever the decorative accent", () => {
    expect(cityContrastFailures({ primaryColor: "#1e3a5f", accentColor: "#1e3a5f" })).toEqual([]);
  });

  it("fails malformed colours instead of throwing", () => {
    expect(cityContrastFailures({ primaryColor: "navy", accentColor: "#ffffff" }).length).toBeGreaterThan(0);
    expect(cityContrastFailures({ primaryColor: "#1e3a5f", accentColor: "url(x)" }).length).toBeGreaterThan(0);
  });
});

describe("the ten cities' themes", () => {
  it.each(signatoryCities.map((city) => [city.slug, city] as const))("%s: every pair meets WCAG AA", (_slug, city) => {
    const failures = cityContrastFailures(city);
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
    expect(cityColourPairs(city).length).toBeGreaterThan(0);
  });

  it("the focus ring meets 3:1 against its halo and the page", () => {
    for (const pair of fixedColourPairs) expect(meetsContrast(pair.foreground, pair.background, pair.use), pair.where).toBe(true);
  });

  it("the default header colours (no city theme) pass too", () => {
    const css = readFileSync("app/styles.css", "utf8");
    const primary = /--city-primary:\s*(#[0-9a-fA-F]{6})/.exec(css)?.[1];
    const accent = /--city-accent:\s*(#[0-9a-fA-F]{6})/.exec(css)?.[1];
    expect(primary && accent).toBeTruthy();
    expect(cityContrastFailures({ primaryColor: primary ?? "", accentColor: accent ?? "" })).toEqual([]);
  });
});

/** The pairs above are the stylesheet's: these fail when the stylesheet changes without them. */
describe("the pairs are the ones the stylesheet draws", () => {
  const css = readFileSync("app/styles.css", "utf8");

  it("the focus ring and its halo are the colours checked", () => {
    const focus = /:focus-visible\s*\{([^}]*)\}/.exec(css)?.[1] ?? "";
    expect(focus).toContain(`outline: 3px solid ${shellColours.focusRing}`);
    expect(focus).toMatch(new RegExp(`box-shadow: 0 0 0 \\d+px (${shellColours.focusHalo}|#fff)\\b`));
  });

  it("city colours are used only in the header rule, as its background and its decorative border", () => {
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter(([, , body]) => /var\(--city-/.test(body ?? ""));
    expect(rules.map(([, selector]) => selector?.trim())).toEqual([".city-header"]);
    const declarations = (rules[0]?.[2] ?? "").trim();
    expect(declarations).toContain("background: var(--city-primary)");
    expect(declarations).toContain("border-bottom: 4px solid var(--city-accent)");
  });

  it("no component uses a city colour directly (only the theme route defines them)", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (path === join("app", "generated") || path === join("app", "routes", "themes.$city.tsx")) return [];
        return statSync(path).isDirectory() ? files(path) : /\.tsx$/.test(name) ? [path] : [];
      });
    const users = files("app").filter((path) => /--city-|city-primary|city-accent/.test(readFileSync(path, "utf8")));
    expect(users).toEqual([]);
  });

  it("the header sets white text on the city's primary colour", () => {
    const shell = readFileSync("app/ui/shell.tsx", "utf8");
    expect(shell).toContain('className="city-header text-white"');
    expect(shellColours.onPrimary).toBe("#ffffff");
  });
});

describe("nearestPassingColour (the suggestion shown with a refusal)", () => {
  it("returns a passing colour unchanged", () => {
    expect(nearestPassingColour("#1E3A5F", "#ffffff", "text")).toBe("#1e3a5f");
  });

  it("darkens a light colour against white just enough, keeping its hue", () => {
    const nearest = nearestPassingColour("#f3c64a", "#ffffff", "text");
    expect(nearest).not.toBeNull();
    expect(contrastRatio(nearest!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    // Just enough: a little lighter would fail again.
    expect(contrastRatio(nearest!, "#ffffff")).toBeLessThan(4.8);
    const [r, g, b] = [1, 3, 5].map((at) => parseInt(nearest!.slice(at, at + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(b);
    expect(g).toBeGreaterThan(b);
  });

  it("lightens a dark colour against black", () => {
    const nearest = nearestPassingColour("#202020", "#000000", "non-text");
    expect(contrastRatio(nearest!, "#000000")).toBeGreaterThanOrEqual(3);
    expect(relativeLuminance(nearest!)).toBeGreaterThan(relativeLuminance("#202020"));
  });

  it("gives nothing for what is not a colour", () => {
    expect(nearestPassingColour("red", "#ffffff", "text")).toBeNull();
  });

  it("finds city colours that pass every pair", () => {
    const nearest = nearestPassingCityColours({ primaryColor: "#f3c64a", accentColor: "#7a1d2e" });
    expect(nearest).not.toBeNull();
    expect(cityContrastFailures(nearest!)).toEqual([]);
    expect(nearest!.accentColor).toBe("#7a1d2e");
  });
});
