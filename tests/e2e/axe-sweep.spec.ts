/**
 * Axe on every page and every state of it: each pass walks the whole product (anonymous pages,
 * a new learner from sign-up to certificate, the city admin's pages, the other roles' dashboards)
 * and scans each state with WCAG 2.0/2.1/2.2 A and AA rules. Passes (axe-sweep-passes.ts): es at
 * 1280 px, and at 320 × 640 with the flows alternating pt and en, each in a worker of its own.
 * Each scan records the route that actually rendered it (from the hydrated router) and its
 * language; axe-sweep-coverage.spec.ts then fails when a page route of the build's manifest has no
 * scan in a pass, so a new page (HR, authoring, admin) cannot be forgotten.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { languageName } from "../../app/authoring/language-names.ts";
import type { Locale } from "../../app/i18n/locales.ts";
import type { Translate } from "../../app/i18n/translate.ts";
import { brokenCourseZip } from "./sharing-support.ts";
import { authoringData, copyCourseForTrainer, DEMO_TRAINER } from "./authoring-support.ts";
import { analysisData } from "./analysis-support.ts";
import { expect, test } from "./fixtures.ts";
import { type Pass, passes, RECORDS_DIR } from "./axe-sweep-passes.ts";
import {
  axeViolations,
  inPracticeQuiz,
  lastMailTo,
  logIn,
  messagesFor,
  renderedRouteId,
  setServerClock,
  takeQuiz,
  withE2eDatabase,
} from "./support.ts";

const browserLocale: Record<Locale, string> = { es: "es-ES", pt: "pt-BR", en: "en-GB" };

/** One pass's scans: every state scanned, with the route it rendered and what axe found. */
class Sweep {
  readonly scans: Array<{ route: string; state: string; locale: Locale; violations: string[] }> = [];
  private flows = 0;
  /** The language of the flow being walked (set by `newContext`). */
  locale: Locale;
  constructor(readonly pass: Pass) {
    this.locale = pass.locales[0]!;
  }

  /** The next flow's language: the pass's languages in turn. */
  nextFlow(): Locale {
    this.locale = this.pass.locales[this.flows % this.pass.locales.length]!;
    this.flows += 1;
    return this.locale;
  }

  async scan(page: Page, state: string): Promise<void> {
    await page.waitForLoadState("load");
    const route = await renderedRouteId(page);
    const violations = (await axeViolations(page)).map((violation) => violation.line);
    this.scans.push({ route, state, locale: this.locale, violations });
  }

  /** A pass that crashes leaves no record, so the coverage check cannot count an old run. */
  forget(): void {
    rmSync(path.join(RECORDS_DIR, `${this.pass.name}.json`), { force: true });
  }

  save(): void {
    mkdirSync(RECORDS_DIR, { recursive: true });
    writeFileSync(path.join(RECORDS_DIR, `${this.pass.name}.json`), JSON.stringify(this.scans, null, 2));
  }

  /** Every state with violations, so one failure lists them all. */
  failures(): string[] {
    return this.scans
      .filter((scan) => scan.violations.length > 0)
      .map((scan) => `${this.pass.name} ${scan.route} [${scan.state}]: ${scan.violations.join("; ")}`);
  }
}

/** The signed-in account's language, as the language switcher sets it. */
const setLanguage = (page: Page, locale: Locale) => page.request.post("/language", { form: { locale, redirectTo: "/" } });

/** A form's errors on screen: a message for the whole form, or a field marked invalid. */
const errorsShown = (page: Page) => page.locator("[role=alert], [aria-invalid=true]").first();

/** A browser context for the next flow, in that flow's language. */
async function newContext(browser: Browser, sweep: Sweep): Promise<BrowserContext> {
  return browser.newContext({ locale: browserLocale[sweep.nextFlow()], viewport: sweep.pass.viewport });
}

