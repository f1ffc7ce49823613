/**
 * Reading a certificate PDF back as assistive technology would: its structure tree in reading
 * order (poppler's `pdfinfo -struct-text`), its metadata, the alternative text of its figures
 * and whether anything on the page is painted outside the tags. No PDF/UA validator runs here.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

/** The PDF written to a scratch file, for poppler's tools. */
export function pdfOnDisk(pdf: Uint8Array, name = "certificate.pdf"): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "aula-pdf-")), name);
  writeFileSync(file, pdf);
  return file;
}

export function pdfinfo(file: string, ...options: string[]): string {
  return execFileSync("pdfinfo", [...options, file], { encoding: "utf8" });
}

export interface StructureElement {
  type: string;
  depth: number;
  text: string;
}

/** Every structure element, depth first (the reading order), with the text it holds. */
export function structureOf(file: string): StructureElement[] {
  const elements: StructureElement[] = [];
  for (const line of pdfinfo(file, "-struct-text").split("\n")) {
    const content = line.trim();
    if (!content || content.startsWith("/")) continue;
    if (content.startsWith('"')) {
      const element = elements.at(-1);
      if (element) element.text += content.slice(1, -1);
      continue;
    }
    const element = /^([A-Za-z0-9]+)(?: \(\w+\))?:?$/.exec(content);
    if (element) elements.push({ type: element[1]!, depth: (line.length - line.trimStart().length) / 2, text: "" });
  }
  return elements;
}

/** A PDF literal string as pdfkit writes it: escaped, and UTF-16BE with a byte-order mark when not ASCII. */
const unescaped: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };

function decodeLiteral(literal: string): string {
  const bytes = literal.replace(/\\([nrtbf()\\])/g, (_, escaped: string) => unescaped[escaped] ?? escaped);
  const buffer = Buffer.from(bytes, "latin1");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return buffer.subarray(2).swap16().toString("utf16le");
  return buffer.toString("latin1");
}

/** The file's objects by number (pdfkit writes them one after another, without object streams). */
function objects(pdf: Uint8Array): Map<number, string> {
  const text = Buffer.from(pdf).toString("latin1");
  return new Map(Array.from(text.matchAll(/\n(\d+) 0 obj\n([^]*?)\nendobj/g), (match) => [Number(match[1]), match[2]!]));
}

/** The /Alt of every Figure element, in the order the objects were written. */
export function figureAlternatives(pdf: Uint8Array): string[] {
  return Array.from(objects(pdf).values())
    .filter((object) => /^<<\n\/S \/Figure\n/.test(object))
    .map((object) => {
      const alt = /\/Alt \(((?:\\[^]|[^\\()])*)\)/.exec(object);
      return alt ? decodeLiteral(alt[1]!) : "";
    });
}

/** The document catalogue's /Lang and whether viewers are asked to show the title (DisplayDocTitle). */
export function catalogOf(pdf: Uint8Array): { lang: string | null; displayDocTitle: boolean } {
  const all = objects(pdf);
  const catalog = Array.from(all.values()).find((object) => object.includes("/Type /Catalog")) ?? "";
  const preferences = /\/ViewerPreferences (\d+) 0 R/.exec(catalog)?.[1];
  return {
    lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] ?? null,
    displayDocTitle: /\/DisplayDocTitle true\b/.test(all.get(Number(preferences)) ?? ""),
  };
}

const painting = new Set(["f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "Tj", "TJ", "'", '"', "sh"]);

/**
 * The painting operators of the page's content that lie outside every marked-content sequence:
 * neither tagged content nor an artifact, so a reader would meet them nowhere (PDF/UA 7.1).
 */
export function untaggedPainting(pdf: Uint8Array): string[] {
  const all = objects(pdf);
  const page = Array.from(all.values()).find((object) => /\/Type \/Page\n/.test(object)) ?? "";
  const contents = all.get(Number(/\/Contents (\d+) 0 R/.exec(page)?.[1])) ?? "";
  const data = /stream\n([^]*)\nendstream$/.exec(contents)?.[1];
  if (data === undefined) throw new Error("no page content found");
  const stream = inflateSync(Buffer.from(data, "latin1")).toString("latin1");
  const outside: string[] = [];
  let depth = 0;
  for (const line of stream.split("\n")) {
    const operator = line.trim().split(/\s+/).at(-1) ?? "";
    if (operator === "BDC" || operator === "BMC") depth += 1;
    else if (operator === "EMC") depth -= 1;
    else if (painting.has(operator) && depth === 0) outside.push(line);
  }
  return outside;
}
