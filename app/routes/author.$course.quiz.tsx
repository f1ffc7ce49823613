import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { languageName } from "~/authoring/language-names.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { moveQuestion, removeQuestion, withSettings, type QuizSettings } from "~/authoring/quiz-editor.ts";
import { isAt, isUnder, NEW_QUESTION, questionTypes } from "~/authoring/quiz-form.ts";
import { courseTitle, editedLanguage, quizProblems, readQuizDraft, saveQuiz } from "~/authoring/quiz-page.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { translateMaybe, type Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { ProblemNotes, type ShownProblem } from "~/ui/checker-notes.tsx";
import { ErrorSummary, SubmitButton } from "~/ui/form.tsx";
import { QuizEditHeader } from "~/ui/quiz-edit-header.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.quiz.title");

const wholeNumber = (message: MessageKey, min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
const optionalWholeNumber = (message: MessageKey, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(wholeNumber(message, min, max).optional());

const revision = z.coerce.number().int().min(0);
const settingsSchema = z.object({
  intent: z.literal("settings"),
  revision,
  passMark: wholeNumber("authoring.quiz.error.passMark", 1, 100),
  attemptLimit: optionalWholeNumber("authoring.quiz.error.attemptLimit", 1, 100),
  cooldownMinutes: wholeNumber("authoring.quiz.error.cooldown", 0, 525_600),
  timeLimitMinutes: optionalWholeNumber("authoring.quiz.error.timeLimit", 1, 600),
  draw: wholeNumber("authoring.quiz.error.draw", 1, 1000),
  mode: z.enum(["exam", "practice"], "authoring.quiz.error.mode"),
});
const questionActionSchema = z.object({
  intent: z.enum(["up", "down", "remove"]),
  revision,
  question: z.string().min(1).max(100),
  lang: z.string().max(5).optional(),
});
const actionSchema = z.discriminatedUnion("intent", [settingsSchema, questionActionSchema]);
const formLimits: FormLimits = { maxFields: 12, maxBytes: 4096 };

const settingFields = ["passMark", "attemptLimit", "cooldownMinutes", "timeLimitMinutes", "draw", "mode"] as const;
type SettingField = (typeof settingFields)[number];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const quizDraft = await readQuizDraft(scope, params.course ?? "");
  const lang = editedLanguage(quizDraft, new URL(request.url).searchParams.get("lang"));
  const { quiz } = quizDraft.model;
  const problems: ShownProblem[] = quizProblems(quizDraft.draft);
  return {
    courseKey: quizDraft.draft.courseKey,
    courseTitle: courseTitle(quizDraft, user.locale),
    revision: quizDraft.draft.revision,
    sourceLocale: quizDraft.sourceLocale,
    languages: quizDraft.languages,
    lang,
    settings: quiz.settings,
    questions: quiz.questions.map((question) => ({ key: question.key, type: question.type, text: question.text[lang] ?? null })),
    problems,
  };
}

function settingsLines(settings: Partial<Record<SettingField, string | number | undefined>>, t: Translate): string {
  return settingFields.map((field) => `${t(`authoring.quiz.settings.${field}`)}: ${settings[field] ?? "—"}`).join("\n");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const form = parseForm(actionSchema, await readForm(request, formLimits));
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values, stale: null }, { status: 400 });
  const quizDraft = await readQuizDraft(scope, params.course ?? "");
  const { quiz } = quizDraft.model;
  const input = form.data;
  const base = authorCoursePath(quizDraft.draft.courseKey, "quiz");
  if (input.intent === "settings") {
    const settings: QuizSettings = { ...input };
    const saved = await saveQuiz(scope, quizDraft, input.revision, withSettings(quiz, settings));
    if (saved.ok) return redirect(`${base}?saved=settings`);
    if (saved.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
    const mine = Object.fromEntries(settingFields.map((field) => [field, input[field]]));
    return data(
      {
        fieldErrors: {},
        values: {
          ...Object.fromEntries(settingFields.map((field) => [field, String(input[field] ?? "")])),
          revision: String(saved.revision),
        },
        stale: { mine, saved: quiz.settings, revision: saved.revision },
      },
      { status: 409 },
    );
  }
  const change =
    input.intent === "remove"
      ? removeQuestion(quiz, input.question)
      : moveQuestion(quiz, input.question, input.intent === "up" ? -1 : 1);
  const lang = editedLanguage(quizDraft, input.lang);
  const back = lang === quizDraft.sourceLocale ? base : `${base}?lang=${lang}`;
  if (!change.ok) return redirect(back);
  const saved = await saveQuiz(scope, quizDraft, input.revision, change.quiz);
  if (saved.ok) return redirect(`${back}${back.includes("?") ? "&" : "?"}saved=${input.intent}#questions`);
  if (saved.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
  return data({ fieldErrors: {}, values: {}, stale: { mine: null, saved: null, revision: saved.revision } }, { status: 409 });
}

function Problems({ id, problems }: { id: string; problems: readonly ShownProblem[] }) {
  return <ProblemNotes id={id} problems={problems} />;
}

function NumberSetting({
  name,
  label,
  hint,
  defaultValue,
  errors,
  problems,
  required,
  min,
  max,
}: {
  name: SettingField;
  label: string;
  hint: string;
  defaultValue: string;
  errors: FieldErrors;
  problems: readonly ShownProblem[];
  required: boolean;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  const error = errors[name];
  const described = [`${name}-hint`, error ? `${name}-error` : null, problems.length > 0 ? `${name}-problems` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error || problems.some((problem) => problem.severity === "error") ? true : undefined}
        aria-describedby={described}
        className="mt-1 block w-full max-w-xs rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
      />
      <p id={`${name}-hint`} className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {translateMaybe(t, error)}
        </p>
      ) : null}
      <Problems id={`${name}-problems`} problems={problems} />
    </div>
  );
}

