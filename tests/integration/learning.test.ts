import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { revokeCertificate, verifyCertificate } from "~/certificates/certificates.server.ts";
import { renderCertificatePdf } from "~/certificates/pdf.server.ts";
import { setClockOffset } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import {
  enroll,
  learnerCourseState,
  learnerDashboard,
  lessonForReading,
  markLessonComplete,
} from "~/learning/enrollments.server.ts";
import { reconcileEnrollment } from "~/learning/reconcile.server.ts";
import { attemptView, quizOverview, sendAttemptEvents, startAttempt } from "~/quiz/attempts.server.ts";
import { answerKeyOf, currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { catalogOf, figureAlternatives, pdfinfo, pdfOnDisk, structureOf, untaggedPainting } from "../support/pdf.ts";

beforeAll(async () => {
  await importSampleCourse();
});

async function enrolledLearner(options: Parameters<typeof currentUserFor>[0] = {}) {
  const user = await currentUserFor(options);
  await enroll(user, SAMPLE_COURSE);
  return user;
}

async function readAllLessons(user: Awaited<ReturnType<typeof currentUserFor>>) {
  for (const lesson of ["first-steps", "next-steps"])
    expect(await markLessonComplete(user, SAMPLE_COURSE, lesson)).toMatchObject({ status: "done" });
}

async function started(user: Awaited<ReturnType<typeof currentUserFor>>) {
  const attempt = await startAttempt(user, SAMPLE_COURSE);
  if (!attempt.ok) throw new Error("attempt refused");
  return attempt.attemptId;
}

describe("enrolment and progress", () => {
  it("enrols once, saves lesson progress on the server and continues where the learner stopped", async () => {
    const user = await currentUserFor();
    const first = await enroll(user, SAMPLE_COURSE);
    expect(await enroll(user, SAMPLE_COURSE)).toMatchObject({ id: first!.id });
    expect(await markLessonComplete(user, SAMPLE_COURSE, "first-steps")).toMatchObject({ status: "done" });
    expect(await markLessonComplete(user, SAMPLE_COURSE, "first-steps")).toMatchObject({ status: "done" });
    expect(await db().lessonProgress.count({ where: { enrollmentId: first!.id } })).toBe(1);
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({
      enrolled: true,
      percent: 33,
      continueAt: "next-steps",
      completedAt: null,
    });
    expect(await markLessonComplete(user, SAMPLE_COURSE, "no-such-lesson")).toMatchObject({ status: "unknown-lesson" });
  });

  it("continues at the next lesson after marking one complete, and at the quiz once it is started", async () => {
    const user = await enrolledLearner();
    expect(await markLessonComplete(user, SAMPLE_COURSE, "first-steps")).toEqual({ status: "done", next: "next-steps" });
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ continueAt: "next-steps" });
    await started(user);
    // Kept on the server, so the dashboard on any device leads back to the quiz.
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ continueAt: "quiz" });
    expect((await learnerDashboard(user, "es")).inProgress).toMatchObject([{ courseKey: SAMPLE_COURSE, continueAt: "quiz" }]);
    expect(await markLessonComplete(user, SAMPLE_COURSE, "next-steps")).toEqual({ status: "done", next: "quiz" });
  });

  it("shows assigned courses with their due date, overdue ones flagged", async () => {
    const user = await enrolledLearner();
    const course = await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } });
    const assignment = await db().assignment.create({
      data: { cityId: user.city.id, courseId: course.id, dueDays: 1 },
      select: { id: true },
    });
    const enrollment = await db().enrollment.findFirstOrThrow({
      where: { userId: user.id, courseId: course.id },
      select: { id: true },
    });
    await db().personAssignment.create({
      data: {
        assignmentId: assignment.id,
        userId: user.id,
        cityId: user.city.id,
        courseId: course.id,
        assignedAt: new Date(Date.now() - 2 * 86_400_000),
        dueAt: new Date(Date.now() - 86_400_000),
        enrollmentId: enrollment.id,
      },
    });
    const dashboard = await learnerDashboard(user, "en");
    expect(dashboard.assigned).toMatchObject([{ courseKey: SAMPLE_COURSE, title: "Sample course", overdue: true }]);
  });
});

