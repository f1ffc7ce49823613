/**
 * The reminders job: each kind goes once at its moment (the job is given the moment, as cron would
 * run it then), as an in-app notice and an email in the learner's language; two real processes
 * started together send each reminder exactly once; the lease has one holder at a time and is taken
 * over after it expires; the weekly summary goes once per ISO week with the figures of the scope.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { endOfDayIn } from "~/assignments/cycle-dates.ts";
import { releaseLease, takeLease, withLease } from "~/assignments/lease.server.ts";
import { runReminders, type ReminderSteps } from "~/assignments/reminders.server.ts";
import { setSummarySubscription } from "~/assignments/summaries.server.ts";
import { db } from "~/db.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { hrScopeOf } from "~/reports/scope.server.ts";
import { assignmentRow, peopleWithRemindersDue } from "../support/assignment-rows.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import { decodeEntities } from "../support/html.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer } from "../support/server.ts";

const noSteps: ReminderSteps = { openCycles: async () => null };
const MADRID = "Europe/Madrid";

beforeAll(async () => {
  await importSampleCourse();
});

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
}

function outbox(dir = process.env.OUTBOX_DIR!): OutboxMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as OutboxMail);
}

async function sentTo(userId: string, email: string) {
  const [notices, reminders] = await Promise.all([
    db().notice.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true } }),
    db().reminderSent.findMany({ where: { personAssignment: { userId } }, orderBy: { sentAt: "asc" }, select: { kind: true } }),
  ]);
  return {
    notices: notices.map((notice) => notice.kind),
    reminders: reminders.map((reminder) => reminder.kind),
    mails: outbox()
      .filter((mail) => mail.to === email)
      .map((mail) => mail.subject),
  };
}

describe("reminders of one person-assignment", () => {
  it("go once each at their moment, in the learner's language, and never again", async () => {
    const learner = await createUser({ locale: "pt", name: "Joana Prado" });
    const dueAt = endOfDayIn("2027-01-31", MADRID);
    await assignmentRow({ userId: learner.id, courseKey: SAMPLE_COURSE, assignedAt: new Date("2027-01-04T09:00:00Z"), dueAt });
    const run = (at: string) => runReminders(new Date(at), noSteps);

    await run("2027-01-04T08:00:00Z");
    expect(await sentTo(learner.id, learner.email)).toEqual({ notices: [], reminders: [], mails: [] });

    await run("2027-01-04T10:00:00Z");
    await run("2027-01-04T11:00:00Z");
    const assigned = await sentTo(learner.id, learner.email);
    expect(assigned.notices).toEqual(["reminder.assigned"]);
    expect(assigned.reminders).toEqual(["assigned"]);
    expect(assigned.mails).toEqual([expect.stringMatching(/^Curso atribuído: /)]);
    const mail = outbox().find((candidate) => candidate.to === learner.email)!;
    expect(mail.text).toContain("Olá, Joana Prado:");
    expect(mail.text).toContain("31 de janeiro de 2027");
    expect(mail.text).toContain(`http://localhost:3000/courses/${SAMPLE_COURSE}`);

    // Due soon from the start of 24 January in Madrid (23:00 UTC the day before).
    await run("2027-01-23T22:59:00Z");
    expect((await sentTo(learner.id, learner.email)).reminders).toEqual(["assigned"]);
    await run("2027-01-23T23:00:00Z");
    await run("2027-01-30T12:00:00Z");
    expect((await sentTo(learner.id, learner.email)).reminders).toEqual(["assigned", "due-soon"]);

    await run("2027-01-31T22:59:59Z");
    expect((await sentTo(learner.id, learner.email)).reminders).toEqual(["assigned", "due-soon"]);
    await run("2027-01-31T23:00:00Z");
    await run("2027-03-01T09:00:00Z");
    expect(await sentTo(learner.id, learner.email)).toEqual({
      notices: ["reminder.assigned", "reminder.due-soon", "reminder.overdue"],
      reminders: ["assigned", "due-soon", "overdue"],
      mails: [
        expect.stringMatching(/^Curso atribuído: /),
        expect.stringMatching(/^Poucos dias para concluir: /),
        expect.stringMatching(/^Prazo vencido: /),
      ],
    });
  });

  it("tells a cycle opened by the recertification window, after the job's first step opened it", async () => {
    const learner = await createUser({ locale: "en" });
    const opened: Date[] = [];
    const steps: ReminderSteps = {
      // Stands in for openRecertificationCycles: writes the next cycle's row when called.
      openCycles: async (at) => {
        opened.push(at);
        await assignmentRow({
          userId: learner.id,
          courseKey: SAMPLE_COURSE,
          cycle: 2,
          assignedAt: at,
          dueAt: endOfDayIn("2027-05-31", MADRID),
        });
      },
    };
    const at = new Date("2027-04-01T08:00:00Z");
    await runReminders(at, steps);
    expect(opened).toEqual([at]);
    expect(await sentTo(learner.id, learner.email)).toEqual({
      notices: ["reminder.window-opened"],
      reminders: ["window-opened"],
      mails: [expect.stringMatching(/^Renew your certificate: /)],
    });
  });

  it("sends nothing for a completed or withdrawn row, or to a deactivated person", async () => {
    const completedBy = await currentUserFor();
    const enrollment = (await enroll(completedBy, SAMPLE_COURSE))!;
    await db().enrollment.update({ where: { id: enrollment.id }, data: { completedAt: new Date("2027-01-10T10:00:00Z") } });
    const withdrawnFrom = await createUser();
    const deactivated = await createUser();
    const dueAt = endOfDayIn("2027-01-31", MADRID);
    const assignedAt = new Date("2027-01-04T09:00:00Z");
    await assignmentRow({ userId: completedBy.id, courseKey: SAMPLE_COURSE, assignedAt, dueAt, enrollmentId: enrollment.id });
    const withdrawn = await assignmentRow({ userId: withdrawnFrom.id, courseKey: SAMPLE_COURSE, assignedAt, dueAt });
    await db().personAssignment.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date("2027-01-05T09:00:00Z") } });
    await assignmentRow({ userId: deactivated.id, courseKey: SAMPLE_COURSE, assignedAt, dueAt });
    await db().user.update({ where: { id: deactivated.id }, data: { active: false } });

    for (const at of ["2027-01-04T10:00:00Z", "2027-01-25T10:00:00Z", "2027-02-10T10:00:00Z"])
      await runReminders(new Date(at), noSteps);
    for (const person of [completedBy, withdrawnFrom, deactivated])
      expect(await sentTo(person.id, person.email)).toEqual({ notices: [], reminders: [], mails: [] });
  });
});

describe("notices on the dashboard", () => {
  it("show the learner's unread notices, and only the learner can mark one read", async () => {
    const learner = await createUser({ name: "Marta Gil" });
    const other = await createUser();
    await assignmentRow({
      userId: learner.id,
      courseKey: SAMPLE_COURSE,
      assignedAt: new Date("2027-06-01T09:00:00Z"),
      dueAt: endOfDayIn("2027-06-30", MADRID),
    });
    await runReminders(new Date("2027-06-01T10:00:00Z"), noSteps);
    const notice = await db().notice.findFirstOrThrow({ where: { userId: learner.id }, select: { id: true } });

    const server = await startTestServer();
    try {
      const cookie = await sessionCookie(learner.id);
      const dashboard = decodeEntities(await (await server.request("/", { cookie })).text());
      expect(dashboard).toContain("Avisos");
      expect(dashboard).toMatch(/Se te ha asignado el curso «[^»]+»\. Fecha límite: 30 de junio de 2027\./);

      const foreign = await server.request("/notices", { cookie: await sessionCookie(other.id), form: { noticeId: notice.id } });
      expect(foreign.status).toBe(302);
      expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).toBeNull();

      const read = await server.request("/notices", { cookie, form: { noticeId: notice.id } });
      expect(read.status).toBe(302);
      expect((await db().notice.findUniqueOrThrow({ where: { id: notice.id } })).readAt).not.toBeNull();
      expect(decodeEntities(await (await server.request("/", { cookie })).text())).not.toContain("Se te ha asignado el curso");
    } finally {
      await server.close();
    }
  });
});

/** `tsx scripts/reminders.ts --hold` on this test's database and the given outbox; resolves once it printed "ready". */
async function holdingRun(outboxDir: string) {
  const child = spawn("node_modules/.bin/tsx", ["scripts/reminders.ts", "--hold"], {
    env: { ...process.env, OUTBOX_DIR: outboxDir },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes("ready")) resolve();
    });
    void exited.then(() => reject(new Error(`the reminders run exited before it was ready: ${stderr}`)));
  });
  return { release: () => child.stdin!.write("go\n"), exited, output: () => ({ stdout, stderr }) };
}

