import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { languageName } from "~/authoring/language-names.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import {
  addQuestion,
  draftFromPosted,
  editQuestion,
  emptyQuestionDraft,
  questionDraftOf,
  questionErrors,
} from "~/authoring/quiz-editor.ts";
import {
  isAt,
  isUnder,
  NEW_QUESTION,
  questionLines,
  questionTypes,
  type QuestionDraft,
  type QuestionType,
} from "~/authoring/quiz-form.ts";
import { courseTitle, editedLanguage, quizProblems, readQuizDraft, saveQuiz } from "~/authoring/quiz-page.server.ts";
import { MAX_OPTIONS } from "~/courses/format.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { translateMaybe, type Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { ProblemNotes, type ShownProblem } from "~/ui/checker-notes.tsx";
import { ErrorSummary, SubmitButton } from "~/ui/form.tsx";
import { QuizEditHeader } from "~/ui/quiz-edit-header.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.quiz.question.title");

const rows = MAX_OPTIONS + 1;
const questionSchema = z.object({
  revision: z.coerce.number().int().min(0),
  lang: z.string().max(5),
  type: z.enum(questionTypes),
  text: z.string().max(2000, "authoring.quiz.error.tooLong").default(""),
  explanation: z.string().max(4000, "authoring.quiz.error.tooLong").default(""),
  optionKey: z.array(z.string().max(60)).max(rows),
  optionText: z.array(z.string().max(500, "authoring.quiz.error.tooLong")).max(rows),
  correct: z.array(z.string().max(60)).max(rows),
  removeOption: z.array(z.string().max(60)).max(rows),
  answer: z.enum(["true", "false"]).optional(),
});
const formLimits: FormLimits = { maxFields: 8 + 4 * rows, maxBytes: 64 * 1024 };

