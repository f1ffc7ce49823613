import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { getCourseOverview } from "~/courses/catalog.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { LessonSavedNotice } from "~/learning/lesson-saved.tsx";
import { reconcileEnrollment } from "~/learning/reconcile.server.ts";
import { quizOverview, startAttempt } from "~/quiz/attempts.server.ts";
import type { AttemptDecision } from "~/quiz/policy.ts";
import { FormAlert } from "~/ui/form.tsx";
import { QuizRules } from "~/quiz/question-views.tsx";
import { buttonOnlyLimits } from "~/forms/limits.ts";
import { readForm } from "~/forms/read-form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const courseKey = params.course ?? "";
  await reconcileEnrollment(user, { courseKey });
  const [overview, course] = await Promise.all([
    quizOverview(user, courseKey),
    getCourseOverview(courseKey, await getLocale(request), user.city.id),
  ]);
  if (!overview || !course) throw notFound();
  if (!overview.enrolled) throw redirect(`/courses/${courseKey}`);
  return { courseKey, courseTitle: course.title, timeZone: user.city.timeZone, ...overview };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, buttonOnlyLimits);
  const started = await startAttempt(user, params.course ?? "");
  if (started.ok) throw redirect(`/quiz/${started.attemptId}`);
  if (!started.decision) throw notFound();
  return data({ refused: started.decision }, { status: 409 });
}

function DecisionMessage({ decision, timeZone }: { decision: AttemptDecision; timeZone: string }) {
  const { t, formats } = useTranslation();
  if (decision.allowed) return null;
  if (decision.reason === "cooldown") {
    return <FormAlert>{t("quiz.cooldown", { date: formats.dateTimeWithZone(decision.retryAt, timeZone) })}</FormAlert>;
  }
  if (decision.reason === "limit") return <FormAlert>{t("quiz.limitReached")}</FormAlert>;
  if (decision.reason === "passed") return <FormAlert tone="success">{t("quiz.alreadyPassed")}</FormAlert>;
  return null;
}

export default function QuizStartPage() {
  const { t, formats } = useTranslation();
  const quiz = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { settings } = quiz;
  const decision = actionData?.refused ?? quiz.decision;
  return (
    <div className="max-w-2xl">
      <p className="text-sm">
        <Link to={`/courses/${quiz.courseKey}`} className="text-blue-800 underline">
          {quiz.courseTitle}
        </Link>
      </p>
      <LessonSavedNotice />
      <h1 className="mt-2 text-2xl font-bold">{t("quiz.title", { course: quiz.courseTitle })}</h1>
      <QuizRules settings={settings} />
      <div className="mt-6">
        <DecisionMessage decision={decision} timeZone={quiz.timeZone} />
        {quiz.openAttemptId ? (
          <Link
            to={`/quiz/${quiz.openAttemptId}`}
            className="inline-block rounded bg-blue-800 px-4 py-2 font-semibold text-white no-underline"
          >
            {t("quiz.resume")}
          </Link>
        ) : decision.allowed ? (
          <Form method="post">
            <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white">
              {t("quiz.start")}
            </button>
          </Form>
        ) : null}
      </div>
      {quiz.attempts.length > 0 ? (
        <section aria-labelledby="attempts-title" className="mt-8">
          <h2 id="attempts-title" className="text-xl font-semibold">
            {t("quiz.attempts")}
          </h2>
          <ul className="mt-2 space-y-1">
            {quiz.attempts.map((attempt) => (
              <li key={attempt.id}>
                {attempt.submittedAt ? (
                  <Link to={`/quiz/${attempt.id}`} className="text-blue-800 underline">
                    {t("quiz.attemptRow", { number: attempt.number, score: formats.percent(attempt.score ?? 0) })} (
                    {attempt.passed ? t("quiz.passedBadge") : t("quiz.failedBadge")})
                  </Link>
                ) : (
                  t("quiz.attemptOpen", { number: attempt.number })
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.courseTitle} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
