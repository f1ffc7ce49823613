import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { LESSON_BODY_MAX_BYTES, LESSON_IMAGE_MAX_BYTES, lessonLocale, lessonTextSchema } from "~/authoring/lesson-editor.ts";
import {
  addLessonImage,
  checkLessonImage,
  editedBody,
  imageUsedIn,
  lessonForEditing,
  lessonPreviewHtml,
  lessonProblems,
  removeLessonImage,
  saveLessonText,
  type LessonEditing,
} from "~/authoring/lesson-editor.server.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import { sha256Hex } from "~/cities/stored-files.server.ts";
import { splitFrontMatter } from "~/courses/markdown.server.ts";
import type { FileRule, FormLimits } from "~/forms/limits.ts";
import { parseForm, uploadedFile, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { isMessageKey, translatorFor } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { authorCoursePath, AuthorNav } from "~/ui/author-nav.tsx";
import { ErrorSummary, FileField, FormAlert, SubmitButton, TextField } from "~/ui/form.tsx";
import { StaleConflict, type StaleText } from "~/ui/stale-conflict.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { LanguageChoice } from "~/ui/edit-language.tsx";
import { languageList, languageName } from "~/authoring/language-names.ts";
import { ProblemNotes } from "~/ui/checker-notes.tsx";

const imageRule: FileRule = { maxBytes: LESSON_IMAGE_MAX_BYTES, types: ["png", "jpeg", "webp", "svg"] };

/**
 * One limit for the editor's three forms: the text (a body of up to 200 KB, percent-encoded up to
 * three times as long) or an image of up to 1 MB with its alt texts. A file somewhat over 1 MB is
 * refused next to its field; a body far over the limits is refused whole.
 */
const formLimits = {
  maxFields: 12,
  maxBytes: 3 * LESSON_BODY_MAX_BYTES + 2 * LESSON_IMAGE_MAX_BYTES,
  files: { image: imageRule },
} as const satisfies FormLimits;

const uploadSchema = z.object({
  intent: z.literal("upload"),
  revision: z.coerce.number().int().min(0),
  lang: lessonLocale,
  image: uploadedFile(),
  "alt-es": z.string().trim().max(500).optional(),
  "alt-pt": z.string().trim().max(500).optional(),
  "alt-en": z.string().trim().max(500).optional(),
});

const removeSchema = z.object({
  intent: z.literal("remove"),
  revision: z.coerce.number().int().min(0),
  lang: lessonLocale,
  name: z.string().min(1).max(200),
});

function editorPath(courseKey: string, lessonKey: string, lang: Locale, notice?: Record<string, string>): string {
  return `/author/${courseKey}/lessons/${lessonKey}?${new URLSearchParams({ lang, ...notice }).toString()}`;
}

/** The language asked for, when it is one of the course's; else the source language. */
function shownLanguage(editing: LessonEditing, asked: string | null): Locale {
  const parsed = lessonLocale.safeParse(asked);
  return parsed.success && editing.model.course.languages.includes(parsed.data) ? parsed.data : editing.draft.sourceLocale;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const courseKey = params.course ?? "";
  const editing = await lessonForEditing(scope, courseKey, params.lesson ?? "");
  if (!editing) throw notFound();
  const reader = await getLocale(request);
  const { draft, lesson, model } = editing;
  const lang = shownLanguage(editing, new URL(request.url).searchParams.get("lang"));
  const sourceLocale = draft.sourceLocale;
  const saved = lesson.translations[lang];
  const translation = saved ? { ...saved, body: editedBody(saved.body) } : null;
  const source = lang === sourceLocale ? null : (lesson.translations[sourceLocale] ?? null);
  const row = translationMatrix(draft.files, sourceLocale, model.course.languages, draft.translations).find(
    (unit) => unit.unit === `lesson:${lesson.key}`,
  );
  return {
    courseKey,
    lessonKey: lesson.key,
    courseTitle: model.course.title[reader] ?? model.course.title[sourceLocale] ?? courseKey,
    revision: draft.revision,
    lang,
    sourceLocale,
    languages: model.course.languages,
    state: row?.states[lang] ?? "missing",
    translation,
    source: source
      ? { title: source.frontMatter.title, minutes: source.frontMatter.minutes, body: editedBody(source.body) }
      : null,
    preview: lessonPreviewHtml(draft.files, editing.folder, translation?.body ?? "", lang),
    problems: lessonProblems(editing, lang, reader),
    images: lesson.images.map((image) => ({
      name: image.name,
      url: `/files/${sha256Hex(image.bytes)}`,
      usedIn: imageUsedIn(lesson, image.name),
    })),
  };
}

type TextValues = Record<"title" | "minutes" | "body", string>;

/** The text fields as posted, to give back to the form (nothing typed is lost). */
function postedText(values: Record<string, string>): TextValues {
  return { title: values.title ?? "", minutes: values.minutes ?? "", body: values.body ?? "" };
}

function translatedErrors(errors: FieldErrors, locale: Locale): Record<string, string> {
  const t = translatorFor(locale);
  const size = formatsFor(locale).fileSize(LESSON_BODY_MAX_BYTES);
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [field, key && isMessageKey(key) ? t(key, { size }) : (key ?? "")]),
  );
}

