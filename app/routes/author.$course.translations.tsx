/** The translation matrix of a draft: every part of the course × its languages, and "still correct" for an outdated translation. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { markTranslationCurrent } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { languageList, languageName } from "~/authoring/language-names.ts";
import { translationOverview } from "~/authoring/translation-overview.server.ts";
import type { TranslationState, Unit } from "~/authoring/translations.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { isLocale, locales, type Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { FormAlert, SubmitButton } from "~/ui/form.tsx";
import { StaleConflict } from "~/ui/stale-conflict.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const stillCorrectSchema = z.object({
  revision: z.coerce.number().int().positive(),
  unit: z.string().regex(/^(course|quiz|lesson:[a-z0-9-]+|activities:[a-z0-9-]+)$/),
  locale: z.enum(locales),
});
const formLimits: FormLimits = { maxFields: 4, maxBytes: 1024 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const locale = isLocale(user.locale) ? user.locale : "es";
  const overview = await translationOverview(scope, params.course ?? "", locale);
  if (!overview) throw new Response(null, { status: 404 });
  const { draft, ...rest } = overview;
  return { ...rest, courseKey: draft.courseKey, revision: draft.revision, sourceLocale: draft.sourceLocale };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const parsed = parseForm(stillCorrectSchema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  const courseKey = params.course ?? "";
  const outcome = await markTranslationCurrent(scope, courseKey, parsed.data.revision, parsed.data.unit, parsed.data.locale);
  if (!outcome.ok && outcome.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
  if (!outcome.ok) return data({ stale: true }, { status: 409 });
  return redirect(`${authorCoursePath(courseKey, "translations")}?confirmed=1`);
}

/** Where the editor of one part of the course is, in one language. */
function editorPath(courseKey: string, unit: Unit, locale: Locale): string {
  const base = authorCoursePath(courseKey);
  const [kind, lessonKey] = unit.split(":");
  const path =
    kind === "course"
      ? base
      : kind === "quiz"
        ? `${base}/quiz`
        : kind === "lesson"
          ? `${base}/lessons/${lessonKey}`
          : `${base}/lessons/${lessonKey}/activities`;
  return `${path}?lang=${locale}`;
}

function unitLabel(t: Translate, unit: Unit, lessonTitle: string | null): string {
  if (unit === "course") return t("authoring.translations.unit.course");
  if (unit === "quiz") return t("authoring.translations.unit.quiz");
  return t(unit.startsWith("lesson:") ? "authoring.translations.unit.lesson" : "authoring.translations.unit.activities", {
    title: lessonTitle ?? "",
  });
}

const stateIcons: Record<TranslationState, string> = { source: "◆", complete: "✓", outdated: "!", missing: "✗" };
const stateColours: Record<TranslationState, string> = {
  source: "text-slate-800",
  complete: "text-green-800",
  outdated: "text-amber-900 font-semibold",
  missing: "text-red-800 font-semibold",
};

function Fields({ fields, label }: { fields: Array<{ field: string; text: string }>; label: string }) {
  return (
    <div
      className="max-h-80 overflow-auto rounded border border-slate-300 bg-white p-2 text-sm"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {fields.map((field, index) =>
        field.field === "" ? (
          <pre key={index} className="whitespace-pre-wrap break-words">
            {field.text}
          </pre>
        ) : (
          <p key={index} className="mb-1 break-words">
            <code className="text-slate-600">{field.field}</code>: {field.text}
          </p>
        ),
      )}
    </div>
  );
}

