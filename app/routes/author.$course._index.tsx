import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { detailsPage, saveCourseChange, type CourseChange } from "~/authoring/course-details.server.ts";
import {
  addLessonSchema,
  detailsFields,
  detailsSchema,
  lessonActionSchema,
  recommendationNumbers,
} from "~/authoring/course-forms.ts";
import { readDraft } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { competencies, competencyLabelKey, levelLabelKey, levels } from "~/courses/competencies.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, locales, type Locale } from "~/i18n/locales.ts";
import { metaMessage } from "~/i18n/meta.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { CheckboxGroup, ErrorSummary, FormAlert, SelectField, SubmitButton, TextAreaField, TextField } from "~/ui/form.tsx";
import { StaleConflict, type StaleText } from "~/ui/stale-conflict.tsx";
import { languageName } from "~/authoring/language-names.ts";
import { LanguageChoice } from "~/ui/edit-language.tsx";

const formLimits: FormLimits = { maxFields: 40, maxBytes: 16 * 1024 };
const intentSchema = z.object({ intent: z.enum(["details", "addLesson", "moveLesson", "removeLesson"]) });
const notices = [
  "created",
  "copied",
  "saved",
  "lessonAdded",
  "lessonMoved",
  "lessonRemoved",
  "imported",
  "importedDraft",
] as const;

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => [
  { title: `${page?.title ?? ""} · ${metaMessage(matches, "authoring.nav.details")}` },
];

