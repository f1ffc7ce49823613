/** Practice activities: checked and saved on the server, resumed on another device, kept across course versions. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivityFields, ActivityPost } from "~/activities/answer-form.ts";
import { importCourseFolder } from "~/courses/importer.server.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { checkLessonActivity, enroll, learnerCourseState, lessonForReading } from "~/learning/enrollments.server.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";

const noFields: ActivityFields = { option: [], sentence: [], category: {}, position: {} };
const post = (activityKey: string, revision: number, fields: Partial<ActivityFields>): ActivityPost => ({
  activityKey,
  revision,
  fields: { ...noFields, ...fields },
});

const checkSample = (user: Awaited<ReturnType<typeof currentUserFor>>, lessonKey: string, locale: Locale, answer: ActivityPost) =>
  checkLessonActivity(user, SAMPLE_COURSE, lessonKey, locale, answer);

async function learner() {
  const user = await currentUserFor();
  await enroll(user, SAMPLE_COURSE);
  return user;
}

async function savedOn(user: Awaited<ReturnType<typeof currentUserFor>>, lessonKey: string, courseKey = SAMPLE_COURSE) {
  const reading = await lessonForReading(user, courseKey, lessonKey, "en");
  if (!reading?.enrolled) throw new Error("not enrolled");
  return Object.fromEntries(reading.activities.map((activity) => [activity.view.key, activity.saved]));
}

beforeAll(async () => {
  await importSampleCourse();
});

describe("practice activities", () => {
  it("checks an answer on the server, saves it, and gives it back on the learner's next visit", async () => {
    const user = await learner();
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ activities: { practised: 0, total: 4 } });
    const wrong = await checkSample(user, "first-steps", "en", post("check-a-reply", 0, { option: ["send-as-is"] }));
    expect(wrong).toMatchObject({
      status: "checked",
      saved: true,
      revision: 1,
      feedback: { correct: false, right: 1, total: 3, explanation: "Explanation of the choice (en)." },
    });
    expect(wrong.status === "checked" && wrong.feedback.parts).toEqual([
      {
        key: "check-source",
        text: "Check the cited source",
        status: "missed",
        feedback: "Right (en). Checking is your duty.",
        expected: null,
      },
      {
        key: "send-as-is",
        text: "Send it as it is",
        status: "wrong",
        feedback: "No (en). It may contain errors.",
        expected: null,
      },
      {
        key: "ask-again",
        text: "Ask for another version",
        status: "neutral",
        feedback: "Another version checks nothing (en).",
        expected: null,
      },
    ]);
    // A retry replaces the saved answer.
    const right = await checkSample(user, "first-steps", "en", post("check-a-reply", 1, { option: ["check-source"] }));
    expect(right).toMatchObject({ status: "checked", saved: true, revision: 2, feedback: { correct: true } });
    // Another device: a new page for the same learner shows the answer, not the feedback.
    expect(await savedOn(user, "first-steps")).toEqual({
      "check-a-reply": { fields: { ...noFields, option: ["check-source"] }, revision: 2 },
      "spot-the-problems": { fields: null, revision: 0 },
    });
    expect(await db().activityAnswer.count({ where: { activityKey: "check-a-reply", enrollment: { userId: user.id } } })).toBe(1);
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ activities: { practised: 1, total: 4 } });
  });

  it("checks each kind: spot, sort and order, with the verdict per part", async () => {
    const user = await learner();
    const spot = await checkSample(
      user,
      "first-steps",
      "es",
      post("spot-the-problems", 0, { sentence: ["greeting", "invented-article"] }),
    );
    expect(spot.status === "checked" && spot.feedback.parts.map((part) => [part.key, part.status])).toEqual([
      ["greeting", "wrong"],
      ["invented-article", "right"],
      ["personal-data", "missed"],
      ["office-hours", "neutral"],
    ]);
    const sort = await checkSample(
      user,
      "next-steps",
      "pt",
      post("sort-the-uses", 0, {
        category: { "benefit-eligibility": "high-risk", "spam-filter": "high-risk", "hiring-ranking": "high-risk" },
      }),
    );
    expect(sort.status === "checked" && sort.feedback.parts.map((part) => [part.key, part.status, part.expected])).toEqual([
      ["benefit-eligibility", "right", "Alto risco"],
      ["spam-filter", "wrong", "Risco mínimo"],
      ["hiring-ranking", "right", "Alto risco"],
    ]);
    const order = await checkSample(
      user,
      "next-steps",
      "en",
      post("order-the-steps", 0, {
        position: { "stop-the-tool": "2", "record-what-happened": "1", "tell-the-officer": "3", "fix-and-review": "4" },
      }),
    );
    expect(order.status === "checked" && order.feedback.parts.map((part) => [part.key, part.status, part.expected])).toEqual([
      ["record-what-happened", "wrong", "Stop the tool"],
      ["stop-the-tool", "wrong", "Record what happened"],
      ["tell-the-officer", "right", "Tell the officer in charge"],
      ["fix-and-review", "right", "Fix and review"],
    ]);
    expect(await learnerCourseState(user, SAMPLE_COURSE)).toMatchObject({ activities: { practised: 3, total: 4 } });
  });

  it("saves nothing for an answer that cannot be checked, and says what is missing", async () => {
    const user = await learner();
    expect(await checkSample(user, "first-steps", "es", post("check-a-reply", 0, {}))).toMatchObject({
      status: "invalid",
      error: "activity.error.chooseOne",
    });
    expect(
      await checkSample(user, "first-steps", "es", post("check-a-reply", 0, { option: ["check-source", "ask-again"] })),
    ).toMatchObject({
      status: "invalid",
      error: "activity.error.invalid",
    });
    expect(
      await checkSample(user, "next-steps", "es", post("sort-the-uses", 0, { category: { "benefit-eligibility": "high-risk" } })),
    ).toMatchObject({
      status: "invalid",
      error: "activity.error.sortAll",
      fields: { category: { "benefit-eligibility": "high-risk" } },
    });
    expect(
      await checkSample(
        user,
        "next-steps",
        "es",
        post("order-the-steps", 0, {
          position: { "stop-the-tool": "1", "record-what-happened": "1", "tell-the-officer": "3", "fix-and-review": "4" },
        }),
      ),
    ).toMatchObject({ status: "invalid", error: "activity.error.orderEach" });
    expect(await checkSample(user, "first-steps", "es", post("sort-the-uses", 0, {}))).toEqual({
      status: "unknown-activity",
    });
    expect(await db().activityAnswer.count({ where: { enrollment: { userId: user.id } } })).toBe(0);
  });

  it("refuses a learner who is not enrolled", async () => {
    const stranger = await currentUserFor();
    expect(await checkSample(stranger, "first-steps", "es", post("check-a-reply", 0, { option: ["check-source"] }))).toEqual({
      status: "not-enrolled",
    });
  });

  it("treats a doubled post as one save, and keeps a newer answer from another tab", async () => {
    const user = await learner();
    const first = post("spot-the-problems", 0, { sentence: ["invented-article"] });
    const [a, b] = await Promise.all([
      checkSample(user, "first-steps", "es", first),
      checkSample(user, "first-steps", "es", first),
    ]);
    expect([a, b]).toMatchObject([
      { saved: true, revision: 1 },
      { saved: true, revision: 1 },
    ]);
    // Tab A saves on revision 1; tab B, still showing revision 1, checks another answer: it is checked, not saved.
    expect(
      await checkSample(
        user,
        "first-steps",
        "es",
        post("spot-the-problems", 1, { sentence: ["invented-article", "personal-data"] }),
      ),
    ).toMatchObject({
      saved: true,
      revision: 2,
    });
    const stale = await checkSample(user, "first-steps", "es", post("spot-the-problems", 1, { sentence: ["greeting"] }));
    expect(stale).toMatchObject({ status: "checked", saved: false, revision: 2, feedback: { correct: false } });
    expect((await savedOn(user, "first-steps"))["spot-the-problems"]).toEqual({
      fields: { ...noFields, sentence: ["invented-article", "personal-data"] },
      revision: 2,
    });
    // Checking again from tab B, now on the current revision, saves it.
    expect(await checkSample(user, "first-steps", "es", post("spot-the-problems", 2, { sentence: ["greeting"] }))).toMatchObject({
      saved: true,
      revision: 3,
    });
    expect(await db().activityAnswer.count({ where: { enrollment: { userId: user.id } } })).toBe(1);
  });
});

describe("a new course version", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "aula-activities-"));
  const dir = path.join(root, "activity-course");
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function edit(file: string, change: (source: string) => string) {
    const full = path.join(dir, file);
    writeFileSync(full, change(readFileSync(full, "utf8")));
  }

  it("keeps a learner's answers to activities whose key survives, and stops counting removed ones", async () => {
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), dir, { recursive: true });
    edit("course.yaml", (source) => source.replace("key: sample-course", "key: activity-course"));
    expect(await importCourseFolder(dir)).toMatchObject({ status: "created", version: 1 });
    const user = await currentUserFor();
    await enroll(user, "activity-course");
    const check = (lessonKey: string, answer: ActivityPost) =>
      checkLessonActivity(user, "activity-course", lessonKey, "en", answer);
    expect(await check("first-steps", post("check-a-reply", 0, { option: ["check-source"] }))).toMatchObject({ saved: true });
    expect(
      await check(
        "next-steps",
        post("order-the-steps", 0, {
          position: { "stop-the-tool": "1", "record-what-happened": "2", "tell-the-officer": "3", "fix-and-review": "4" },
        }),
      ),
    ).toMatchObject({ saved: true });
    expect(
      await check(
        "next-steps",
        post("sort-the-uses", 0, {
          category: { "benefit-eligibility": "high-risk", "spam-filter": "minimal-risk", "hiring-ranking": "high-risk" },
        }),
      ),
    ).toMatchObject({ saved: true });
    expect(await learnerCourseState(user, "activity-course")).toMatchObject({ activities: { practised: 3, total: 4 } });

    // Version 2: the choice is reworded, the order activity is removed, the sort gains an item.
    edit("01-first-steps/activities.yaml", (source) =>
      source.replace("en: Check the cited source", "en: Check the source it cites"),
    );
    edit("02-next-steps/activities.yaml", (source) => source.slice(0, source.indexOf("  - key: order-the-steps")));
    edit("02-next-steps/activities.yaml", (source) =>
      source.replace(
        "    explanation:\n      es: Explicación de la clasificación",
        "      - key: chatbot-disclosure\n        category: minimal-risk\n        text: { es: Un chat que avisa, pt: Um chat que avisa, en: A chatbot that says so }\n        feedback: { es: Bajo riesgo (es)., pt: Baixo risco (pt)., en: Low risk (en). }\n    explanation:\n      es: Explicación de la clasificación",
      ),
    );
    for (const locale of ["es", "pt", "en"])
      edit(`02-next-steps/${locale}.md`, (source) => source.replace("\n{{activity: order-the-steps}}\n", ""));
    expect(await importCourseFolder(dir)).toMatchObject({ status: "new-version", version: 2 });

    const first = await savedOn(user, "first-steps", "activity-course");
    expect(first["check-a-reply"]).toEqual({ fields: { ...noFields, option: ["check-source"] }, revision: 1 });
    // The sort answer no longer covers every item: it is kept, but shown as not answered (its revision guards the next save).
    const next = await savedOn(user, "next-steps", "activity-course");
    expect(Object.keys(next)).toEqual(["sort-the-uses"]);
    expect(next["sort-the-uses"]).toEqual({ fields: null, revision: 1 });
    expect(await learnerCourseState(user, "activity-course")).toMatchObject({ activities: { practised: 2, total: 3 } });
    const reworded = await check("first-steps", post("check-a-reply", 1, { option: ["check-source"] }));
    expect(reworded).toMatchObject({
      saved: true,
      revision: 2,
      feedback: { correct: true, parts: [{ text: "Check the source it cites" }, {}, {}] },
    });
  });
});
