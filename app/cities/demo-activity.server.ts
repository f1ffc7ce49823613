/**
 * Generated activity: the demo's year of learning in Madrid and São Paulo, and, parameterised by
 * scale, the benchmark's network of learners (scripts/bench-hr-seed.ts). One generator for both.
 *
 * Approach. The few structural rows (department trees, assignments and their targets) are written
 * through the domain functions (`ensureDepartmentChain`, Prisma) so that the tree's rules keep one
 * owner. The generator then reads back each city's assignments and walks the city's people one by
 * one with a seeded random generator (demo-names.ts): a person, their person-assignment rows per
 * cycle with their due dates, the enrolments they started (linked through
 * `PersonAssignment.enrollmentId`), lessons, quiz attempts and certificates, all in the past and
 * in the order the product would have written them. Each row follows the product's rules: due
 * dates from cycle-dates.ts; a certificate only for a completed enrolment, issued at completion,
 * expiring at `certificateExpiry` of it when the assignment has a validity; when that
 * certificate's recertification window (`windowOpensAt`) has opened, a row for the next cycle,
 * due at the expiry; at most the quiz's attempt limit, retakes after its cool-down, the passing
 * attempt last; attempts on the course's current version, drawn and answered by the quiz machine
 * itself (a small pool of attempts per course, built once), graded by `gradeAttempt`. The people
 * and activity rows go through bulk-insert.server.ts (raw multi-row inserts, transactions of about
 * 10 000 rows; the demo's ~11 000 rows in one, all or nothing), never one Prisma call per row: the
 * demo takes about half a second of CPU, the benchmark about 50 000 rows per CPU second.
 */
import { createActor } from "xstate";
import { z } from "zod";
import { certificateExpiry, dueAfterDays, windowOpensAt } from "~/assignments/cycle-dates.ts";
import { newCertificateCode } from "~/certificates/codes.ts";
import { citySnapshotOf, citySnapshotSelect } from "~/certificates/certificates.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { personSearchText } from "~/people/search-text.ts";
import { addAnswerCounts } from "~/analysis/answer-counts.server.ts";
import { answerCounts, isFirstAttempt, questionAnswerRows, type QuestionAnswerRow } from "~/analysis/question-answers.ts";
import { gradeAttempt } from "~/quiz/grading.ts";
import { quizMachine, type AttemptQuestion, type QuizEvent } from "~/quiz/machine.ts";
import { openBulkWriter, type BulkTable, type BulkWriter } from "./bulk-insert.server.ts";
import { createDepartment, ensureDepartmentChain } from "./departments.server.ts";
import { demoPerson, seededRandom, type Random } from "./demo-names.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface AttemptTemplate {
  questions: string;
  snapshot: string;
  step: number;
  score: number;
  passed: boolean;
  /** The item-analysis rows grading writes for it (question-answers.ts), without the attempt's id and first-attempt flag. */
  answers: Array<Omit<QuestionAnswerRow, "attemptId" | "firstAttempt">>;
}

export interface ActivityCourse {
  id: string;
  key: string;
  versionId: string;
  versionNumber: number;
  lessonKeys: string[];
  title: (locale: string) => string;
  attemptLimit: number;
  cooldownMinutes: number;
  passing: AttemptTemplate[];
  failing: AttemptTemplate[];
}

interface ActivityAssignment {
  id: string;
  courseId: string;
  createdAt: Date;
  dueAt: Date | null;
  dueDays: number | null;
  validityMonths: number | null;
  windowDays: number | null;
  /** Null: the whole city; else the department paths covered (with sub-departments when `subtree`). */
  targets: Array<{ path: string; subtree: boolean }> | null;
}

export interface ActivityCity {
  id: string;
  slug: string;
  timeZone: string;
  locale: string;
  snapshot: string;
  certificatePrefix: string;
  people: number;
  /** Emails already taken in the city (the demo accounts'): generated people get others. */
  takenEmails: string[];
  departments: Array<{ id: string; path: string; depth: number }>;
  assignments: ActivityAssignment[];
}