describe("two runs at once", () => {
  it("send each reminder exactly once: notices, claims and emails", async () => {
    const people = await peopleWithRemindersDue(12, SAMPLE_COURSE);
    const expected = people.reduce((sum, person) => sum + person.expected, 0);
    const outboxDir = mkdtempSync(path.join(tmpdir(), "reminders-outbox-"));

    const runs = [await holdingRun(outboxDir), await holdingRun(outboxDir)];
    for (const run of runs) run.release();
    const codes = await Promise.all(runs.map((run) => run.exited));
    expect(codes, JSON.stringify(runs.map((run) => run.output()))).toEqual([0, 0]);

    const ids = people.map((person) => person.id);
    const emails = new Set(people.map((person) => person.email));
    expect(await db().notice.count({ where: { userId: { in: ids } } })).toBe(expected);
    expect(await db().reminderSent.count({ where: { personAssignment: { userId: { in: ids } } } })).toBe(expected);
    expect(outbox(outboxDir).filter((mail) => emails.has(mail.to))).toHaveLength(expected);
    for (const person of people) expect(await db().notice.count({ where: { userId: person.id } })).toBe(person.expected);
    // Both runs did some of the work or one did it all; together, nothing twice.
    const sentByRuns = runs.map(
      (run) =>
        JSON.parse(
          run
            .output()
            .stdout.split("\n")
            .find((line) => line.startsWith("{"))!,
        ) as { sent: Record<string, number> },
    );
    const total = sentByRuns.flatMap((run) => Object.values(run.sent)).reduce((sum, count) => sum + count, 0);
    expect(total).toBeGreaterThanOrEqual(expected);
  }, 120_000);
});

