import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PreviewFrame, previewHref } from "~/authoring/preview-frame.tsx";
import { previewOverview, previewState, requirePreview } from "~/authoring/preview.server.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { CourseOverview } from "~/learning/course-overview.tsx";
import { AuthorNav } from "~/ui/author-nav.tsx";

/** The draft's course page as a learner would see it: reads only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const preview = await requirePreview(request, params.course ?? "");
  return {
    state: previewState(preview),
    course: preview.course ? previewOverview(preview, preview.course) : null,
    firstLesson: preview.course?.lessons[0]?.key ?? null,
  };
}

export default function PreviewOverviewPage() {
  const { t } = useTranslation();
  const { state, course, firstLesson } = useLoaderData<typeof loader>();
  const { courseKey, wanted } = state;
  return (
    <div className="max-w-3xl">
      <AuthorNav courseKey={courseKey} courseTitle={course?.title ?? courseKey} current="preview" />
      <PreviewFrame preview={state}>
        {course ? (
          <article>
            <CourseOverview
              course={course}
              readerLocale={wanted}
              lessonHref={(key) => previewHref(courseKey, wanted, key)}
              quizHref={previewHref(courseKey, wanted, "quiz")}
            >
              <div className="mt-5 rounded border border-slate-300 bg-white p-4">
                <p className="text-sm text-slate-700">{t("authoring.preview.enrolHere")}</p>
                {firstLesson ? (
                  <p className="mt-3">
                    <Link
                      to={previewHref(courseKey, wanted, firstLesson)}
                      className="inline-block rounded bg-blue-800 px-4 py-2 font-semibold text-white no-underline"
                    >
                      {t("authoring.preview.start")}
                    </Link>
                  </p>
                ) : null}
              </div>
            </CourseOverview>
          </article>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t("authoring.nav.preview")}</h1>
            <p className="mt-3">{t("authoring.preview.unreadable")}</p>
          </>
        )}
      </PreviewFrame>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course?.title ?? data.state.courseKey} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