export interface ActivityOptions {
  /** Prefix of every generated id, and in emails when `numberedEmails` (two runs into one database differ by it). */
  tag: string;
  seed: number;
  now: Date;
  /** Each person's email gets a running number (large runs, where names repeat); else only repeated ones do. */
  numberedEmails: boolean;
  /** Voluntary enrolments per person: probabilities of one and of two. */
  voluntary: { one: number; two: number };
  /** Rows per transaction (default about 10 000); the demo writes its few thousand in one, all or nothing. */
  transactionRows?: number;
  /** With a hash, every generated person gets a password (the benchmark's learners sign in). */
  passwordHash?: string;
}

/** A quiz question as stored: options and the answer key are JSON. */
interface StoredQuestion {
  id: string;
  key: string;
  type: string;
  options: string;
  correct: string;
}
const optionKeys = z.array(z.object({ key: z.string() }));
const keyList = z.array(z.string());

/** An attempt as the product stores it: drawn and answered through the quiz machine, then graded. */
function attemptTemplate(
  random: Random,
  pool: readonly StoredQuestion[],
  quiz: { draw: number; passMark: number; mode: string },
  accuracy: number,
  versionId: string,
): AttemptTemplate {
  const shuffled = <T>(items: readonly T[]) =>
    items
      .map((item) => ({ item, order: random.next() }))
      .sort((a, b) => a.order - b.order)
      .map(({ item }) => item);
  const drawn = shuffled(pool).slice(0, quiz.draw);
  const questions: AttemptQuestion[] = drawn.map((question) => ({
    key: question.key,
    multiple: question.type === "multiple",
    options:
      question.type === "true-false"
        ? ["true", "false"]
        : shuffled(optionKeys.parse(JSON.parse(question.options)).map((o) => o.key)),
  }));
  const answers: Record<string, string[]> = {};
  for (const [index, question] of drawn.entries()) {
    const correct = keyList.parse(JSON.parse(question.correct));
    const wrong = questions[index]!.options.filter((option) => !correct.includes(option));
    answers[question.key] = random.chance(accuracy) || wrong.length === 0 ? correct : [random.pick(wrong)];
  }
  const grade = gradeAttempt(
    drawn.map((question) => ({ key: question.key, correct: keyList.parse(JSON.parse(question.correct)) })),
    answers,
    quiz.passMark,
  );
  const actor = createActor(quizMachine, { input: { questions, mode: quiz.mode === "practice" ? "practice" : "exam" } });
  actor.start();
  const events: QuizEvent[] = [{ type: "START" }];
  for (const [index, question] of questions.entries()) {
    events.push({ type: "ANSWER", questionKey: question.key, options: answers[question.key]! });
    if (index < questions.length - 1) events.push({ type: "NEXT" });
  }
  events.push({ type: "REVIEW" }, { type: "SUBMIT" }, { type: "GRADED", score: grade.score, passed: grade.passed });
  for (const event of events) actor.send(event);
  const questionIds = new Map(pool.map((question) => [question.key, question.id]));
  const answerRows = questionAnswerRows({ id: "", versionId, number: 1, cycle: 1 }, drawn, questionIds, answers, grade);
  // One post per question answered, then the review and the submission.
  return {
    questions: JSON.stringify(questions),
    snapshot: JSON.stringify(actor.getPersistedSnapshot()),
    step: questions.length + 2,
    score: grade.score,
    passed: grade.passed,
    answers: answerRows.map(({ attemptId: _attemptId, firstAttempt: _firstAttempt, ...row }) => row),
  };
}

