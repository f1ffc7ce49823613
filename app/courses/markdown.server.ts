/**
 * Lesson Markdown: front matter, the links and images it contains (for the checker), and
 * rendering to sanitised HTML once, at import. Raw HTML in the Markdown is dropped, and
 * rehype-sanitize removes scripts, event handlers and `javascript:`/`data:` URLs.
 */
import type { Element, Root as HastRoot } from "hast";
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

export function countWords(body: string): number {
  return body.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
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

export function renderLessonHtml(
  body: string,
  resolveAsset: (relativePath: string) => string | null = () => null,
  locale: Locale = "es",
): string {
  const file = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rewriteImages(resolveAsset))
    .use(rehypeSanitize, schema)
    .use(scrollableTables(locale))
    .use(rehypeExternalLinks, { rel: ["external", "noopener", "noreferrer"], properties: { className: ["external-link"] } })
    .use(rehypeStringify)
    .processSync(body);
  return String(file);
}
