/**
 * Lesson Markdown: front matter, the links and images it contains (for the checker), and
 * rendering to sanitised HTML once, at import. Raw HTML in the Markdown is dropped, and
 * rehype-sanitize removes scripts, event handlers and `javascript:`/`data:` URLs.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { Locale } from "~/i18n/locales.ts";
import { translatorFor } from "~/i18n/translate.ts";

/**
 * What the renderer writes is stored at import, so a change to it (or to the text it writes,
 * such as a table's name) must bump this: the importer then makes a new version of every
 * course, rendered anew, even where the files did not change.
 */
export const LESSON_RENDERING = 2;

export interface SplitLesson {
  frontMatter: string | null;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

export function splitFrontMatter(source: string): SplitLesson {
  const match = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
  if (!match) return { frontMatter: null, body: source, bodyLine: 1 };
  return { frontMatter: match[1] ?? "", body: source.slice(match[0].length), bodyLine: match[0].split("\n").length };
}

export interface MarkdownReference {
  kind: "link" | "image";
  url: string;
  alt: string | null;
  line: number;
}

export interface Heading {
  depth: number;
  text: string;
}

function parse(body: string): MdastRoot {
  return unified().use(remarkParse).use(remarkGfm).parse(body);
}

export function markdownReferences(body: string): MarkdownReference[] {
  const references: MarkdownReference[] = [];
  visit(parse(body), (node) => {
    if (node.type === "link") references.push({ kind: "link", url: node.url, alt: null, line: node.position?.start.line ?? 1 });
    if (node.type === "image") references.push({ kind: "image", url: node.url, alt: node.alt ?? "", line: node.position?.start.line ?? 1 });
    if (node.type === "definition") references.push({ kind: "link", url: node.url, alt: null, line: node.position?.start.line ?? 1 });
  });
  return references;
}

export function markdownHeadings(body: string): Heading[] {
  const headings: Heading[] = [];
  visit(parse(body), "heading", (node) => {
    let text = "";
    visit(node, "text", (child) => {
      text += child.value;
    });
    headings.push({ depth: node.depth, text: text.trim() });
  });
  return headings;
}

export function containsRawHtml(body: string): number | null {
  let line: number | null = null;
  visit(parse(body), "html", (node) => {
    line ??= node.position?.start.line ?? 1;
  });
  return line;
}

/** A paragraph of its own holding only `{{activity: <key>}}` places a practice activity. */
const MARKER = /^\{\{\s*activity:\s*(\S*?)\s*\}\}$/;
const MARKER_LINE = /^[ \t]*\{\{\s*activity:[^}\n]*\}\}[ \t]*$/gm;

export interface ActivityMarker {
  key: string;
  line: number;
  /** How many headings come before it: its position relative to the headings. */
  headingsBefore: number;
}

/** The activity markers of a lesson body, and the lines that mention one without being a marker. */
export function activityMarkers(body: string): { markers: ActivityMarker[]; misplaced: number[] } {
  const markers: ActivityMarker[] = [];
  const tree = parse(body);
  let headingsBefore = 0;
  for (const node of tree.children) {
    if (node.type === "heading") headingsBefore += 1;
    const only = node.type === "paragraph" && node.children.length === 1 ? node.children[0] : undefined;
    const match = only?.type === "text" ? only.value.trim().match(MARKER) : null;
    if (match) markers.push({ key: match[1] ?? "", line: node.position?.start.line ?? 1, headingsBefore });
  }
  const placed = new Set(markers.map((marker) => marker.line));
  const misplaced = body
    .split("\n")
    .flatMap((line, index) => (line.includes("{{activity") && !placed.has(index + 1) ? [index + 1] : []));
  return { markers, misplaced };
}

/** Words of the lesson's prose: activity markers are not counted. */
export function countWords(body: string): number {
  return body
    .replace(MARKER_LINE, "")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

export const isExternalUrl = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//");

/** Relative image paths → URLs of the stored assets; external, data: and unresolved images are dropped. */
function rewriteImages(resolveAsset: (relativePath: string) => string | null) {
  return () => (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img" || typeof node.properties.src !== "string") return;
      const src = node.properties.src;
      const resolved = isExternalUrl(src) ? null : resolveAsset(src);
      if (resolved) node.properties.src = resolved;
      else delete node.properties.src;
    });
  };
}

function cellText(node: Element): string {
  let text = "";
  visit(node, "text", (child) => {
    text += child.value;
  });
  return text.trim();
}

/**
 * A wide table scrolls sideways inside a region that the keyboard reaches (tabindex), that is
 * named by its number and columns, and whose shaded edge shows there is more (styles.css, `.table-scroll`).
 */
function scrollableTables(locale: Locale) {
  const t = translatorFor(locale);
  return () => (tree: HastRoot) => {
    let number = 0;
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "table" || !parent || index === undefined) return;
      number += 1;
      const headers: string[] = [];
      visit(node, "element", (cell: Element) => {
        if (cell.tagName === "th" && cellText(cell)) headers.push(cellText(cell));
      });
      const label = headers.length > 0 ? t("lesson.tableRegion", { number, columns: headers.join(", ") }) : t("lesson.table", { number });
      parent.children[index] = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: label },
        children: [node],
      };
      return [SKIP, index + 1];
    });
  };
}

const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] } };

/**
 * After sanitising: each marker paragraph at the top level becomes a comment naming its
 * activity (sanitising removed every other comment), where the body is split.
 */
function markActivitySlots() {
  return (tree: HastRoot) => {
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== "element" || node.tagName !== "p" || node.children.length !== 1) return node;
      const only: ElementContent | undefined = node.children[0];
      const match = only?.type === "text" ? only.value.trim().match(MARKER) : null;
      return match ? { type: "comment", value: `${SLOT_PREFIX}${match[1] ?? ""}` } : node;
    });
  };
}

const SLOT_PREFIX = "aula-activity:";
const SLOT_COMMENT = new RegExp(`<!--${SLOT_PREFIX}([a-z0-9-]*)-->\\n?`);

export interface RenderedLesson {
  /** The HTML between the activities: one more part than there are slots. */
  parts: string[];
  /** The activity keys, in order; slot i sits between part i and part i + 1. */
  slots: string[];
}

export function renderLessonBody(
  body: string,
  resolveAsset: (relativePath: string) => string | null = () => null,
  locale: Locale = "es",
): RenderedLesson {
  const pieces = renderLessonHtml(body, resolveAsset, locale, true).split(SLOT_COMMENT);
  return {
    parts: pieces.filter((_, index) => index % 2 === 0),
    slots: pieces.filter((_, index) => index % 2 === 1),
  };
}

export function renderLessonHtml(
  body: string,
  resolveAsset: (relativePath: string) => string | null = () => null,
  locale: Locale = "es",
  withSlots = false,
): string {
  const file = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rewriteImages(resolveAsset))
    .use(rehypeSanitize, schema)
    .use(scrollableTables(locale))
    .use(rehypeExternalLinks, { rel: ["external", "noopener", "noreferrer"], properties: { className: ["external-link"] } })
    .use(withSlots ? markActivitySlots : () => undefined)
    .use(rehypeStringify)
    .processSync(body);
  return String(file);
}