/** The published courses with a quiz (the first `limit` by key), each with a pool of graded attempts. */
export async function loadActivityCourses(random: Random, limit = Infinity): Promise<ActivityCourse[]> {
  const rows = await db().course.findMany({
    where: { currentVersionId: { not: null }, ownerCityId: null },
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      sourceLocale: true,
      currentVersion: {
        select: {
          id: true,
          number: true,
          title: true,
          languages: true,
          lessons: { orderBy: { position: "asc" }, select: { key: true } },
          quiz: {
            select: {
              passMark: true,
              attemptLimit: true,
              cooldownMinutes: true,
              draw: true,
              mode: true,
              questions: {
                orderBy: { position: "asc" },
                select: { id: true, key: true, type: true, options: true, correct: true },
              },
            },
          },
        },
      },
    },
  });
  const courses: ActivityCourse[] = [];
  for (const row of rows) {
    const version = row.currentVersion;
    if (!version?.quiz || courses.length >= limit) continue;
    const quiz = version.quiz;
    const passing: AttemptTemplate[] = [];
    const failing: AttemptTemplate[] = [];
    for (let tries = 0; tries < 400 && (passing.length < 8 || failing.length < 8); tries += 1) {
      const attempt = attemptTemplate(random, quiz.questions, quiz, 0.45 + random.next() * 0.55, version.id);
      const list = attempt.passed ? passing : failing;
      if (list.length < 8) list.push(attempt);
    }
    if (passing.length === 0 || failing.length === 0) continue;
    const languages = parseLocales(version.languages);
    courses.push({
      id: row.id,
      key: row.key,
      versionId: version.id,
      versionNumber: version.number,
      lessonKeys: version.lessons.map((lesson) => lesson.key),
      title: (locale) => {
        const shown = pickLocale(languages, row.sourceLocale, isLocale(locale) ? locale : "es");
        return readLocalized(version.title, shown, shown, z.string());
      },
      attemptLimit: quiz.attemptLimit ?? 3,
      cooldownMinutes: quiz.cooldownMinutes,
      passing,
      failing,
    });
  }
  return courses;
}

/** A city as the generator needs it: branding for certificates, its tree, and its assignments read back. */
export async function loadActivityCity(slug: string, people: number): Promise<ActivityCity> {
  const city = await db().city.findUniqueOrThrow({
    where: { slug },
    select: {
      id: true,
      slug: true,
      timeZone: true,
      defaultLocale: true,
      certificatePrefix: true,
      ...citySnapshotSelect,
      departments: { where: { archivedAt: null }, orderBy: { path: "asc" }, select: { id: true, path: true, depth: true } },
      users: { select: { email: true } },
      assignments: {
        where: { withdrawnAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          courseId: true,
          createdAt: true,
          dueAt: true,
          dueDays: true,
          validityMonths: true,
          windowDays: true,
          targets: { select: { userId: true, includeSubdepartments: true, department: { select: { path: true } } } },
        },
      },
    },
  });
  return {
    id: city.id,
    slug: city.slug,
    timeZone: city.timeZone,
    locale: city.defaultLocale,
    certificatePrefix: city.certificatePrefix,
    snapshot: JSON.stringify(citySnapshotOf(city)),
    people,
    takenEmails: city.users.map((user) => user.email),
    departments: city.departments,
    assignments: city.assignments.map(({ targets, ...assignment }) => {
      const cityWide = targets.some((target) => !target.department && !target.userId);
      const departments = targets.flatMap((target) =>
        target.department ? [{ path: target.department.path, subtree: target.includeSubdepartments }] : [],
      );
      return { ...assignment, targets: cityWide ? null : departments };
    }),
  };
}

function covers(assignment: ActivityAssignment, departmentPath: string): boolean {
  return (
    assignment.targets === null ||
    assignment.targets.some((target) =>
      target.subtree ? departmentPath.startsWith(target.path) : departmentPath === target.path,
    )
  );
}

