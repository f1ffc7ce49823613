/**
 * Access and portability (decision 027): everything stored about one person, as JSON. Their own
 * answers and the result of each question are in it; the answer keys and explanations are not
 * (questions are reused across attempts and people). Every export is audited.
 */
import { z } from "zod";
import { audit } from "~/audit/audit.server.ts";
import { pickLocale, parseLocales, readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { gradeAttempt } from "~/quiz/grading.ts";

const drawnSchema = z.array(z.object({ key: z.string(), options: z.array(z.string()) }));
const answersSchema = z.object({ context: z.object({ answers: z.record(z.string(), z.array(z.string())) }) });
const stringList = z.array(z.string());
const optionsSchema = z.array(z.object({ key: z.string(), text: z.partialRecord(z.string(), z.string()) }));
const jsonValue = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The most audit rows an export carries (the newest). */
const AUDIT_LIMIT = 10_000;

type QuestionRow = { key: string; text: string; options: string; correct: string };

/** One attempt as its taker may see it: what they chose, and (once graded) whether each answer was right. */
function attemptView(
  attempt: {
    number: number;
    questions: string;
    snapshot: string;
    startedAt: Date;
    deadline: Date | null;
    submittedAt: Date | null;
    score: number | null;
    passed: boolean | null;
  },
  questions: ReadonlyMap<string, QuestionRow>,
  locale: Locale,
  fallback: Locale,
) {
  const drawn = drawnSchema.parse(JSON.parse(attempt.questions));
  const parsed = answersSchema.safeParse(JSON.parse(attempt.snapshot));
  const answers = parsed.success ? parsed.data.context.answers : {};
  // Graded with the one grading function; only its per-question verdict leaves the server.
  const verdicts = attempt.submittedAt
    ? gradeAttempt(
        drawn.map((question) => ({
          key: question.key,
          correct: stringList.parse(JSON.parse(questions.get(question.key)?.correct ?? "[]")),
        })),
        answers,
        0,
      ).correctByQuestion
    : null;
  return {
    number: attempt.number,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    submittedAt: attempt.submittedAt,
    score: attempt.score,
    passed: attempt.passed,
    questions: drawn.map((question) => {
      const row = questions.get(question.key);
      const options = row ? optionsSchema.parse(JSON.parse(row.options)) : [];
      const chosen = answers[question.key] ?? [];
      return {
        question: question.key,
        text: row ? readLocalized(row.text, locale, fallback, z.string()) : null,
        chosen: chosen.map((key) => ({
          option: key,
          text:
            options.find((option) => option.key === key)?.text[locale] ??
            options.find((option) => option.key === key)?.text[fallback] ??
            null,
        })),
        correct: verdicts ? (verdicts[question.key] ?? false) : null,
      };
    }),
  };
}

/** Everything stored about a person of the city, or null when there is no such person there. */
export async function personalData(cityId: string, userId: string) {
  const user = await db().user.findFirst({
    where: { id: userId, cityId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      active: true,
      employeeId: true,
      createdAt: true,
      emailConfirmedAt: true,
      lastSeenAt: true,
      erasureRequestedAt: true,
      erasedAt: true,
      city: { select: { name: true, slug: true } },
      department: { select: { name: true } },
      roleGrants: { select: { role: true, createdAt: true, department: { select: { name: true } } } },
      personAssignments: {
        orderBy: [{ assignedAt: "asc" }, { cycle: "asc" }],
        select: {
          cycle: true,
          assignedAt: true,
          dueAt: true,
          withdrawnAt: true,
          assignment: { select: { course: { select: { key: true } } } },
          enrollment: { select: { completedAt: true } },
        },
      },
      enrollments: {
        orderBy: [{ enrolledAt: "asc" }, { cycle: "asc" }],
        select: {
          cycle: true,
          enrolledAt: true,
          completedAt: true,
          lastPosition: true,
          course: { select: { key: true, sourceLocale: true } },
          lessons: { orderBy: { completedAt: "asc" }, select: { lessonKey: true, completedAt: true } },
          activities: {
            orderBy: { checkedAt: "asc" },
            select: { activityKey: true, answer: true, correct: true, checkedAt: true },
          },
          attempts: {
            orderBy: { number: "asc" },
            select: {
              number: true,
              questions: true,
              snapshot: true,
              startedAt: true,
              deadline: true,
              submittedAt: true,
              score: true,
              passed: true,
              version: {
                select: {
                  number: true,
                  languages: true,
                  quiz: { select: { questions: { select: { key: true, text: true, options: true, correct: true } } } },
                },
              },
            },
          },
        },
      },
      certificates: {
        orderBy: { issuedAt: "asc" },
        select: {
          code: true,
          holderName: true,
          courseTitle: true,
          courseVersion: true,
          score: true,
          locale: true,
          issuedAt: true,
          expiresAt: true,
          revokedAt: true,
          revokedReason: true,
        },
      },
      notices: { orderBy: { createdAt: "asc" }, select: { kind: true, params: true, createdAt: true, readAt: true } },
      accommodations: {
        orderBy: { createdAt: "asc" },
        select: { kind: true, amount: true, reason: true, courseId: true, createdAt: true },
      },
    },
  });
  if (!user) return null;
  const locale: Locale = isLocale(user.locale) ? user.locale : "es";
  const pseudonym = await db().pseudonym.findUnique({ where: { userId }, select: { id: true } });
  const trail = pseudonym
    ? await db().auditLog.findMany({
        where: { OR: [{ actorRef: pseudonym.id }, { subjectRef: pseudonym.id }] },
        orderBy: { createdAt: "desc" },
        take: AUDIT_LIMIT,
        select: {
          action: true,
          createdAt: true,
          actorRef: true,
          subjectRef: true,
          targetType: true,
          targetId: true,
          details: true,
        },
      })
    : [];
  const courseKeys = new Map(
    (
      await db().course.findMany({
        where: { id: { in: user.accommodations.flatMap((row) => (row.courseId ? [row.courseId] : [])) } },
        select: { id: true, key: true },
      })
    ).map((course) => [course.id, course.key]),
  );
  return {
    account: {
      id: user.id,
      name: user.name,
      email: user.email,
      language: user.locale,
      city: user.city,
      department: user.department?.name ?? null,
      employeeId: user.employeeId,
      active: user.active,
      createdAt: user.createdAt,
      emailConfirmedAt: user.emailConfirmedAt,
      lastSeenAt: user.lastSeenAt,
      erasureRequestedAt: user.erasureRequestedAt,
      erasedAt: user.erasedAt,
    },
    roles: user.roleGrants.map((grant) => ({
      role: grant.role,
      department: grant.department?.name ?? null,
      since: grant.createdAt,
    })),
    assignments: user.personAssignments.map((row) => ({
      course: row.assignment.course.key,
      cycle: row.cycle,
      assignedAt: row.assignedAt,
      dueAt: row.dueAt,
      withdrawnAt: row.withdrawnAt,
      completedAt: row.enrollment?.completedAt ?? null,
    })),
    enrollments: user.enrollments.map((enrollment) => {
      return {
        course: enrollment.course.key,
        cycle: enrollment.cycle,
        enrolledAt: enrollment.enrolledAt,
        completedAt: enrollment.completedAt,
        lastPosition: enrollment.lastPosition,
        lessonsCompleted: enrollment.lessons,
        activityAnswers: enrollment.activities.map((answer) => ({ ...answer, answer: jsonValue(answer.answer) })),
        quizAttempts: enrollment.attempts.map((attempt) => {
          const shown = pickLocale(parseLocales(attempt.version.languages), enrollment.course.sourceLocale, locale);
          const questions = new Map((attempt.version.quiz?.questions ?? []).map((question) => [question.key, question]));
          return { courseVersion: attempt.version.number, ...attemptView(attempt, questions, shown, shown) };
        }),
      };
    }),
    certificates: user.certificates,
    notices: user.notices.map((notice) => ({ ...notice, params: jsonValue(notice.params) })),
    accommodations: user.accommodations.map(({ courseId, ...row }) => ({
      ...row,
      course: courseId ? (courseKeys.get(courseId) ?? null) : null,
    })),
    auditTrail: trail.map((row) => ({
      action: row.action,
      at: row.createdAt,
      as: row.actorRef === pseudonym?.id ? ("actor" as const) : ("subject" as const),
      targetType: row.targetType,
      targetId: row.targetId,
      details: jsonValue(row.details),
    })),
  };
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof personalData>>>;

/**
 * The export a person or a city admin downloads: the data, and an audit row in the same
 * transaction-free step (the export writes nothing else). Null when the person is not of the city.
 */
export async function exportPersonalData(request: { cityId: string; actorId: string; userId: string }) {
  const data = await personalData(request.cityId, request.userId);
  if (!data) return null;
  await audit({
    cityId: request.cityId,
    actorId: request.actorId,
    action: "privacy.export",
    subjectId: request.userId,
    details: { by: request.actorId === request.userId ? "self" : "admin" },
  });
  return { data, fileName: `aula-ia-data-${request.userId}.json` };
}

/** The export as a file download. */
export function personalDataResponse(exported: { data: PersonalData; fileName: string }): Response {
  return new Response(JSON.stringify(exported.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
