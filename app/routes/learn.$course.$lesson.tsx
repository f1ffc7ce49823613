import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { activityFormLimits, isActivityPost, readActivityPost } from "~/activities/answer-form.ts";
import { requireUser } from "~/auth/guards.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { checkLessonActivity, lessonForReading, markLessonComplete } from "~/learning/enrollments.server.ts";
import { afterCompletionHref, positionHref } from "~/learning/progress.ts";
import { LessonSavedNotice } from "~/learning/lesson-saved.tsx";
import { keepLessonBody, keptLessonBody, lessonBodyInPage } from "~/learning/lesson-body.ts";
import { LessonBody, LessonHeading, LessonNavigation } from "~/learning/lesson-view.tsx";
import { readForm } from "~/forms/read-form.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const courseKey = params.course ?? "";
  const reading = await lessonForReading(user, courseKey, params.lesson ?? "", await getLocale(request));
  if (!reading) throw notFound();
  if (!reading.enrolled) throw redirect(`/courses/${courseKey}`);
  // A full page load renders the body from here and hydrates from the page (see lesson-body.ts).
  const { parts, ...lesson } = reading.lesson;
  if (context.documentRequest) keepLessonBody(lesson.bodyKey, parts);
  return { courseKey, ...reading, lesson: { ...lesson, parts: context.documentRequest ? null : parts } };
}

/**
 * A practice activity's "check" (the form names an activity): checked and saved on the server,
 * the feedback in the response. Otherwise "mark as complete": saved, idempotent; then on to what comes
 * next, which says that the lesson was saved.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const courseKey = params.course ?? "";
  const form = await readForm(request, activityFormLimits);
  if (isActivityPost(form)) {
    const post = readActivityPost(form);
    if (!post) return data({ checked: null }, { status: 400 });
    const checked = await checkLessonActivity(user, courseKey, params.lesson ?? "", await getLocale(request), post);
    if (checked.status === "unknown-activity") throw notFound();
    if (checked.status === "not-enrolled") throw redirect(`/courses/${courseKey}`);
    return data({ checked }, { status: checked.status === "invalid" ? 400 : 200 });
  }
  const outcome = await markLessonComplete(user, courseKey, params.lesson ?? "");
  if (outcome.status === "unknown-lesson") throw notFound();
  if (outcome.status === "not-enrolled") throw redirect(`/courses/${courseKey}`);
  throw redirect(afterCompletionHref(courseKey, outcome.next));
}

/** A check through a fetcher changes only that activity, which shows the response itself. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.has("activity") ? false : defaultShouldRevalidate;

export default function LessonPage() {
  const { t } = useTranslation();
  const reading = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>()?.checked ?? null;
  const lang = htmlLang[reading.shownLocale];
  const { slots } = reading.lesson;
  const parts = reading.lesson.parts ?? keptLessonBody(reading.lesson.bodyKey) ?? lessonBodyInPage(slots.length + 1);
  return (
    <article className="mx-auto max-w-[68ch]" lang={lang}>
      <p className="text-sm">
        <Link to={`/courses/${reading.courseKey}`} className="text-blue-800 underline">
          {reading.courseTitle}
        </Link>
      </p>
      <LessonSavedNotice />
      <LessonHeading
        position={reading.position}
        lessonCount={reading.lessonCount}
        completedCount={reading.completedCount}
        title={reading.lesson.title}
        minutes={reading.lesson.minutes}
      />
      <LessonBody parts={parts} slots={slots} activities={reading.activities} posted={posted} lang={lang} />
      <div className="mt-8 rounded border border-slate-300 bg-white p-4">
        {reading.lesson.complete ? (
          <p role="status" className="font-semibold text-green-800">
            ✓ {t("lesson.isComplete")}
          </p>
        ) : (
          <Form method="post">
            <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white">
              {t("lesson.markComplete")}
            </button>
          </Form>
        )}
      </div>
      <LessonNavigation
        previous={reading.previous}
        next={reading.next}
        hasQuiz={reading.hasQuiz}
        hrefOf={(position) => positionHref(reading.courseKey, position)}
      />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.lesson.title} · ${loaded.courseTitle} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
