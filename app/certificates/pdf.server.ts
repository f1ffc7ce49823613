/**
 * The certificate PDF: A4 landscape, the city's colours and signatory from the snapshot taken
 * at issue, the learner's language, the code and a QR code to the public verification page.
 * DejaVu Sans is embedded (subset) so every name renders, whatever its script.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { Resvg } from "@resvg/resvg-js";
import QRCode from "qrcode";
import { isLocale, htmlLang } from "~/i18n/locales.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { citySnapshotSchema } from "./certificates.server.ts";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;

function loadFonts() {
  fonts ??= Promise.all([readFile(path.join(fontDir, "DejaVuSans.ttf")), readFile(path.join(fontDir, "DejaVuSans-Bold.ttf"))]);
  return fonts;
}

const logoCache = new Map<string, Uint8Array>();

/** The city's SVG logo as a PNG for the PDF (rasterised once per distinct logo). */
function logoPng(svg: string): Uint8Array | null {
  const cached = logoCache.get(svg);
  if (cached) return cached;
  try {
    const png = new Resvg(svg, {
      fitTo: { mode: "height", value: 240 },
      font: { fontDirs: [fontDir], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    })
      .render()
      .asPng();
    if (logoCache.size > 50) logoCache.clear();
    logoCache.set(svg, png);
    return png;
  } catch {
    // A broken logo must not stop the certificate: it is printed without one.
    return null;
  }
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

function hexColour(hex: string) {
  const value = /^#[0-9a-f]{6}$/i.test(hex) ? hex : "#1e3a5f";
  return rgb(parseInt(value.slice(1, 3), 16) / 255, parseInt(value.slice(3, 5), 16) / 255, parseInt(value.slice(5, 7), 16) / 255);
}

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, colour = rgb(0.1, 0.1, 0.15)) {
  // Long titles shrink to fit the width.
  let fitted = size;
  const maxWidth = page.getWidth() - 120;
  while (font.widthOfTextAtSize(text, fitted) > maxWidth && fitted > 8) fitted -= 1;
  page.drawText(text, { x: (page.getWidth() - font.widthOfTextAtSize(text, fitted)) / 2, y, size: fitted, font, color: colour });
}

function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cell = size / count;
  page.drawRectangle({ x: x - 4, y: y - 4, width: size + 8, height: size + 8, color: rgb(1, 1, 1) });
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column))
        page.drawRectangle({
          x: x + column * cell,
          y: y + size - (row + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
    }
  }
}

export async function renderCertificatePdf(certificate: CertificateForPdf, verifyUrl: string): Promise<Uint8Array> {
  const locale = isLocale(certificate.locale) ? certificate.locale : "es";
  const t = translatorFor(locale);
  const city = citySnapshotSchema.parse(JSON.parse(certificate.citySnapshot));
  const date = new Intl.DateTimeFormat(htmlLang[locale], { dateStyle: "long", timeZone: "UTC" });

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regularBytes, boldBytes] = await loadFonts();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  pdf.setTitle(`${t("certificate.pdf.title")} ${certificate.code}`);
  pdf.setAuthor(city.name);
  pdf.setLanguage(htmlLang[locale]);

  const page = pdf.addPage([841.89, 595.28]);
  const { width, height } = page.getSize();
  const primary = hexColour(city.primaryColor);
  const accent = hexColour(city.accentColor);

  page.drawRectangle({ x: 0, y: height - 90, width, height: 90, color: primary });
  page.drawRectangle({ x: 0, y: height - 96, width, height: 6, color: accent });
  const logo = city.logoSvg ? logoPng(city.logoSvg) : null;
  let nameX = 40;
  if (logo) {
    const image = await pdf.embedPng(logo);
    const logoHeight = 70;
    const logoWidth = (image.width / image.height) * logoHeight;
    page.drawImage(image, { x: 30, y: height - 80, width: logoWidth, height: logoHeight });
    nameX = 40 + logoWidth;
  }
  page.drawText(city.name, { x: nameX, y: height - 58, size: 26, font: bold, color: rgb(1, 1, 1) });
  page.drawText("Aula IA", {
    x: width - 40 - bold.widthOfTextAtSize("Aula IA", 16),
    y: height - 54,
    size: 16,
    font: bold,
    color: rgb(1, 1, 1),
  });
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 140, borderColor: accent, borderWidth: 2 });

  centred(page, t("certificate.pdf.title").toUpperCase(), bold, 30, height - 160, primary);
  centred(page, t("certificate.pdf.certifies", { city: city.name }), regular, 14, height - 200);
  centred(page, certificate.holderName, bold, 28, height - 245);
  centred(page, t("certificate.pdf.completed"), regular, 14, height - 285);
  centred(page, certificate.courseTitle, bold, 20, height - 320, primary);
  centred(
    page,
    t("certificate.pdf.details", {
      score: formatsFor(locale).percent(certificate.score),
      version: certificate.courseVersion,
      date: date.format(certificate.issuedAt),
    }),
    regular,
    12,
    height - 352,
  );
  if (certificate.expiresAt)
    centred(page, t("certificate.pdf.validUntil", { date: date.format(certificate.expiresAt) }), regular, 12, height - 372);

  if (city.signatoryName) {
    page.drawLine({ start: { x: 80, y: 120 }, end: { x: 330, y: 120 }, thickness: 1, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(city.signatoryName, { x: 80, y: 102, size: 12, font: bold });
    page.drawText(city.signatoryTitle, { x: 80, y: 86, size: 10, font: regular });
  } else {
    page.drawText(city.signatoryTitle, { x: 80, y: 102, size: 11, font: regular });
  }

  drawQr(page, verifyUrl, width - 170, 56, 110);
  page.drawText(`${t("certificate.pdf.code")}: ${certificate.code}`, { x: width - 420, y: 92, size: 11, font: bold });
  page.drawText(t("certificate.pdf.verifyAt"), { x: width - 420, y: 74, size: 9, font: regular });
  page.drawText(verifyUrl, { x: width - 420, y: 60, size: 8, font: regular });

  return pdf.save();
}