describe("quiz attempts", () => {
  it("grades on the server: a failed attempt, the cool-down, then a pass that completes the course and issues one certificate", async () => {
    const user = await enrolledLearner({ name: "Łukasz Ñúñez-Gómez" });
    await readAllLessons(user);
    const first = await started(user);
    await takeAttempt(user, first, false);
    const failedView = await attemptView(user, first, "es");
    expect(failedView?.result).toEqual({ score: 0, passed: false, passMark: 50 });
    expect(failedView?.questions.every((question) => question.feedback?.explanation)).toBe(true);

    expect(await startAttempt(user, SAMPLE_COURSE)).toMatchObject({ ok: false, decision: { reason: "cooldown" } });
    setClockOffset(61 * 60_000);
    try {
      const second = await started(user);
      await takeAttempt(user, second, true);
      expect((await attemptView(user, second, "es"))?.result).toMatchObject({ score: 100, passed: true });
    } finally {
      setClockOffset(0);
    }
    const state = await learnerCourseState(user, SAMPLE_COURSE);
    expect(state).toMatchObject({ enrolled: true, percent: 100, quizPassed: true });
    expect(state?.enrolled && state.completedAt).toBeTruthy();
    expect(await db().certificate.count({ where: { userId: user.id } })).toBe(1);
    expect(await startAttempt(user, SAMPLE_COURSE)).toMatchObject({ ok: false, decision: { reason: "passed" } });
  });

  it("ignores a post whose step is stale (double click, two tabs) and never changes a submitted attempt", async () => {
    const user = await enrolledLearner();
    const attemptId = await started(user);
    const view = (await attemptView(user, attemptId, "es"))!;
    const question = view.questions[0]!;
    const event = { type: "ANSWER" as const, questionKey: question.key, options: [question.options[0]!.key] };
    expect(await sendAttemptEvents(user, attemptId, view.step, [event, { type: "NEXT" }])).toMatchObject({ status: "accepted" });
    expect(await sendAttemptEvents(user, attemptId, view.step, [event, { type: "NEXT" }])).toMatchObject({ status: "stale" });
    const after = (await attemptView(user, attemptId, "es"))!;
    expect(after.step).toBe(view.step + 1);
    expect(after.current).toBe(1);

    await sendAttemptEvents(user, attemptId, after.step, [{ type: "REVIEW" }]);
    await sendAttemptEvents(user, attemptId, after.step + 1, [{ type: "SUBMIT" }]);
    const submitted = await db().quizAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { step: true, snapshot: true, score: true },
    });
    expect(await sendAttemptEvents(user, attemptId, submitted.step, [{ type: "EDIT", index: 0 }])).toMatchObject({
      status: "stale",
    });
    expect(
      await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { step: true, snapshot: true, score: true } }),
    ).toEqual(submitted);
  });

  it("refuses forbidden events and another person's attempt, writing nothing", async () => {
    const user = await enrolledLearner();
    const attemptId = await started(user);
    const view = (await attemptView(user, attemptId, "es"))!;
    expect(await sendAttemptEvents(user, attemptId, view.step, [{ type: "SUBMIT" }])).toMatchObject({ status: "refused" });
    expect(
      await sendAttemptEvents(user, attemptId, view.step, [{ type: "ANSWER", questionKey: "not-drawn", options: ["a"] }]),
    ).toMatchObject({ status: "refused" });
    const stranger = await enrolledLearner({ city: "bogota" });
    expect(await sendAttemptEvents(stranger, attemptId, view.step, [{ type: "NEXT" }])).toMatchObject({ status: "not-found" });
    expect(await attemptView(stranger, attemptId, "es")).toBeNull();
    expect((await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { step: true } })).step).toBe(view.step);
  });

  it("keeps the drawn questions and option order across reloads", async () => {
    const user = await enrolledLearner();
    const attemptId = await started(user);
    const first = await attemptView(user, attemptId, "es");
    const again = await attemptView(user, attemptId, "es");
    expect(again?.questions.map((question) => [question.key, question.options.map((option) => option.key)])).toEqual(
      first?.questions.map((question) => [question.key, question.options.map((option) => option.key)]),
    );
    expect(first?.total).toBe(2);
  });

  it("reads an attempt's deadline back to the millisecond (raw SQL on this database)", async () => {
    const user = await enrolledLearner();
    await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { timeLimitMinutes: 10 } });
    try {
      const attemptId = await started(user);
      const stored = await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { deadline: true } });
      const view = await attemptView(user, attemptId, "es");
      expect(view?.deadline).toBeInstanceOf(Date);
      expect(view?.deadline?.getTime()).toBe(stored.deadline?.getTime());
    } finally {
      await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { timeLimitMinutes: null } });
    }
  });

  it("grades at the deadline with only the answers stored before it", async () => {
    const user = await enrolledLearner();
    await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { timeLimitMinutes: 10 } });
    try {
      const attemptId = await started(user);
      const key = await answerKeyOf(SAMPLE_COURSE);
      const view = (await attemptView(user, attemptId, "es"))!;
      const firstQuestion = view.questions[0]!;
      expect(
        await sendAttemptEvents(user, attemptId, view.step, [
          { type: "ANSWER", questionKey: firstQuestion.key, options: key.get(firstQuestion.key)! },
          { type: "NEXT" },
        ]),
      ).toMatchObject({ status: "accepted" });
      setClockOffset(11 * 60_000);
      const second = view.questions[1]!;
      // Too late: this answer is not stored, and the attempt is graded on this request.
      expect(
        await sendAttemptEvents(user, attemptId, view.step + 1, [
          { type: "ANSWER", questionKey: second.key, options: key.get(second.key)! },
        ]),
      ).toMatchObject({ status: "stale" });
      const graded = await attemptView(user, attemptId, "es");
      expect(graded?.result).toEqual({ score: 50, passed: true, passMark: 50 });
      expect(graded?.questions[1]?.selected).toEqual([]);
    } finally {
      setClockOffset(0);
      await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { timeLimitMinutes: null } });
    }
  });

  it("stops at the attempt limit", async () => {
    const user = await enrolledLearner();
    try {
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        setClockOffset(attempt * 2 * 60 * 60_000);
        await takeAttempt(user, await started(user), false);
      }
      setClockOffset(10 * 60 * 60_000);
      expect(await quizOverview(user, SAMPLE_COURSE)).toMatchObject({ decision: { allowed: false, reason: "limit" } });
    } finally {
      setClockOffset(0);
    }
  });
});