/** Writes each city's generated people and their year of learning; returns the rows written per table. */
export async function generateActivity(
  url: string,
  cities: readonly ActivityCity[],
  courses: readonly ActivityCourse[],
  options: ActivityOptions,
): Promise<Record<BulkTable, number>> {
  const random = seededRandom(options.seed);
  const writer: BulkWriter = await openBulkWriter(url, { transactionRows: options.transactionRows });
  const { now } = options;
  let counter = 0;
  const newId = () => `${options.tag}${(counter++).toString(36).padStart(8, "0")}`;
  const courseById = new Map(courses.map((course) => [course.id, course]));
  // How often each attempt template was someone's first attempt: item analysis's counts, added at the end.
  const firstAttempts = new Map<AttemptTemplate, number>();
  try {
    for (const city of cities) {
      const usedEmails = new Set(city.takenEmails);
      const emailOf = (local: string) => `${local}@${city.slug}.example`;
      const placeable = city.departments.filter((department) => department.depth > 1);
      const places = placeable.length > 0 ? placeable : city.departments;
      for (let index = 0; index < city.people; index += 1) {
        const person = demoPerson(random, city.locale);
        let local = options.numberedEmails ? `${person.localPart}.${options.tag}${index}` : person.localPart;
        for (let repeat = 2; usedEmails.has(emailOf(local)); repeat += 1) local = `${person.localPart}${repeat}`;
        const email = emailOf(local);
        usedEmails.add(email);
        const department = random.chance(0.08) ? random.pick(city.departments) : random.pick(places);
        // Most people joined before the year began; some during it.
        const joinedAt = random.chance(0.85)
          ? new Date(now.getTime() - (380 + random.int(0, 3000)) * DAY)
          : new Date(now.getTime() - random.int(15, 330) * DAY - random.int(0, 20) * HOUR);
        const userId = newId();
        writer.add("User", [
          userId,
          email,
          person.name,
          city.locale,
          city.id,
          department?.id ?? null,
          true,
          personSearchText({ name: person.name, email }),
          joinedAt,
          joinedAt,
          joinedAt,
        ]);
        if (options.passwordHash) writer.add("Password", [userId, options.passwordHash]);
        const learner = { userId, name: person.name, diligence: random.next() };

        /** An enrolment begun at `start`, completed at `completeAt` when given (else left where it stopped). */
        const enrol = (
          course: ActivityCourse,
          cycle: number,
          start: Date,
          completeAt: Date | null,
          validityMonths: number | null,
        ) => {
          const enrollmentId = newId();
          const lessons = course.lessonKeys;
          const end = completeAt ?? new Date(Math.min(now.getTime() - HOUR, start.getTime() + random.int(1, 25) * DAY));
          const span = Math.max(end.getTime() - start.getTime(), 2 * HOUR);
          const lessonsDone = completeAt ? lessons.length : random.int(1, lessons.length);
          for (let lesson = 0; lesson < lessonsDone; lesson += 1) {
            const at = new Date(start.getTime() + ((lesson + 1) / (lessonsDone + 1)) * span * 0.6);
            writer.add("LessonProgress", [newId(), enrollmentId, lessons[lesson]!, at]);
          }
          // Attempts in the last 40 % of the span, a cool-down apart; a completion's last one passes.
          const failures = completeAt
            ? random.pick([0, 0, 0, 0, 1, 1, 1, 2].filter((n) => n < course.attemptLimit))
            : lessonsDone === lessons.length && random.chance(0.5)
              ? random.int(1, Math.max(1, course.attemptLimit - 1))
              : 0;
          const attempts = failures + (completeAt ? 1 : 0);
          const gap = attempts > 1 ? (span * 0.4) / (attempts - 1) : 0;
          const spaced = gap >= (course.cooldownMinutes + 35) * MINUTE ? attempts : Math.min(attempts, 1);
          let best: AttemptTemplate | null = null;
          for (let number = 1; number <= spaced; number += 1) {
            const passes = completeAt !== null && number === spaced;
            const template = random.pick(passes ? course.passing : course.failing);
            const submittedAt = new Date(end.getTime() - (spaced - number) * gap);
            const startedAt = new Date(submittedAt.getTime() - random.int(6, 25) * MINUTE);
            const attemptId = newId();
            writer.add("QuizAttempt", [
              attemptId,
              enrollmentId,
              course.versionId,
              number,
              template.step,
              template.questions,
              template.snapshot,
              startedAt,
              submittedAt,
              template.score,
              template.passed,
            ]);
            const firstAttempt = isFirstAttempt(number, cycle);
            for (const row of template.answers)
              writer.add("QuestionAnswer", [
                attemptId,
                row.questionId,
                row.versionId,
                row.correct,
                row.chosen,
                firstAttempt,
                row.attemptCorrect,
                row.attemptTotal,
              ]);
            if (firstAttempt) firstAttempts.set(template, (firstAttempts.get(template) ?? 0) + 1);
            if (passes) best = template;
          }
          const lastPosition = lessonsDone === lessons.length ? "quiz" : lessons[lessonsDone]!;
          writer.add("Enrollment", [enrollmentId, userId, course.id, cycle, start, completeAt, lastPosition]);
          if (completeAt && best) {
            writer.add("Certificate", [
              newId(),
              newCertificateCode(city.certificatePrefix),
              enrollmentId,
              userId,
              city.id,
              learner.name,
              course.title(city.locale),
              course.versionNumber,
              best.score,
              city.locale,
              city.snapshot,
              completeAt,
              validityMonths ? certificateExpiry(completeAt, validityMonths, city.timeZone) : null,
            ]);
          }
          return enrollmentId;
        };

        /** One person-assignment row for a cycle, what the person did about it, and the next cycle when its window opened. */
        const assigned = (
          assignment: ActivityAssignment,
          course: ActivityCourse,
          cycle: number,
          assignedAt: Date,
          dueAt: Date,
        ) => {
          const allowed = dueAt.getTime() - assignedAt.getTime();
          const finishing = random.chance(0.6 + 0.35 * learner.diligence);
          const completion = new Date(assignedAt.getTime() + Math.max(allowed, 7 * DAY) * (0.05 + random.next() * 1.05));
          let enrollmentId: string | null = null;
          let completedAt: Date | null = null;
          if (finishing && completion.getTime() < now.getTime() - HOUR) {
            completedAt = completion;
            const start = new Date(assignedAt.getTime() + (completion.getTime() - assignedAt.getTime()) * random.next() * 0.5);
            enrollmentId = enrol(course, cycle, start, completedAt, assignment.validityMonths);
          } else if (random.chance(0.3 + 0.4 * learner.diligence)) {
            const start = new Date(assignedAt.getTime() + (now.getTime() - assignedAt.getTime()) * random.next() * 0.7);
            if (start.getTime() < now.getTime() - 3 * HOUR) enrollmentId = enrol(course, cycle, start, null, null);
          }
          writer.add("PersonAssignment", [
            newId(),
            assignment.id,
            userId,
            city.id,
            course.id,
            cycle,
            assignedAt,
            dueAt,
            enrollmentId,
          ]);
          if (completedAt && assignment.validityMonths && assignment.windowDays) {
            const expiresAt = certificateExpiry(completedAt, assignment.validityMonths, city.timeZone);
            const opensAt = windowOpensAt(expiresAt, assignment.windowDays, city.timeZone);
            if (opensAt.getTime() <= now.getTime()) assigned(assignment, course, cycle + 1, opensAt, expiresAt);
          }
        };

        const taken = new Set<string>();
        for (const assignment of city.assignments) {
          const course = courseById.get(assignment.courseId);
          if (!course || taken.has(course.id) || !department || !covers(assignment, department.path)) continue;
          const assignedAt = new Date(Math.max(assignment.createdAt.getTime(), joinedAt.getTime()));
          if (assignedAt.getTime() > now.getTime()) continue;
          taken.add(course.id);
          const dueAt = assignment.dueAt ?? dueAfterDays(assignedAt, assignment.dueDays ?? 30, city.timeZone);
          assigned(assignment, course, 1, assignedAt, dueAt);
        }
        const voluntary = random.chance(options.voluntary.two) ? 2 : random.chance(options.voluntary.one) ? 1 : 0;
        for (let count = 0; count < voluntary; count += 1) {
          const course = random.pick(courses);
          if (taken.has(course.id)) continue;
          taken.add(course.id);
          const from = Math.max(joinedAt.getTime(), now.getTime() - 365 * DAY);
          const start = new Date(from + random.next() * (now.getTime() - 2 * DAY - from));
          const completeAt = new Date(start.getTime() + random.int(1, 40) * DAY + random.int(0, 8) * HOUR);
          const completes = random.chance(0.5 + 0.3 * learner.diligence) && completeAt.getTime() < now.getTime() - HOUR;
          enrol(course, 1, start, completes ? completeAt : null, null);
        }
        if (writer.full) await writer.flush();
      }
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const written = await writer.close();
  await addAnswerCounts(answerCounts(firstAttemptRows(firstAttempts)));
  return written;
}

/** Each first attempt's item-analysis rows, as grading would have counted them one by one. */
function* firstAttemptRows(uses: ReadonlyMap<AttemptTemplate, number>): Generator<Omit<QuestionAnswerRow, "attemptId">> {
  for (const [template, times] of uses)
    for (let time = 0; time < times; time += 1) for (const row of template.answers) yield { ...row, firstAttempt: true };
}

interface PlannedAssignment {
  citySlug: string;
  courseKey: string;
  /** Department chains (names from the root down), each with its sub-departments; empty: the whole city. */
  targets: string[][];
  createdDaysAgo: number;
  /** A fixed due date this many days from today (negative: past), or `dueDays` after each person is assigned. */
  dueInDays?: number;
  dueDays?: number;
  validityMonths?: number;
  windowDays?: number;
}

/** Writes an assignment and its targets as HR would have on `createdAt`, unless the city already assigns the course. */
async function ensureAssignment(plan: PlannedAssignment, now: Date, createdById: string | null): Promise<void> {
  const city = await db().city.findUniqueOrThrow({ where: { slug: plan.citySlug }, select: { id: true, timeZone: true } });
  const course = await db().course.findUnique({ where: { key: plan.courseKey }, select: { id: true, currentVersionId: true } });
  if (!course?.currentVersionId) return;
  if (await db().assignment.findFirst({ where: { cityId: city.id, courseId: course.id }, select: { id: true } })) return;
  await db().$transaction(async (tx) => {
    const departmentIds = [];
    for (const chain of plan.targets) departmentIds.push(await ensureDepartmentChain(tx, city.id, chain));
    await tx.assignment.create({
      data: {
        cityId: city.id,
        courseId: course.id,
        createdAt: new Date(now.getTime() - plan.createdDaysAgo * DAY),
        createdById,
        dueAt: plan.dueInDays === undefined ? null : dueAfterDays(now, plan.dueInDays, city.timeZone),
        dueDays: plan.dueInDays === undefined ? (plan.dueDays ?? 30) : null,
        validityMonths: plan.validityMonths ?? null,
        windowDays: plan.windowDays ?? null,
        targets: {
          create:
            departmentIds.length > 0
              ? departmentIds.map((departmentId) => ({ departmentId, includeSubdepartments: true }))
              : [{}],
        },
      },
    });
  });
}

/**
 * The demo cities' department trees below the seeded roots (names from the root down; every root
 * keeps its name, so the demo accounts and tests find "Servicios Sociales" or "Saúde" where they were).
 */
export const demoDepartmentChains: Record<string, string[][]> = {
  madrid: [
    [
      "Servicios Sociales",
      "Dirección General de Atención Primaria, Intervención Comunitaria y Emergencia Social",
      "Centro de Servicios Sociales de Usera",
    ],
    [
      "Servicios Sociales",
      "Dirección General de Atención Primaria, Intervención Comunitaria y Emergencia Social",
      "Centro de Servicios Sociales de Vallecas",
    ],
    [
      "Servicios Sociales",
      "Dirección General de Atención Primaria, Intervención Comunitaria y Emergencia Social",
      "Samur Social",
    ],
    ["Servicios Sociales", "Dirección General de Mayores", "Centro de Día Municipal de Carabanchel"],
    ["Urbanismo y Licencias", "Dirección General de Licencias", "Servicio de Licencias de Obras"],
    ["Urbanismo y Licencias", "Agencia de Actividades"],
    ["Movilidad y Transportes", "Dirección General de Gestión y Vigilancia de la Circulación", "Agentes de Movilidad"],
    ["Movilidad y Transportes", "Dirección General de Planificación e Infraestructuras de Movilidad"],
    ["Línea Madrid (Atención a la Ciudadanía)", "Oficinas de Atención a la Ciudadanía", "OAC Centro"],
    ["Línea Madrid (Atención a la Ciudadanía)", "Oficinas de Atención a la Ciudadanía", "OAC Tetuán"],
    ["Línea Madrid (Atención a la Ciudadanía)", "Teléfono 010"],
    ["Contratación", "Junta de Contratación"],
    ["Contratación", "Servicio de Contratación Centralizada"],
  ],
  "sao-paulo": [
    ["Saúde", "Coordenadoria Regional de Saúde Sul", "Supervisão Técnica de Saúde Santo Amaro"],
    ["Saúde", "Coordenadoria Regional de Saúde Sul", "UBS Jardim Ângela"],
    ["Saúde", "Coordenadoria Regional de Saúde Norte", "Supervisão Técnica de Saúde Santana"],
    ["Central 156", "Atendimento Telefônico"],
    ["Central 156", "Atendimento Digital"],
    ["Licenciamento", "Coordenadoria de Edificação de Uso Residencial"],
    ["Mobilidade e Trânsito", "Departamento de Operação do Sistema Viário", "Fiscalização de Trânsito"],
    ["Assistência e Desenvolvimento Social", "Coordenação de Proteção Social Básica", "CRAS Capão Redondo"],
    ["Assistência e Desenvolvimento Social", "Coordenação de Proteção Social Especial"],
  ],
};

const madridPrimaryCare = [
  "Servicios Sociales",
  "Dirección General de Atención Primaria, Intervención Comunitaria y Emergencia Social",
];

/** The demo cities' department-level assignments over the past year (the city-wide ones are seedDemoLearning's). */
const demoAssignments: PlannedAssignment[] = [
  {
    citySlug: "madrid",
    courseKey: "generative-ai-at-work",
    targets: [["Línea Madrid (Atención a la Ciudadanía)"], ["Urbanismo y Licencias"], madridPrimaryCare],
    createdDaysAgo: 375,
    dueDays: 45,
    validityMonths: 12,
    windowDays: 60,
  },
  {
    citySlug: "madrid",
    courseKey: "bias-rights-and-equity",
    targets: [["Servicios Sociales", "Dirección General de Mayores"], ["Movilidad y Transportes"]],
    createdDaysAgo: 220,
    dueInDays: -120,
  },
  {
    citySlug: "madrid",
    courseKey: "transparency-and-accountability",
    targets: [
      ["Contratación", "Junta de Contratación"],
      ["Contratación", "Servicio de Contratación Centralizada"],
    ],
    createdDaysAgo: 150,
    dueDays: 30,
    validityMonths: 12,
    windowDays: 60,
  },
  {
    citySlug: "madrid",
    courseKey: "security-and-ai-threats",
    targets: [["Movilidad y Transportes"], madridPrimaryCare],
    createdDaysAgo: 35,
    dueInDays: 20,
  },
  {
    citySlug: "sao-paulo",
    courseKey: "generative-ai-at-work",
    targets: [
      ["Saúde", "Coordenadoria Regional de Saúde Sul"],
      ["Central 156", "Atendimento Telefônico"],
    ],
    createdDaysAgo: 400,
    dueDays: 45,
    validityMonths: 12,
    windowDays: 60,
  },
  {
    citySlug: "sao-paulo",
    courseKey: "ai-fundamentals",
    targets: [["Assistência e Desenvolvimento Social"], ["Licenciamento"]],
    createdDaysAgo: 240,
    dueInDays: -150,
  },
  {
    citySlug: "sao-paulo",
    courseKey: "security-and-ai-threats",
    targets: [["Saúde", "Coordenadoria Regional de Saúde Norte"], ["Mobilidade e Trânsito"]],
    createdDaysAgo: 100,
    dueDays: 60,
    validityMonths: 12,
    windowDays: 60,
  },
];

/** How many generated people each demo city gets. */
export const demoPeople: Record<string, number> = { madrid: 300, "sao-paulo": 250 };

/** Ids of generated demo rows start with this, so the seed can tell they are there. */
const DEMO_TAG = "demo";

/**
 * The demo's year of activity (DEMO=true, on a fresh database, after the demo accounts): each
 * demo city's department assignments and a few hundred people with their learning. Idempotent:
 * a second run finds the generated people and writes nothing. Demo accounts are left as they are.
 */
export async function seedDemoActivity(url: string, now: Date): Promise<boolean> {
  if (await db().user.findFirst({ where: { id: { startsWith: DEMO_TAG } }, select: { id: true } })) return false;
  for (const plan of demoAssignments) {
    const hr = await db().user.findFirst({
      where: { city: { slug: plan.citySlug }, roleGrants: { some: { role: "HR", departmentId: null } } },
      select: { id: true },
    });
    await ensureAssignment(plan, now, hr?.id ?? null);
  }
  const random = seededRandom(2026);
  const courses = await loadActivityCourses(random);
  const cities = [];
  for (const [slug, people] of Object.entries(demoPeople)) cities.push(await loadActivityCity(slug, people));
  await generateActivity(url, cities, courses, {
    tag: DEMO_TAG,
    seed: 11,
    now,
    numberedEmails: false,
    voluntary: { one: 0.35, two: 0.12 },
    transactionRows: Infinity,
  });
  return true;
}

/** The benchmark network's shares of learners: the largest city a third, as Ciudad de México's workforce. */
const networkShares: Record<string, number> = {
  "ciudad-de-mexico": 0.3,
  "sao-paulo": 0.12,
  "buenos-aires": 0.1,
  bogota: 0.1,
  madrid: 0.08,
  "rio-de-janeiro": 0.07,
  brasilia: 0.07,
  quito: 0.06,
  "santo-domingo": 0.05,
  guatemala: 0.05,
};

/** Learners per city for a network of `learners`: the shares, rounded, the remainder to the largest city. */
export function networkSizes(learners: number, slugs: readonly string[]): Record<string, number> {
  const known = slugs.filter((slug) => networkShares[slug] !== undefined);
  const total = known.reduce((sum, slug) => sum + networkShares[slug]!, 0);
  const sizes = Object.fromEntries(known.map((slug) => [slug, Math.floor((learners * networkShares[slug]!) / total)]));
  const largest = known.reduce((a, b) => (networkShares[a]! >= networkShares[b]! ? a : b));
  sizes[largest]! += learners - Object.values(sizes).reduce((sum, n) => sum + n, 0);
  return sizes;
}

/**
 * The benchmark's network (scripts/bench-hr-seed.ts): `learners` people over the seeded cities,
 * each city's roots split into units and sections (about 150 people a section), two assignments
 * per city (a city-wide one with a 12-month validity and a 60-day window, one for a root's subtree),
 * voluntary enrolments, and their year of lessons, attempts and certificates, on 7 courses.
 */
export async function seedNetworkActivity(
  url: string,
  options: { learners: number; now: Date; seed: number; tag: string; passwordHash?: string },
): Promise<Record<BulkTable, number>> {
  const setUp = performance.now();
  const slugs = (await db().city.findMany({ orderBy: { slug: "asc" }, select: { slug: true } })).map((city) => city.slug);
  const sizes = networkSizes(options.learners, slugs);
  const random = seededRandom(options.seed);
  const courses = await loadActivityCourses(random, 7);
  const cities: ActivityCity[] = [];
  for (const [slug, people] of Object.entries(sizes)) {
    const city = await db().city.findUniqueOrThrow({
      where: { slug },
      select: {
        id: true,
        departments: { where: { parentId: null }, orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    });
    const roots = city.departments;
    const perLevel = Math.max(1, Math.round(Math.sqrt(people / (150 * Math.max(1, roots.length)))));
    await db().$transaction(
      async (tx) => {
        for (const root of roots)
          for (let unit = 1; unit <= perLevel; unit += 1) {
            const unitId = await ensureDepartmentChain(tx, city.id, [root.name, `Unidad ${unit}`]);
            for (let section = 1; section <= perLevel; section += 1) {
              const exists = await tx.department.findFirst({
                where: { parentId: unitId, name: `Sección ${section}` },
                select: { id: true },
              });
              if (!exists) await createDepartment(tx, { cityId: city.id, name: `Sección ${section}`, parentId: unitId });
            }
          }
      },
      { timeout: 120_000 },
    );
    const plans: PlannedAssignment[] = [
      {
        citySlug: slug,
        courseKey: courses[0]!.key,
        targets: [],
        createdDaysAgo: 330,
        dueDays: 60,
        validityMonths: 12,
        windowDays: 60,
      },
      { citySlug: slug, courseKey: courses[1]!.key, targets: [[roots[1]!.name]], createdDaysAgo: 210, dueInDays: -100 },
    ];
    for (const plan of plans) await ensureAssignment(plan, options.now, null);
    cities.push(await loadActivityCity(slug, people));
  }
  console.log(`Departments and assignments: ${((performance.now() - setUp) / 1000).toFixed(1)} s`);
  return generateActivity(url, cities, courses, {
    tag: options.tag,
    seed: options.seed,
    now: options.now,
    numberedEmails: true,
    voluntary: { one: 0.15, two: 0.03 },
    passwordHash: options.passwordHash,
  });
}
