/**
 * The certificate PDF: A4 landscape, the city's colours and signatory from the snapshot taken
 * at issue, the learner's language, the code and a QR code to the public verification page.
 * DejaVu Sans is embedded (subset) so every name renders, whatever its script.
 *
 * It is a tagged PDF aiming at PDF/UA-1 (decision 017): the text and the two images are
 * structure elements in reading order (a heading, paragraphs, figures with alternative text),
 * every rule and background is an artifact, and the document declares its language, a title
 * that viewers show, and the PDF/UA identifier in its XMP metadata.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { Resvg } from "@resvg/resvg-js";
import QRCode from "qrcode";
import { isLocale, htmlLang } from "~/i18n/locales.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { getFile } from "~/cities/stored-files.server.ts";
import { citySnapshotSchema } from "./certificates.server.ts";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: Promise<[Buffer, Buffer]> | undefined;

function loadFonts() {
  fonts ??= Promise.all([readFile(path.join(fontDir, "DejaVuSans.ttf")), readFile(path.join(fontDir, "DejaVuSans-Bold.ttf"))]);
  return fonts;
}

interface Logo {
  png: Buffer;
  width: number;
  height: number;
}

const logoCache = new Map<string, Logo>();

/**
 * The city's logo for the PDF, read from the file store by the hash the snapshot keeps: a PNG as
 * it is, an SVG rasterised (once per distinct logo; the bytes of a hash never change).
 */