/** The anonymous pages, then a new account signed up in the pass's language; returns its email. */
async function anonymousAndSignUp(page: Page, sweep: Sweep): Promise<string> {
  const t = messagesFor(sweep.locale);
  await page.goto("/");
  await sweep.scan(page, "home, signed out");
  await page.goto("/privacy");
  await sweep.scan(page, "privacy notice");
  await page.goto("/no/such/page");
  await sweep.scan(page, "unknown address");

  await page.goto("/courses");
  await sweep.scan(page, "catalogue");
  await page.getByRole("searchbox").fill("zzzz-nada");
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/zzzz-nada/);
  await sweep.scan(page, "catalogue, no results");
  await page.goto("/courses/ai-fundamentals");
  await sweep.scan(page, "course, signed out");

  await page.goto("/login");
  await sweep.scan(page, "login, empty");
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "login, with errors");
  await page.getByLabel(t("field.email")).fill("ana.garcia@madrid.example");
  await page.getByLabel(t("field.password"), { exact: true }).fill("not the password");
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "login, wrong password");

  await page.goto("/forgot-password");
  await sweep.scan(page, "forgot password, empty");
  await page.getByRole("button", { name: t("forgot.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "forgot password, with errors");
  await page.goto("/reset-password/not-a-token");
  await sweep.scan(page, "reset password, invalid link");
  await page.goto("/confirm-email/not-a-token");
  await sweep.scan(page, "confirm email, invalid link");

  await page.goto("/verify");
  await sweep.scan(page, "verify, empty");
  await page.getByLabel(t("verify.code")).fill("mad-2222-3333-4444");
  await page.getByRole("button", { name: t("verify.submit") }).click();
  await expect(page.getByText(t("verify.unknown"))).toBeVisible();
  await sweep.scan(page, "verify, unknown code");

  await page.goto("/signup");
  await sweep.scan(page, "sign-up, empty");
  await page.getByRole("button", { name: t("signup.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "sign-up, with errors");
  const email = `sweep.${sweep.pass.name}.${Date.now()}@madrid.example`;
  await page.getByLabel(t("field.name")).fill("Barrido Accesible");
  await page.getByLabel(t("field.email")).fill(email);
  await page.getByLabel(t("field.city"), { exact: true }).selectOption({ label: "Madrid" });
  await page.getByLabel(t("field.department")).selectOption({ label: "Movilidad y Transportes" });
  await page.getByLabel(t("field.privacy")).check();
  await sweep.scan(page, "sign-up, filled");
  await page.getByRole("button", { name: t("signup.submit") }).click();
  await expect(page.getByRole("heading", { name: t("confirm.sentTitle") })).toBeVisible();
  await sweep.scan(page, "sign-up, check your email");

  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(email)?.text.match(/https?:\/\/\S+\/confirm-email\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await sweep.scan(page, "confirm email, empty");
  await page.getByLabel(t("field.password"), { exact: true }).fill("una frase de acceso larga");
  await page.getByLabel(t("field.passwordConfirm")).fill("otra frase distinta");
  await page.getByRole("button", { name: t("confirm.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "confirm email, with errors");
  await page.getByLabel(t("field.password"), { exact: true }).fill("una frase de acceso larga");
  await page.getByLabel(t("field.passwordConfirm")).fill("una frase de acceso larga");
  await page.getByRole("button", { name: t("confirm.submit") }).click();
  await expect(page.getByRole("heading", { name: t("dashboard.title", { name: "Barrido Accesible" }) })).toBeVisible();
  return email;
}

/** Practice: a lesson's activity checked wrongly and refused, and a practice quiz's feedback, right and wrong. */
async function practice(page: Page, sweep: Sweep): Promise<void> {
  const t = messagesFor(sweep.locale);
  await page.goto("/learn/ai-fundamentals/hallucinations-and-limits");
  const choice = page.locator("#activity-avianca-what-was-sanctioned");
  await choice.locator("input[value=using-ai]").check();
  await choice.getByRole("button", { name: t("activity.check") }).click();
  await expect(choice.getByText(t("activity.summaryIncorrect", { right: 1, total: 3 }))).toBeVisible();
  await sweep.scan(page, "lesson activity, checked with errors");
  const sort = page.locator("#activity-where-ai-fits");
  await sort.getByRole("button", { name: t("activity.check") }).click();
  await expect(sort.getByRole("alert")).toHaveText(t("activity.error.sortAll"));
  await sweep.scan(page, "lesson activity, refused");

  await inPracticeQuiz(page, sweep.locale, {
    atStart: () => sweep.scan(page, "quiz, practice mode, before the first attempt"),
    afterCheck: async (rightly) => {
      await expect(page.getByText(t(rightly ? "quiz.correct" : "quiz.incorrect"), { exact: true })).toBeVisible();
      await sweep.scan(page, `practice quiz, ${rightly ? "right" : "wrong"} answer checked`);
    },
  });
}

/** The new learner: dashboard, profile, lessons, every quiz step (exam and practice mode), the certificate. */
async function learner(page: Page, sweep: Sweep, email: string): Promise<string> {
  const t = messagesFor(sweep.locale);
  await sweep.scan(page, "dashboard, new learner");
  await page.goto("/certificates");
  await sweep.scan(page, "certificates, none yet");

  await page.goto("/profile");
  await sweep.scan(page, "profile");
  await page.getByLabel(t("field.name")).fill("");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "profile, with errors");
  await page.getByLabel(t("field.name")).fill("Barrido Accesible");
  await page.getByRole("button", { name: t("profile.save") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("profile.saved") })).toBeVisible();
  await sweep.scan(page, "profile, saved");

  await page.goto("/forgot-password");
  await page.getByLabel(t("field.email")).fill(email);
  await page.getByRole("button", { name: t("forgot.submit") }).click();
  await expect(page.getByRole("status").first()).toBeVisible();
  await sweep.scan(page, "forgot password, sent");
  let link: string | undefined;
  await expect.poll(() => (link = lastMailTo(email)?.text.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0])).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await sweep.scan(page, "reset password, empty");
  await page.getByRole("button").filter({ hasText: /./ }).last().click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "reset password, with errors");

  await page.goto("/courses/ai-fundamentals");
  await sweep.scan(page, "course, not enrolled");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 4 }))).toBeVisible();
  await sweep.scan(page, "lesson, not yet read");
  await page.getByRole("button", { name: t("lesson.markComplete") }).click();
  await expect(page.getByText(t("lesson.position", { position: 2, count: 4 }))).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: t("lesson.saved") })).toBeVisible();
  await sweep.scan(page, "lesson, the previous one just saved");
  await page.getByRole("link", { name: t("lesson.previous", { title: "" }).trim(), exact: false }).click();
  await expect(page.getByText(t("lesson.isComplete"))).toBeVisible();
  await sweep.scan(page, "lesson, completed");
  await page.goto("/courses/ai-fundamentals");
  await sweep.scan(page, "course, in progress");
  // The certificate needs every lesson read.
  await page.getByRole("link", { name: t("course.continue"), exact: true }).click();
  for (let lesson = 2; lesson <= 4; lesson += 1) {
    await expect(page.getByText(t("lesson.position", { position: lesson, count: 4 }))).toBeVisible();
    await page.getByRole("button", { name: t("lesson.markComplete") }).click();
  }
  await expect(page.getByRole("button", { name: t("quiz.start") })).toBeVisible();

  // A lesson with a wide data table (it scrolls sideways at phone width).
  await page.goto("/courses/judging-ai-with-numbers");
  await page.getByRole("button", { name: t("course.enroll") }).click();
  await expect(page.getByText(t("lesson.position", { position: 1, count: 5 }))).toBeVisible();
  await page.goto("/learn/judging-ai-with-numbers/comparing-groups");
  await expect(page.locator("table").first()).toBeVisible();
  await sweep.scan(page, "lesson with a data table");

  await practice(page, sweep);

  // Exam mode: start, a question empty and answered, a failed save, review, a failed result, the cool-down.
  await page.goto("/learn/ai-fundamentals/quiz");
  await sweep.scan(page, "quiz, before the first attempt");
  await page.getByRole("button", { name: t("quiz.start") }).click();
  await expect(page.getByText(t("quiz.question", { position: 1, count: 8 }))).toBeVisible();
  await sweep.scan(page, "quiz question, unanswered");
  await page.locator("input[name=option]").first().check();
  await sweep.scan(page, "quiz question, answered");
  await page.route("**/events", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>Proxy</p>" }));
  await page.getByRole("button", { name: t("quiz.next") }).click();
  await expect(page.getByRole("alert").filter({ hasText: t("quiz.saveFailed") })).toBeVisible();
  await sweep.scan(page, "quiz question, answer not saved");
  await page.unroute("**/events");
  await takeQuiz(page, "ai-fundamentals", false, {
    beforeSubmit: async () => {
      await expect(page.getByRole("heading", { name: t("quiz.reviewTitle") })).toBeVisible();
      await sweep.scan(page, "quiz review");
    },
  });
  await expect(page.getByRole("link", { name: t("quiz.backToQuiz") })).toBeVisible();
  await sweep.scan(page, "quiz result, not passed");
  await page.getByRole("link", { name: t("quiz.backToQuiz") }).click();
  await expect(page.getByRole("button", { name: t("quiz.start") })).toHaveCount(0);
  await sweep.scan(page, "quiz, cool-down");

  await setServerClock(page, 61);
  try {
    await page.reload();
    await page.getByRole("button", { name: t("quiz.start") }).click();
    await takeQuiz(page, "ai-fundamentals", true);
    await expect(page.getByRole("link", { name: t("course.viewCertificate") })).toBeVisible();
    await sweep.scan(page, "quiz result, passed");
    await page.goto("/learn/ai-fundamentals/quiz");
    await sweep.scan(page, "quiz, already passed");
  } finally {
    await setServerClock(page, 0);
  }

  await page.goto("/");
  await sweep.scan(page, "dashboard, with a course in progress and one completed");
  await page.goto("/certificates");
  await sweep.scan(page, "certificates, one issued");
  const code = (await page.locator("p.font-mono").first().innerText()).trim();
  await page.goto(`/verify/${code}`);
  await expect(page.getByRole("heading", { name: t("verify.valid") })).toBeVisible();
  await sweep.scan(page, "verify, valid certificate");
  return code;
}

