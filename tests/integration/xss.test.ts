/**
 * Every known XSS payload (tests/fixtures/xss-payloads.ts), rendered in every place it can
 * appear today: as a person's name (dashboard and shell, admin people and certificates lists,
 * the public verify page, the certificate PDF, the confirmation and reset emails), as lesson
 * Markdown, and as an SVG image in a course. No executable markup may survive, and a name is
 * shown as the text it is.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { sendSignupMail } from "~/auth/email-confirmation.server.ts";
import { requestPasswordReset } from "~/auth/password-reset.server.ts";
import { renderCertificatePdf } from "~/certificates/pdf.server.ts";
import { renderLessonHtml } from "~/courses/markdown.server.ts";
import { importCourseFolder } from "~/courses/importer.server.ts";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { svgPayloads, xssPayloads } from "../fixtures/xss-payloads.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { cspNonce, executableMarkup, parseHtml, textChunks } from "../support/html.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
const scratch = mkdtempSync(path.join(os.tmpdir(), "aula-xss-"));
/** A person named with each payload, with a certificate of the sample course. */
const named: Array<{ payload: string; user: { id: string; email: string }; code: string }> = [];
let admin: TestUser;

const shown = (text: string) => text.replace(/\s+/g, " ").trim();

/** The page, its script-free check, and whether `text` is among what a person reads on it. */
async function page(pathname: string, user?: { id: string }) {
  const response = await server.request(pathname, { cookie: user ? await sessionCookie(user.id) : undefined });
  const html = await response.text();
  const chunks = textChunks(parseHtml(html));
  return {
    status: response.status,
    executable: executableMarkup(html, cspNonce(response)),
    showsText: (text: string) => chunks.some((chunk) => chunk.includes(shown(text))),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  await importSampleCourse();
  admin = await createUser({ roles: ["CITY_ADMIN"] });
  for (const [index, payload] of xssPayloads.entries()) {
    // The person takes the whole course, so that their certificate carries the payload too.
    const learner = await currentUserFor({ name: payload, email: `xss${index}@madrid.example` });
    await enroll(learner, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(learner, SAMPLE_COURSE, lesson);
    const attempt = await startAttempt(learner, SAMPLE_COURSE);
    if (!attempt.ok) throw new Error("attempt refused");
    await takeAttempt(learner, attempt.attemptId, true);
    const certificate = await db().certificate.findFirstOrThrow({ where: { userId: learner.id }, select: { code: true } });
    named.push({ payload, user: { id: learner.id, email: learner.email }, code: certificate.code });
  }
}, 180_000);

afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("a name made of a payload", () => {
  it("is shown as text on the dashboard and in the shell, with no executable markup", async () => {
    for (const { payload, user } of named) {
      const dashboard = await page("/", user);
      expect(dashboard.status).toBe(200);
      expect(dashboard.executable, payload).toEqual([]);
      expect(dashboard.showsText(payload), payload).toBe(true);
      const profile = await page("/profile", user);
      expect(profile.executable, payload).toEqual([]);
    }
  });

  it("is shown as text in the admin people and certificates lists", async () => {
    // The people list shows 50 a page: the payloads' addresses (xss…@) find them, page by page.
    const peoplePages = Array.from(
      { length: Math.ceil(named.length / 50) },
      (_, index) => `/admin/people?q=xss&page=${index + 1}`,
    );
    for (const [list, pages] of [
      ["/admin/people", peoplePages],
      ["/admin/certificates", ["/admin/certificates"]],
    ] as const) {
      const listed = await Promise.all(pages.map((pathname) => page(pathname, admin)));
      for (const one of listed) {
        expect(one.status).toBe(200);
        expect(one.executable, list).toEqual([]);
      }
      for (const { payload } of named)
        expect(
          listed.some((one) => one.showsText(payload)),
          `${list}: ${payload}`,
        ).toBe(true);
    }
  });

  it("is shown as text on the public verify page", async () => {
    for (const { payload, code } of named) {
      const verified = await page(`/verify/${code}`);
      expect(verified.status).toBe(200);
      expect(verified.executable, payload).toEqual([]);
      expect(verified.showsText(payload), payload).toBe(true);
    }
  });

  it("is printed as text on the certificate PDF, which carries no script or action", async () => {
    const visible = (text: string) => text.replace(/[\s\p{Cc}\p{Cf}]/gu, "");
    // A PDF draws a name as glyphs and interprets no markup; every fourth payload keeps the test fast.
    for (const { payload, code } of named.filter((_, index) => index % 4 === 0)) {
      const certificate = await db().certificate.findUniqueOrThrow({ where: { code } });
      const pdf = Buffer.from(await renderCertificatePdf(certificate, `http://localhost:3000/verify/${code}`));
      expect(pdf.toString("latin1"), payload).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|SubmitForm|ImportData)\b/);
      const file = path.join(scratch, `${code}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
      expect(visible(text), payload).toContain(visible(payload));
    }
  });

  it("is written verbatim in plain-text confirmation and reset emails, never as HTML or into a header", async () => {
    for (const [index, { user }] of named.entries()) {
      await db().user.update({ where: { id: user.id }, data: { emailConfirmedAt: null } });
      expect(await sendSignupMail(user.id)).toBe(true);
      await db().user.update({ where: { id: user.id }, data: { emailConfirmedAt: new Date() } });
      await requestPasswordReset(user.email, `10.77.${index}.1`);
    }
    const outbox = process.env.OUTBOX_DIR!;
    // Both emails are written in the background: wait until they are all there.
    const expected = named.length * 2;
    for (let waited = 0; readdirSync(outbox).length < expected && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mails = readdirSync(outbox).map(
      (file) => JSON.parse(readFileSync(path.join(outbox, file), "utf8")) as Record<string, string>,
    );
    for (const { payload, user } of named) {
      const theirs = mails.filter((mail) => mail.to === user.email);
      expect(theirs, payload).toHaveLength(2);
      for (const mail of theirs) {
        expect(Object.keys(mail).sort(), payload).toEqual(["from", "sentAt", "subject", "text", "to"]);
        expect(mail.text, payload).toContain(payload);
        expect(mail.subject, payload).not.toContain(payload);
        expect(mail.subject, payload).not.toMatch(/[\r\n]/);
      }
    }
  });
});

describe("a payload in lesson Markdown", () => {
  const contexts = (payload: string) => [
    payload,
    `Texto ${payload} texto`,
    `[${payload}](https://example.org)`,
    `![${payload}](diagram.svg)`,
    `[enlace](https://example.org "${payload.replace(/"/g, '\\"')}")`,
    `> ${payload}`,
    `- ${payload}`,
    `| a |\n| - |\n| ${payload.replace(/\|/g, "\\|")} |`,
    `**${payload}**`,
  ];

  it("renders to HTML with no executable markup, whatever the context", () => {
    for (const payload of xssPayloads) {
      for (const markdown of contexts(payload)) {
        const html = renderLessonHtml(markdown, (relative) => (relative === "diagram.svg" ? "/course-assets/abc.svg" : null));
        expect(executableMarkup(html, null), markdown).toEqual([]);
      }
    }
  });

  it("survives checking, import and the lesson page as text, and course SVGs are only images served sandboxed", async () => {
    const dir = path.join(scratch, "xss-course");
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), dir, { recursive: true });
    const courseFile = path.join(dir, "course.yaml");
    writeFileSync(courseFile, readFileSync(courseFile, "utf8").replace("key: sample-course", "key: xss-course"));
    // Every ASCII punctuation mark escaped: the lesson shows each payload as the text it is.
    const escaped = (payload: string) => payload.replace(/[!-/:-@[-`{-~]/g, "\\$&");
    const lessonBody = [
      ...xssPayloads.map((payload) => `${escaped(payload)}\n\n\`\`\`\n${payload}\n\`\`\``),
      ...Object.keys(svgPayloads).map((file) => `![Imagen ${file}](${file})`),
    ].join("\n\n");
    for (const [file, svg] of Object.entries(svgPayloads)) writeFileSync(path.join(dir, "01-first-steps", file), svg);
    // The lesson's practice activities carry payloads in their prompts and option texts too.
    const activitiesFile = path.join(dir, "01-first-steps", "activities.yaml");
    const activities = parseYaml(readFileSync(activitiesFile, "utf8")) as {
      activities: Array<{ key: string; prompt: Record<string, string>; options?: Array<{ text: Record<string, string> }> }>;
    };
    activities.activities.forEach((activity, index) => {
      const payload = xssPayloads[index % xssPayloads.length]!;
      activity.prompt = { es: payload, pt: payload, en: payload };
      for (const option of activity.options ?? []) option.text = { es: `${payload} ·`, pt: `${payload} ·`, en: `${payload} ·` };
    });
    writeFileSync(activitiesFile, stringifyYaml(activities));
    const markers = activities.activities.map((activity) => `{{activity: ${activity.key}}}`).join("\n\n");
    for (const locale of ["es", "pt", "en"]) {
      writeFileSync(
        path.join(dir, "01-first-steps", `${locale}.md`),
        `---\ntitle: Lección hostil\nminutes: 10\n---\n\n${lessonBody}\n\n${markers}\n`,
      );
    }
    const outcome = await importCourseFolder(dir);
    expect(outcome.status === "refused" ? outcome.problems : outcome.status).toBe("created");

    const learner = await currentUserFor({ name: "Lectora" });
    await enroll(learner, "xss-course");
    const response = await server.request("/learn/xss-course/first-steps", { cookie: await sessionCookie(learner.id) });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(executableMarkup(html, cspNonce(response))).toEqual([]);
    const chunks = textChunks(parseHtml(html));
    for (const payload of xssPayloads)
      expect(
        chunks.some((chunk) => chunk.includes(shown(payload))),
        payload,
      ).toBe(true);

    // The lesson's images, not the city's logo in the header (tests/integration/branding.test.ts).
    const images = [...html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)]
      .map((match) => match[1]!)
      .filter((src) => !src.startsWith("/files/"));
    expect(images.filter((src) => src.endsWith(".svg"))).toHaveLength(Object.keys(svgPayloads).length);
    for (const src of images) {
      expect(src).toMatch(/^\/course-assets\/[0-9a-f]{64}\.(svg|png)$/);
      const asset = await server.request(src);
      expect(asset.status).toBe(200);
      if (!src.endsWith(".svg")) continue;
      expect(asset.headers.get("Content-Type")).toBe("image/svg+xml");
      expect(asset.headers.get("X-Content-Type-Options")).toBe("nosniff");
      const policy = asset.headers.get("Content-Security-Policy") ?? "";
      expect(policy).toContain("default-src 'none'");
      expect(policy).toMatch(/(^|;)\s*sandbox\s*(;|$)/);
      expect(policy).not.toMatch(/script-src|allow-scripts/);
    }
  });
});