async function logoFor(hash: string): Promise<Logo | null> {
  const cached = logoCache.get(hash);
  if (cached) return cached;
  const file = await getFile(hash);
  if (!file) return null;
  try {
    let logo: Logo;
    if (file.contentType === "image/png") {
      const png = Buffer.from(file.bytes);
      const size = pngSize(png);
      if (!size) return null;
      logo = { png, ...size };
    } else {
      const rendered = new Resvg(Buffer.from(file.bytes), {
        fitTo: { mode: "height", value: 240 },
        font: { fontDirs: [fontDir], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
      }).render();
      logo = { png: rendered.asPng(), width: rendered.width, height: rendered.height };
    }
    if (logoCache.size > 50) logoCache.clear();
    logoCache.set(hash, logo);
    return logo;
  } catch {
    // A broken logo must not stop the certificate: it is printed without one.
    return null;
  }
}

/** Width and height from a PNG's IHDR chunk (it always comes first). */
function pngSize(png: Buffer): { width: number; height: number } | null {
  if (png.byteLength < 24 || png.toString("latin1", 12, 16) !== "IHDR") return null;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

export interface CertificateForPdf {
  code: string;
  holderName: string;
  courseTitle: string;
  courseVersion: number;
  score: number;
  locale: string;
  citySnapshot: string;
  issuedAt: Date;
  expiresAt: Date | null;
}

const WIDTH = 841.89;
const HEIGHT = 595.28;
const INK = "#1a1a26";

function hexColour(hex: string) {
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex : "#1e3a5f";
}

/** pdfkit copies the Title and Author into the XMP metadata unescaped: markup there would break it. */
function safeForXmp(text: string) {
  return !/[<>&]/.test(text);
}

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** Decoration (backgrounds, rules, frames): marked as an artifact, so assistive technology skips it. */
function artifact(doc: Doc, draw: () => void) {
  doc.markContent("Artifact", { type: "Layout" });
  draw();
  doc.endMarkedContent();
}

/** One line of text at a baseline, as a structure element of its own (P unless said). */
function line(
  doc: Doc,
  parent: Element,
  text: string,
  at: { x: number; baseline: number; font: "regular" | "bold"; size: number; colour?: string; type?: string },
) {
  parent.add(
    doc.struct(at.type ?? "P", {}, () => {
      doc
        .font(at.font)
        .fontSize(at.size)
        .fillColor(at.colour ?? INK)
        .text(text, at.x, at.baseline, { lineBreak: false, baseline: "alphabetic" });
    }),
  );
}

function centred(
  doc: Doc,
  parent: Element,
  text: string,
  at: { baseline: number; font: "regular" | "bold"; size: number; colour?: string; type?: string },
) {
  // Long titles shrink to fit the width.
  doc.font(at.font);
  let size = at.size;
  const maxWidth = WIDTH - 120;
  while (doc.fontSize(size).widthOfString(text) > maxWidth && size > 8) size -= 1;
  line(doc, parent, text, { ...at, size, x: (WIDTH - doc.widthOfString(text)) / 2 });
}

function drawQr(doc: Doc, url: string, x: number, top: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = size / count;
  doc.rect(x - 4, top - 4, size + 8, size + 8).fill("#ffffff");
  // Each row's runs of dark modules as one rectangle, all filled at once.
  for (let row = 0; row < count; row += 1) {
    let column = 0;
    while (column < count) {
      if (!qr.modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < count && qr.modules.get(row, column)) column += 1;
      doc.rect(x + start * cell, top + row * cell, (column - start) * cell, cell);
    }
  }
  doc.fill("#000000");
}

export async function renderCertificatePdf(certificate: CertificateForPdf, verifyUrl: string): Promise<Uint8Array> {
  const locale = isLocale(certificate.locale) ? certificate.locale : "es";
  const t = translatorFor(locale);
  const city = citySnapshotSchema.parse(JSON.parse(certificate.citySnapshot));
  const date = new Intl.DateTimeFormat(htmlLang[locale], { dateStyle: "long", timeZone: "UTC" });
  const [regularBytes, boldBytes] = await loadFonts();

  const doc = new PDFDocument({
    pdfVersion: "1.7",
    subset: "PDF/UA",
    tagged: true,
    lang: htmlLang[locale],
    displayTitle: true,
    font: null,
    size: [WIDTH, HEIGHT],
    margin: 0,
    // The issue date, not the time of the download: the same certificate is always the same file.
    info: {
      Title: `${t("certificate.pdf.title")} ${certificate.code}`,
      ...(safeForXmp(city.name) ? { Author: city.name } : {}),
      Creator: "Aula IA",
      CreationDate: certificate.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const written = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", regularBytes).registerFont("bold", boldBytes);

  const primary = hexColour(city.primaryColor);
  const accent = hexColour(city.accentColor);
  const root = doc.struct("Document");
  doc.addStructure(root);

  artifact(doc, () => {
    doc.rect(0, 0, WIDTH, 90).fill(primary);
    doc.rect(0, 90, WIDTH, 6).fill(accent);
  });
  const logo = city.logoHash ? await logoFor(city.logoHash) : null;
  let nameX = 40;
  if (logo) {
    const logoHeight = 70;
    const logoWidth = (logo.width / logo.height) * logoHeight;
    const box: PDFKit.Mixins.StructureElementOptions = {
      alt: t("certificate.pdf.logoAlt", { city: city.name }),
      bbox: [30, 10, 30 + logoWidth, 10 + logoHeight],
      placement: "Block",
    };
    root.add(doc.struct("Figure", box, () => doc.image(logo.png, 30, 10, { width: logoWidth, height: logoHeight })));
    nameX = 40 + logoWidth;
  }
  line(doc, root, city.name, { x: nameX, baseline: 58, font: "bold", size: 26, colour: "#ffffff" });
  doc.font("bold").fontSize(16);
  line(doc, root, "Aula IA", {
    x: WIDTH - 40 - doc.widthOfString("Aula IA"),
    baseline: 54,
    font: "bold",
    size: 16,
    colour: "#ffffff",
  });
  artifact(doc, () =>
    doc
      .rect(24, 116, WIDTH - 48, HEIGHT - 140)
      .lineWidth(2)
      .stroke(accent),
  );

  centred(doc, root, t("certificate.pdf.title").toUpperCase(), {
    baseline: 160,
    font: "bold",
    size: 30,
    colour: primary,
    type: "H1",
  });
  centred(doc, root, t("certificate.pdf.certifies", { city: city.name }), { baseline: 200, font: "regular", size: 14 });
  centred(doc, root, certificate.holderName, { baseline: 245, font: "bold", size: 28 });
  centred(doc, root, t("certificate.pdf.completed"), { baseline: 285, font: "regular", size: 14 });
  centred(doc, root, certificate.courseTitle, { baseline: 320, font: "bold", size: 20, colour: primary });
  const details = t("certificate.pdf.details", {
    score: formatsFor(locale).percent(certificate.score),
    version: certificate.courseVersion,
    date: date.format(certificate.issuedAt),
  });
  centred(doc, root, details, { baseline: 352, font: "regular", size: 12 });
  if (certificate.expiresAt)
    centred(doc, root, t("certificate.pdf.validUntil", { date: date.format(certificate.expiresAt) }), {
      baseline: 372,
      font: "regular",
      size: 12,
    });

  if (city.signatoryName) {
    artifact(doc, () =>
      doc
        .moveTo(80, HEIGHT - 120)
        .lineTo(330, HEIGHT - 120)
        .lineWidth(1)
        .stroke("#4d4d4d"),
    );
    line(doc, root, city.signatoryName, { x: 80, baseline: HEIGHT - 102, font: "bold", size: 12 });
    line(doc, root, city.signatoryTitle, { x: 80, baseline: HEIGHT - 86, font: "regular", size: 10 });
  } else {
    line(doc, root, city.signatoryTitle, { x: 80, baseline: HEIGHT - 102, font: "regular", size: 11 });
  }

  line(doc, root, `${t("certificate.pdf.code")}: ${certificate.code}`, {
    x: WIDTH - 420,
    baseline: HEIGHT - 92,
    font: "bold",
    size: 11,
  });
  line(doc, root, t("certificate.pdf.verifyAt"), { x: WIDTH - 420, baseline: HEIGHT - 74, font: "regular", size: 9 });
  line(doc, root, verifyUrl, { x: WIDTH - 420, baseline: HEIGHT - 60, font: "regular", size: 8 });
  const qrTop = HEIGHT - 56 - 110;
  const qrBox: PDFKit.Mixins.StructureElementOptions = {
    alt: t("certificate.pdf.qrAlt", { url: verifyUrl }),
    bbox: [WIDTH - 174, qrTop - 4, WIDTH - 56, qrTop + 114],
    placement: "Block",
  };
  root.add(doc.struct("Figure", qrBox, () => drawQr(doc, verifyUrl, WIDTH - 170, qrTop, 110)));

  root.end();
  doc.end();
  return written;
}
