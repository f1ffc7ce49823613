import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { activityFormLimits, isActivityPost, readActivityPost } from "~/activities/answer-form.ts";
import { PreviewFrame, previewHref } from "~/authoring/preview-frame.tsx";
import { previewCheck, previewLesson, previewState, requirePreview } from "~/authoring/preview.server.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { LessonBody, LessonHeading, LessonNavigation } from "~/learning/lesson-view.tsx";
import { AuthorNav } from "~/ui/author-nav.tsx";

/** A lesson of the draft as a learner would read it: reads only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const preview = await requirePreview(request, params.course ?? "");
  const reading = preview.course ? previewLesson(preview, preview.course, params.lesson ?? "") : null;
  if (!reading) throw notFound();
  return { state: previewState(preview), ...reading };
}

/** A practice activity's check: by the learners' rule, with its feedback, and nothing saved. */
export async function action({ request, params }: ActionFunctionArgs) {
  const preview = await requirePreview(request, params.course ?? "");
  const form = await readForm(request, activityFormLimits);
  const post = isActivityPost(form) ? readActivityPost(form) : null;
  if (!post || !preview.course) return data({ checked: null }, { status: 400 });
  const checked = previewCheck(preview, preview.course, params.lesson ?? "", post);
  if (!checked) throw notFound();
  return data({ checked }, { status: checked.status === "invalid" ? 400 : 200 });
}

/** A check through a fetcher changes only that activity, which shows the response itself. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.has("activity") ? false : defaultShouldRevalidate;

export default function PreviewLessonPage() {
  const { t } = useTranslation();
  const reading = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>()?.checked ?? null;
  const { state, lesson } = reading;
  const lang = htmlLang[state.shownLocale];
  return (
    <div className="max-w-3xl">
      <AuthorNav courseKey={state.courseKey} courseTitle={reading.courseTitle} current="preview" />
      <PreviewFrame preview={state}>
        <article className="mx-auto max-w-[68ch]" lang={lang}>
          <p className="text-sm">
            <Link to={previewHref(state.courseKey, state.wanted)} className="text-blue-800 underline">
              {reading.courseTitle}
            </Link>
          </p>
          <LessonHeading
            position={reading.position}
            lessonCount={reading.lessonCount}
            completedCount={0}
            title={lesson.title}
            minutes={lesson.minutes}
          />
          <LessonBody
            parts={lesson.parts}
            slots={lesson.slots}
            activities={reading.activities}
            posted={posted}
            lang={lang}
            keepsAnswers={false}
          />
          <div className="mt-8 rounded border border-slate-300 bg-white p-4">
            <p className="text-sm text-slate-700">{t("authoring.preview.completeHere")}</p>
          </div>
          <LessonNavigation
            previous={reading.previous}
            next={reading.next}
            hasQuiz={reading.hasQuiz}
            hrefOf={(position) => previewHref(state.courseKey, state.wanted, position)}
          />
        </article>
      </PreviewFrame>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.lesson.title} · ${loaded.courseTitle} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