export default function TranslationsPage() {
  const { t, lang } = useTranslation();
  const overview = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { courseKey, title, languages, matrix, publishes, gaps, outdated, revision, sourceLocale } = overview;
  const label = (unit: Unit) => unitLabel(t, unit, matrix.find((row) => row.unit === unit)?.lessonTitle ?? null);
  return (
    <div>
      <AuthorNav courseKey={courseKey} courseTitle={title} current="translations" />
      <h1 className="mb-2 text-2xl font-bold">{t("authoring.translations.title", { course: title })}</h1>
      {searchParams.get("confirmed") === "1" && !actionData ? (
        <FormAlert tone="success">{t("authoring.translations.confirmed")}</FormAlert>
      ) : null}
      {actionData?.stale ? <StaleConflict texts={[]} /> : null}
      <p className="mb-4 text-slate-700">{t("authoring.translations.intro")}</p>

      <section aria-labelledby="summary" className="mb-6">
        <h2 id="summary" className="mb-2 text-xl font-semibold">
          {t("authoring.translations.summary")}
        </h2>
        <p className="mb-2">{t("authoring.translations.publishes", { languages: languageList(t, lang, publishes) })}</p>
        <ul className="list-disc pl-6">
          {gaps.map((gap) => (
            <li key={gap.locale}>
              {gap.missing + gap.outdated === 0
                ? t("authoring.translations.gap.none", { language: languageName(t, gap.locale) })
                : t("authoring.translations.gap.line", {
                    language: languageName(t, gap.locale),
                    missing: t("authoring.translations.gap.missing", { count: gap.missing }),
                    outdated: t("authoring.translations.gap.outdated", { count: gap.outdated }),
                  })}
            </li>
          ))}
        </ul>
      </section>

      <TableScroll label={t("authoring.translations.table")}>
        <table className="mb-6 w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("authoring.translations.col.unit")}
              </th>
              {languages.map((locale) => (
                <th key={locale} scope="col" className="p-2">
                  {languageName(t, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row) => (
              <tr key={row.unit} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {unitLabel(t, row.unit, row.lessonTitle)}
                </th>
                {languages.map((locale) => {
                  const state = row.states[locale] ?? "missing";
                  return (
                    <td key={locale} className="p-2">
                      <Link to={editorPath(courseKey, row.unit, locale)} className={`underline ${stateColours[state]}`}>
                        <span aria-hidden="true">{stateIcons[state]} </span>
                        {t(`authoring.translations.state.${state}`)}
                        <span className="sr-only">
                          {", "}
                          {t("authoring.translations.edit", {
                            unit: unitLabel(t, row.unit, row.lessonTitle),
                            language: languageName(t, locale),
                          })}
                        </span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <section aria-labelledby="outdated">
        <h2 id="outdated" className="mb-2 text-xl font-semibold">
          {t("authoring.translations.outdated.title")}
        </h2>
        {outdated.length === 0 ? (
          <p>{t("authoring.translations.outdated.none")}</p>
        ) : (
          <>
            <p className="mb-3 text-slate-700">{t("authoring.translations.outdated.intro")}</p>
            {outdated.map((item) => {
              const name = t("authoring.translations.outdated.item", {
                unit: label(item.unit),
                language: languageName(t, item.locale),
              });
              return (
                <section key={`${item.unit}-${item.locale}`} className="mb-6 rounded border border-amber-700 p-3">
                  <h3 className="mb-2 font-semibold">{name}</h3>
                  <div className="grid gap-3 md:grid-cols-2">
                    <div>
                      <h4 className="text-sm font-semibold">
                        {t("authoring.translations.outdated.source", { language: languageName(t, sourceLocale) })}
                      </h4>
                      <Fields
                        fields={item.source}
                        label={`${name}: ${t("authoring.translations.outdated.source", { language: languageName(t, sourceLocale) })}`}
                      />
                    </div>
                    <div>
                      <h4 className="text-sm font-semibold">
                        {t("authoring.translations.outdated.translation", { language: languageName(t, item.locale) })}
                      </h4>
                      <Fields
                        fields={item.translation}
                        label={`${name}: ${t("authoring.translations.outdated.translation", { language: languageName(t, item.locale) })}`}
                      />
                    </div>
                  </div>
                  <div className="mt-3 flex flex-wrap items-center gap-4">
                    <Form method="post">
                      <input type="hidden" name="revision" value={revision} />
                      <input type="hidden" name="unit" value={item.unit} />
                      <input type="hidden" name="locale" value={item.locale} />
                      <SubmitButton>
                        {t("authoring.translations.stillCorrect")}
                        <span className="sr-only">: {name}</span>
                      </SubmitButton>
                    </Form>
                    <Link to={editorPath(courseKey, item.unit, item.locale)} className="text-blue-800 underline">
                      {t("authoring.translations.editTranslation")}
                      <span className="sr-only">: {name}</span>
                    </Link>
                  </div>
                </section>
              );
            })}
          </>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.nav.translations");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
