/**
 * A lesson's practice activities, per language: add one of each kind, edit, move, remove; where
 * each is placed in every language's Markdown; the checker's problems next to their fields.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ACTIVITY_KINDS } from "~/activities/format.ts";
import { languageName } from "~/authoring/language-names.ts";
import { CATEGORY_LIMITS, field, MAX_PARTS } from "~/authoring/activity-fields.ts";
import {
  activityInput,
  applyActivityForm,
  changeActivities,
  courseActivityKeys,
  editorView,
  lessonActivityProblems,
  placements,
  type ActivityChange,
} from "~/authoring/activity-editor.server.ts";
import { modelChanges, readDraftModel } from "~/authoring/draft-model.ts";
import { readDraft, saveDraft } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { checkFiles } from "~/authoring/publish.server.ts";
import { lessonFolderName } from "~/courses/course-writer.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, locales, type Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ActivityEditorForm } from "~/ui/activity-editor.tsx";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { FormAlert } from "~/ui/form.tsx";
import { StaleConflict } from "~/ui/stale-conflict.tsx";
import { LanguageChoice } from "~/ui/edit-language.tsx";
import { ProblemNotes } from "~/ui/checker-notes.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.activities.pageTitle");

const notices = ["added", "saved", "removed", "moved"] as const;
const searchSchema = z.object({
  lang: z.enum(locales).optional().catch(undefined),
  edit: z.string().max(100).optional().catch(undefined),
  new: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  saved: z.enum(notices).optional().catch(undefined),
});

const text = z.string().max(2000, "authoring.activities.error.tooLong").optional();
const textFields = [
  "prompt",
  "explanation",
  ...Array.from({ length: MAX_PARTS }, (_, index) => [field.part(index, "text"), field.part(index, "feedback")]).flat(),
  ...Array.from({ length: CATEGORY_LIMITS.max }, (_, index) => field.category(index, "text")),
];
const shortFields = [
  "multiple",
  ...Array.from({ length: MAX_PARTS }, (_, index) => [
    field.part(index, "key"),
    field.part(index, "flag"),
    field.part(index, "category"),
  ]).flat(),
  ...Array.from({ length: CATEGORY_LIMITS.max }, (_, index) => field.category(index, "key")),
];
const formSchema = z.object({
  revision: z.coerce.number().int().min(0),
  intent: z.enum(["save", "remove", "up", "down"]),
  lang: z.enum(locales),
  key: z.string().max(100).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  ...Object.fromEntries(textFields.map((name) => [name, text])),
  ...Object.fromEntries(shortFields.map((name) => [name, z.string().max(100).optional()])),
});
const formLimits: FormLimits = { maxFields: textFields.length + shortFields.length + 8, maxBytes: 128 * 1024 };

async function lessonOfDraft(request: Request, params: LoaderFunctionArgs["params"]) {
  const { scope } = await requireAuthor(request);
  const draft = await readDraft(scope, params.course ?? "");
  if (!draft) throw new Response(null, { status: 404 });
  const read = readDraftModel(draft.files);
  if (!read.ok) return { scope, draft, read, lesson: null, position: -1 } as const;
  const position = read.model.course.lessons.indexOf(params.lesson ?? "");
  if (position < 0) throw new Response(null, { status: 404 });
  return { scope, draft, read, lesson: read.model.lessons[position]!, position } as const;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { draft, read, lesson, position } = await lessonOfDraft(request, params);
  const reader = await getLocale(request);
  if (!read.ok || !lesson) return { unreadable: read.ok ? [] : read.unreadable, page: null };
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { course } = read.model;
  const sourceLocale = draft.sourceLocale;
  const languages = locales.filter((locale) => locale === sourceLocale || course.languages.includes(locale));
  const lang: Locale = search.lang && languages.includes(search.lang) ? search.lang : sourceLocale;
  const folder = lessonFolderName(position, lesson.key);
  const problems = lessonActivityProblems(
    checkFiles(draft.courseKey, draft.files).problems,
    folder,
    lesson.activities.length,
    reader,
  );
  const edited = search.edit ? lesson.activities.find((activity) => activity.key === search.edit) : undefined;
  const editor = edited
    ? {
        view: editorView(edited.kind, edited, lang, sourceLocale),
        problems: problems.byActivity[lesson.activities.indexOf(edited)] ?? [],
      }
    : search.new && lang === sourceLocale
      ? { view: editorView(search.new, null, lang, sourceLocale), problems: [] }
      : null;
  return {
    unreadable: [],
    page: {
      courseKey: draft.courseKey,
      courseTitle: course.title[reader] ?? course.title[sourceLocale] ?? draft.courseKey,
      lessonKey: lesson.key,
      lessonTitle:
        lesson.translations[lang]?.frontMatter.title ?? lesson.translations[sourceLocale]?.frontMatter.title ?? lesson.key,
      revision: draft.revision,
      sourceLocale,
      languages,
      lang,
      notice: search.saved ?? null,
      noticeKey: search.edit ?? null,
      activities: lesson.activities.map((activity, index) => ({
        key: activity.key,
        kind: activity.kind,
        prompt: activity.prompt[lang] ?? null,
        sourcePrompt: activity.prompt[sourceLocale] ?? "",
        placements: placements(lesson, activity.key, languages),
        problems: problems.byActivity[index] ?? [],
      })),
      general: problems.general,
      editor,
    },
  };
}

type Refused = {
  errors: FieldErrors;
  values: Record<string, string>;
  revision: number;
  stale: Array<{ label: string; mine: string; saved: string }> | null;
};

const decoder = new TextDecoder();

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, draft, read, lesson } = await lessonOfDraft(request, params);
  const parsed = parseForm(formSchema, await readForm(request, formLimits));
  if (!parsed.ok) {
    const revision = Number(parsed.values.revision);
    return data<Refused>(
      {
        errors: parsed.fieldErrors,
        values: parsed.values,
        revision: Number.isInteger(revision) ? revision : draft.revision,
        stale: null,
      },
      { status: 400 },
    );
  }
  if (!read.ok || !lesson) throw new Response(null, { status: 409 });
  const form = parsed.data;
  const values = Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const model = read.model;
  const existing = form.key ? lesson.activities.find((activity) => activity.key === form.key) : undefined;
  if (form.key && !existing) throw new Response(null, { status: 404 });
  let change: ActivityChange;
  if (form.intent === "save") {
    const kind = existing?.kind ?? form.kind;
    if (!kind)
      return data<Refused>(
        { errors: { kind: "authoring.activities.error.kind" }, values, revision: form.revision, stale: null },
        { status: 400 },
      );
    const applied = applyActivityForm({
      kind,
      existing: existing ?? null,
      locale: form.lang,
      sourceLocale: draft.sourceLocale,
      input: activityInput(values),
      courseKeys: courseActivityKeys(model),
    });
    if (!applied.ok)
      return data<Refused>({ errors: applied.errors, values, revision: form.revision, stale: null }, { status: 400 });
    change = existing ? { op: "replace", activity: applied.activity } : { op: "add", activity: applied.activity };
  } else {
    if (!existing) throw new Response(null, { status: 400 });
    change =
      form.intent === "remove"
        ? { op: "remove", key: existing.key }
        : { op: "move", key: existing.key, by: form.intent === "up" ? -1 : 1 };
  }
  const key = change.op === "add" || change.op === "replace" ? change.activity.key : change.key;
  const back = (notice: (typeof notices)[number], edit: string | null) =>
    `/author/${draft.courseKey}/lessons/${lesson.key}/activities?${new URLSearchParams({ lang: form.lang, ...(edit ? { edit } : {}), saved: notice })}`;
  const notice = { add: "added", replace: "saved", remove: "removed", move: "moved" } as const;
  const edit = change.op === "add" || change.op === "replace" ? key : null;
  if (!changeActivities(model, lesson.key, change)) return redirect(back(notice[change.op], edit));
  const changes = modelChanges(draft.files, model);
  const outcome = await saveDraft(scope, draft.courseKey, form.revision, changes);
  if (outcome.ok) return redirect(back(notice[change.op], edit));
  if (outcome.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
  const stale = [...outcome.current].map(([path, saved]) => {
    const mine = changes.get(path);
    return { label: path, mine: mine ? decoder.decode(mine) : "", saved: saved ? decoder.decode(saved) : "" };
  });
  return data<Refused>({ errors: {}, values, revision: outcome.revision, stale }, { status: 409 });
}

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const { unreadable, page } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  if (!page) {
    return (
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t("authoring.activities.pageTitle")}</h1>
        <FormAlert>
          <p>{t("authoring.activities.unreadable")}</p>
          <ul className="mt-2 list-disc pl-5">
            {unreadable.map((file) => (
              <li key={file}>{file}</li>
            ))}
          </ul>
        </FormAlert>
      </div>
    );
  }
  const revision = refused?.revision ?? page.revision;
  const inSource = page.lang === page.sourceLocale;
  const here = (extra: Record<string, string> = {}) => `?${new URLSearchParams({ lang: page.lang, ...extra })}`;
  const language = (locale: Locale) => languageName(t, locale);
  const editorValues = refused?.values.intent === "save" ? refused.values : page.editor?.view.values;
  return (
    <div>
      <AuthorNav courseKey={page.courseKey} courseTitle={page.courseTitle} current={null} />
      <p className="mb-2 flex flex-wrap gap-x-4 text-sm">
        <Link to={`/author/${page.courseKey}/lessons/${page.lessonKey}`} className="text-blue-800 underline">
          {t("authoring.activities.backToLesson")}
        </Link>
        <Link to={authorCoursePath(page.courseKey)} className="text-blue-800 underline">
          {t("authoring.activities.backToCourse")}
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t("authoring.activities.title", { lesson: page.lessonTitle })}</h1>
      <LanguageChoice
        languages={page.languages}
        sourceLocale={page.sourceLocale}
        lang={page.lang}
        path={`/author/${page.courseKey}/lessons/${page.lessonKey}/activities`}
        extra={page.editor?.view.key ? `edit=${page.editor.view.key}` : ""}
      />
      {page.notice ? (
        <FormAlert tone="success">
          <p>{t(`authoring.activities.notice.${page.notice}`, { marker: `{{activity: ${page.noticeKey ?? ""}}}` })}</p>
        </FormAlert>
      ) : null}
      {refused?.stale ? <StaleConflict texts={refused.stale} /> : null}
      {refused && !refused.stale && Object.keys(refused.errors).length > 0 ? (
        <FormAlert>
          <p>{t("authoring.activities.refused")}</p>
        </FormAlert>
      ) : null}
      {page.general.length > 0 ? (
        <section className="mb-4" aria-labelledby="lesson-problems">
          <h2 id="lesson-problems" className="text-lg font-semibold">
            {t("authoring.activities.lessonProblems")}
          </h2>
          <ProblemNotes problems={page.general} place="file" />
        </section>
      ) : null}
      <section aria-labelledby="activities-list" className="mb-6">
        <h2 id="activities-list" className="mb-2 text-xl font-semibold">
          {t("authoring.activities.listTitle", { count: page.activities.length })}
        </h2>
        {page.activities.length === 0 ? <p>{t("authoring.activities.none")}</p> : null}
        <ol className="space-y-3">
          {page.activities.map((activity, index) => (
            <li key={activity.key} id={`activity-${activity.key}`} className="rounded border border-slate-300 bg-white p-3">
              <h3 className="font-semibold">
                {t(`authoring.activities.kind.${activity.kind}`)}:{" "}
                <span lang={htmlLang[activity.prompt ? page.lang : page.sourceLocale]}>
                  {activity.prompt ?? activity.sourcePrompt}
                </span>
              </h3>
              {activity.prompt === null ? (
                <p className="text-sm">{t("authoring.activities.notTranslated", { language: language(page.lang) })}</p>
              ) : null}
              <ul className="mt-1 text-sm">
                {activity.placements.map((placement) => (
                  <li key={placement.locale}>
                    {placement.state === "placed"
                      ? placement.after === null
                        ? t("authoring.activities.placedAtStart", { language: language(placement.locale) })
                        : t("authoring.activities.placedAfter", {
                            language: language(placement.locale),
                            heading: placement.after,
                          })
                      : t(`authoring.activities.placement.${placement.state}`, { language: language(placement.locale) })}
                  </li>
                ))}
              </ul>
              {activity.problems.length > 0 ? (
                <p className="mt-1 text-sm font-medium text-red-700">
                  {t("authoring.activities.problemCount", { count: activity.problems.length })}
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <Link
                  to={`${here({ edit: activity.key })}#editor`}
                  className="rounded border border-blue-800 px-3 py-1 text-blue-800 underline"
                >
                  {t("authoring.activities.edit")}
                  <span className="sr-only">: {activity.prompt ?? activity.sourcePrompt}</span>
                </Link>
                {(
                  [
                    ["up", index > 0],
                    ["down", index < page.activities.length - 1],
                    ["remove", inSource],
                  ] as const
                ).map(([intent, shown]) =>
                  shown ? (
                    <Form method="post" key={intent}>
                      <input type="hidden" name="revision" value={revision} />
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="key" value={activity.key} />
                      <input type="hidden" name="lang" value={page.lang} />
                      <button type="submit" className="rounded border border-slate-500 px-3 py-1">
                        {t(`authoring.activities.${intent}`)}
                        <span className="sr-only">: {activity.prompt ?? activity.sourcePrompt}</span>
                      </button>
                    </Form>
                  ) : null,
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>
      {inSource ? (
        <Form method="get" className="mb-6 flex flex-wrap items-end gap-2">
          <input type="hidden" name="lang" value={page.lang} />
          <div>
            <label htmlFor="new-kind" className="block font-medium">
              {t("authoring.activities.newKind")}
            </label>
            <select
              id="new-kind"
              name="new"
              defaultValue={page.editor && !page.editor.view.key ? page.editor.view.kind : "choice"}
              className="mt-1 rounded border border-slate-500 bg-white px-3 py-2"
            >
              {ACTIVITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`authoring.activities.kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-blue-800 px-4 py-2 font-semibold text-blue-800">
            {t("authoring.activities.add")}
          </button>
        </Form>
      ) : (
        <p className="mb-6">{t("authoring.activities.addInSource", { language: language(page.sourceLocale) })}</p>
      )}
      {page.editor ? (
        <section id="editor" aria-labelledby="editor-title">
          <h2 id="editor-title" className="mb-2 text-xl font-semibold">
            {page.editor.view.key
              ? t("authoring.activities.editTitle", {
                  kind: t(`authoring.activities.kind.${page.editor.view.kind}`),
                  language: language(page.lang),
                })
              : t("authoring.activities.newTitle", { kind: t(`authoring.activities.kind.${page.editor.view.kind}`) })}
          </h2>
          <ActivityEditorForm
            key={`${page.editor.view.key ?? page.editor.view.kind}-${page.lang}-${revision}-${refused ? "refused" : "saved"}`}
            view={{ ...page.editor.view, values: editorValues ?? {} }}
            revision={revision}
            locale={page.lang}
            sourceLocale={page.sourceLocale}
            errors={refused?.errors ?? {}}
            problems={page.editor.problems}
          />
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