/** The saved title and body of a lesson file (what a stale save is shown beside). */
function savedText(bytes: Uint8Array | null | undefined): { title: string; body: string } {
  if (!bytes) return { title: "", body: "" };
  const split = splitFrontMatter(new TextDecoder().decode(bytes));
  let title = "";
  try {
    const front: unknown = parseYaml(split.frontMatter ?? "");
    if (front && typeof front === "object" && "title" in front) title = String(front.title);
  } catch {
    // An unreadable front matter shows as an empty title beside the author's.
  }
  return { title, body: editedBody(split.body) };
}

interface ActionResult {
  /** Which form the answer is about. */
  form: "text" | "upload" | "images";
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  preview: string | null;
  stale: { texts: StaleText[]; revision: number } | null;
}

function answer(result: ActionResult, status = 200) {
  return data(result, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const courseKey = params.course ?? "";
  const lessonKey = params.lesson ?? "";
  const reader = await getLocale(request);
  const t = translatorFor(reader);
  const editing = await lessonForEditing(scope, courseKey, lessonKey);
  if (!editing) throw notFound();
  const form = await readForm(request, formLimits);
  const intent = form.get("intent");

  if (intent === "upload") {
    const parsed = parseForm(uploadSchema, form);
    const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
    const alts = parsed.ok ? parsed.data : parsed.values;
    for (const locale of editing.model.course.languages)
      if (!alts[`alt-${locale}`]?.trim()) fieldErrors[`alt-${locale}`] = "authoring.lesson.error.altRequired";
    const image = parsed.ok && !fieldErrors.image ? await checkLessonImage(parsed.data.image) : null;
    if (image && !image.ok) fieldErrors.image = image.error;
    if (!parsed.ok || !image?.ok || Object.keys(fieldErrors).length > 0) {
      const values = parsed.ok ? {} : parsed.values;
      return answer(
        { form: "upload", fieldErrors: translatedErrors(fieldErrors, reader), values, preview: null, stale: null },
        400,
      );
    }
    const added = await addLessonImage(scope, courseKey, lessonKey, {
      revision: parsed.data.revision,
      uploadName: parsed.data.image.filename,
      image,
      alts: { es: parsed.data["alt-es"], pt: parsed.data["alt-pt"], en: parsed.data["alt-en"] },
    });
    if (!added.ok && added.problem === "authoring.problem.notFound") throw notFound();
    if (!added.ok)
      return answer({ form: "upload", fieldErrors: { form: t(added.problem) }, values: {}, preview: null, stale: null }, 409);
    throw redirect(editorPath(courseKey, lessonKey, parsed.data.lang, { added: added.name }));
  }

  if (intent === "remove") {
    const parsed = parseForm(removeSchema, form);
    if (!parsed.ok)
      return answer(
        { form: "images", fieldErrors: translatedErrors(parsed.fieldErrors, reader), values: {}, preview: null, stale: null },
        400,
      );
    const removed = await removeLessonImage(scope, courseKey, lessonKey, parsed.data.revision, parsed.data.name);
    if (!removed.ok && removed.problem === "authoring.problem.notFound") throw notFound();
    if (!removed.ok) {
      const message =
        removed.problem === "authoring.lesson.error.imageInUse"
          ? t(removed.problem, {
              name: parsed.data.name,
              languages: languageList(t, htmlLang[reader], removed.languages),
            })
          : t(removed.problem);
      return answer({ form: "images", fieldErrors: { form: message }, values: {}, preview: null, stale: null }, 409);
    }
    throw redirect(editorPath(courseKey, lessonKey, parsed.data.lang, { removed: "1" }));
  }

  const parsed = parseForm(lessonTextSchema, form);
  if (!parsed.ok) {
    return answer(
      {
        form: "text",
        fieldErrors: translatedErrors(parsed.fieldErrors, reader),
        values: postedText(parsed.values),
        preview: null,
        stale: null,
      },
      400,
    );
  }
  const input = parsed.data;
  const values: TextValues = { title: input.title, minutes: String(input.minutes), body: input.body };
  if (input.intent === "preview") {
    // Renders the posted text; nothing is saved.
    return answer({
      form: "text",
      fieldErrors: {},
      values,
      preview: lessonPreviewHtml(editing.draft.files, editing.folder, input.body, input.lang),
      stale: null,
    });
  }
  const saved = await saveLessonText(scope, courseKey, lessonKey, input);
  if (saved.ok) throw redirect(editorPath(courseKey, lessonKey, input.lang, { saved: "1" }));
  if (saved.problem === "authoring.problem.notFound") throw notFound();
  if (saved.problem === "authoring.problem.stale") {
    const folderFile = [...saved.current.keys()].find((file) => file.endsWith(`/${input.lang}.md`));
    const current = savedText(folderFile ? saved.current.get(folderFile) : null);
    const stale: StaleText[] = [
      { label: t("authoring.lesson.field.title"), mine: input.title, saved: current.title },
      { label: t("authoring.lesson.field.body"), mine: input.body, saved: current.body },
    ];
    return answer(
      {
        form: "text",
        fieldErrors: {},
        values,
        preview: lessonPreviewHtml(editing.draft.files, editing.folder, input.body, input.lang),
        stale: { texts: stale, revision: saved.revision },
      },
      409,
    );
  }
  return answer({ form: "text", fieldErrors: { lang: t(saved.problem) }, values, preview: null, stale: null }, 400);
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, "authoring.lesson.pageTitle", {
    title: loaded?.translation?.frontMatter.title ?? loaded?.source?.title ?? loaded?.lessonKey ?? "",
  });

const textareaClass =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 font-mono text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

/** With JavaScript, the preview follows the text as it is typed (debounced), rendered by the server. */
function useLivePreview(previewPath: string, lang: Locale, initial: string) {
  const [html, setHtml] = useState({ from: initial, html: initial });
  const [live, setLive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(0);
  useEffect(() => {
    setLive(true);
    return () => clearTimeout(timer.current);
  }, []);
  const shown = html.from === initial ? html.html : initial;
  const onInput = (body: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const request = ++latest.current;
      void fetch(previewPath, { method: "POST", body: new URLSearchParams({ lang, body }) })
        .then((response) => (response.ok ? response.text() : null))
        .then((text) => {
          if (text !== null && request === latest.current) setHtml({ from: initial, html: text });
        })
        .catch(() => undefined);
    }, 400);
  };
  return { html: shown, live, onInput };
}

