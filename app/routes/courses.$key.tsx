import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/guards.server.ts";
import { enroll, learnerCourseState } from "~/learning/enrollments.server.ts";
import { positionHref } from "~/learning/progress.ts";
import { LessonSavedNotice } from "~/learning/lesson-saved.tsx";
import { reconcileEnrollment } from "~/learning/reconcile.server.ts";
import { getCourseOverview } from "~/courses/catalog.server.ts";
import { competencyLabelKey, levelLabelKey } from "~/courses/competencies.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, localeNames } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { buttonOnlyLimits } from "~/forms/limits.ts";
import { readForm } from "~/forms/read-form.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const course = await getCourseOverview(params.key ?? "", await getLocale(request), user?.city.id ?? null);
  if (!course) throw notFound();
  if (user) await reconcileEnrollment(user, { courseKey: course.key });
  return { course, signedIn: Boolean(user), learner: user ? await learnerCourseState(user, course.key) : null };
}

/** Enrol (idempotent) and go to where the learner should continue. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, buttonOnlyLimits);
  const key = params.key ?? "";
  if (!(await enroll(user, key))) throw notFound();
  const state = await learnerCourseState(user, key);
  throw redirect(positionHref(key, state?.enrolled ? state.continueAt : null));
}

export default function CoursePage() {
  const { t, locale, formats } = useTranslation();
  const { course, signedIn, learner } = useLoaderData<typeof loader>();
  const lang = htmlLang[course.shownLocale];
  return (
    <article className="max-w-3xl">
      <p>
        <Link to="/courses" className="text-blue-800 underline">
          {t("course.backToCatalog")}
        </Link>
      </p>
      <LessonSavedNotice />
      <h1 className="mt-3 text-2xl font-bold" lang={lang}>
        {course.title}
      </h1>
      {course.shownLocale !== locale ? (
        <p className="mt-1 text-sm text-amber-900">{t("catalog.shownIn", { language: localeNames[course.shownLocale] })}</p>
      ) : null}
      <p className="mt-3 text-lg text-slate-700" lang={lang}>
        {course.summary}
      </p>
      <p className="mt-3 text-sm text-slate-700">
        {t(levelLabelKey(course.level))} · {t("catalog.minutes", { minutes: course.minutes })} ·{" "}
        {course.competencies.map((competency) => t(competencyLabelKey(competency))).join(", ")} ·{" "}
        {t("course.version", { number: course.version })}
      </p>
      <div className="mt-5 rounded border border-slate-300 bg-white p-4">
        {learner?.enrolled ? (
          <>
            <p>{t("course.progress", { percent: formats.percent(learner.percent) })}</p>
            <progress
              className="mt-2 h-3 w-full"
              max={100}
              value={learner.percent}
              aria-label={t("course.progress", { percent: formats.percent(learner.percent) })}
            />
            {learner.activities.total > 0 ? (
              <p className="mt-2 text-sm text-slate-700">
                {t("course.activitiesPractised", { practised: learner.activities.practised, total: learner.activities.total })}
              </p>
            ) : null}
            {learner.completedAt ? (
              <p className="mt-3 font-semibold text-green-800">
                {t("course.completed")}{" "}
                {learner.certificateCode ? (
                  <Link to="/certificates" className="text-blue-800 underline">
                    {t("course.viewCertificate")}
                  </Link>
                ) : null}
              </p>
            ) : (
              <p className="mt-3">
                <Link
                  to={positionHref(course.key, learner.continueAt)}
                  className="inline-block rounded bg-blue-800 px-4 py-2 font-semibold text-white no-underline"
                >
                  {t("course.continue")}
                </Link>
              </p>
            )}
          </>
        ) : signedIn ? (
          <Form method="post">
            <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white">
              {t("course.enroll")}
            </button>
          </Form>
        ) : (
          <Link to={`/login?redirectTo=/courses/${course.key}`} className="text-blue-800 underline">
            {t("course.loginToEnroll")}
          </Link>
        )}
      </div>
      <h2 className="mt-6 text-xl font-semibold">{t("course.objectives")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6" lang={lang}>
        {course.objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
      <h2 className="mt-6 text-xl font-semibold">{t("course.syllabus")}</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {course.lessons.map((lesson) => {
          const done = learner?.enrolled && learner.completedLessonKeys.includes(lesson.key);
          return (
            <li key={lesson.key}>
              {learner?.enrolled ? (
                <Link to={positionHref(course.key, lesson.key)} className="text-blue-800 underline" lang={lang}>
                  {lesson.title}
                </Link>
              ) : (
                <span lang={lang}>{lesson.title}</span>
              )}{" "}
              <span className="text-sm text-slate-600">
                ({t("catalog.minutes", { minutes: lesson.minutes })}
                {done ? ` · ✓ ${t("course.lessonDone")}` : ""})
              </span>
            </li>
          );
        })}
      </ol>
      {course.quiz ? (
        <p className="mt-4">
          {t("course.quiz", { count: course.quiz.draw, passMark: formats.percent(course.quiz.passMark) })}{" "}
          {learner?.enrolled ? (
            <Link to={positionHref(course.key, "quiz")} className="text-blue-800 underline">
              {t("course.goToQuiz")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} · Aula IA` : "Aula IA" }];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