export default function QuizPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = actionData ? null : searchParams.get("saved");
  const revision = actionData?.stale?.revision ?? page.revision;
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const settingValue = (field: SettingField) => values[field] ?? String(page.settings[field] ?? "");
  const at = (path: (string | number)[]) => page.problems.filter((problem) => isAt(problem.path, path));
  const placed = (problem: ShownProblem) =>
    settingFields.some((field) => isAt(problem.path, ["settings", field])) ||
    page.questions.some((_, index) => isUnder(problem.path, ["questions", index]));
  const unplaced = page.problems.filter((problem) => !placed(problem));
  const isSource = page.lang === page.sourceLocale;
  const langQuery = isSource ? "" : `?lang=${page.lang}`;
  const questionPath = (key: string) => `${authorCoursePath(page.courseKey, "quiz")}/${key}${langQuery}`;
  const settingLabels = Object.fromEntries(settingFields.map((field) => [field, t(`authoring.quiz.settings.${field}`)]));
  return (
    <div>
      <AuthorNav courseKey={page.courseKey} courseTitle={page.courseTitle} current="quiz" />
      <h1 className="mb-2 text-2xl font-bold">{t("authoring.quiz.title")}</h1>
      <p className="mb-4 max-w-prose">{t("authoring.quiz.intro")}</p>
      <p className="mb-4">
        <Link to={authorCoursePath(page.courseKey, "analysis")} className="text-blue-800 underline">
          {t("analysis.editorLink")}
        </Link>
      </p>
      <QuizEditHeader
        saved={Boolean(saved)}
        problems={page.problems}
        stale={
          actionData?.stale
            ? actionData.stale.mine && actionData.stale.saved
              ? [
                  {
                    label: t("authoring.quiz.settings.title"),
                    mine: settingsLines(actionData.stale.mine, t),
                    saved: settingsLines(actionData.stale.saved, t),
                  },
                ]
              : []
            : null
        }
        language={{
          languages: page.languages,
          sourceLocale: page.sourceLocale,
          lang: page.lang,
          path: authorCoursePath(page.courseKey, "quiz"),
        }}
        unplaced={unplaced}
        unplacedId="quiz-problems"
        place="file"
      />

      <section aria-labelledby="settings" className="mb-8 rounded border border-slate-300 bg-white p-4">
        <h2 id="settings" className="mb-3 text-xl font-semibold">
          {t("authoring.quiz.settings.title")}
        </h2>
        <ErrorSummary errors={errors} labels={settingLabels} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <input type="hidden" name="revision" value={revision} />
          <div className="grid gap-x-6 md:grid-cols-2">
            <NumberSetting
              name="passMark"
              label={settingLabels.passMark!}
              hint={t("authoring.quiz.settings.passMarkHint")}
              defaultValue={settingValue("passMark")}
              errors={errors}
              problems={at(["settings", "passMark"])}
              required
              min={1}
              max={100}
            />
            <NumberSetting
              name="draw"
              label={settingLabels.draw!}
              hint={t("authoring.quiz.settings.drawHint", { count: page.questions.length })}
              defaultValue={settingValue("draw")}
              errors={errors}
              problems={at(["settings", "draw"])}
              required
              min={1}
              max={1000}
            />
            <NumberSetting
              name="attemptLimit"
              label={settingLabels.attemptLimit!}
              hint={t("authoring.quiz.settings.attemptLimitHint")}
              defaultValue={settingValue("attemptLimit")}
              errors={errors}
              problems={at(["settings", "attemptLimit"])}
              required={false}
              min={1}
              max={100}
            />
            <NumberSetting
              name="cooldownMinutes"
              label={settingLabels.cooldownMinutes!}
              hint={t("authoring.quiz.settings.cooldownMinutesHint")}
              defaultValue={settingValue("cooldownMinutes")}
              errors={errors}
              problems={at(["settings", "cooldownMinutes"])}
              required
              min={0}
              max={525_600}
            />
            <NumberSetting
              name="timeLimitMinutes"
              label={settingLabels.timeLimitMinutes!}
              hint={t("authoring.quiz.settings.timeLimitMinutesHint")}
              defaultValue={settingValue("timeLimitMinutes")}
              errors={errors}
              problems={at(["settings", "timeLimitMinutes"])}
              required={false}
              min={1}
              max={600}
            />
            <fieldset className="mb-4" aria-describedby={errors.mode ? "mode-error" : undefined}>
              <legend className="font-medium">{settingLabels.mode}</legend>
              {(["exam", "practice"] as const).map((mode) => (
                <div key={mode} className="mt-1 flex items-start gap-2">
                  <input
                    id={`mode-${mode}`}
                    type="radio"
                    name="mode"
                    value={mode}
                    defaultChecked={settingValue("mode") === mode}
                    className="mt-1 h-5 w-5"
                  />
                  <label htmlFor={`mode-${mode}`}>
                    <span className="font-medium">{t(`authoring.quiz.mode.${mode}`)}</span>
                    <span className="block text-sm text-slate-600">{t(`authoring.quiz.mode.${mode}Hint`)}</span>
                  </label>
                </div>
              ))}
              {errors.mode ? (
                <p id="mode-error" className="mt-1 text-sm font-medium text-red-700">
                  {translateMaybe(t, errors.mode)}
                </p>
              ) : null}
            </fieldset>
          </div>
          <SubmitButton>{t("authoring.quiz.settings.save")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="questions" className="mb-8">
        <h2 id="questions" className="mb-3 text-xl font-semibold">
          {t("authoring.quiz.questions.title", { count: page.questions.length })}
        </h2>
        {page.questions.length === 0 ? <p className="mb-4">{t("authoring.quiz.questions.none")}</p> : null}
        <ol className="space-y-4">
          {page.questions.map((question, index) => {
            const problems = page.problems.filter((problem) => isUnder(problem.path, ["questions", index]));
            return (
              <li key={question.key} className="rounded border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  {t("authoring.quiz.questions.number", { number: index + 1 })} · {t(`authoring.quiz.type.${question.type}`)}
                </h3>
                {question.text ? (
                  <p className="mt-1 break-words" lang={htmlLang[page.lang]}>
                    {question.text}
                  </p>
                ) : (
                  <p className="mt-1 italic">{t("authoring.quiz.questions.noText")}</p>
                )}
                <ProblemNotes problems={problems} />
                <div className="mt-3 flex flex-wrap items-center gap-3">
                  <Link to={questionPath(question.key)} className="font-medium text-blue-800 underline">
                    {t(isSource ? "authoring.quiz.questions.edit" : "authoring.quiz.questions.translate", { number: index + 1 })}
                  </Link>
                  <QuestionButton
                    intent="up"
                    questionKey={question.key}
                    revision={revision}
                    lang={page.lang}
                    disabled={index === 0}
                    number={index + 1}
                  />
                  <QuestionButton
                    intent="down"
                    questionKey={question.key}
                    revision={revision}
                    lang={page.lang}
                    disabled={index === page.questions.length - 1}
                    number={index + 1}
                  />
                  <QuestionButton
                    intent="remove"
                    questionKey={question.key}
                    revision={revision}
                    lang={page.lang}
                    disabled={false}
                    number={index + 1}
                  />
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="add-question" className="mb-8">
        <h2 id="add-question" className="mb-2 text-xl font-semibold">
          {t("authoring.quiz.add.title")}
        </h2>
        <p className="mb-2">{t("authoring.quiz.add.intro", { language: languageName(t, page.sourceLocale) })}</p>
        <ul className="list-disc space-y-1 pl-5">
          {questionTypes.map((type) => (
            <li key={type}>
              <Link
                to={`${authorCoursePath(page.courseKey, "quiz")}/${NEW_QUESTION}?type=${type}`}
                className="text-blue-800 underline"
              >
                {t(`authoring.quiz.add.${type}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function QuestionButton({
  intent,
  questionKey,
  revision,
  lang,
  disabled,
  number,
}: {
  intent: "up" | "down" | "remove";
  questionKey: string;
  revision: number;
  lang: Locale;
  disabled: boolean;
  number: number;
}) {
  const { t } = useTranslation();
  if (disabled) return null;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="question" value={questionKey} />
      <input type="hidden" name="lang" value={lang} />
      <button
        type="submit"
        className={`rounded border px-3 py-1 text-sm font-medium ${intent === "remove" ? "border-red-700 text-red-800" : "border-slate-500 text-slate-900"}`}
      >
        {t(`authoring.quiz.questions.${intent}`, { number })}
      </button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