function typeAsked(value: string | null): QuestionType {
  return questionTypes.find((type) => type === value) ?? "single";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const quizDraft = await readQuizDraft(scope, params.course ?? "");
  const search = new URL(request.url).searchParams;
  const isNew = params.question === NEW_QUESTION;
  const index = quizDraft.model.quiz.questions.findIndex((question) => question.key === params.question);
  const question = quizDraft.model.quiz.questions[index];
  if (!isNew && !question) throw new Response(null, { status: 404 });
  // A new question is written in the source language first.
  const lang = isNew ? quizDraft.sourceLocale : editedLanguage(quizDraft, search.get("lang"));
  const problems: ShownProblem[] = isNew
    ? []
    : quizProblems(quizDraft.draft).filter((problem) => isUnder(problem.path, ["questions", index]));
  return {
    courseKey: quizDraft.draft.courseKey,
    courseTitle: courseTitle(quizDraft, user.locale),
    revision: quizDraft.draft.revision,
    sourceLocale: quizDraft.sourceLocale,
    languages: quizDraft.languages,
    lang,
    questionKey: isNew ? NEW_QUESTION : question!.key,
    number: isNew ? quizDraft.model.quiz.questions.length + 1 : index + 1,
    question: question ? questionDraftOf(question, lang) : emptyQuestionDraft(typeAsked(search.get("type"))),
    source: question && lang !== quizDraft.sourceLocale ? questionDraftOf(question, quizDraft.sourceLocale) : null,
    problems,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const form = parseForm(questionSchema, await readForm(request, formLimits));
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: null, stale: null }, { status: 400 });
  const quizDraft = await readQuizDraft(scope, params.course ?? "");
  const key = params.question ?? "";
  const isNew = key === NEW_QUESTION;
  const lang = isNew ? quizDraft.sourceLocale : editedLanguage(quizDraft, form.data.lang);
  const isSource = lang === quizDraft.sourceLocale;
  const posted = draftFromPosted(form.data);
  const refused: FieldErrors = questionErrors(posted, isSource);
  if (Object.keys(refused).length > 0) return data({ fieldErrors: refused, values: posted, stale: null }, { status: 400 });
  const { quiz } = quizDraft.model;
  const change = isNew ? addQuestion(quiz, posted, lang) : editQuestion(quiz, key, posted, lang, quizDraft.sourceLocale);
  if (!change.ok) {
    if (change.problem === "authoring.quiz.error.noSuchQuestion") throw new Response(null, { status: 404 });
    return data({ fieldErrors: { type: change.problem }, values: posted, stale: null }, { status: 400 });
  }
  const saved = await saveQuiz(scope, quizDraft, form.data.revision, change.quiz);
  const langQuery = isSource ? "" : `lang=${lang}&`;
  if (saved.ok) return redirect(`${authorCoursePath(quizDraft.draft.courseKey, "quiz")}/${change.key}?${langQuery}saved=1`);
  if (saved.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
  // Someone saved meanwhile: nothing was written. The author's values stay in the form, beside the saved question.
  const mine = change.quiz.questions.find((question) => question.key === change.key)!;
  const current = quiz.questions.find((question) => question.key === key);
  return data(
    {
      fieldErrors: {},
      values: posted,
      stale: {
        revision: saved.revision,
        mine: questionDraftOf(mine, lang),
        saved: current ? questionDraftOf(current, lang) : null,
      },
    },
    { status: 409 },
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

function described(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(" ") : undefined;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {translateMaybe(t, error)}
    </p>
  );
}

/** The source language's text, read-only, beside a translation's field. */
function SourceText({ id, label, text, locale }: { id: string; label: string; text: string | undefined; locale: Locale }) {
  if (text === undefined) return null;
  return (
    <div className="mt-1 rounded border border-dashed border-slate-400 bg-slate-50 p-2 text-sm">
      <p id={id} className="font-medium">
        {label}
      </p>
      <p className="whitespace-pre-wrap break-words" lang={htmlLang[locale]}>
        {text}
      </p>
    </div>
  );
}

interface TextAreaProps {
  name: "text" | "explanation";
  label: string;
  defaultValue: string;
  errors: FieldErrors;
  problems: readonly ShownProblem[];
  source?: string;
  sourceLabel: string;
  page: { lang: Locale; sourceLocale: Locale };
  hint?: string;
}

function LongText({ name, label, defaultValue, errors, problems, source, sourceLabel, page, hint }: TextAreaProps) {
  const error = errors[name];
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <SourceText id={`${name}-source`} label={sourceLabel} text={source} locale={page.sourceLocale} />
      <textarea
        id={name}
        name={name}
        rows={name === "text" ? 3 : 4}
        lang={htmlLang[page.lang]}
        defaultValue={defaultValue}
        aria-invalid={error || problems.some((problem) => problem.severity === "error") ? true : undefined}
        aria-describedby={described(
          hint && `${name}-hint`,
          source !== undefined && `${name}-source`,
          error && `${name}-error`,
          problems.length > 0 && `${name}-problems`,
        )}
        className={inputClass}
      />
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${name}-error`} error={error} />
      <ProblemNotes id={`${name}-problems`} problems={problems} />
    </div>
  );
}

function staleText(question: QuestionDraft | null, t: Translate): string {
  if (!question) return t("authoring.quiz.question.removedMeanwhile");
  return questionLines(question, {
    correct: "✔",
    answer: (value) =>
      t("authoring.quiz.question.answerIs", { answer: t(value ? "authoring.quiz.true" : "authoring.quiz.false") }),
  });
}

export default function QuestionPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = !actionData && searchParams.get("saved") === "1";
  const revision = actionData?.stale?.revision ?? page.revision;
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const question: QuestionDraft = actionData?.values ?? page.question;
  const isSource = page.lang === page.sourceLocale;
  const isNew = page.questionKey === NEW_QUESTION;
  const source = page.source;
  const sourceLabel = t("authoring.quiz.question.sourceText", { language: languageName(t, page.sourceLocale) });
  const at = (...path: (string | number)[]) => page.problems.filter((problem) => isAt(problem.path?.slice(2), path));
  const placedPaths = [
    ["text"],
    ["explanation"],
    ["options"],
    ["correct"],
    ...question.options.map((_, row) => ["options", row, "text"]),
  ];
  const unplaced = page.problems.filter((problem) => !placedPaths.some((path) => isAt(problem.path?.slice(2), path)));
  // Options: every saved one, then (in the source language, below the limit) one empty row for a new one.
  const optionRows =
    isSource && question.type !== "true-false" && question.options.length < MAX_OPTIONS
      ? [...question.options, { key: "", text: "", correct: false }]
      : question.options;
  const quizPath = authorCoursePath(page.courseKey, "quiz");
  const labels: Record<string, string> = {
    text: t("authoring.quiz.question.text"),
    options: t("authoring.quiz.question.options"),
    answer: t("authoring.quiz.question.answer"),
    explanation: t("authoring.quiz.question.explanation"),
    type: t("authoring.quiz.question.type"),
  };
  optionRows.forEach((_, row) => (labels[`option-${row}`] = t("authoring.quiz.question.option", { number: row + 1 })));
  const heading = isNew
    ? t("authoring.quiz.question.newTitle", { type: t(`authoring.quiz.type.${question.type}`) })
    : t("authoring.quiz.question.heading", { number: page.number });
  return (
    <div>
      <AuthorNav courseKey={page.courseKey} courseTitle={page.courseTitle} current="quiz" />
      <p className="mb-2 text-sm">
        <Link to={isSource ? quizPath : `${quizPath}?lang=${page.lang}`} className="text-blue-800 underline">
          {t("authoring.quiz.question.back")}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{heading}</h1>
      <QuizEditHeader
        saved={saved}
        problems={page.problems}
        stale={
          actionData?.stale
            ? [{ label: heading, mine: staleText(actionData.stale.mine, t), saved: staleText(actionData.stale.saved, t) }]
            : null
        }
        language={
          isNew
            ? null
            : {
                languages: page.languages,
                sourceLocale: page.sourceLocale,
                lang: page.lang,
                path: `${quizPath}/${page.questionKey}`,
              }
        }
        unplaced={unplaced}
        unplacedId="question-problems"
        place="none"
      >
        <ErrorSummary errors={errors} labels={labels} />
      </QuizEditHeader>
      <Form method="post" noValidate className="rounded border border-slate-300 bg-white p-4">
        <input type="hidden" name="revision" value={revision} />
        <input type="hidden" name="lang" value={page.lang} />
        {isSource && question.type !== "true-false" ? (
          <div className="mb-4">
            <label htmlFor="type" className="block font-medium">
              {labels.type}
            </label>
            <select
              id="type"
              name="type"
              defaultValue={question.type}
              aria-describedby={described("type-hint", errors.type && "type-error")}
              className={inputClass}
            >
              <option value="single">{t("authoring.quiz.type.single")}</option>
              <option value="multiple">{t("authoring.quiz.type.multiple")}</option>
            </select>
            <p id="type-hint" className="mt-1 text-sm text-slate-600">
              {t("authoring.quiz.question.typeHint")}
            </p>
            <ErrorText id="type-error" error={errors.type} />
          </div>
        ) : (
          <input type="hidden" name="type" value={question.type} />
        )}
        <LongText
          name="text"
          label={labels.text!}
          defaultValue={question.text}
          errors={errors}
          problems={at("text")}
          source={source?.text}
          sourceLabel={sourceLabel}
          page={page}
        />

        {question.type === "true-false" ? (
          isSource ? (
            <fieldset className="mb-4" aria-describedby={described(errors.answer && "answer-error")}>
              <legend className="font-medium">{labels.answer}</legend>
              {(["true", "false"] as const).map((value) => (
                <div key={value} className="mt-1 flex items-start gap-2">
                  <input
                    id={`answer-${value}`}
                    type="radio"
                    name="answer"
                    value={value}
                    defaultChecked={question.answer === (value === "true")}
                    className="mt-1 h-5 w-5"
                  />
                  <label htmlFor={`answer-${value}`}>{t(`authoring.quiz.${value}`)}</label>
                </div>
              ))}
              <ErrorText id="answer-error" error={errors.answer} />
            </fieldset>
          ) : null
        ) : (
          <fieldset
            className="mb-4"
            aria-describedby={described(
              "options-hint",
              errors.options && "options-error",
              at("options").length > 0 && "options-problems",
            )}
          >
            <legend id="options" className="font-medium">
              {labels.options}
            </legend>
            <p id="options-hint" className="mb-2 text-sm text-slate-600">
              {isSource
                ? t("authoring.quiz.question.optionsHint", { max: MAX_OPTIONS })
                : t("authoring.quiz.question.optionsTranslateHint")}
            </p>
            <ErrorText id="options-error" error={errors.options} />
            <ProblemNotes id="options-problems" problems={at("options")} />
            <ol className="space-y-3">
              {optionRows.map((option, row) => {
                const id = `option-${row}`;
                const error = errors[id];
                const problems = option.key === "" ? [] : at("options", row, "text");
                const isBlank = option.key === "" && row === optionRows.length - 1 && row >= question.options.length;
                const sourceOption = source?.options.find((candidate) => candidate.key === option.key);
                return (
                  <li key={`${option.key}-${row}`} className="rounded border border-slate-200 p-2">
                    <input type="hidden" name="optionKey" value={option.key} />
                    <label htmlFor={id} className="block font-medium">
                      {isBlank ? t("authoring.quiz.question.newOption") : labels[id]}
                    </label>
                    <SourceText id={`${id}-source`} label={sourceLabel} text={sourceOption?.text} locale={page.sourceLocale} />
                    <input
                      id={id}
                      name="optionText"
                      type="text"
                      lang={htmlLang[page.lang]}
                      defaultValue={option.text}
                      aria-invalid={error || problems.some((problem) => problem.severity === "error") ? true : undefined}
                      aria-describedby={described(
                        sourceOption && `${id}-source`,
                        error && `${id}-error`,
                        problems.length > 0 && `${id}-problems`,
                      )}
                      className={inputClass}
                    />
                    <ErrorText id={`${id}-error`} error={error} />
                    <ProblemNotes id={`${id}-problems`} problems={problems} />
                    {isSource ? (
                      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                        <div className="flex items-start gap-2">
                          <input
                            id={`${id}-correct`}
                            type="checkbox"
                            name="correct"
                            value={option.key === "" ? `+${row}` : option.key}
                            defaultChecked={option.correct}
                            aria-describedby={at("correct").length > 0 ? "correct-problems" : undefined}
                            className="mt-1 h-5 w-5"
                          />
                          <label htmlFor={`${id}-correct`}>{t("authoring.quiz.question.correct", { number: row + 1 })}</label>
                        </div>
                        {option.key !== "" ? (
                          <div className="flex items-start gap-2">
                            <input
                              id={`${id}-remove`}
                              type="checkbox"
                              name="removeOption"
                              value={option.key}
                              className="mt-1 h-5 w-5"
                            />
                            <label htmlFor={`${id}-remove`}>
                              {t("authoring.quiz.question.removeOption", { number: row + 1 })}
                            </label>
                          </div>
                        ) : null}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
            <ProblemNotes id="correct-problems" problems={at("correct")} />
          </fieldset>
        )}

        <LongText
          name="explanation"
          label={labels.explanation!}
          hint={t("authoring.quiz.question.explanationHint")}
          defaultValue={question.explanation}
          errors={errors}
          problems={at("explanation")}
          source={source?.explanation}
          sourceLabel={sourceLabel}
          page={page}
        />
        <SubmitButton>{isNew ? t("authoring.quiz.question.add") : t("authoring.quiz.question.save")}</SubmitButton>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
