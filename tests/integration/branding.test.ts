/**
 * A city admin's branding and settings (/admin/branding) through the real server: each kind of bad
 * input refused with a clear message and nothing written; a saved change audited; hostile SVGs
 * cleaned; logos served by hash; certificates issued before a change keep their snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCertificatePdf } from "~/certificates/pdf.server.ts";
import { migrateLegacyLogos } from "~/cities/logos.server.ts";
import { contrastRatio, nearestPassingCityColours } from "~/cities/contrast.ts";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { refusalTextIn } from "~/http/refusals.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { cleanedSvgs, svgBomb } from "../fixtures/hostile-svgs.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { figureAlternatives } from "../support/pdf.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const es = translatorFor("es");
let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  admin = await createUser({ roles: ["CITY_ADMIN"] });
  await importSampleCourse();
});
afterAll(async () => {
  await server.close();
});

async function madrid() {
  return db().city.findUniqueOrThrow({
    where: { slug: "madrid" },
    select: {
      primaryColor: true,
      accentColor: true,
      logoHash: true,
      signatoryName: true,
      signatoryTitle: true,
      certificatePrefix: true,
      defaultLocale: true,
      timeZone: true,
      dataProtectionContact: true,
      emailDomains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
}

/** The form as the page sends it, with the city's current values unless overridden. */
async function post(overrides: Record<string, string | File> = {}, user: TestUser = admin) {
  const city = await madrid();
  const fields: Record<string, string | File> = {
    intent: "save",
    primaryColor: city.primaryColor,
    accentColor: city.accentColor,
    signatoryName: city.signatoryName,
    signatoryTitle: city.signatoryTitle,
    certificatePrefix: city.certificatePrefix,
    emailDomains: city.emailDomains.map((row) => row.domain).join("\n"),
    defaultLocale: city.defaultLocale,
    timeZone: city.timeZone,
    dataProtectionContact: city.dataProtectionContact,
    ...overrides,
  };
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return server.request("/admin/branding", {
    method: "POST",
    body,
    cookie: await sessionCookie(user.id),
    headers: { Origin: server.origin },
  });
}

/** Everything a refused post must leave as it was. */
async function snapshotOfWrites() {
  return {
    city: await madrid(),
    files: await db().storedFile.count(),
    audits: await db().auditLog.count({ where: { action: "city.branding.update" } }),
  };
}

const unescape = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

