/**
 * Keys kept back: before a learner checks an activity, nothing that says which answer is right
 * (feedback, explanations, correct flags, categories, the order of the steps) is in the lesson's
 * HTML, its `.data` responses or the client bundles. The response to a check carries it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDefinition, activityParts, type ActivityFile } from "~/activities/format.ts";
import { loadCourse } from "~/courses/checker.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { locales, type Locale } from "~/i18n/locales.ts";
import { sessionCookie } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const source = loadCourse(path.resolve("tests/fixtures/courses/sample-course")).source!;
const lessons = source.lessons.map((lesson) => ({ key: lesson.key, activities: lesson.activities }));
let server: TestServer;
const cookies: Partial<Record<Locale, string>> = {};

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  for (const locale of locales) cookies[locale] = await sessionCookie(await enrolledLearner(locale));
});

afterAll(async () => {
  await server.close();
});

/** A learner enrolled in the sample course, reading in `locale`; returns their id. */
async function enrolledLearner(locale: Locale): Promise<string> {
  const user = await currentUserFor({ locale });
  await enroll(user, SAMPLE_COURSE);
  return user.id;
}

/** Everything that would give an answer away, in one language. */
function secrets(activity: ActivityFile, locale: Locale): string[] {
  const texts = [
    activity.explanation[locale] ?? "",
    ...activityParts(activity).flatMap((part) => (part.feedback ? [part.feedback[locale] ?? ""] : [])),
  ];
  return [...texts, JSON.stringify(activityDefinition(activity)).slice(1, 40)];
}

const ANSWER_FIELDS = /"(correct|problem|category|expected|feedback|explanation|definition)"/;

const decode = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The steps of an order activity appear in their correct order. */
function inCorrectOrder(body: string, activity: ActivityFile, locale: Locale): boolean {
  if (activity.kind !== "order") return false;
  let from = 0;
  for (const step of activity.steps) {
    const at = body.indexOf(step.text[locale] ?? "", from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

function leaksIn(body: string, locale: Locale): string[] {
  const text = decode(body);
  const found: string[] = [];
  for (const lesson of lessons) {
    for (const activity of lesson.activities) {
      for (const secret of secrets(activity, locale)) if (text.includes(secret)) found.push(`${activity.key}: ${secret}`);
      if (inCorrectOrder(text, activity, locale)) found.push(`${activity.key}: the steps in their correct order`);
    }
  }
  if (ANSWER_FIELDS.test(text)) found.push(`answer field ${text.match(ANSWER_FIELDS)?.[0]}`);
  return found;
}

describe("activity answers before a check", () => {
  for (const locale of locales) {
    it(`are not in the lesson pages or their .data responses (${locale})`, async () => {
      for (const lesson of lessons) {
        const page = await server.request(`/learn/${SAMPLE_COURSE}/${lesson.key}`, { cookie: cookies[locale] });
        expect(page.status).toBe(200);
        const html = await page.text();
        // The activities are on the page, in the learner's language.
        for (const activity of lesson.activities) expect(decode(html)).toContain(activity.prompt[locale]);
        expect(leaksIn(html, locale), `${lesson.key} HTML`).toEqual([]);
        const dataResponse = await server.request(`/learn/${SAMPLE_COURSE}/${lesson.key}.data`, { cookie: cookies[locale] });
        expect(dataResponse.status).toBe(200);
        const data = await dataResponse.text();
        expect(data).toContain(lesson.activities[0]!.prompt[locale]);
        expect(leaksIn(data, locale), `${lesson.key}.data`).toEqual([]);
      }
    });
  }

  it("are not in the client bundles", () => {
    const dir = path.resolve("build/client/assets");
    const bundles = readdirSync(dir)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(path.join(dir, file), "utf8"))
      .join("\n");
    expect(bundles).toContain("activity.check");
    for (const locale of locales) {
      for (const lesson of lessons) {
        for (const activity of lesson.activities) {
          for (const secret of secrets(activity, locale))
            expect(bundles.includes(secret), `${activity.key}: ${secret}`).toBe(false);
        }
      }
    }
  });
});

describe("the response to a check", () => {
  it("without JavaScript: the page comes back with the activity's feedback and explanation", async () => {
    const response = await server.request(`/learn/${SAMPLE_COURSE}/first-steps`, {
      cookie: cookies.en,
      form: { activity: "check-a-reply", revision: "0", option: "send-as-is" },
    });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain("No (en). It may contain errors.");
    expect(html).toContain("Explanation of the choice (en).");
    expect(leaksIn(html, "en").length).toBeGreaterThan(0);
  });

  it("with JavaScript (a fetcher's .data post): the feedback, without a page", async () => {
    const response = await server.request(`/learn/${SAMPLE_COURSE}/next-steps.data`, {
      cookie: cookies.es,
      form: {
        activity: "order-the-steps",
        revision: "0",
        "position.stop-the-tool": "1",
        "position.record-what-happened": "2",
        "position.tell-the-officer": "3",
        "position.fix-and-review": "4",
      },
    });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("Explicación del orden (es).");
    expect(body).not.toContain("<html");
  });

  it("an answer that cannot be checked gets a message and a 400", async () => {
    const response = await server.request(`/learn/${SAMPLE_COURSE}/next-steps`, {
      cookie: cookies.pt,
      form: { activity: "sort-the-uses", revision: "0", "category.spam-filter": "minimal-risk" },
    });
    expect(response.status).toBe(400);
    expect(decode(await response.text())).toContain("Escolha uma categoria para cada item.");
  });
});
