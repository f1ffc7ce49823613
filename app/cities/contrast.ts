/**
 * The contrast rule for city colours (WCAG 2.2, 1.4.3 and 1.4.11), written once: the seed test, the
 * theme and the admin form that accepts new colours all ask these functions.
 *
 * Ratios follow WCAG's definition: (L1 + 0.05) / (L2 + 0.05) of the sRGB relative luminances, the
 * lighter over the darker. Normal text needs 4.5:1; large text (24 px, or 18.66 px bold) and
 * non-text (control borders, state indicators, the focus ring) need 3:1.
 */

const HEX_COLOUR = /^#([0-9a-fA-F]{6})$/;

export type ContrastUse = "text" | "large-text" | "non-text";

export const minimumRatio: Record<ContrastUse, number> = { text: 4.5, "large-text": 3, "non-text": 3 };

export function isHexColour(value: string): boolean {
  return HEX_COLOUR.test(value);
}

function channel(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a `#rrggbb` colour, from 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const match = HEX_COLOUR.exec(hex);
  if (!match?.[1]) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  const r = channel((value >> 16) & 0xff);
  const g = channel((value >> 8) & 0xff);
  const b = channel(value & 0xff);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

export function meetsContrast(foreground: string, background: string, use: ContrastUse): boolean {
  return contrastRatio(foreground, background) >= minimumRatio[use];
}

/** The colours the page shell pairs with a city's colours (app/styles.css, app/ui/shell.tsx). */
export const shellColours = {
  /** Header text, the language select's face, button borders and the focus ring's halo. */
  onPrimary: "#ffffff",
  /** The focus ring (`:focus-visible` outline in app/styles.css). */
  focusRing: "#1d4ed8",
  /** The halo drawn between the ring and the element (`box-shadow` in app/styles.css). */
  focusHalo: "#ffffff",
  /** The page background (Tailwind slate-50). */
  page: "#f8fafc",
  /** Certificate paper, where the primary colour is used for text. */
  paper: "#ffffff",
} as const;

export interface CityColours {
  primaryColor: string;
  accentColor: string;
}

export interface ColourPair {
  /** What a person sees, in English, for test output and the admin's refusal details. */
  where: string;
  foreground: string;
  background: string;
  use: ContrastUse;
}

/**
 * Every pair in which a city colour meets another colour and the meeting carries meaning.
 * The accent colour is only drawn as a decorative stripe (header border, certificate frame,
 * emblem outline) and carries no information, so it has no minimum (WCAG 1.4.11 exempts it);
 * if it is ever used for text or a control, add its pair here.
 */
export function cityColourPairs(city: CityColours): ColourPair[] {
  const primary = city.primaryColor;
  return [
    { where: "header text and links on the header", foreground: shellColours.onPrimary, background: primary, use: "text" },
    {
      where: "header button borders, the active link's underline and the language select on the header",
      foreground: shellColours.onPrimary,
      background: primary,
      use: "non-text",
    },
    {
      where: "focus ring's halo against the header",
      foreground: shellColours.focusHalo,
      background: primary,
      use: "non-text",
    },
    {
      where: "certificate title and course name on the paper",
      foreground: primary,
      background: shellColours.paper,
      use: "text",
    },
    { where: "city name on the certificate band", foreground: shellColours.onPrimary, background: primary, use: "text" },
  ];
}

/** The pairs that never involve a city colour but sit next to the city's: the focus ring itself. */
export const fixedColourPairs: ColourPair[] = [
  {
    where: "focus ring against its halo",
    foreground: shellColours.focusRing,
    background: shellColours.focusHalo,
    use: "non-text",
  },
  { where: "focus ring against the page", foreground: shellColours.focusRing, background: shellColours.page, use: "non-text" },
];

export interface ContrastFailure extends ColourPair {
  ratio: number;
  required: number;
}

/**
 * The pairs of a city's colours that fail AA, empty when they all pass. A colour that is not
 * `#rrggbb` fails every pair it is in (ratio 0). The admin form refuses colours when this is not empty.
 */
export function cityContrastFailures(city: CityColours): ContrastFailure[] {
  const valid = isHexColour(city.primaryColor) && isHexColour(city.accentColor);
  return cityColourPairs(city)
    .map((pair) => ({
      ...pair,
      ratio: valid ? contrastRatio(pair.foreground, pair.background) : 0,
      required: minimumRatio[pair.use],
    }))
    .filter((pair) => pair.ratio < pair.required);
}

// OKLab (Björn Ottosson, 2020): lightness there follows what people perceive, so moving only L
// keeps a colour's hue and chroma, the "same colour, lighter or darker".
type Lab = [number, number, number];

function toLinear(hex: string): [number, number, number] {
  const value = parseInt(hex.slice(1), 16);
  return [channel((value >> 16) & 0xff), channel((value >> 8) & 0xff), channel(value & 0xff)];
}

function fromLinear(c: number): number {
  const clipped = Math.min(1, Math.max(0, c));
  const encoded = clipped <= 0.0031308 ? clipped * 12.92 : 1.055 * clipped ** (1 / 2.4) - 0.055;
  return Math.round(encoded * 255);
}

function toOklab(hex: string): Lab {
  const [r, g, b] = toLinear(hex);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function fromOklab([lightness, a, b]: Lab): string {
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const rgb = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960771 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map(fromLinear);
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The colour nearest to `colour` by perceived lightness (OKLab L, hue and chroma kept, clipped to
 * sRGB) that meets `use` against `against`: the suggestion shown when a colour is refused. The
 * colour itself when it passes; null when no lightness does (never for black or white `against`).
 */
export function nearestPassingColour(colour: string, against: string, use: ContrastUse): string | null {
  if (!isHexColour(colour) || !isHexColour(against)) return null;
  if (meetsContrast(colour, against, use)) return colour.toLowerCase();
  const [lightness, a, b] = toOklab(colour);
  for (let step = 1; step <= 1000; step += 1) {
    const delta = step / 1000;
    for (const candidateL of [lightness - delta, lightness + delta]) {
      if (candidateL < 0 || candidateL > 1) continue;
      const candidate = fromOklab([candidateL, a, b]);
      if (meetsContrast(candidate, against, use)) return candidate;
    }
  }
  return null;
}

/**
 * The nearest colours to a city's that pass every pair of `cityColourPairs`: each failing pair
 * moves the city colour in it (the other colour of a pair is fixed), until none fails.
 */
export function nearestPassingCityColours(city: CityColours): CityColours | null {
  if (!isHexColour(city.primaryColor) || !isHexColour(city.accentColor)) return null;
  let colours: CityColours = { primaryColor: city.primaryColor.toLowerCase(), accentColor: city.accentColor.toLowerCase() };
  for (let round = 0; round < 10; round += 1) {
    const failure = cityContrastFailures(colours)[0];
    if (!failure) return colours;
    const key =
      failure.foreground === colours.primaryColor || failure.background === colours.primaryColor ? "primaryColor" : "accentColor";
    const other = failure.foreground === colours[key] ? failure.background : failure.foreground;
    const nearest = nearestPassingColour(colours[key], other, failure.use);
    if (!nearest) return null;
    colours = { ...colours, [key]: nearest };
  }
  return cityContrastFailures(colours).length === 0 ? colours : null;
}
