import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PreviewFrame, previewHref } from "~/authoring/preview-frame.tsx";
import { previewQuizLimits, answerField } from "~/authoring/preview-quiz.ts";
import { previewGrade, previewQuiz, previewState, requirePreview } from "~/authoring/preview.server.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { QuestionChoices, QuizResultQuestions, QuizResultSummary, QuizRules } from "~/quiz/question-views.tsx";
import { AuthorNav } from "~/ui/author-nav.tsx";

/** The draft's quiz: the whole pool, in order, without the answer key. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const preview = await requirePreview(request, params.course ?? "");
  if (!preview.course) throw notFound();
  return { state: previewState(preview), ...previewQuiz(preview, preview.course) };
}

/** Grades the answers in memory, by the quiz's grading function: no attempt, no certificate. */
export async function action({ request, params }: ActionFunctionArgs) {
  const preview = await requirePreview(request, params.course ?? "");
  if (!preview.course) throw notFound();
  return { graded: previewGrade(preview, preview.course, await readForm(request, previewQuizLimits)) };
}

export default function PreviewQuizPage() {
  const { t } = useTranslation();
  const quiz = useLoaderData<typeof loader>();
  const graded = useActionData<typeof action>()?.graded ?? null;
  const { state } = quiz;
  const lang = htmlLang[state.shownLocale];
  const here = previewHref(state.courseKey, state.wanted, "quiz");
  return (
    <div className="max-w-3xl">
      <AuthorNav courseKey={state.courseKey} courseTitle={quiz.courseTitle} current="preview" />
      <PreviewFrame preview={state}>
        <p className="text-sm">
          <Link to={previewHref(state.courseKey, state.wanted)} className="text-blue-800 underline">
            {quiz.courseTitle}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{t("quiz.title", { course: quiz.courseTitle })}</h1>
        <QuizRules settings={quiz.settings} />
        {graded ? (
          <>
            <QuizResultSummary result={graded.result} />
            <p className="mt-3">
              <Link to={here} className="text-blue-800 underline">
                {t("authoring.preview.again")}
              </Link>
            </p>
            <QuizResultQuestions questions={graded.questions} lang={lang} />
          </>
        ) : quiz.questions.length === 0 ? (
          <p className="mt-4">{t("authoring.preview.noQuestions")}</p>
        ) : (
          <>
            <p className="mt-4 text-sm text-slate-700">
              {t("authoring.preview.quizPool", { count: quiz.questions.length })}{" "}
              {t("authoring.preview.quizDraw", { count: quiz.settings.draw })}
            </p>
            <Form method="post" action={here} className="mt-4">
              <ol className="space-y-4">
                {quiz.questions.map((question) => (
                  <li key={question.key}>
                    <fieldset className="rounded border border-slate-300 bg-white p-4">
                      <QuestionChoices
                        question={question}
                        chosen={[]}
                        locked={false}
                        lang={lang}
                        name={answerField(question.key)}
                      />
                    </fieldset>
                  </li>
                ))}
              </ol>
              <button type="submit" className="mt-4 rounded bg-blue-800 px-4 py-2 font-semibold text-white">
                {t("authoring.preview.grade")}
              </button>
            </Form>
          </>
        )}
      </PreviewFrame>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.courseTitle} · Aula IA` : "Aula IA" },
];

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