export default function LessonEditorPage() {
  const { t, formats, lang: readerLang } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { courseKey, lessonKey, lang, sourceLocale, translation, source } = loaded;
  const textErrors = actionData?.form === "text" ? actionData.fieldErrors : undefined;
  const values = actionData?.form === "text" ? actionData.values : null;
  const stale = actionData?.stale ?? null;
  const revision = stale?.revision ?? loaded.revision;
  const text = {
    title: values?.title ?? translation?.frontMatter.title ?? "",
    minutes: values?.minutes ?? String(translation?.frontMatter.minutes ?? source?.minutes ?? 10),
    body: values?.body ?? translation?.body ?? "",
  };
  const previewed = actionData?.form === "text" && actionData.preview !== null && !stale;
  const preview = useLivePreview(
    `/author/${courseKey}/lessons/${lessonKey}/preview`,
    lang,
    actionData?.preview ?? loaded.preview,
  );
  const isTranslation = lang !== sourceLocale;
  const labels = {
    title: t("authoring.lesson.field.title"),
    minutes: t("authoring.lesson.field.minutes"),
    body: t("authoring.lesson.field.body"),
  };
  const uploadErrors = actionData?.form === "upload" ? actionData.fieldErrors : undefined;
  const imagesError = actionData?.form === "images" ? actionData.fieldErrors.form : undefined;
  const added = searchParams.get("added");
  return (
    <div>
      <AuthorNav courseKey={courseKey} courseTitle={loaded.courseTitle} current={null} />
      <h1 className="mt-4 text-2xl font-bold">
        {t("authoring.lesson.pageTitle", { title: translation?.frontMatter.title ?? source?.title ?? lessonKey })}
      </h1>
      <p className="mt-1 text-sm">
        <Link to={authorCoursePath(courseKey)} className="text-blue-800 underline">
          {t("authoring.lesson.backToCourse")}
        </Link>
      </p>

      <div className="mt-4">
        <LanguageChoice
          languages={loaded.languages}
          sourceLocale={sourceLocale}
          lang={lang}
          path={`/author/${courseKey}/lessons/${lessonKey}`}
        />
      </div>
      {isTranslation ? (
        <p className="mt-3" data-testid="translation-state">
          {t("authoring.lesson.state.label", { state: t(`authoring.lesson.state.${loaded.state}`) })}
        </p>
      ) : null}

      <div className="mt-4">
        {searchParams.get("saved") === "1" && !actionData ? (
          <FormAlert tone="success">{t("authoring.lesson.saved")}</FormAlert>
        ) : null}
        {added && !actionData ? (
          <FormAlert tone="success">{t("authoring.lesson.images.added", { name: added })}</FormAlert>
        ) : null}
        {searchParams.get("removed") === "1" && !actionData ? (
          <FormAlert tone="success">{t("authoring.lesson.images.removed")}</FormAlert>
        ) : null}
        {stale ? <StaleConflict texts={stale.texts} /> : null}
        <ErrorSummary errors={textErrors} labels={labels} />
        {loaded.problems.length > 0 ? (
          <section aria-labelledby="problems-heading" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            <h2 id="problems-heading" className="font-semibold">
              {t("authoring.lesson.problems.heading")}
            </h2>
            <ProblemNotes problems={loaded.problems} place="line" />
          </section>
        ) : null}
      </div>

      <div className={isTranslation ? "grid gap-6 lg:grid-cols-2" : ""}>
        {isTranslation ? (
          <section aria-labelledby="source-heading" lang={htmlLang[sourceLocale]}>
            <h2 id="source-heading" className="text-lg font-semibold">
              {t("authoring.lesson.source.heading", { language: languageName(t, sourceLocale) })}
            </h2>
            {source ? (
              <>
                <p className="mt-2 font-medium">{labels.title}</p>
                <p className="rounded border border-slate-300 bg-slate-50 px-3 py-2">{source.title}</p>
                <p className="mt-4 font-medium">{labels.body}</p>
                <pre
                  tabIndex={0}
                  className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm"
                >
                  {source.body}
                </pre>
              </>
            ) : (
              <p className="mt-2">{t("authoring.lesson.source.missing")}</p>
            )}
          </section>
        ) : null}

        <Form method="post" key={`${lang}:${revision}`} lang={htmlLang[lang]} noValidate>
          <input type="hidden" name="revision" value={revision} />
          <input type="hidden" name="lang" value={lang} />
          <TextField name="title" label={labels.title} defaultValue={text.title} errors={textErrors} />
          <TextField
            name="minutes"
            label={labels.minutes}
            hint={t("authoring.lesson.field.minutesHint")}
            defaultValue={text.minutes}
            errors={textErrors}
          />
          <div className="mb-4">
            <label htmlFor="body" className="block font-medium">
              {labels.body}
            </label>
            <details id="body-help" className="mt-1 text-sm text-slate-700">
              <summary className="cursor-pointer text-blue-800 underline">{t("authoring.lesson.help.title")}</summary>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                <li>{t("authoring.lesson.help.headings")}</li>
                <li>{t("authoring.lesson.help.links")}</li>
                <li>{t("authoring.lesson.help.images")}</li>
                <li>{t("authoring.lesson.help.activities", { marker: "{{activity: …}}" })}</li>
                <li>{t("authoring.lesson.help.html")}</li>
                <li>{t("authoring.lesson.help.size", { size: formats.fileSize(LESSON_BODY_MAX_BYTES) })}</li>
              </ul>
            </details>
            <textarea
              id="body"
              name="body"
              rows={20}
              defaultValue={text.body}
              onInput={(event) => preview.onInput(event.currentTarget.value)}
              aria-invalid={textErrors?.body ? true : undefined}
              aria-describedby={textErrors?.body ? "body-help body-error" : "body-help"}
              className={textareaClass}
            />
            {textErrors?.body ? (
              <p id="body-error" className="mt-1 text-sm font-medium text-red-700">
                {textErrors.body}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="intent"
              value="save"
              className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900"
            >
              {t("authoring.lesson.save")}
            </button>
            <button
              type="submit"
              name="intent"
              value="preview"
              className="rounded border border-blue-800 px-4 py-2 font-semibold text-blue-800"
            >
              {t("authoring.lesson.preview")}
            </button>
          </div>
        </Form>
      </div>

      <section aria-labelledby="preview-heading" className="mt-8 rounded border border-slate-300 bg-white p-4">
        <h2 id="preview-heading" className="text-lg font-semibold">
          {t("authoring.lesson.previewHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {previewed
            ? t("authoring.lesson.previewShown")
            : preview.live
              ? t("authoring.lesson.previewLive")
              : t("authoring.lesson.previewStatic")}
        </p>
        <article className="mx-auto mt-4 max-w-[68ch]" lang={htmlLang[lang]}>
          <p className="text-2xl font-bold leading-tight sm:text-3xl">{text.title}</p>
          {/* Rendered and sanitised by the learner pages' pipeline (app/authoring/lesson-editor.server.ts). */}
          <div
            id="lesson-preview"
            data-testid="lesson-preview"
            className="mt-6"
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        </article>
      </section>

      <section aria-labelledby="images-heading" className="mt-8">
        <h2 id="images-heading" className="text-lg font-semibold">
          {t("authoring.lesson.images.heading")}
        </h2>
        {imagesError ? <FormAlert>{imagesError}</FormAlert> : null}
        {loaded.images.length === 0 ? (
          <p className="mt-2">{t("authoring.lesson.images.none")}</p>
        ) : (
          <TableScroll label={t("authoring.lesson.images.heading")}>
            <table className="mt-2 min-w-full border-collapse text-left">
              <thead>
                <tr>
                  <th scope="col" className="border-b border-slate-300 p-2">
                    {t("authoring.lesson.images.name")}
                  </th>
                  <th scope="col" className="border-b border-slate-300 p-2">
                    {t("authoring.lesson.images.usedIn")}
                  </th>
                  <th scope="col" className="border-b border-slate-300 p-2">
                    <span className="sr-only">{t("authoring.lesson.images.remove", { name: "" })}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaded.images.map((image) => (
                  <tr key={image.name}>
                    <td className="border-b border-slate-200 p-2">
                      <a href={image.url} className="text-blue-800 underline">
                        {image.name}
                      </a>
                    </td>
                    <td className="border-b border-slate-200 p-2">
                      {image.usedIn.length > 0 ? languageList(t, readerLang, image.usedIn) : t("authoring.lesson.images.unused")}
                    </td>
                    <td className="border-b border-slate-200 p-2">
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="revision" value={loaded.revision} />
                        <input type="hidden" name="lang" value={lang} />
                        <input type="hidden" name="name" value={image.name} />
                        <button type="submit" className="rounded border border-red-700 px-3 py-1 text-red-800">
                          {t("authoring.lesson.images.remove", { name: image.name })}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}

        <h3 className="mt-6 font-semibold">{t("authoring.lesson.upload.heading")}</h3>
        <Form method="post" encType="multipart/form-data" className="mt-2" noValidate>
          {uploadErrors?.form ? <FormAlert>{uploadErrors.form}</FormAlert> : null}
          <ErrorSummary
            errors={uploadErrors && Object.fromEntries(Object.entries(uploadErrors).filter(([name]) => name !== "form"))}
          />
          <input type="hidden" name="intent" value="upload" />
          <input type="hidden" name="revision" value={loaded.revision} />
          <input type="hidden" name="lang" value={lang} />
          <FileField name="image" label={t("authoring.lesson.upload.file")} rule={imageRule} errors={uploadErrors} />
          {loaded.languages.map((code) => (
            <TextField
              key={code}
              name={`alt-${code}`}
              label={t("authoring.lesson.upload.alt", { language: languageName(t, code) })}
              hint={t("authoring.lesson.upload.altHint")}
              defaultValue={actionData?.form === "upload" ? actionData.values[`alt-${code}`] : undefined}
              errors={uploadErrors}
            />
          ))}
          <SubmitButton>{t("authoring.lesson.upload.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