/** The city admin's pages, in the pass's language (the account's setting, restored afterwards). */
async function cityAdmin(page: Page, sweep: Sweep, code: string): Promise<void> {
  const t = messagesFor(sweep.locale);
  await logIn(page, "admin@madrid.example");
  await page.waitForURL((url) => url.pathname === "/");
  await setLanguage(page, sweep.locale);
  try {
    await page.goto("/");
    await sweep.scan(page, "dashboard, city admin");
    await page.goto("/admin/people");
    await sweep.scan(page, "people");
    await page
      .getByRole("button", { name: t("people.resetLink") })
      .first()
      .click();
    await expect(page.getByRole("status").first()).toBeVisible();
    await sweep.scan(page, "people, password link created");

    await page.goto("/admin/invitations");
    await sweep.scan(page, "invitations");
    await page.getByLabel(new RegExp(t("field.email"))).fill("not an email");
    await page.getByRole("button", { name: t("invitations.create") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "invitations, with errors");
    await page.getByLabel(new RegExp(t("field.email"))).fill(`invitada.${sweep.pass.name}.${Date.now()}@madrid.example`);
    await page.getByRole("button", { name: t("invitations.create") }).click();
    await expect(page.getByText(t("invitations.created"))).toBeVisible();
    await sweep.scan(page, "invitations, created");

    await page.goto("/admin/certificates");
    await sweep.scan(page, "issued certificates");
    const entry = page.getByRole("listitem").filter({ hasText: code });
    await entry.getByLabel(t("adminCertificates.reason")).fill("Revocado por el barrido de accesibilidad");
    await entry.getByRole("button", { name: t("adminCertificates.revoke", { code }) }).click();
    await expect(page.getByText(t("adminCertificates.revokedDone", { code }))).toBeVisible();
    await sweep.scan(page, "issued certificates, revoked");
    await page.goto(`/verify/${code}`);
    await expect(page.getByRole("heading", { name: t("verify.revoked") })).toBeVisible();
    await sweep.scan(page, "verify, revoked certificate");
  } finally {
    await setLanguage(page, "es");
  }
}

/** Item analysis of a course's quiz: with data (six first attempts) and with not enough data (two). */
async function itemAnalysis(page: Page, sweep: Sweep): Promise<void> {
  const withData = analysisData("course", DEMO_TRAINER, "ai-fundamentals", "6");
  const tooFew = analysisData("course", DEMO_TRAINER, "ai-fundamentals", "2");
  await signedInAs(page, sweep, DEMO_TRAINER, async (t) => {
    await page.goto(`/author/${withData}/quiz/analysis`);
    await expect(page.getByRole("heading", { name: t("analysis.histogram.title") })).toBeVisible();
    await sweep.scan(page, "item analysis, with data");
    await page.goto(`/author/${tooFew}/quiz/analysis`);
    await expect(page.getByRole("heading", { name: t("analysis.notEnough.title") })).toBeVisible();
    await sweep.scan(page, "item analysis, not enough data");
  });
}

/** Review and publish: a draft with the checker's problems, a review pending, and the network admin's city courses. */
async function authoringPublish(page: Page, sweep: Sweep): Promise<void> {
  const trainer = "tomas.formador@madrid.example";
  const broken = authoringData("copy", trainer, "ai-fundamentals");
  authoringData("break-quiz", trainer, broken);
  authoringData("publish", trainer, authoringData("copy", trainer, "personal-data-and-privacy"));
  await signedInAs(page, sweep, trainer, async (t) => {
    await page.goto(`/author/${broken}/publish`);
    await sweep.scan(page, "publish page with problems");
    await page.getByRole("button", { name: t("authoring.publish.action.button"), exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(t("authoring.problem.invalid"));
    await sweep.scan(page, "publish refused, with problems");
  });
  authoringData("require-review", "formadora@sao-paulo.example", "on");
  try {
    const pending = authoringData("copy", "formadora@sao-paulo.example", "ai-fundamentals");
    authoringData("submit", "formadora@sao-paulo.example", pending);
    await signedInAs(page, sweep, "admin@sao-paulo.example", async (t) => {
      await page.goto(`/author/${pending}/publish`);
      await sweep.scan(page, "publish page, review pending");
      await page.getByRole("button", { name: t("authoring.review.return") }).click();
      await expect(page.getByText(t("authoring.review.commentRequired"))).toBeVisible();
      await sweep.scan(page, "review returned without a comment");
    });
  } finally {
    authoringData("require-review", "formadora@sao-paulo.example", "off");
  }
  await signedInAs(page, sweep, "red@madrid.example", async (t) => {
    await page.goto("/network/courses");
    await sweep.scan(page, "network courses");
    await page
      .getByRole("button", { name: t("authoring.networkCatalog.publish") })
      .first()
      .click();
    await expect(page.getByRole("status")).toBeVisible();
    await sweep.scan(page, "network courses, published to the network");
    await page
      .getByRole("button", { name: t("authoring.networkCatalog.withdraw") })
      .first()
      .click();
    await expect(page.getByRole("button", { name: t("authoring.networkCatalog.confirmButton") })).toBeVisible();
    await sweep.scan(page, "network courses, confirming a withdrawal");
    await page.getByRole("button", { name: t("authoring.networkCatalog.confirmButton") }).click();
    await expect(page.getByRole("status")).toBeVisible();
  });
}

/** The authoring home, the new-course form refused, a course's details in a translation, and a stale save. */
async function authoringHome(page: Page, sweep: Sweep): Promise<void> {
  await signedInAs(page, sweep, "tomas.formador@madrid.example", async (t) => {
    await page.goto("/author");
    await sweep.scan(page, "authoring home");
    await page.getByRole("button", { name: t("authoring.home.new.submit") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "authoring home, new course with errors");
    await page
      .getByLabel(t("authoring.home.new.title"), { exact: true })
      .fill(`Curso del barrido ${sweep.pass.name} ${Date.now().toString(36)}`);
    await page.getByLabel(t("authoring.home.new.summary")).fill("Un curso para el barrido de accesibilidad.");
    await page.getByLabel(t("authoring.home.new.sourceLocale")).selectOption("es");
    await page.getByLabel(t("competency.security")).check();
    await page.getByLabel(t("authoring.home.new.firstLesson")).fill("Primera lección");
    await page.getByRole("button", { name: t("authoring.home.new.submit") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("authoring.details.created") })).toBeVisible();
    await page.getByLabel(languageName(t, "pt", "alone")).check();
    await page.getByRole("button", { name: t("authoring.details.save") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("authoring.details.saved") })).toBeVisible();
    await page.goto(`${new URL(page.url()).pathname}?lang=pt`);
    await sweep.scan(page, "course details, in a translation");
    // Someone else saves meanwhile: this page's save is refused and both texts are shown.
    const revision = await page.locator('input[name="revision"]').first().inputValue();
    await page.request.post(new URL(page.url()).pathname, {
      form: { intent: "addLesson", revision, lessonTitle: "Otra lección" },
    });
    await page.getByLabel(t("authoring.details.title"), { exact: true }).fill("Curso do barrido");
    await page.getByRole("button", { name: t("authoring.details.save") }).click();
    await expect(page.getByText(t("authoring.stale.saved")).first()).toBeVisible();
    await sweep.scan(page, "course details, stale save");
  });
}

/**
 * A course's translations (a matrix with source, complete, outdated and missing cells) and its
 * history (two versions compared; a restore to confirm), for the demo trainer. The copy, the edit
 * and the versions are made by tests/e2e/authoring-script.ts.
 */
async function authoringTranslationsHistory(page: Page, sweep: Sweep): Promise<void> {
  const key = authoringData("every-state", DEMO_TRAINER, "ai-fundamentals", `Un párrafo nuevo (${sweep.pass.name}).`);
  await signedInAs(page, sweep, DEMO_TRAINER, async (t) => {
    await page.goto(`/author/${key}/translations`);
    for (const state of ["source", "complete", "outdated", "missing"] as const) {
      await expect(
        page.getByRole("link", { name: new RegExp(`^${t(`authoring.translations.state.${state}`)}`) }).first(),
      ).toBeVisible();
    }
    await sweep.scan(page, "translations, every state");
    await page.goto(`/author/${key}/history?from=1&to=2`);
    await expect(page.getByRole("heading", { name: t("authoring.history.changes", { from: 1, to: 2 }) })).toBeVisible();
    await sweep.scan(page, "history, two versions compared");
    await page.goto(`/author/${key}/history?restore=1`);
    await expect(page.getByRole("heading", { name: t("authoring.history.confirm.title", { number: 1 }) })).toBeVisible();
    await sweep.scan(page, "history, restore to confirm");
  });
}

/** The practice activities editor: a lesson with one activity of each kind, an editor, a refused form, a translation. */
async function authoringActivities(page: Page, sweep: Sweep): Promise<void> {
  const key = copyCourseForTrainer("ai-fundamentals");
  const activitiesPath = `/author/${key}/lessons/hallucinations-and-limits/activities`;
  await signedInAs(page, sweep, "tomas.formador@madrid.example", async (t) => {
    await page.goto(activitiesPath);
    await sweep.scan(page, "activities editor, one activity of each kind");
    await page.goto(`${activitiesPath}?edit=where-ai-fits`);
    await sweep.scan(page, "activities editor, a sort activity open");
    await page.goto(`${activitiesPath}?new=choice`);
    await page.getByRole("button", { name: t("authoring.activities.create") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "activities editor, a new choice refused");
    const translation = sweep.locale === "pt" ? "en" : "pt";
    await page.goto(`${activitiesPath}?lang=${translation}&edit=avianca-what-was-sanctioned`);
    await sweep.scan(page, "activities editor, a choice in a translation language");
  });
}

/** The lesson editor: the source language, a translation beside the source, a preview shown, a stale save. */
async function authoringLesson(page: Page, sweep: Sweep): Promise<void> {
  const course = copyCourseForTrainer("ai-fundamentals");
  const editor = `/author/${course}/lessons/what-ai-is`;
  await signedInAs(page, sweep, DEMO_TRAINER, async (t) => {
    await page.goto(editor);
    await sweep.scan(page, "lesson editor, source language");
    await page.getByRole("button", { name: t("authoring.lesson.preview"), exact: true }).click();
    await expect(page.getByText(t("authoring.lesson.previewShown"))).toBeVisible();
    await sweep.scan(page, "lesson editor, preview shown");
    await page.goto(`${editor}?lang=pt`);
    await expect(
      page.getByRole("region", { name: t("authoring.lesson.source.heading", { language: languageName(t, "es") }) }),
    ).toBeVisible();
    await sweep.scan(page, "lesson editor, translation beside the source");
    // Someone saves meanwhile (the same form, posted from another tab): this page's save is stale.
    const revision = await page.locator('input[name="revision"]').first().inputValue();
    await page.request.post(editor, {
      form: { intent: "save", revision, lang: "pt", title: "Outro título", minutes: "10", body: "Texto salvo em outra aba.\n" },
      headers: { Origin: new URL(page.url()).origin },
    });
    await page.getByRole("button", { name: t("authoring.lesson.save"), exact: true }).click();
    await expect(page.getByText(t("authoring.problem.stale"))).toBeVisible();
    await sweep.scan(page, "lesson editor, stale save");
  });
}

/** Authoring, preview as a learner: the course page, a lesson with an activity checked, the quiz graded. */
async function authoringPreview(page: Page, sweep: Sweep): Promise<void> {
  const key = copyCourseForTrainer("ai-fundamentals");
  await signedInAs(page, sweep, "tomas.formador@madrid.example", async (t) => {
    await page.goto(`/author/${key}/preview`);
    await sweep.scan(page, "authoring preview, the course page");
    await page.goto(`/author/${key}/preview/hallucinations-and-limits`);
    const activity = page.locator("#activity-avianca-what-was-sanctioned");
    await activity.locator('input[value="not-checking"]').check();
    await activity.getByRole("button", { name: t("activity.check") }).click();
    await expect(activity.locator("[role=status] p")).toBeVisible();
    await sweep.scan(page, "authoring preview, a lesson with an activity checked");
    await page.goto(`/author/${key}/preview/quiz`);
    await page.getByRole("button", { name: t("authoring.preview.grade") }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await sweep.scan(page, "authoring preview, the quiz graded");
  });
}

/**
 * The quiz editor, as the demo trainer on a fresh copy of a network course: the pool, a question,
 * a question with a checker error beside its correct options, the pool with that error and an
 * item-writing warning, settings refused, a new true-false question, a translation.
 */
async function authoringQuiz(page: Page, sweep: Sweep): Promise<void> {
  const key = copyCourseForTrainer("ai-fundamentals");
  await signedInAs(page, sweep, "tomas.formador@madrid.example", async (t) => {
    const saved = () => page.waitForURL((url) => url.searchParams.get("saved") === "1");
    await page.goto(`/author/${key}/quiz`);
    await sweep.scan(page, "quiz editor");
    // The first question's correct option made the longest (a warning: it can be guessed by its length).
    await page.getByRole("link", { name: t("authoring.quiz.questions.edit", { number: 1 }), exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: t("authoring.quiz.question.heading", { number: 1 }) })).toBeVisible({
      timeout: 20_000,
    });
    await sweep.scan(page, "quiz question");
    await page
      .getByLabel(t("authoring.quiz.question.option", { number: 1 }), { exact: true })
      .fill(
        "Genera una pieza de texto probable tras otra, según los patrones estadísticos aprendidos durante su entrenamiento con enormes cantidades de texto, sin comprobar si lo que escribe es cierto.",
      );
    await page.getByRole("button", { name: t("authoring.quiz.question.save") }).click();
    await saved();
    // The second question left without a correct option (an error).
    await page.goto(`/author/${key}/quiz/ai-system-definition`);
    await page.getByLabel(t("authoring.quiz.question.correct", { number: 1 }), { exact: true }).uncheck();
    await page.getByRole("button", { name: t("authoring.quiz.question.save") }).click();
    await saved();
    await expect(page.locator("#correct-problems")).toBeVisible();
    await sweep.scan(page, "quiz question, checker error");
    await page.goto(`/author/${key}/quiz`);
    await expect(page.locator("#quiz-problems")).toBeVisible();
    await sweep.scan(page, "quiz editor, checker error and warning");
    await page.getByLabel(t("authoring.quiz.settings.passMark")).fill("150");
    await page.getByRole("button", { name: t("authoring.quiz.settings.save") }).click();
    await expect(page.locator("#passMark-error")).toBeVisible({ timeout: 20_000 });
    await sweep.scan(page, "quiz settings, refused");
    await page.goto(`/author/${key}/quiz/new?type=true-false`);
    await sweep.scan(page, "quiz, new true-false question");
    await page.goto(`/author/${key}/quiz/llm-next-token?lang=pt`);
    await sweep.scan(page, "quiz question, translation");
  });
}

/** The city admin's branding page: the form, the form refused (a failing contrast), the preview. */
async function branding(page: Page, sweep: Sweep): Promise<void> {
  await signedInAs(page, sweep, "admin@madrid.example", async (t) => {
    await page.goto("/admin/branding");
    await sweep.scan(page, "branding");
    const primary = page.getByLabel(t("branding.field.primaryColor"));
    const original = await primary.inputValue();
    await primary.fill("#f3c64a");
    await page.getByRole("button", { name: t("branding.save") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "branding, refused");
    await page.getByLabel(t("branding.field.primaryColor")).fill(original);
    await page.getByRole("button", { name: t("branding.preview") }).click();
    await expect(page.getByText(t("branding.previewShown"))).toBeVisible();
    await sweep.scan(page, "branding, preview");
  });
}

/** The department tree: as it is, a refused name, a department's page, a merge to confirm, an archive refused, an archived department. */
async function departments(page: Page, sweep: Sweep): Promise<void> {
  await signedInAs(page, sweep, "admin@madrid.example", async (t) => {
    const tag = `${sweep.pass.name} ${Date.now().toString(36)}`;
    const create = async (name: string) => {
      await page.goto("/admin/departments");
      await page.getByLabel(t("departments.field.name"), { exact: true }).fill(name);
      await page.getByRole("button", { name: t("departments.create.submit") }).click();
      await expect(page.getByText(t("departments.done.created"))).toBeVisible();
    };
    await page.goto("/admin/departments");
    await sweep.scan(page, "departments");
    await page.getByRole("button", { name: t("departments.create.submit") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "departments, with errors");
    await create(`Barrido ${tag}`);
    await sweep.scan(page, "departments, created");
    await create(`Barrido destino ${tag}`);
    const opened = page.getByRole("heading", { level: 1, name: t("departments.page.title", { name: `Barrido ${tag}` }) });
    await page.getByRole("link", { name: `Barrido ${tag}`, exact: true }).click();
    await expect(opened).toBeVisible();
    await sweep.scan(page, "department");
    await page.getByLabel(t("departments.merge.field")).selectOption({ label: `Barrido destino ${tag}` });
    await page.getByRole("button", { name: t("departments.merge.review") }).click();
    await expect(page.getByRole("heading", { name: t("departments.merge.confirmTitle") })).toBeVisible();
    await sweep.scan(page, "department, merge to confirm");
    await page.getByRole("button", { name: t("departments.merge.confirm") }).click();
    await expect(page.getByText(t("departments.done.merged"))).toBeVisible();
    await page.goto("/admin/departments");
    await page.getByRole("link", { name: `Barrido ${tag}`, exact: true }).click();
    await expect(page.getByText(t("departments.page.archived"))).toBeVisible();
    await sweep.scan(page, "department, archived");
    await page.goto("/admin/departments");
    await page.getByRole("link", { name: "Servicios Sociales", exact: true }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: t("departments.page.title", { name: "Servicios Sociales" }) }),
    ).toBeVisible();
    await page.getByRole("button", { name: t("departments.archive.submit") }).click();
    await expect(page.getByText(t("department.inUse"))).toBeVisible();
    await sweep.scan(page, "department, archive refused");
  });
}

/** The staff import: the page, a file refused as not UTF-8, a dry run with a refused row, a clean one, applied. */
async function staffImport(page: Page, sweep: Sweep, t: Translate): Promise<void> {
  await page.goto("/admin/import");
  await sweep.scan(page, "staff import");
  const tag = `${sweep.pass.name}.${Date.now().toString(36)}`;
  const upload = async (content: Buffer) => {
    await page.getByLabel(t("staffImport.file")).setInputFiles({ name: "personal.csv", mimeType: "text/csv", buffer: content });
    await page.getByRole("button", { name: t("staffImport.dryRun") }).click();
  };
  const header = "nombre,correo,departamento,roles,idioma,número de empleado,estado";
  await upload(Buffer.from(`${header}\nJos\xe9 Pe\xf1a,jose.${tag}@madrid.es,,,,,\n`, "latin1"));
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "staff import, file not UTF-8");
  await upload(Buffer.from(`${header}\nAna Barrido,ana.${tag}@madrid.es,,,,,\nBea Barrido,bea.${tag}@gmail.com,,,,,\n`));
  await expect(page.getByRole("region", { name: t("staffImport.kind.refused") })).toBeVisible();
  await sweep.scan(page, "staff import, dry run with a refused row");
  await upload(Buffer.from(`${header}\nAna Barrido,ana.${tag}@madrid.es,,,,,\n`));
  await expect(page.getByRole("button", { name: t("staffImport.apply") })).toBeVisible();
  await sweep.scan(page, "staff import, dry run ready");
  await page.getByRole("button", { name: t("staffImport.apply") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("staffImport.count.create", { count: 1 }) })).toBeVisible();
  await sweep.scan(page, "staff import, applied");
}

/** The admin's people pages: the list, filtered, a person's page, and a refused role change. */
async function staff(page: Page, sweep: Sweep): Promise<void> {
  await signedInAs(page, sweep, "admin@madrid.example", async (t) => {
    await page.goto("/admin/people");
    await sweep.scan(page, "admin people list");
    await page.goto("/admin/people?q=garcia&status=active");
    await sweep.scan(page, "admin people list, filtered");
    await page
      .getByRole("region", { name: t("staff.table") })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 2, name: t("staff.roles.heading") })).toBeVisible();
    await sweep.scan(page, "a person's admin page");
    // A department scope is for HR only: the change is refused and explained.
    await page.getByLabel(t("staff.grant.role"), { exact: true }).selectOption("TRAINER");
    await page.getByLabel(t("staff.grant.hrDepartment"), { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: t("staff.grant.submit") }).click();
    await expect(page.getByText(t("staff.problem.hrOnlyScope"))).toBeVisible();
    await sweep.scan(page, "a person's admin page, change refused");
  });
}