describe("answer key secrecy over HTTP", () => {
  it("sends no correct option or explanation before grading, and both after", async () => {
    const { startTestServer } = await import("../support/server.ts");
    const { sessionCookie } = await import("../support/factories.ts");
    const server = await startTestServer();
    try {
      const user = await enrolledLearner();
      const cookie = await sessionCookie(user.id);
      const attemptId = await started(user);
      const explanations = (
        await db().question.findMany({
          where: { quiz: { version: { course: { key: SAMPLE_COURSE } } } },
          select: { explanation: true },
        })
      ).flatMap((question) => Object.values(JSON.parse(question.explanation) as Record<string, string>));
      // The answer key travels as `correct` in the page data: absent before grading, present after.
      const answerKeyField = /\\?"correct\\?"/;
      const scan = async (body: string) => {
        for (const explanation of explanations) expect(body).not.toContain(explanation);
        expect(body).not.toMatch(answerKeyField);
      };
      let view = (await attemptView(user, attemptId, "es"))!;
      await scan(await (await server.request(`/quiz/${attemptId}`, { cookie })).text());
      await scan(await (await server.request(`/quiz/${attemptId}.data`, { cookie })).text());
      const response = await server.request(`/quiz/${attemptId}/events`, {
        cookie,
        form: {
          step: String(view.step),
          intent: "next",
          questionKey: view.questions[0]!.key,
          option: view.questions[0]!.options[0]!.key,
        },
      });
      expect(await response.json()).toEqual({ status: "accepted", step: view.step + 1 });
      view = (await attemptView(user, attemptId, "es"))!;
      await scan(await (await server.request(`/quiz/${attemptId}`, { cookie })).text());
      await server.request(`/quiz/${attemptId}`, { cookie, form: { step: String(view.step), intent: "review" } });
      await scan(await (await server.request(`/quiz/${attemptId}`, { cookie })).text());
      const submit = await server.request(`/quiz/${attemptId}`, {
        cookie,
        form: { step: String(view.step + 1), intent: "submit" },
      });
      expect(submit.status).toBe(302);
      const graded = await (await server.request(`/quiz/${attemptId}`, { cookie, headers: { "Accept-Language": "es" } })).text();
      expect(explanations.some((explanation) => graded.includes(explanation))).toBe(true);
      expect(graded).toMatch(answerKeyField);
    } finally {
      await server.close();
    }
  });
});