describe("the lease", () => {
  it("has one holder at a time, is renewed by its holder and taken over after it expires", async () => {
    const t0 = new Date("2027-02-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const ttl = 60_000;
    expect(await takeLease("test-lease", "server-a", ttl, t0)).toBe(true);
    expect(await takeLease("test-lease", "server-b", ttl, at(1))).toBe(false);
    expect(await takeLease("test-lease", "server-a", ttl, at(30))).toBe(true);
    // Renewed at 30 s: still held at 61 s, free at 90 s.
    expect(await takeLease("test-lease", "server-b", ttl, at(61))).toBe(false);
    expect(await takeLease("test-lease", "server-b", ttl, at(90))).toBe(true);
    expect(await takeLease("test-lease", "server-a", ttl, at(91))).toBe(false);
    await releaseLease("test-lease", "server-a");
    expect(await db().lease.findUniqueOrThrow({ where: { name: "test-lease" }, select: { holder: true } })).toEqual({
      holder: "server-b",
    });
    await releaseLease("test-lease", "server-b");
    expect(await db().lease.count({ where: { name: "test-lease" } })).toBe(0);
  });

  it("runs the job in one of several callers at once, and lets the next run after release", async () => {
    let running = 0;
    let most = 0;
    const job = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 200));
      running -= 1;
      return "done";
    };
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => withLease("test-job", 60_000, job)));
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(most).toBe(1);
    expect(await withLease("test-job", 60_000, job)).toEqual({ ran: true, result: "done" });
    expect(await db().lease.count({ where: { name: "test-job" } })).toBe(0);
  });
});