/** The city admin's audit log, and the network admin's cities (a new one per pass) and audit view. */
async function auditAndNetworkCities(page: Page, sweep: Sweep): Promise<void> {
  await signedInAs(page, sweep, "admin@madrid.example", async (t) => {
    await page.goto("/admin/audit");
    await sweep.scan(page, "audit log");
    await page.getByLabel(t("audit.filter.action"), { exact: true }).selectOption("certificate.revoke");
    await page.getByRole("button", { name: t("audit.filter.apply") }).click();
    await expect(page).toHaveURL(/action=certificate.revoke/);
    await sweep.scan(page, "audit log, filtered");
    await page.goto("/admin/audit?from=2026-13-01");
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "audit log, with a filter error");
  });
  await signedInAs(page, sweep, "red@madrid.example", async (t) => {
    await page.goto("/network/cities");
    await sweep.scan(page, "network cities");
    await page.goto("/network/cities/new");
    await sweep.scan(page, "new city");
    await page.getByRole("button", { name: t("networkCities.new.submit") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "new city, with errors");
    const slug = `barrido-${sweep.pass.name}-${Date.now()}`;
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const prefix = `Q${letters[Math.floor(Math.random() * 26)]}${letters[Math.floor(Math.random() * 26)]}`;
    await page.getByLabel(t("networkCities.field.slug")).fill(slug);
    await page.getByLabel(t("networkCities.field.name")).fill("Ciudad del Barrido");
    await page.getByLabel(t("networkCities.field.timeZone")).fill("America/Lima");
    await page.getByLabel(t("networkCities.field.prefix")).fill(prefix);
    await page.getByLabel(t("networkCities.field.domains")).fill(`${slug}.example`);
    await page.getByLabel(t("networkCities.field.adminName")).fill("Rosa Quispe");
    await page.getByLabel(t("networkCities.field.adminEmail")).fill(`rosa@${slug}.example`);
    await page.getByRole("button", { name: t("networkCities.new.submit") }).click();
    await expect(page.getByTestId("first-admin-link")).toBeVisible();
    await sweep.scan(page, "new city, created with its link");
    await page.goto(`/network/cities/${slug}`);
    await sweep.scan(page, "city settings");
    await page.getByRole("button", { name: t("networkCities.edit.deactivate") }).click();
    await expect(page.getByText(t("networkCities.edit.deactivated"))).toBeVisible();
    await sweep.scan(page, "city settings, deactivated");
    await page.goto("/network/audit");
    await sweep.scan(page, "network audit log");
  });
}