describe("certificates", () => {
  async function completedEnrollment(name = "Ana Pérez") {
    const user = await enrolledLearner({ name });
    await readAllLessons(user);
    await takeAttempt(user, await started(user), true);
    return user;
  }

  /** As a version before decision 013 could leave it: passed, but neither completed nor certified. */
  async function passedButIncomplete(name: string) {
    const user = await completedEnrollment(name);
    const enrollment = await db().enrollment.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
    await db().certificate.deleteMany({ where: { enrollmentId: enrollment.id } });
    await db().enrollment.update({ where: { id: enrollment.id }, data: { completedAt: null } });
    return { user, enrollmentId: enrollment.id };
  }

  it("completes and certifies in the same step as the passing grade", async () => {
    const user = await completedEnrollment("Julia Campos");
    const enrollment = await db().enrollment.findFirstOrThrow({
      where: { userId: user.id },
      select: { completedAt: true, certificate: { select: { score: true, holderName: true } } },
    });
    expect(enrollment.completedAt).not.toBeNull();
    expect(enrollment.certificate).toEqual({ score: 100, holderName: "Julia Campos" });
  });

  it("issues exactly one certificate when many requests repair the same enrolment at once", async () => {
    const { user, enrollmentId } = await passedButIncomplete("Ana Pérez");
    await Promise.all(Array.from({ length: 6 }, () => reconcileEnrollment(user, { courseKey: SAMPLE_COURSE })));
    const certificates = await db().certificate.findMany({ where: { enrollmentId }, select: { code: true } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.code).toMatch(/^MAD-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  });

  it("repairs a learner left passed but incomplete: reading shows it as it is, the reconcile completes and certifies it once", async () => {
    const { user, enrollmentId } = await passedButIncomplete("Inés Vargas");
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ completedAt: null, certificateCode: null });
    expect(await db().certificate.count({ where: { enrollmentId } })).toBe(0);
    await reconcileEnrollment(user, { courseKey: SAMPLE_COURSE });
    const state = await learnerCourseState(user, SAMPLE_COURSE);
    expect(state).toMatchObject({ enrolled: true, certificateCode: expect.stringMatching(/^MAD-/) });
    expect(state?.enrolled && state.completedAt).toBeTruthy();
    await reconcileEnrollment(user, { courseKey: SAMPLE_COURSE });
    expect(await db().certificate.count({ where: { enrollmentId } })).toBe(1);
  });

  it("renders a PDF whose text has the name with its accents, the course and the code", async () => {
    const user = await completedEnrollment("Łukasz Ñúñez-Gómez");
    const certificate = await db().certificate.findFirstOrThrow({ where: { userId: user.id } });
    const pdf = await renderCertificatePdf(certificate, `http://localhost:3000/verify/${certificate.code}`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "aula-pdf-")), "certificate.pdf");
    writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain("Łukasz Ñúñez-Gómez");
    expect(text).toContain("Curso de prueba");
    expect(text).toContain(certificate.code);
    expect(text).toContain("Madrid");
    expect(text).toContain("Certificado".toUpperCase());
    // The city's logo (its SVG rasterised) is printed in the header.
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    expect(images.trim().split("\n").length).toBeGreaterThanOrEqual(3);
  });

  it("renders a tagged PDF: heading, paragraphs and figures in reading order, alt text, language, shown title, PDF/UA identifier", async () => {
    const user = await completedEnrollment("Łukasz Ñúñez-Gómez");
    const certificate = await db().certificate.findFirstOrThrow({ where: { userId: user.id } });
    const verifyUrl = `http://localhost:3000/verify/${certificate.code}`;
    const pdf = await renderCertificatePdf(certificate, verifyUrl);
    const file = pdfOnDisk(pdf);

    const [root, ...elements] = structureOf(file);
    expect(root).toMatchObject({ type: "Document", depth: 0 });
    expect(elements.every((element) => element.depth === 1)).toBe(true);
    expect(elements.map(({ type, text }) => [type, text])).toEqual([
      ["Figure", ""],
      ["P", "Madrid"],
      ["P", "Aula IA"],
      ["H1", "CERTIFICADO"],
      ["P", "Madrid certifica que"],
      ["P", "Łukasz Ñúñez-Gómez"],
      ["P", "ha completado el curso"],
      ["P", "Curso de prueba"],
      ["P", expect.stringMatching(/^Puntuación: 100\u00a0% · Versión 1 · Emitido el \d+ de \p{L}+ de \d{4}$/u)],
      ["P", "Dirección General de Función Pública"],
      ["P", `Código: ${certificate.code}`],
      ["P", "Compruebe su validez en:"],
      ["P", verifyUrl],
      ["Figure", ""],
    ]);
    expect(figureAlternatives(pdf)).toEqual([
      "Logotipo de Madrid",
      `Código QR que abre la página de verificación de este certificado: ${verifyUrl}`,
    ]);
    // Every rule, frame and background is an artifact; nothing is painted outside the tags.
    expect(untaggedPainting(pdf)).toEqual([]);

    expect(catalogOf(pdf)).toEqual({ lang: "es", displayDocTitle: true });
    const info = pdfinfo(file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+Certificado ${certificate.code}$`, "m"));
    expect(info).toMatch(/^Pages:\s+1$/m);
    const xmp = pdfinfo(file, "-meta");
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">Certificado ${certificate.code}</rdf:li>`);
    // Fonts are all embedded (PDF/UA 7.21.4): the two DejaVu faces, subset.
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/\+DejaVuSans.*\byes\s+yes\s+yes\b/);

    // The same certificate is the same file, byte for byte, whenever it is downloaded.
    expect(Buffer.from(await renderCertificatePdf(certificate, verifyUrl)).equals(Buffer.from(pdf))).toBe(true);
  });

  it("tags the PDF in the learner's language, and keeps its metadata readable whatever the city's name", async () => {
    const user = await completedEnrollment("Noémie Dubois");
    const issued = await db().certificate.findFirstOrThrow({ where: { userId: user.id } });
    const verifyUrl = `http://localhost:3000/verify/${issued.code}`;
    const english = await renderCertificatePdf({ ...issued, locale: "en" }, verifyUrl);
    expect(catalogOf(english)).toEqual({ lang: "en", displayDocTitle: true });
    expect(figureAlternatives(english)).toEqual([
      "Madrid logo",
      `QR code that opens this certificate's verification page: ${verifyUrl}`,
    ]);
    expect(structureOf(pdfOnDisk(english)).find((element) => element.type === "H1")?.text).toBe("CERTIFICATE");
    expect(pdfinfo(pdfOnDisk(english))).toMatch(new RegExp(`^Title:\\s+Certificate ${issued.code}$`, "m"));
    expect(catalogOf(await renderCertificatePdf({ ...issued, locale: "pt" }, verifyUrl)).lang).toBe("pt-BR");

    // pdfkit copies the author into the XMP unescaped: a name with markup is left out of it, not broken into it.
    const snapshot = { ...JSON.parse(issued.citySnapshot), name: "Ayuntamiento <A&B>" };
    const marked = pdfOnDisk(await renderCertificatePdf({ ...issued, citySnapshot: JSON.stringify(snapshot) }, verifyUrl));
    expect(pdfinfo(marked, "-meta")).not.toContain("Ayuntamiento");
    expect(pdfinfo(marked)).not.toMatch(/^Author:/m);
    expect(structureOf(marked).find((element) => element.type === "P")?.text).toBe("Ayuntamiento <A&B>");
  });

  it("renders certificates one after another, each with every letter of its own name", async () => {
    const pdfText = async (name: string) => {
      const user = await completedEnrollment(name);
      const certificate = await db().certificate.findFirstOrThrow({ where: { userId: user.id } });
      const pdf = await renderCertificatePdf(certificate, `http://localhost:3000/verify/${certificate.code}`);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "aula-pdf-")), "certificate.pdf");
      writeFileSync(file, pdf);
      return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    };
    const first = await pdfText("Zoë Ødegård");
    const second = await pdfText("Ξένια Ŵilson-Çelik");
    expect(first).toContain("Zoë Ødegård");
    expect(second).toContain("Ξένια Ŵilson-Çelik");
    expect(second).not.toContain("Zoë");
  });

  it("verifies valid, expired, revoked and unknown codes, revocation only within the admin's city", async () => {
    const user = await completedEnrollment("Verónica Ruiz");
    const { code } = await db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
    expect(await verifyCertificate(code.toLowerCase())).toMatchObject({
      status: "valid",
      holderName: "Verónica Ruiz",
      cityName: "Madrid",
      courseTitle: "Curso de prueba",
    });
    expect(await verifyCertificate("MAD-2222-3333-4444")).toEqual({ status: "unknown" });

    await db().certificate.update({ where: { code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await verifyCertificate(code)).status).toBe("expired");

    const otherAdmin = await currentUserFor({ city: "bogota", roles: ["CITY_ADMIN"] });
    expect(await revokeCertificate(otherAdmin, code, "not ours")).toBe(false);
    const admin = await currentUserFor({ city: "madrid", roles: ["CITY_ADMIN"] });
    expect(await revokeCertificate(admin, code, "Issued by mistake")).toBe(true);
    expect((await verifyCertificate(code)).status).toBe("revoked");
    expect(await db().auditLog.count({ where: { action: "certificate.revoke", targetId: code } })).toBe(1);
  });

  it("no longer lets the holder download a revoked certificate", async () => {
    const user = await completedEnrollment("Rodrigo Paz");
    const { code } = await db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
    const { startTestServer } = await import("../support/server.ts");
    const { sessionCookie } = await import("../support/factories.ts");
    const server = await startTestServer();
    try {
      const cookie = await sessionCookie(user.id);
      const before = await server.request(`/certificates/${code}/pdf`, { cookie });
      expect(before.status).toBe(200);
      expect(before.headers.get("content-type")).toBe("application/pdf");
      await revokeCertificate(await currentUserFor({ city: "madrid", roles: ["CITY_ADMIN"] }), code, "Issued by mistake");
      const after = await server.request(`/certificates/${code}/pdf`, { cookie });
      expect(after.status).toBe(410);
      expect(await after.text()).toContain("fue revocado");
      const list = await (await server.request("/certificates", { cookie })).text();
      expect(list).toContain(code);
      expect(list).not.toContain(`/certificates/${code}/pdf`);
    } finally {
      await server.close();
    }
  });
});

