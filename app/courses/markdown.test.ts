import { describe, expect, it } from "vitest";
import { activityMarkers, countWords, markdownHeadings, markdownReferences, renderLessonBody, renderLessonHtml, splitFrontMatter } from "./markdown.server.ts";

describe("renderLessonHtml with hostile Markdown", () => {
  it("drops script tags and any raw HTML", () => {
    const html = renderLessonHtml("Hola <script>alert(1)</script>\n\n<div onclick=\"x()\">caja</div>\n\n<iframe src=\"https://evil.example\"></iframe>");
    expect(html).not.toMatch(/<script|onclick|<iframe|<div/i);
    expect(html).toContain("Hola");
  });

  it("removes javascript: and data: links and images", () => {
    const html = renderLessonHtml("[clic](javascript:alert(1)) [datos](data:text/html;base64,PHNjcmlwdD4=) ![x](data:image/svg+xml;base64,PHN2Zz4=)");
    expect(html).not.toMatch(/javascript:|data:/i);
  });

  it("drops inline SVG with handlers", () => {
    const html = renderLessonHtml('<svg onload="alert(1)"><circle r="4"/></svg>\n\ntexto');
    expect(html).not.toMatch(/<svg|onload/i);
  });

  it("marks external links and keeps their address", () => {
    const html = renderLessonHtml("[OCDE](https://oecd.ai/en/ai-principles)");
    expect(html).toContain('href="https://oecd.ai/en/ai-principles"');
    expect(html).toMatch(/rel="external noopener noreferrer"/);
    expect(html).toContain('class="external-link"');
  });

  it("points relative images at stored assets and drops unknown ones", () => {
    const html = renderLessonHtml("![Diagrama](diagram.png) ![Otro](missing.png)", (path) => (path === "diagram.png" ? "/course-assets/abc.png" : null));
    expect(html).toContain('src="/course-assets/abc.png"');
    expect(html).toContain('alt="Diagrama"');
    expect(html).not.toContain("missing.png");
  });

  it("renders tables and lists", () => {
    const html = renderLessonHtml("| a | b |\n| - | - |\n| 1 | 2 |\n\n- uno\n- dos");
    expect(html).toContain("<table>");
    expect(html).toContain("<li>uno</li>");
  });

  it("puts each table in a region the keyboard reaches, named by number and columns in the lesson's language", () => {
    const table = "| | Dice «urgente» | Total |\n| - | - | - |\n| Urgente | 40 | 50 |";
    expect(renderLessonHtml(table)).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Tabla 1: Dice «urgente», Total"><table>');
    expect(renderLessonHtml(table, undefined, "en")).toContain('aria-label="Table 1: Dice «urgente», Total"');
    const both = renderLessonHtml(`${table}\n\ntexto\n\n${table}`, undefined, "pt");
    expect(both.match(/<div class="table-scroll" role="region" tabindex="0" aria-label="Tabela \d: /g)).toHaveLength(2);
    expect(both).toContain('aria-label="Tabela 2: Dice «urgente», Total"');
    // A table written in raw HTML is dropped with all raw HTML; none escapes the region.
    expect(renderLessonHtml("<table><tr><td>x</td></tr></table>")).not.toContain("<table");
  });
});

describe("lesson source helpers", () => {
  it("splits front matter and reports where the body starts", () => {
    const split = splitFrontMatter("---\ntitle: Hola\nminutes: 5\n---\n\n## Uno\n");
    expect(split.frontMatter).toBe("title: Hola\nminutes: 5");
    expect(split.bodyLine).toBe(5);
    expect(splitFrontMatter("sin front matter").frontMatter).toBeNull();
  });

  it("lists links, images with alt text and headings with their lines", () => {
    const body = "## Uno\n\n[a](https://a.example)\n\n![](img.png)\n\n### Dos";
    expect(markdownReferences(body)).toEqual([
      { kind: "link", url: "https://a.example", alt: null, line: 3 },
      { kind: "image", url: "img.png", alt: "", line: 5 },
    ]);
    expect(markdownHeadings(body)).toEqual([
      { depth: 2, text: "Uno" },
      { depth: 3, text: "Dos" },
    ]);
  });

  it("counts words, not punctuation", () => {
    expect(countWords("Hola, mundo — ¿qué tal?  - 3")).toBe(5);
  });
});

describe("activity markers", () => {
  const body = "Intro.\n\n{{activity: first-check}}\n\n## Uno\n\nTexto {{activity: inline}} aquí.\n\n{{activity: second-check}}\n\n## Dos\n";

  it("finds markers in paragraphs of their own, with their position relative to the headings", () => {
    expect(activityMarkers(body)).toEqual({
      markers: [
        { key: "first-check", line: 3, headingsBefore: 0 },
        { key: "second-check", line: 9, headingsBefore: 1 },
      ],
      misplaced: [7],
    });
  });

  it("leaves marker lines out of the word count", () => {
    expect(countWords("Una dos.\n\n{{activity: first-check}}\n\nTres.")).toBe(3);
  });

  it("splits the rendered body at the markers into parts with activity slots between them", () => {
    const rendered = renderLessonBody("Intro.\n\n{{activity: first-check}}\n\n## Uno\n\nTexto.\n\n{{activity: second-check}}");
    expect(rendered.slots).toEqual(["first-check", "second-check"]);
    expect(rendered.parts).toEqual(["<p>Intro.</p>\n", "<h2>Uno</h2>\n<p>Texto.</p>\n", ""]);
    expect(renderLessonBody("Solo texto.")).toEqual({ parts: ["<p>Solo texto.</p>"], slots: [] });
  });

  it("cannot be forged with an HTML comment in the Markdown", () => {
    expect(renderLessonBody("Hola <!--aula-activity:fake-->\n\n<!--aula-activity:fake-->").slots).toEqual([]);
  });
});