/** People's data rights: privacy settings, erasure requests, an erasure's confirmation, a person's own request page. */
async function privacy(page: Page, sweep: Sweep, learnerEmail: string): Promise<void> {
  const learnerId = withE2eDatabase(
    (database) => database.prepare(`SELECT "id" FROM "User" WHERE "email" = ?`).get(learnerEmail) as { id: string },
  ).id;
  // The sweep's learner asks for erasure (the request is all: nothing is erased), so the admin's list has a row.
  const t = messagesFor(sweep.locale);
  await logIn(page, learnerEmail, "una frase de acceso larga");
  await page.waitForURL((url) => url.pathname === "/");
  // The learner signed up in the first flow's language; this flow's may be the other one.
  await setLanguage(page, sweep.locale);
  await page.goto("/profile/erasure");
  await sweep.scan(page, "a person's erasure request");
  await page.getByRole("button", { name: t("rights.request.confirm") }).click();
  await expect(page.getByRole("status").filter({ hasText: t("rights.request.done") })).toBeVisible();
  await sweep.scan(page, "profile, erasure requested");
  await page.request.post("/logout");
  await signedInAs(page, sweep, "admin@madrid.example", async () => {
    await page.goto("/admin/privacy");
    await sweep.scan(page, "privacy settings");
    await page.getByLabel(t("rights.settings.retention")).fill("0");
    await page.getByRole("button", { name: t("rights.settings.save") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "privacy settings, with errors");
    await page.goto("/admin/erasure");
    await expect(page.getByRole("region", { name: t("rights.requests.table") })).toBeVisible();
    await sweep.scan(page, "erasure requests");
    await page.goto(`/admin/erasure/${learnerId}`);
    await sweep.scan(page, "erasure confirmation");
    await page.getByRole("button", { name: t("rights.erase.confirm") }).click();
    await expect(errorsShown(page)).toBeVisible();
    await sweep.scan(page, "erasure confirmation, not confirmed");
  });
}

/** Sharing: a course's export page, a new draft's import page, and the import page with a refused zip's report. */
async function sharing(page: Page, sweep: Sweep): Promise<void> {
  const key = copyCourseForTrainer("ai-fundamentals");
  await signedInAs(page, sweep, DEMO_TRAINER, async (t) => {
    await page.goto(`/author/${key}/export`);
    await sweep.scan(page, "course export");
    await page.goto(`/author/${key}/import`);
    await sweep.scan(page, "import a new draft, empty");
    await page.goto("/author/import");
    await page.getByLabel(t("sharing.import.file")).setInputFiles({
      name: "curso.zip",
      mimeType: "application/zip",
      buffer: await brokenCourseZip(),
    });
    await page.getByRole("button", { name: t("sharing.import.submit") }).click();
    await expect(page.getByRole("alert").filter({ hasText: t("sharing.import.fix") })).toBeVisible();
    await sweep.scan(page, "import a course, refused with its report");
  });
}

/** Signs in as a demo account in the pass's language, walks some pages, restores Spanish and signs out. */
async function signedInAs(page: Page, sweep: Sweep, email: string, walk: (t: Translate) => Promise<void>): Promise<void> {
  await logIn(page, email);
  await page.waitForURL((url) => url.pathname === "/");
  await setLanguage(page, sweep.locale);
  try {
    await walk(messagesFor(sweep.locale));
  } finally {
    await setLanguage(page, "es");
    await page.request.post("/logout");
  }
}

/** The HR dashboard as it is, filtered, and with a refused filter. */
async function hrDashboard(page: Page, sweep: Sweep, t: Translate): Promise<void> {
  await page.goto("/hr");
  await sweep.scan(page, "HR dashboard");
  await page.getByLabel(t("reports.filter.department")).selectOption({ label: "Contratación" });
  await page.getByRole("button", { name: t("reports.filter.apply") }).click();
  await expect(page.getByRole("rowheader", { name: t("reports.dept.total", { name: "Contratación" }) })).toBeVisible();
  await sweep.scan(page, "HR dashboard, filtered");
  await page.goto("/hr?department=not-a-department");
  await expect(page.getByText(t("reports.filter.refused"))).toBeVisible();
  await sweep.scan(page, "HR dashboard, with a filter error");
}

/** The HR lists and a learner's page. */
async function hrPeople(page: Page, sweep: Sweep, t: Translate): Promise<void> {
  await page.goto("/hr/people");
  await sweep.scan(page, "HR people");
  await page.goto("/hr/people?status=overdue");
  await sweep.scan(page, "HR people, filtered");
  await page.goto("/hr/people?status=lost");
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "HR people, with a filter error");
  await page.goto("/hr/people?q=garcia");
  await page
    .getByRole("region", { name: t("hrPeople.people.table") })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: t("hrPeople.learner.cycles") })).toBeVisible();
  await sweep.scan(page, "a learner's page");
  await page.goto("/hr/overdue");
  await sweep.scan(page, "HR overdue");
  await page.goto("/hr/expiring");
  await sweep.scan(page, "HR expiring");
}