describe("the weekly summary", () => {
  it("goes once per ISO week in the city's time zone to each subscriber, with the figures of their scope only", async () => {
    const hrPerson = await currentUserFor({ roles: ["HR"], hrDepartment: "Tributos", locale: "es" });
    await setSummarySubscription(hrPerson, await hrScopeOf(hrPerson), true);
    const inside = await createUser({ department: ["Tributos", "Catastro"] });
    const outside = await createUser({ department: "Urbanismo" });
    const assignedAt = new Date("2027-09-01T09:00:00Z");
    // Overdue by the summary's week: one inside the scope, one outside (not counted).
    for (const person of [inside, outside])
      await assignmentRow({ userId: person.id, courseKey: SAMPLE_COURSE, assignedAt, dueAt: endOfDayIn("2027-09-30", MADRID) });

    // Completed in the week before (ISO week 39), with a certificate expiring within 60 days; and the same outside.
    for (const options of [{ department: ["Tributos", "Catastro"] }, { department: "Urbanismo" }]) {
      const finisher = await currentUserFor(options);
      const enrollment = (await enroll(finisher, SAMPLE_COURSE))!;
      const completedAt = new Date("2027-09-29T10:00:00Z");
      await db().enrollment.update({ where: { id: enrollment.id }, data: { completedAt } });
      await assignmentRow({
        userId: finisher.id,
        courseKey: SAMPLE_COURSE,
        assignedAt,
        dueAt: endOfDayIn("2027-10-30", MADRID),
        enrollmentId: enrollment.id,
      });
      await db().certificate.create({
        data: {
          code: `TST-${finisher.id.slice(-8)}`,
          enrollmentId: enrollment.id,
          userId: finisher.id,
          cityId: finisher.city.id,
          holderName: finisher.name,
          courseTitle: "Curso de prueba",
          courseVersion: 1,
          score: 100,
          locale: "es",
          citySnapshot: "{}",
          issuedAt: completedAt,
          expiresAt: new Date("2027-11-15T10:00:00Z"),
        },
      });
    }

    // Monday 4 October 2027, 00:30 in Madrid; then later that week; then the next week.
    const monday = new Date("2027-10-03T22:30:00Z");
    await runReminders(monday, noSteps);
    await runReminders(new Date("2027-10-08T10:00:00Z"), noSteps);
    const mails = outbox().filter((mail) => mail.to === hrPerson.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Resumen semanal de Tributos y sus subáreas (2027-W40)");
    expect(mails[0]!.text).toContain("1 asignación obligatoria vencida sin completar.");
    expect(mails[0]!.text).toContain("1 certificado vence en los próximos 60 días.");
    expect(mails[0]!.text).toContain("1 curso obligatorio completado la semana anterior.");
    expect(await db().summarySent.findMany({ where: { userId: hrPerson.id }, select: { week: true } })).toEqual([
      { week: "2027-W40" },
    ]);

    await runReminders(new Date("2027-10-11T08:00:00Z"), noSteps);
    expect(outbox().filter((mail) => mail.to === hrPerson.email)).toHaveLength(2);

    await setSummarySubscription(hrPerson, await hrScopeOf(hrPerson), false);
    await runReminders(new Date("2027-10-18T08:00:00Z"), noSteps);
    expect(outbox().filter((mail) => mail.to === hrPerson.email)).toHaveLength(2);
  });
});
