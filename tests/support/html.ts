/**
 * Reading the server's HTML in tests without a browser: a small tokenizer for the markup React
 * and rehype write (well-formed, attributes quoted), the text a person sees, the forms a page
 * offers, and the markup that could run script (what a payload must never leave behind).
 */

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  colon: ":",
  tab: "\t",
  newline: "\n",
  lpar: "(",
  rpar: ")",
  sol: "/",
  bsol: "\\",
};

/** HTML character references, as a browser decodes them in text and attribute values (the ones that matter here). */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));?/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (hex || decimal) {
        const code = hex ? parseInt(hex, 16) : Number(decimal);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
      }
      return NAMED[name!.toLowerCase()] ?? whole;
    },
  );
}

export interface HtmlElement {
  tag: string;
  attributes: Array<[string, string]>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | { text: string };

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);
const TOKEN =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[^<]+|</g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributesOf(source: string): Array<[string, string]> {
  return [...source.matchAll(ATTRIBUTE)].map((match) => [
    match[1]!.toLowerCase(),
    decodeEntities(match[2] ?? match[3] ?? match[4] ?? ""),
  ]);
}

/** The document as a tree. Raw-text elements (script, style, textarea, title) keep their content as one text node. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attributes: [], children: [] };
  const stack: HtmlElement[] = [root];
  let position = 0;
  TOKEN.lastIndex = 0;
  while (position < html.length) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(html)!;
    position = TOKEN.lastIndex;
    const [whole, closing, opening, attributeSource] = match;
    const parent = stack[stack.length - 1]!;
    if (whole.startsWith("<!--")) continue;
    if (closing) {
      const tag = closing.toLowerCase();
      const index = stack.map((element) => element.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
    } else if (opening) {
      const element: HtmlElement = { tag: opening.toLowerCase(), attributes: attributesOf(attributeSource ?? ""), children: [] };
      parent.children.push(element);
      if (RAW_TEXT.has(element.tag)) {
        const end = html.toLowerCase().indexOf(`</${element.tag}`, position);
        const content = html.slice(position, end === -1 ? html.length : end);
        element.children.push({ text: element.tag === "script" || element.tag === "style" ? content : decodeEntities(content) });
        position = end === -1 ? html.length : end;
      } else if (!VOID.has(element.tag) && !whole.endsWith("/>")) stack.push(element);
    } else parent.children.push({ text: decodeEntities(whole) });
  }
  return root;
}

export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}

export function* elements(node: HtmlElement): Generator<HtmlElement> {
  for (const child of node.children) {
    if ("tag" in child) {
      yield child;
      yield* elements(child);
    }
  }
}

/** The separate pieces of text a person reads (each `t(...)` call renders as one), outside scripts and styles. */
export function textChunks(node: HtmlElement): string[] {
  const chunks: string[] = [];
  for (const child of node.children) {
    if ("text" in child) {
      const text = child.text.replace(/\s+/g, " ").trim();
      if (text) chunks.push(text);
    } else if (child.tag !== "script" && child.tag !== "style" && child.tag !== "template") chunks.push(...textChunks(child));
  }
  return chunks;
}

export function visibleText(node: HtmlElement): string {
  return textChunks(node).join(" ");
}

/** The page's own text (its <main>, else its <body>), without the shell around it. */
export function mainContent(document: HtmlElement): HtmlElement {
  const all = [...elements(document)];
  return all.find((element) => element.tag === "main") ?? all.find((element) => element.tag === "body") ?? document;
}

export interface PostForm {
  action: string | null;
  fields: Array<{ name: string; value: string; options: string[] }>;
}

/** Every form that posts, with its fields' names, their values and a select's options. */
export function postForms(document: HtmlElement): PostForm[] {
  return [...elements(document)]
    .filter((element) => element.tag === "form" && attribute(element, "method")?.toLowerCase() === "post")
    .map((form) => ({
      action: attribute(form, "action") ?? null,
      fields: [...elements(form)]
        .filter((element) => ["input", "select", "textarea", "button"].includes(element.tag) && attribute(element, "name"))
        .map((element) => ({
          name: attribute(element, "name")!,
          value: attribute(element, "value") ?? "",
          options: [...elements(element)]
            .filter((option) => option.tag === "option")
            .map((option) => attribute(option, "value") ?? ""),
        })),
    }));
}

const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "srcset",
  "poster",
  "data",
  "background",
  "ping",
  "cite",
]);

/** A URL a browser would run or load as a document: `javascript:`, `vbscript:`, `data:` (browsers drop tabs, newlines and leading controls). */
export function isScriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const normalised = value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(normalised);
}

/**
 * Markup that could run script, described for a failing assertion: a <script> without the
 * response's nonce, an event-handler attribute, a script URL, an inline SVG or an element that
 * embeds another document. An empty list means the page is safe.
 */
export function executableMarkup(html: string, nonce: string | null): string[] {
  const found: string[] = [];
  for (const element of elements(parseHtml(html))) {
    if (element.tag === "script" && (nonce === null || attribute(element, "nonce") !== nonce))
      found.push("<script> without the page's nonce");
    if (["iframe", "object", "embed", "svg", "math", "base", "frame", "frameset", "applet"].includes(element.tag))
      found.push(`<${element.tag}>`);
    if (element.tag === "meta" && attribute(element, "http-equiv")) found.push("<meta http-equiv>");
    for (const [name, value] of element.attributes) {
      if (name.startsWith("on")) found.push(`<${element.tag} ${name}=…>`);
      if (name === "style" && /expression\(|url\(\s*['"]?\s*javascript:/i.test(value))
        found.push(`<${element.tag} style=${value}>`);
      if (URL_ATTRIBUTES.has(name) && isScriptUrl(value)) found.push(`<${element.tag} ${name}="${value}">`);
      if (name === "srcdoc") found.push(`<${element.tag} srcdoc>`);
    }
  }
  return found;
}

/** The nonce the response's Content-Security-Policy allows scripts with. */
export function cspNonce(response: Response): string | null {
  return response.headers.get("Content-Security-Policy")?.match(/'nonce-([^']+)'/)?.[1] ?? null;
}