describe("practice mode", () => {
  it("reveals a question's answer and explanation only once its answer is locked", async () => {
    const user = await enrolledLearner();
    await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { mode: "practice" } });
    try {
      const attemptId = await started(user);
      const view = (await attemptView(user, attemptId, "en"))!;
      expect(view.questions.every((question) => question.feedback === null)).toBe(true);
      const first = view.questions[0]!;
      expect(
        await sendAttemptEvents(user, attemptId, view.step, [
          { type: "ANSWER", questionKey: first.key, options: [first.options[0]!.key] },
          { type: "LOCK" },
        ]),
      ).toMatchObject({ status: "accepted" });
      const locked = (await attemptView(user, attemptId, "en"))!;
      expect(locked.questions[0]!.feedback?.explanation).toBeTruthy();
      expect(locked.questions[1]!.feedback).toBeNull();
      // A locked answer cannot be changed.
      expect(
        await sendAttemptEvents(user, attemptId, locked.step, [
          { type: "ANSWER", questionKey: first.key, options: [first.options[1]!.key] },
        ]),
      ).toMatchObject({ status: "refused" });
    } finally {
      await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { mode: "exam" } });
    }
  });
});

describe("reading a lesson", () => {
  it("gives the lesson in the reader's language with their progress, from the latest enrolment", async () => {
    const user = await currentUserFor();
    expect(await lessonForReading(user, SAMPLE_COURSE, "first-steps", "en")).toEqual({ enrolled: false });
    expect(await lessonForReading(user, SAMPLE_COURSE, "no-such-lesson", "en")).toBeNull();
    expect(await lessonForReading(user, "no-such-course", "first-steps", "en")).toBeNull();

    const enrollment = (await enroll(user, SAMPLE_COURSE))!;
    expect(await markLessonComplete(user, SAMPLE_COURSE, "first-steps")).toMatchObject({ status: "done" });
    const reading = await lessonForReading(user, SAMPLE_COURSE, "next-steps", "pt");
    expect(reading).toMatchObject({
      enrolled: true,
      shownLocale: "pt",
      courseTitle: "Curso de teste",
      lesson: { key: "next-steps", complete: false, bodyKey: expect.stringMatching(/\/next-steps\/pt$/) },
      position: 2,
      lessonCount: 2,
      completedCount: 1,
      previous: { key: "first-steps" },
      next: null,
      hasQuiz: true,
    });
    expect(reading?.enrolled && reading.lesson.parts.join("")).toContain("<");
    // Marking a lesson complete moves "continue" on; reading one writes nothing.
    const position = async () =>
      (await db().enrollment.findUniqueOrThrow({ where: { id: enrollment.id }, select: { lastPosition: true } })).lastPosition;
    expect(await position()).toBe("next-steps");
    await lessonForReading(user, SAMPLE_COURSE, "first-steps", "pt");
    expect(await position()).toBe("next-steps");

    // A new cycle starts with nothing completed.
    const course = await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } });
    await db().enrollment.create({ data: { userId: user.id, courseId: course.id, cycle: 2 } });
    expect(await lessonForReading(user, SAMPLE_COURSE, "first-steps", "es")).toMatchObject({
      completedCount: 0,
      lesson: { complete: false },
    });
  });

  it("sends the lesson body once in a full page, and in the data of a client-side navigation", async () => {
    const { startTestServer } = await import("../support/server.ts");
    const { sessionCookie } = await import("../support/factories.ts");
    const server = await startTestServer();
    try {
      const user = await enrolledLearner({ locale: "es" });
      const cookie = await sessionCookie(user.id);
      const bodyText = "Texto de la lecci";
      const page = await (await server.request(`/learn/${SAMPLE_COURSE}/first-steps`, { cookie })).text();
      expect(page.split(bodyText)).toHaveLength(2);
      const data = await (await server.request(`/learn/${SAMPLE_COURSE}/first-steps.data`, { cookie })).text();
      expect(data).toContain(bodyText);
    } finally {
      await server.close();
    }
  });
});
