import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/guards.server.ts";
import { enroll, learnerCourseState } from "~/learning/enrollments.server.ts";
import { positionHref } from "~/learning/progress.ts";
import { LessonSavedNotice } from "~/learning/lesson-saved.tsx";
import { reconcileEnrollment } from "~/learning/reconcile.server.ts";
import { getCourseOverview } from "~/courses/catalog.server.ts";
import { CourseOverview } from "~/learning/course-overview.tsx";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
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
  const { t, formats } = useTranslation();
  const { course, signedIn, learner } = useLoaderData<typeof loader>();
  return (
    <article className="max-w-3xl">
      <p>
        <Link to="/courses" className="text-blue-800 underline">
          {t("course.backToCatalog")}
        </Link>
      </p>
      <LessonSavedNotice />
      <CourseOverview
        course={course}
        lessonHref={(key) => (learner?.enrolled ? positionHref(course.key, key) : null)}
        lessonDone={(key) => Boolean(learner?.enrolled && learner.completedLessonKeys.includes(key))}
        quizHref={learner?.enrolled ? positionHref(course.key, "quiz") : null}
      >
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
      </CourseOverview>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} · Aula IA` : "Aula IA" }];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
