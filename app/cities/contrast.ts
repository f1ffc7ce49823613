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