function notFound(): never {
  throw new Response(null, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const search = new URL(request.url).searchParams;
  const page = await detailsPage(scope, params.course ?? "", search.get("lang"), await getLocale(request));
  if (!page) notFound();
  const done = notices.find((notice) => notice === search.get("done")) ?? null;
  const removing = page.lessons.find((lesson) => lesson.key === search.get("remove")) ?? null;
  return { ...page, done, removing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const courseKey = params.course ?? "";
  const form = await readForm(request, formLimits);
  const draft = await readDraft(scope, courseKey);
  if (!draft) notFound();
  const intent = parseForm(intentSchema, form);
  if (!intent.ok) throw new Response(null, { status: 400 });
  let change: CourseChange;
  if (intent.data.intent === "details") {
    const parsed = parseForm(detailsSchema(draft.sourceLocale), form);
    if (!parsed.ok)
      return data(
        { fieldErrors: parsed.fieldErrors, values: parsed.values, lists: parsed.lists, stale: null, problem: null },
        { status: 400 },
      );
    const { revision, lang, ...fields } = parsed.data;
    change = { kind: "details", revision, locale: lang, texts: fields, settings: fields };
  } else if (intent.data.intent === "addLesson") {
    const parsed = parseForm(addLessonSchema, form);
    if (!parsed.ok)
      return data(
        { fieldErrors: parsed.fieldErrors, values: parsed.values, lists: parsed.lists, stale: null, problem: null },
        { status: 400 },
      );
    change = { kind: "addLesson", revision: parsed.data.revision, title: parsed.data.lessonTitle };
  } else {
    const parsed = parseForm(lessonActionSchema, form);
    if (!parsed.ok) throw new Response(null, { status: 400 });
    const { revision, lesson, direction } = parsed.data;
    change =
      intent.data.intent === "moveLesson"
        ? { kind: "moveLesson", revision, lesson, direction: direction ?? "up" }
        : { kind: "removeLesson", revision, lesson };
  }
  const outcome = await saveCourseChange(scope, draft, change);
  const values = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  if (outcome.ok) {
    const lang = change.kind === "details" && change.locale !== draft.sourceLocale ? `&lang=${change.locale}` : "";
    throw redirect(`${authorCoursePath(courseKey)}?done=${outcome.done}${lang}`);
  }
  const lists = {
    competencies: listOf(form, "competencies"),
    recommendations: listOf(form, "recommendations"),
    languages: listOf(form, "languages"),
  };
  if (outcome.problem === "authoring.problem.stale") {
    return data({ fieldErrors: undefined, values, lists, stale: outcome.texts, problem: outcome.problem }, { status: 409 });
  }
  const fieldErrors: FieldErrors | undefined = outcome.field ? { [outcome.field]: outcome.problem } : undefined;
  return data(
    { fieldErrors, values, lists, stale: null, problem: outcome.field ? null : outcome.problem },
    { status: outcome.status },
  );
}

function listOf(form: { entries(): Iterable<[string, unknown]> }, name: string): string[] {
  return [...form.entries()]
    .filter(([key, value]) => key === name && typeof value === "string")
    .map(([, value]) => value as string);
}

export default function CourseDetails() {
  const { t, formats } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lang = page.lang;
  const langName = languageName(t, lang);
  const sourceName = languageName(t, page.sourceLocale);
  const inSource = lang === page.sourceLocale;
  // After a refused save the form shows what the author sent; otherwise what is saved.
  const sent = actionData?.values?.intent === "details" ? actionData : null;
  const value = (name: string, saved: string) => (sent ? (sent.values[name] ?? "") : saved);
  const list = (name: "competencies" | "recommendations" | "languages", saved: readonly (string | number)[]) =>
    sent ? (sent.lists[name] ?? []) : saved.map(String);
  const errors = sent?.fieldErrors;
  const lessonErrors = actionData?.values?.intent === "addLesson" ? actionData.fieldErrors : undefined;
  const labels: Record<(typeof detailsFields)[number], string> = {
    title: t("authoring.details.title"),
    summary: t("authoring.details.summary"),
    objectives: t("authoring.details.objectives"),
    level: t("authoring.details.level"),
    minutes: t("authoring.details.minutes"),
    competencies: t("authoring.details.competencies"),
    recommendations: t("authoring.details.recommendations"),
    languages: t("authoring.details.languages"),
  };
  const staleTexts: StaleText[] = (actionData?.stale ?? []).map((text) => ({ ...text, label: t(text.label as MessageKey) }));
  const lessonPath = (lesson: string) => `${authorCoursePath(page.key)}/lessons/${lesson}`;
  const langQuery = inSource ? "" : `&lang=${lang}`;
  return (
    <div>
      <AuthorNav courseKey={page.key} courseTitle={page.title} current="details" />
      <h1 className="mb-4 text-2xl font-bold">{t("authoring.details.heading", { course: page.title })}</h1>
      {page.done && !actionData ? (
        <FormAlert tone="success">
          <p>
            {page.done === "imported"
              ? t("sharing.import.done.new")
              : page.done === "importedDraft"
                ? t("sharing.import.done.draft")
                : t(`authoring.details.${page.done}`)}
          </p>
        </FormAlert>
      ) : null}
      {page.unreadable ? (
        <FormAlert>
          <p>{t("authoring.details.unreadable", { files: page.unreadable.join(", ") })}</p>
        </FormAlert>
      ) : null}
      {actionData?.stale ? <StaleConflict texts={staleTexts} /> : null}
      {actionData?.problem && !actionData.stale ? (
        <FormAlert>
          <p>{t(actionData.problem)}</p>
        </FormAlert>
      ) : null}

      {page.model ? (
        <>
          <LanguageChoice
            languages={page.model.languages}
            sourceLocale={page.sourceLocale}
            lang={lang}
            path={authorCoursePath(page.key)}
            notes={Object.fromEntries(
              page.model.languages.map((code) => [code, t(`authoring.details.state.${page.states[code] ?? "missing"}`)]),
            )}
          />

          <section aria-labelledby="details-heading" className="mb-8 max-w-3xl">
            <h2 id="details-heading" className="sr-only">
              {t("authoring.nav.details")}
            </h2>
            <ErrorSummary errors={errors} labels={labels} />
            <Form
              method="post"
              key={`details-${page.revision}-${lang}`}
              className="rounded border border-slate-300 bg-white p-4"
              noValidate
            >
              <input type="hidden" name="intent" value="details" />
              <input type="hidden" name="revision" value={page.revision} />
              <input type="hidden" name="lang" value={lang} />
              <fieldset className="mb-4">
                <legend className="mb-2 text-lg font-semibold">{t("authoring.details.texts", { language: langName })}</legend>
                <SourceBeside
                  show={!inSource}
                  label={t("authoring.details.sourceText", { language: sourceName })}
                  text={page.sourceTexts?.title}
                  lang={page.sourceLocale}
                >
                  <TextField
                    name="title"
                    label={labels.title}
                    errors={errors}
                    defaultValue={value("title", page.texts.title)}
                    required={inSource}
                  />
                </SourceBeside>
                <SourceBeside
                  show={!inSource}
                  label={t("authoring.details.sourceText", { language: sourceName })}
                  text={page.sourceTexts?.summary}
                  lang={page.sourceLocale}
                >
                  <TextAreaField
                    name="summary"
                    label={labels.summary}
                    errors={errors}
                    defaultValue={value("summary", page.texts.summary)}
                    rows={3}
                    required={inSource}
                    lang={htmlLang[lang]}
                  />
                </SourceBeside>
                <SourceBeside
                  show={!inSource}
                  label={t("authoring.details.sourceText", { language: sourceName })}
                  text={page.sourceTexts?.objectives.join("\n")}
                  lang={page.sourceLocale}
                >
                  <TextAreaField
                    name="objectives"
                    label={labels.objectives}
                    hint={t("authoring.details.objectivesHint")}
                    errors={errors}
                    defaultValue={value("objectives", page.texts.objectives.join("\n"))}
                    rows={4}
                    required={false}
                    lang={htmlLang[lang]}
                  />
                </SourceBeside>
              </fieldset>
              <fieldset className="mb-4">
                <legend className="mb-2 text-lg font-semibold">{t("authoring.details.settings")}</legend>
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <SelectField name="level" label={labels.level} errors={errors} defaultValue={value("level", page.model.level)}>
                    {levels.map((level) => (
                      <option key={level} value={level}>
                        {t(levelLabelKey(level))}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    name="minutes"
                    type="number"
                    label={labels.minutes}
                    errors={errors}
                    defaultValue={value("minutes", String(page.model.minutes))}
                  />
                </div>
                <CheckboxGroup
                  name="competencies"
                  label={labels.competencies}
                  errors={errors}
                  options={competencies.map((competency) => ({ value: competency, label: t(competencyLabelKey(competency)) }))}
                  defaultValues={list("competencies", page.model.competencies)}
                />
                <CheckboxGroup
                  name="recommendations"
                  label={labels.recommendations}
                  errors={errors}
                  options={recommendationNumbers.map((number) => ({
                    value: String(number),
                    label: t(`authoring.details.recommendation.${number}`),
                  }))}
                  defaultValues={list("recommendations", page.model.recommendations)}
                />
                <fieldset className="mb-4" aria-describedby="languages-hint">
                  <legend className="font-medium">{labels.languages}</legend>
                  {locales.map((code) =>
                    code === page.sourceLocale ? (
                      <div key={code} className="mt-1 flex items-start gap-2">
                        <input type="hidden" name="languages" value={code} />
                        <input id={`languages-${code}`} type="checkbox" checked disabled className="mt-1 h-5 w-5" />
                        <label htmlFor={`languages-${code}`}>
                          {t("authoring.details.sourceMark", { language: languageName(t, code, "alone") })}
                        </label>
                      </div>
                    ) : (
                      <div key={code} className="mt-1 flex items-start gap-2">
                        <input
                          id={`languages-${code}`}
                          name="languages"
                          type="checkbox"
                          value={code}
                          defaultChecked={list("languages", page.model?.languages ?? []).includes(code)}
                          className="mt-1 h-5 w-5"
                        />
                        <label htmlFor={`languages-${code}`}>{languageName(t, code, "alone")}</label>
                      </div>
                    ),
                  )}
                  <p id="languages-hint" className="mt-1 text-sm text-slate-600">
                    {t("authoring.details.languagesHint")}
                  </p>
                </fieldset>
              </fieldset>
              <SubmitButton>{t("authoring.details.save")}</SubmitButton>
            </Form>
          </section>

          <section aria-labelledby="lessons-heading" className="max-w-3xl">
            <h2 id="lessons-heading" className="mb-2 text-xl font-semibold">
              {t("authoring.details.lessons")}
            </h2>
            {page.removing ? (
              <div
                role="alertdialog"
                aria-labelledby="remove-question"
                className="mb-4 rounded border-2 border-red-700 bg-red-50 p-4"
              >
                <p id="remove-question" className="mb-3">
                  {t("authoring.details.confirmRemove", { lesson: page.removing.title })}
                </p>
                <div className="flex flex-wrap items-center gap-4">
                  <Form method="post" action={authorCoursePath(page.key)}>
                    <input type="hidden" name="intent" value="removeLesson" />
                    <input type="hidden" name="revision" value={page.revision} />
                    <input type="hidden" name="lesson" value={page.removing.key} />
                    <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
                      {t("authoring.details.confirmRemoveButton")}
                    </button>
                  </Form>
                  <Link
                    to={`${authorCoursePath(page.key)}${inSource ? "" : `?lang=${lang}`}`}
                    className="text-blue-800 underline"
                  >
                    {t("authoring.details.cancel")}
                  </Link>
                </div>
              </div>
            ) : null}
            <ol className="mb-4 space-y-2">
              {page.lessons.map((lesson, index) => (
                <li
                  key={lesson.key}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-slate-300 bg-white p-3"
                >
                  <span className="min-w-0 flex-1">
                    <span className="mr-2 text-slate-700">{formats.number(index + 1)}.</span>
                    <Link to={lessonPath(lesson.key)} className="font-medium text-blue-800 underline">
                      <span className="sr-only">{t("authoring.details.edit", { lesson: lesson.title })}</span>
                      <span aria-hidden="true">{lesson.title}</span>
                    </Link>
                  </span>
                  <span className="flex flex-wrap gap-2">
                    {(["up", "down"] as const).map((direction) =>
                      (direction === "up" && index === 0) ||
                      (direction === "down" && index === page.lessons.length - 1) ? null : (
                        <Form method="post" key={direction}>
                          <input type="hidden" name="intent" value="moveLesson" />
                          <input type="hidden" name="revision" value={page.revision} />
                          <input type="hidden" name="lesson" value={lesson.key} />
                          <input type="hidden" name="direction" value={direction} />
                          <button
                            type="submit"
                            className="rounded border border-blue-800 px-3 py-1 text-blue-800 hover:bg-blue-50"
                          >
                            {t(direction === "up" ? "authoring.details.moveUp" : "authoring.details.moveDown", {
                              lesson: lesson.title,
                            })}
                          </button>
                        </Form>
                      ),
                    )}
                    {page.lessons.length > 1 ? (
                      <Link
                        to={`?remove=${encodeURIComponent(lesson.key)}${langQuery}`}
                        className="rounded border border-red-800 px-3 py-1 text-red-800 underline hover:bg-red-50"
                      >
                        {t("authoring.details.remove", { lesson: lesson.title })}
                      </Link>
                    ) : null}
                  </span>
                </li>
              ))}
            </ol>
            <Form
              method="post"
              key={`lesson-${page.revision}`}
              className="rounded border border-slate-300 bg-white p-4"
              noValidate
            >
              <fieldset>
                <legend className="mb-2 text-lg font-semibold">{t("authoring.details.addLesson")}</legend>
                <input type="hidden" name="intent" value="addLesson" />
                <input type="hidden" name="revision" value={page.revision} />
                <TextField
                  name="lessonTitle"
                  label={t("authoring.details.lessonTitle")}
                  errors={lessonErrors}
                  defaultValue={actionData?.values?.intent === "addLesson" ? actionData.values.lessonTitle : undefined}
                />
                <SubmitButton>{t("authoring.details.add")}</SubmitButton>
              </fieldset>
            </Form>
          </section>
        </>
      ) : null}
    </div>
  );
}

/** A field of a translation, with the source language's text beside it (read-only). */
function SourceBeside({
  show,
  label,
  text,
  lang,
  children,
}: {
  show: boolean;
  label: string;
  text: string | undefined;
  lang: Locale;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  if (!show) return <>{children}</>;
  return (
    <div className="grid gap-x-4 md:grid-cols-2">
      <div>{children}</div>
      <div className="mb-4 rounded bg-slate-100 p-2 text-sm">
        <p className="font-medium">{label}</p>
        <p lang={htmlLang[lang]} className="whitespace-pre-wrap">
          {text ? text : t("authoring.details.noText")}
        </p>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
