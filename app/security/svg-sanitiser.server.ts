/**
 * The one SVG sanitiser: every SVG that people upload (city logos; course images later) goes
 * through `sanitiseSvg` before it is stored or drawn. It first refuses what it will not try to
 * clean: a file over the size limit, one with a DOCTYPE or an ENTITY declaration (entity
 * expansion, the "billion laughs"), one that is not well-formed XML or whose root is not an SVG
 * element. What remains goes through DOMPurify's SVG profile, with hooks that drop scripts,
 * event handlers (`on*`), `foreignObject`, and every reference outside the file: an `href` other
 * than `#fragment`, a `url(...)` that is not `url(#fragment)` in an attribute or a stylesheet, an
 * `@import`, an `<image>` that is not an embedded PNG or JPEG. The result is parsed again and
 * must still be an SVG.
 */
import createDOMPurify, { type Config } from "dompurify";
import { JSDOM } from "jsdom";
import { SVG_MAX_BYTES } from "./svg-limits.ts";

export type SvgRefusal = "tooLarge" | "declaration" | "notXml" | "notSvg" | "empty";

/** `removedScripts`: the sanitiser took out a script, an event handler or a `javascript:` link (a place may refuse such a file). */
export type SvgResult = { ok: true; svg: string; removedScripts: boolean } | { ok: false; reason: SvgRefusal };

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

const { window } = new JSDOM("");
const purify = createDOMPurify(window);

/** `url(...)` whose target is not a fragment of this file. */
const EXTERNAL_URL = /url\s*\(\s*(?!['"]?\s*#)/i;
const IMPORT = /@import/i;
const EMBEDDED_IMAGE = /^\s*data:image\/(png|jpeg);base64,[a-z0-9+/=\s]*$/i;
// Lower case: DOMPurify compares lower-cased names when it parses as HTML.
const FORBIDDEN_ELEMENTS = ["script", "foreignobject", "iframe", "embed", "object", "audio", "video", "handler", "listener"];

/** Set by the hooks while one `sanitize` call runs (it is synchronous). */
let removedScripts = false;
const SCRIPT_ELEMENTS = ["script", "handler", "listener"];

function isFragment(value: string): boolean {
  return /^\s*#[^\s]*$/.test(value);
}

purify.addHook("uponSanitizeElement", (node, data) => {
  if (SCRIPT_ELEMENTS.includes(data.tagName.toLowerCase())) removedScripts = true;
  const css = node.textContent ?? "";
  // A stylesheet that fetches anything is emptied (its rules are the logo's, not worth a parser).
  if (data.tagName.toLowerCase() === "style" && (EXTERNAL_URL.test(css) || IMPORT.test(css))) node.textContent = "";
});

purify.addHook("uponSanitizeAttribute", (node, data) => {
  const name = data.attrName.toLowerCase();
  const value = data.attrValue;
  if (name.startsWith("on")) {
    removedScripts = true;
    data.keepAttr = false;
    return;
  }
  if (name === "href" || name === "xlink:href" || name.endsWith(":href")) {
    const embeddedImage = node.nodeName.toLowerCase() === "image" && EMBEDDED_IMAGE.test(value);
    if (/^\s*javascript:/i.test(value)) removedScripts = true;
    if (!isFragment(value) && !embeddedImage) data.keepAttr = false;
    else if (embeddedImage) data.forceKeepAttr = true;
    return;
  }
  if (EXTERNAL_URL.test(value) || (name === "style" && IMPORT.test(value))) data.keepAttr = false;
});

purify.addHook("afterSanitizeElements", (node) => {
  // An <image> left without an embedded picture would point nowhere (or somewhere) else.
  if (node.nodeName.toLowerCase() !== "image") return;
  const element = node as Element;
  const href = element.getAttribute("href") ?? element.getAttributeNS(XLINK_NS, "href") ?? "";
  if (!EMBEDDED_IMAGE.test(href)) element.parentNode?.removeChild(element);
});

const config: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  ADD_TAGS: ["use"],
  FORBID_TAGS: FORBIDDEN_ELEMENTS,
  ALLOW_DATA_ATTR: false,
  // Keeps `<image href="data:image/png;base64,...">`; the hook decides which data URIs stay.
  ADD_DATA_URI_TAGS: ["image"],
};

/** Parses text as XML; null when it is not well-formed. */
function parseXml(text: string): Document | null {
  const document = new window.DOMParser().parseFromString(text, "image/svg+xml");
  if (document.getElementsByTagName("parsererror").length > 0) return null;
  return document;
}

function isSvgRoot(document: Document): boolean {
  const root = document.documentElement;
  return root.localName === "svg" && root.namespaceURI === SVG_NS;
}

/** The sanitised SVG, or why it was refused. Accepts the bytes of an upload or a string. */
export function sanitiseSvg(input: string | Uint8Array): SvgResult {
  const size = typeof input === "string" ? Buffer.byteLength(input, "utf8") : input.byteLength;
  if (size > SVG_MAX_BYTES) return { ok: false, reason: "tooLarge" };
  let text: string;
  try {
    text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    return { ok: false, reason: "notXml" };
  }
  // Refused before any parser sees it: no entity is ever expanded.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, reason: "declaration" };
  const parsed = parseXml(text);
  if (!parsed) return { ok: false, reason: "notXml" };
  if (!isSvgRoot(parsed)) return { ok: false, reason: "notSvg" };
  removedScripts = false;
  const cleaned = purify.sanitize(text, config);
  const reparsed = cleaned.trim() === "" ? null : parseXml(cleaned);
  if (!reparsed) return { ok: false, reason: "empty" };
  if (!isSvgRoot(reparsed)) return { ok: false, reason: "notSvg" };
  return { ok: true, svg: cleaned, removedScripts };
}