/** HR's assignment pages: the list, the form empty and with errors, an assignment created, the withdrawal's confirmation. */
async function hrAssignments(page: Page, sweep: Sweep, t: Translate): Promise<void> {
  await page.goto("/hr/assignments");
  await sweep.scan(page, "assignments");
  await page.getByRole("link", { name: t("assignments.new") }).click();
  await expect(page.getByRole("heading", { name: t("assignments.newTitle") })).toBeVisible();
  await sweep.scan(page, "new assignment, empty");
  await page.getByRole("button", { name: t("assignments.submit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "new assignment, with errors");
  await page.getByLabel(t("assignments.field.course")).selectOption({ index: 1 });
  await page.getByLabel("Contratación", { exact: true }).check();
  await page.getByLabel(t("assignments.field.dueKindDays")).check();
  await page.getByLabel(t("assignments.field.dueDays")).fill("30");
  await page.getByRole("button", { name: t("assignments.submit") }).click();
  await expect(page.getByRole("status").first()).toBeVisible();
  await sweep.scan(page, "assignments, created");
  await page
    .getByRole("link", { name: t("assignments.withdraw") })
    .first()
    .click();
  await expect(page.getByRole("button", { name: t("assignments.confirm") })).toBeVisible();
  await sweep.scan(page, "assignments, confirm withdrawal");
  await page.getByRole("button", { name: t("assignments.confirm") }).click();
  await expect(page.getByRole("status").first()).toBeVisible();
  await sweep.scan(page, "assignments, withdrawn");
}

/**
 * Accommodations and reminders: a new learner's accommodations page (empty, with errors, granted),
 * the weekly summary page (before and after subscribing), and HR's own dashboard with an unread
 * notice (written to the database: no page makes one).
 */
async function remindersAndAccommodations(page: Page, sweep: Sweep, t: Translate, learnerEmail: string): Promise<void> {
  const learnerId = withE2eDatabase(
    (database) => (database.prepare(`SELECT id FROM User WHERE email = ?`).get(learnerEmail) as { id: string }).id,
  );
  await page.goto(`/hr/people/${learnerId}/accommodations`);
  await sweep.scan(page, "accommodations, none yet");
  const timeForm = page.getByRole("region", { name: t("reminders.accommodations.timeTitle") });
  await timeForm.getByLabel(t("reminders.accommodations.timeAmount")).fill("500");
  await timeForm.getByRole("button", { name: t("reminders.accommodations.timeSubmit") }).click();
  await expect(errorsShown(page)).toBeVisible();
  await sweep.scan(page, "accommodations, with errors");
  await timeForm.getByLabel(t("reminders.accommodations.timeAmount")).fill("50");
  await timeForm.getByLabel(t("reminders.accommodations.reason")).fill("Barrido de accesibilidad");
  await timeForm.getByRole("button", { name: t("reminders.accommodations.timeSubmit") }).click();
  await expect(page.getByRole("region", { name: t("reminders.accommodations.granted") })).toBeVisible();
  await sweep.scan(page, "accommodations, granted");

  await page.goto("/hr/summary");
  await sweep.scan(page, "weekly summary");
  const subscribe = page.getByRole("button", { name: t("reminders.summary.subscribe") });
  if (await subscribe.isVisible()) await subscribe.click();
  await expect(page.getByRole("button", { name: t("reminders.summary.unsubscribe") })).toBeVisible();
  await sweep.scan(page, "weekly summary, subscribed");

  withE2eDatabase((database) =>
    database
      .prepare(`INSERT INTO Notice (id, userId, kind, params, createdAt) SELECT ?, id, ?, ?, ? FROM User WHERE email = ?`)
      .run(
        `sweep-${sweep.pass.name}-${Date.now()}`,
        "reminder.due-soon",
        JSON.stringify({
          courseKey: "ai-fundamentals",
          course: "Fundamentos de IA",
          dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        }),
        new Date().toISOString().replace("Z", "+00:00"),
        "rrhh@madrid.example",
      ),
  );
  await page.goto("/");
  await expect(page.getByRole("heading", { name: t("reminders.notices.title") })).toBeVisible();
  await sweep.scan(page, "dashboard, with a notice");
  await page
    .getByRole("button", { name: t("reminders.notices.markReadLabel", { course: "Fundamentos de IA" }) })
    .first()
    .click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** Roles whose pages differ only in the dashboard and header today; each scanned there, in es. */
async function otherRoles(browser: Browser, sweep: Sweep): Promise<void> {
  for (const email of ["tomas.formador@madrid.example", "rrhh@madrid.example", "red@madrid.example", "admin@bogota.example"]) {
    const context = await browser.newContext({ locale: "es-ES", viewport: sweep.pass.viewport });
    const page = await context.newPage();
    await logIn(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    await sweep.scan(page, `dashboard, ${email}`);
    await context.close();
  }
}

test.describe("axe on every page and state", () => {
  // The passes share nothing, so the workers take one each (each on its own server).
  test.describe.configure({ mode: "parallel" });
  test.use({ actionTimeout: 10_000 });
  for (const pass of passes) {
    test(`every page and state passes axe: ${pass.name}`, async ({ browser }) => {
      test.setTimeout(600_000);
      const sweep = new Sweep(pass);
      sweep.forget();
      try {
        const context = await newContext(browser, sweep);
        const page = await context.newPage();
        const email = await anonymousAndSignUp(page, sweep);
        const code = await learner(page, sweep, email);
        await context.close();
        const adminContext = await newContext(browser, sweep);
        await cityAdmin(await adminContext.newPage(), sweep, code);
        await adminContext.close();
        const authoringActivitiesContext = await newContext(browser, sweep);
        await authoringActivities(await authoringActivitiesContext.newPage(), sweep);
        await authoringActivitiesContext.close();
        const authoringHomeContext = await newContext(browser, sweep);
        await authoringHome(await authoringHomeContext.newPage(), sweep);
        await authoringHomeContext.close();
        const authoringHistoryContext = await newContext(browser, sweep);
        await authoringTranslationsHistory(await authoringHistoryContext.newPage(), sweep);
        await authoringHistoryContext.close();
        const authoringContext = await newContext(browser, sweep);
        await authoringLesson(await authoringContext.newPage(), sweep);
        await authoringContext.close();
        const previewContext = await newContext(browser, sweep);
        await authoringPreview(await previewContext.newPage(), sweep);
        await previewContext.close();
        const authoringQuizContext = await newContext(browser, sweep);
        await authoringQuiz(await authoringQuizContext.newPage(), sweep);
        await authoringQuizContext.close();
        const itemAnalysisContext = await newContext(browser, sweep);
        await itemAnalysis(await itemAnalysisContext.newPage(), sweep);
        await itemAnalysisContext.close();
        const brandingContext = await newContext(browser, sweep);
        await branding(await brandingContext.newPage(), sweep);
        await brandingContext.close();
        const authoringPublishContext = await newContext(browser, sweep);
        await authoringPublish(await authoringPublishContext.newPage(), sweep);
        await authoringPublishContext.close();
        const sharingContext = await newContext(browser, sweep);
        await sharing(await sharingContext.newPage(), sweep);
        await sharingContext.close();
        const departmentsContext = await newContext(browser, sweep);
        await departments(await departmentsContext.newPage(), sweep);
        await departmentsContext.close();
        const importContext = await newContext(browser, sweep);
        const importPage = await importContext.newPage();
        await signedInAs(importPage, sweep, "admin@madrid.example", (t) => staffImport(importPage, sweep, t));
        await importContext.close();
        const staffContext = await newContext(browser, sweep);
        await staff(await staffContext.newPage(), sweep);
        await staffContext.close();
        const auditContext = await newContext(browser, sweep);
        await auditAndNetworkCities(await auditContext.newPage(), sweep);
        await auditContext.close();
        const hrContext = await newContext(browser, sweep);
        const hrPage = await hrContext.newPage();
        await privacy(hrPage, sweep, email);
        await signedInAs(hrPage, sweep, "rrhh@madrid.example", async (t) => {
          await hrDashboard(hrPage, sweep, t);
          await hrPeople(hrPage, sweep, t);
          await hrAssignments(hrPage, sweep, t);
          await remindersAndAccommodations(hrPage, sweep, t, email);
        });
        await hrContext.close();
        const networkContext = await newContext(browser, sweep);
        const networkPage = await networkContext.newPage();
        await signedInAs(networkPage, sweep, "red@madrid.example", async () => {
          await networkPage.goto("/network");
          await sweep.scan(networkPage, "network view");
        });
        await networkContext.close();
        if (pass.locales.includes("es")) await otherRoles(browser, sweep);
      } finally {
        sweep.save();
      }
      expect(sweep.failures()).toEqual([]);
    });
  }
});
