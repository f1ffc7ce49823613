import { describe, expect, it } from "vitest";
import { imageFileName, languagesReferencing, lessonTextSchema, pointsAt, withImageParagraph } from "./lesson-editor.ts";

const form = { intent: "save", revision: "3", lang: "es", title: "Título", minutes: "10", body: "Texto.\r\nOtra línea." };

describe("the lesson text form", () => {
  it("reads a whole number of minutes and keeps line breaks as \\n", () => {
    expect(lessonTextSchema.parse(form)).toEqual({ ...form, revision: 3, minutes: 10, body: "Texto.\nOtra línea." });
  });

  it.each(["", "0", "601", "2.5", "1e2", " 10 minutos", "-3"])("refuses %j minutes", (minutes) => {
    expect(lessonTextSchema.safeParse({ ...form, minutes }).error?.issues[0]?.message).toBe("authoring.lesson.error.minutes");
  });

  it("refuses an empty title and a body over 200 KB, counted in UTF-8 bytes", () => {
    expect(lessonTextSchema.safeParse({ ...form, title: "   " }).error?.issues[0]?.message).toBe(
      "authoring.lesson.error.titleRequired",
    );
    expect(lessonTextSchema.safeParse({ ...form, body: "ñ".repeat(100 * 1024) }).success).toBe(true);
    expect(lessonTextSchema.safeParse({ ...form, body: "ñ".repeat(100 * 1024 + 1) }).error?.issues[0]?.message).toBe(
      "authoring.lesson.error.bodyTooLong",
    );
  });
});

describe("an uploaded image's file name", () => {
  it("is the upload's base name folded to safe characters, with the extension of what the content is", () => {
    expect(imageFileName("Diagrama Ñandú (v2).PNG", "png", [])).toBe("diagrama-nandu-v2.png");
    expect(imageFileName("../../etc/passwd.svg", "png", [])).toBe("passwd.png");
    expect(imageFileName("C:\\fotos\\Mapa.jpeg", "jpeg", [])).toBe("mapa.jpg");
    expect(imageFileName("es.md", "svg", [])).toBe("es.svg");
    expect(imageFileName("...", "webp", [])).toBe("imagen.webp");
  });

  it("gets a number when the lesson already has that name", () => {
    expect(imageFileName("mapa.png", "png", ["mapa.png", "mapa-2.png"])).toBe("mapa-3.png");
  });
});

describe("the paragraph that shows an image", () => {
  it("is appended after a blank line, its alt text on one line with brackets escaped", () => {
    expect(withImageParagraph("Texto.\n\n", "Un [mapa]\nde Madrid", "mapa.png")).toBe(
      "Texto.\n\n![Un \\[mapa\\] de Madrid](mapa.png)\n",
    );
    expect(withImageParagraph("", "Mapa", "mapa.png")).toBe("![Mapa](mapa.png)\n");
  });
});

describe("which languages still show an image", () => {
  it("matches the file, also written ./file or with a fragment, and nothing else", () => {
    expect(pointsAt("./mapa.png", "mapa.png")).toBe(true);
    expect(pointsAt("mapa.png#x", "mapa.png")).toBe(true);
    expect(pointsAt("otro-mapa.png", "mapa.png")).toBe(false);
    const references = {
      es: [{ kind: "image", url: "mapa.png" }],
      pt: [{ kind: "image", url: "otro.png" }],
      en: [{ kind: "image", url: "./mapa.png" }],
    };
    expect(languagesReferencing(references, "mapa.png")).toEqual(["es", "en"]);
  });
});
