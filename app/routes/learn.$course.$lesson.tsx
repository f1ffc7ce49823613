import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Fragment } from "react";
import { activityFormLimits, isActivityPost, readActivityPost } from "~/activities/answer-form.ts";
import { PracticeActivity } from "~/activities/practice-activity.tsx";
import { requireUser } from "~/auth/guards.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { checkLessonActivity, lessonForReading, markLessonComplete } from "~/learning/enrollments.server.ts";
import { afterCompletionHref, positionHref } from "~/learning/progress.ts";
import { LessonSavedNotice } from "~/learning/lesson-saved.tsx";
import { keepLessonBody, keptLessonBody, LESSON_BODY_ID, lessonBodyInPage, lessonPartId } from "~/learning/lesson-body.ts";
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
  const percent = Math.round((reading.completedCount * 100) / reading.lessonCount);
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
      <p className="mt-2 text-sm text-slate-700">
        {t("lesson.position", { position: reading.position, count: reading.lessonCount })}
      </p>
      <progress
        className="mt-1 h-2 w-full"
        max={100}
        value={percent}
        aria-label={t("lesson.progressLabel", { done: reading.completedCount, count: reading.lessonCount })}
      />
      <h1 className="mt-4 text-2xl font-bold leading-tight sm:text-3xl">{reading.lesson.title}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lesson.minutes", { minutes: reading.lesson.minutes })}</p>
      <div id={LESSON_BODY_ID} className="mt-6">
        {parts.map((html, index) => {
          const activity = reading.activities.find((candidate) => candidate.view.key === slots[index]);
          return (
            <Fragment key={index}>
              {/* Rendered from Markdown and sanitised once, at import (app/courses/markdown.server.ts). */}
              <div id={lessonPartId(index)} className="prose-lesson" dangerouslySetInnerHTML={{ __html: html }} />
              {activity ? <PracticeActivity activity={activity} posted={posted?.activityKey === activity.view.key ? posted : null} lang={lang} /> : null}
            </Fragment>
          );
        })}
      </div>
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
      <nav aria-label={t("lesson.navigation")} className="mt-6 flex flex-col gap-3 sm:flex-row sm:justify-between">
        {reading.previous ? (
          <Link to={positionHref(reading.courseKey, reading.previous.key)} className="text-blue-800 underline">
            ← {t("lesson.previous", { title: reading.previous.title })}
          </Link>
        ) : (
          <span />
        )}
        {reading.next ? (
          <Link to={positionHref(reading.courseKey, reading.next.key)} className="text-blue-800 underline">
            {t("lesson.next", { title: reading.next.title })} →
          </Link>
        ) : reading.hasQuiz ? (
          <Link to={positionHref(reading.courseKey, "quiz")} className="text-blue-800 underline">
            {t("course.goToQuiz")} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.lesson.title} · ${loaded.courseTitle} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