describe("refused branding, nothing written", () => {
  it("refuses a primary colour that fails contrast, with the measured ratio and the nearest colour that passes", async () => {
    const before = await snapshotOfWrites();
    const response = await post({ primaryColor: "#f3c64a" });
    expect(response.status).toBe(400);
    const html = unescape(await response.text());
    const ratio = formatsFor("es").contrastRatio(contrastRatio("#ffffff", "#f3c64a"));
    const nearest = nearestPassingCityColours({ primaryColor: "#f3c64a", accentColor: before.city.accentColor })!.primaryColor;
    expect(html).toContain(
      es("branding.error.contrastPrimary", { ratio, required: formatsFor("es").contrastRatio(4.5), nearest }),
    );
    expect(ratio).toMatch(/^1,\d\d:1$/);
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("refuses a colour that is not a colour", async () => {
    const before = await snapshotOfWrites();
    const response = await post({ primaryColor: "rojo", accentColor: "#12345" });
    expect(response.status).toBe(400);
    const html = unescape(await response.text());
    expect(html).toContain(es("branding.error.colour"));
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("refuses a renamed executable as a logo (checked by content, not by name)", async () => {
    const before = await snapshotOfWrites();
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    for (const name of ["escudo.png", "escudo.svg"]) {
      const response = await post({
        logo: new File([exe], name, { type: name.endsWith("png") ? "image/png" : "image/svg+xml" }),
      });
      expect(response.status).toBe(400);
      expect(unescape(await response.text())).toContain(es("validation.fileType"));
    }
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("refuses a 50 MB upload before reading it", async () => {
    const before = await snapshotOfWrites();
    const response = await post({ logo: new File([new Uint8Array(50 * 1024 * 1024)], "escudo.png", { type: "image/png" }) });
    expect(response.status).toBe(413);
    expect(unescape(await response.text())).toContain(refusalTextIn("tooLarge", "es"));
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("refuses an SVG bomb (entity expansion) without expanding it", async () => {
    const before = await snapshotOfWrites();
    const response = await post({ logo: new File([svgBomb], "escudo.svg", { type: "image/svg+xml" }) });
    expect(response.status).toBe(400);
    expect(unescape(await response.text())).toContain(es("branding.error.svgDeclaration"));
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("refuses a bad prefix, another city's prefix or domain, an unknown time zone and a bad domain", async () => {
    const before = await snapshotOfWrites();
    const cases: Array<[Record<string, string>, string]> = [
      [{ certificatePrefix: "MA1" }, es("branding.error.prefix")],
      [{ certificatePrefix: "SAO" }, es("branding.error.prefixTaken")],
      [{ emailDomains: "madrid.es\nprefeitura.sp.gov.br" }, es("branding.error.domainTaken", { domain: "prefeitura.sp.gov.br" })],
      [{ emailDomains: "madrid.es\nno es un dominio" }, es("branding.error.domain")],
      [{ timeZone: "Europe/Atlantis" }, es("branding.error.timeZone")],
      [{ defaultLocale: "fr" }, es("validation.language")],
    ];
    for (const [overrides, message] of cases) {
      const response = await post(overrides);
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(unescape(await response.text()), JSON.stringify(overrides)).toContain(message);
    }
    expect(await snapshotOfWrites()).toEqual(before);
  });

  it("lets only city admins post, and only for their own city", async () => {
    const learner = await createUser();
    const response = await post({ primaryColor: "#000000" }, learner);
    expect(response.status).toBe(403);
    const other = await createUser({ city: "sao-paulo", roles: ["CITY_ADMIN"] });
    const before = await madrid();
    // The post is about the admin's own city (São Paulo) whatever it says: Madrid is untouched.
    await post({ certificatePrefix: "SAO", primaryColor: "#123456", emailDomains: "" }, other);
    expect(await madrid()).toEqual(before);
  });
});

describe("preview", () => {
  it("shows the proposed values and saves nothing", async () => {
    const before = await snapshotOfWrites();
    const response = await post({ intent: "preview", signatoryName: "Firmante Propuesta", primaryColor: "#0b3d2e" });
    expect(response.status).toBe(200);
    const html = unescape(await response.text());
    expect(html).toContain(es("branding.previewShown"));
    expect(html).toContain('fill="#0b3d2e"');
    expect(html).toContain("Firmante Propuesta");
    expect(await snapshotOfWrites()).toEqual(before);
  });
});

describe("saving", () => {
  it("saves every field in one go, audited with the names of the fields changed and no personal data", async () => {
    const response = await post({
      primaryColor: "#0B3D2E",
      signatoryName: "Carmen Firmante",
      emailDomains: "madrid.es\nayto.madrid.es",
      timeZone: "Atlantic/Canary",
      dataProtectionContact: "dpd@madrid.es",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/branding?saved=1");
    const city = await madrid();
    expect(city).toMatchObject({ primaryColor: "#0b3d2e", signatoryName: "Carmen Firmante", timeZone: "Atlantic/Canary" });
    expect(city.emailDomains.map((row) => row.domain)).toEqual(["ayto.madrid.es", "madrid.es"]);
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: "city.branding.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.parse(entry.details)).toEqual({
      changed: ["primaryColor", "signatoryName", "emailDomains", "timeZone", "dataProtectionContact"],
    });
    expect(entry.details).not.toContain("Carmen");
    expect(entry.details).not.toContain("dpd@");

    // The privacy notice states the contact in the city's entry.
    const privacy = unescape(await (await server.request("/privacy")).text());
    expect(privacy.slice(privacy.indexOf('id="city-madrid"'))).toMatch(/^[^]*?dpd@madrid\.es[^]*?<\/li>/);
  });

  it("stores a hostile SVG cleaned, by its hash, once, and serves it as a document that can run nothing", async () => {
    for (const { svg, mustNotContain } of cleanedSvgs.slice(0, 8)) {
      const response = await post({ logo: new File([svg], "escudo.svg", { type: "image/svg+xml" }) });
      expect(response.status).toBe(302);
      const { logoHash } = await madrid();
      const file = await server.request(`/files/${logoHash}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("Content-Type")).toBe("image/svg+xml");
      expect(file.headers.get("Content-Security-Policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(file.headers.get("X-Content-Type-Options")).toContain("nosniff");
      expect(file.headers.get("Cache-Control")).toContain("immutable");
      expect(await file.text()).not.toMatch(mustNotContain);
    }
    const files = await db().storedFile.count();
    const again = cleanedSvgs[0]!;
    expect((await post({ logo: new File([again.svg], "otra.svg", { type: "image/svg+xml" }) })).status).toBe(302);
    expect(await db().storedFile.count()).toBe(files);
  });

  it("accepts a PNG logo, checked by content", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    expect((await post({ logo: new File([png], "escudo.png", { type: "image/png" }) })).status).toBe(302);
    const file = await server.request(`/files/${(await madrid()).logoHash}`);
    expect(file.headers.get("Content-Type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true);
  });
});

describe("certificates and branding", () => {
  async function certify(name: string) {
    const user = await currentUserFor({ name });
    await enroll(user, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
    const attempt = await startAttempt(user, SAMPLE_COURSE);
    if (!attempt.ok) throw new Error("attempt refused");
    await takeAttempt(user, attempt.attemptId, true);
    return db().certificate.findFirstOrThrow({ where: { userId: user.id } });
  }

  it("keeps an earlier certificate's snapshot; the next one uses the new branding, its logo by hash", async () => {
    const first = await certify("Inés Primera");
    const emblem = new File(
      ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#123456"/></svg>'],
      "nuevo.svg",
      { type: "image/svg+xml" },
    );
    expect((await post({ primaryColor: "#2b1d4f", signatoryTitle: "Alcaldía de Madrid", logo: emblem })).status).toBe(302);
    const city = await madrid();
    const second = await certify("Irene Segunda");

    const firstSnapshot = JSON.parse(first.citySnapshot) as Record<string, unknown>;
    const secondSnapshot = JSON.parse(second.citySnapshot) as Record<string, unknown>;
    expect(firstSnapshot.primaryColor).not.toBe("#2b1d4f");
    expect(firstSnapshot.logoHash).not.toBe(city.logoHash);
    expect(secondSnapshot).toMatchObject({
      primaryColor: "#2b1d4f",
      signatoryTitle: "Alcaldía de Madrid",
      logoHash: city.logoHash,
    });
    expect(secondSnapshot).not.toHaveProperty("logoSvg");
    // The earlier certificate is unchanged in the database.
    expect((await db().certificate.findUniqueOrThrow({ where: { id: first.id } })).citySnapshot).toBe(first.citySnapshot);

    // Both PDFs draw their own logo, read from the file store by hash.
    const verifyUrl = "http://localhost:3000/verify/x";
    for (const certificate of [first, second])
      expect(figureAlternatives(await renderCertificatePdf(certificate, verifyUrl))).toContain("Logotipo de Madrid");
  });
});

describe("moving logos out of City.logoSvg and certificate snapshots (the data step after migrating)", () => {
  it("stores each logo once by hash, repoints cities and snapshots, and changes nothing when run again", async () => {
    const bogota = await db().city.findUniqueOrThrow({ where: { slug: "bogota" }, select: { id: true } });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#fcd116"/></svg>';
    // As migration 20261201145421 leaves a city: its SVG parked under "legacy-logo:<id>".
    await db().storedFile.create({
      data: { hash: `legacy-logo:${bogota.id}`, contentType: "image/svg+xml", size: svg.length, bytes: Buffer.from(svg) },
    });
    await db().city.update({ where: { id: bogota.id }, data: { logoHash: `legacy-logo:${bogota.id}` } });
    const learner = await createUser({ city: "bogota" });
    const enrollment = await db().enrollment.create({
      data: { userId: learner.id, courseId: (await db().course.findFirstOrThrow({ select: { id: true } })).id },
    });
    const legacySnapshot = {
      name: "Bogotá",
      primaryColor: "#7a1d2e",
      accentColor: "#fcd116",
      logoSvg: `${svg.slice(0, -6)}<script>alert(1)</script></svg>`,
      signatoryName: "",
      signatoryTitle: "Secretaría",
    };
    const certificate = await db().certificate.create({
      data: {
        code: "BOG-2222-3333-4444",
        enrollmentId: enrollment.id,
        userId: learner.id,
        cityId: bogota.id,
        holderName: learner.name,
        courseTitle: "Curso",
        courseVersion: 1,
        score: 90,
        locale: "es",
        citySnapshot: JSON.stringify(legacySnapshot),
        issuedAt: new Date(),
      },
    });

    expect(await migrateLegacyLogos()).toEqual({ cities: 1, certificates: 1 });
    const city = await db().city.findUniqueOrThrow({ where: { id: bogota.id }, select: { logoHash: true } });
    expect(city.logoHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db().storedFile.count({ where: { hash: { startsWith: "legacy-logo:" } } })).toBe(0);
    const snapshot = JSON.parse((await db().certificate.findUniqueOrThrow({ where: { id: certificate.id } })).citySnapshot);
    const { logoSvg, ...rest } = legacySnapshot;
    expect(logoSvg).toContain("script");
    expect(snapshot).toEqual({ ...rest, logoHash: city.logoHash });
    // The stored logo is the sanitised one: the same rectangle, without the script.
    const stored = await db().storedFile.findUniqueOrThrow({ where: { hash: city.logoHash! } });
    expect(Buffer.from(stored.bytes).toString("utf8")).not.toContain("script");

    const files = await db().storedFile.count();
    expect(await migrateLegacyLogos()).toEqual({ cities: 0, certificates: 0 });
    expect(await db().storedFile.count()).toBe(files);
  });
});
