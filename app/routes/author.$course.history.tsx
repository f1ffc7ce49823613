/** A course's published versions, the comparison of any two of them, and restoring one as the draft. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { restoreVersion } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { compareVersions, courseHistory, type Publisher } from "~/authoring/history.server.ts";
import { fileName, type DiffRow, type FileChange } from "~/authoring/history.ts";
import { languageList, languageName } from "~/authoring/language-names.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { FormAlert, SelectField, SubmitButton } from "~/ui/form.tsx";
import { StaleConflict } from "~/ui/stale-conflict.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const versionNumber = z.coerce.number().int().positive().max(1_000_000);
const compareQuery = z.object({ from: versionNumber, to: versionNumber });
const restoreSchema = z.object({ revision: z.coerce.number().int().positive(), version: versionNumber });
const formLimits: FormLimits = { maxFields: 3, maxBytes: 1024 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const locale = isLocale(user.locale) ? user.locale : "es";
  const history = await courseHistory(scope, params.course ?? "", locale);
  if (!history) throw new Response(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const numbers = history.versions.map((version) => version.number);
  let comparison = null;
  let problem: "authoring.history.problem.badVersion" | "authoring.history.problem.noSuchVersion" | null = null;
  if (search.has("from") || search.has("to")) {
    const query = compareQuery.safeParse({ from: search.get("from"), to: search.get("to") });
    if (!query.success) problem = "authoring.history.problem.badVersion";
    else {
      const compared = await compareVersions(history.draft, query.data.from, query.data.to, locale);
      if (compared.ok) comparison = { ...compared, lessons: [...compared.lessons] };
      else problem = compared.problem;
    }
  }
  const restoreWanted = versionNumber.safeParse(search.get("restore"));
  const body = {
    courseKey: history.draft.courseKey,
    title: history.title,
    revision: history.draft.revision,
    timeZone: user.city.timeZone,
    versions: history.versions.map((version) => ({ ...version, publishedAt: version.publishedAt.toISOString() })),
    copiedFrom: history.copiedFrom,
    selected: { from: comparison?.from ?? numbers[1] ?? numbers[0] ?? null, to: comparison?.to ?? numbers[0] ?? null },
    comparison,
    problem,
    confirmRestore: restoreWanted.success && numbers.includes(restoreWanted.data) ? restoreWanted.data : null,
  };
  return problem ? data(body, { status: 400 }) : body;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const parsed = parseForm(restoreSchema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  const courseKey = params.course ?? "";
  const outcome = await restoreVersion(scope, courseKey, parsed.data.revision, parsed.data.version);
  if (!outcome.ok && outcome.problem === "authoring.problem.notFound") throw new Response(null, { status: 404 });
  if (!outcome.ok) return data({ stale: true }, { status: 409 });
  return redirect(`${authorCoursePath(courseKey)}?restored=${parsed.data.version}`);
}

function publisherName(t: Translate, publisher: Publisher): string {
  if (publisher.kind === "files") return t("authoring.history.fromFiles");
  if (publisher.kind === "erased") return t("authoring.history.erased");
  return publisher.name;
}

function fileLabel(t: Translate, path: string, lessons: ReadonlyMap<string, string>): string {
  const name = fileName(path, lessons);
  switch (name.kind) {
    case "course":
      return t("authoring.history.file.course");
    case "quiz":
      return t("authoring.history.file.quiz");
    case "lesson":
      return t("authoring.history.file.lesson", { lesson: name.lesson, language: languageName(t, name.locale) });
    case "activities":
      return t("authoring.history.file.activities", { lesson: name.lesson });
    case "lessonFile":
      return t("authoring.history.file.lessonFile", { lesson: name.lesson, name: name.name });
    default:
      return name.path;
  }
}

const rowStyles: Record<Exclude<DiffRow["kind"], "skipped">, string> = {
  removed: "bg-red-50 text-red-950",
  added: "bg-green-50 text-green-950",
  same: "text-slate-700",
};
const rowMarks: Record<Exclude<DiffRow["kind"], "skipped">, string> = { removed: "−", added: "+", same: " " };

function LineDiff({ rows, label }: { rows: DiffRow[]; label: string }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={label}>
      <table className="w-full border-collapse text-left font-mono text-sm">
        <thead>
          <tr className="border-b border-slate-400 font-sans">
            <th scope="col" className="p-1">
              {t("authoring.history.col.oldLine")}
            </th>
            <th scope="col" className="p-1">
              {t("authoring.history.col.newLine")}
            </th>
            <th scope="col" className="p-1">
              {t("authoring.history.col.text")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) =>
            row.kind === "skipped" ? (
              <tr key={index} className="border-b border-slate-200 font-sans italic text-slate-700">
                <td colSpan={3} className="p-1">
                  {t("authoring.history.skipped", { count: row.count })}
                </td>
              </tr>
            ) : (
              <tr key={index} className={`border-b border-slate-200 ${rowStyles[row.kind]}`}>
                <td className="p-1 text-right align-top">{row.oldLine ?? ""}</td>
                <td className="p-1 text-right align-top">{row.newLine ?? ""}</td>
                <td className="whitespace-pre-wrap break-all p-1">
                  <span aria-hidden="true">{rowMarks[row.kind]} </span>
                  <span className="sr-only">{t(`authoring.history.line.${row.kind}`)}: </span>
                  {row.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Changes({ changes, lessons }: { changes: FileChange[]; lessons: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p>{t("authoring.history.noChanges")}</p>;
  return (
    <ul>
      {changes.map((change) => {
        const label = fileLabel(t, change.path, lessons);
        return (
          <li key={change.path} className="mb-4">
            <h4 className="font-semibold">
              {label} <span className="font-normal text-slate-700">({t(`authoring.history.change.${change.change}`)})</span>
            </h4>
            <p className="mb-1 text-sm text-slate-600">
              <code>{change.path}</code>
            </p>
            {change.change === "changed" ? (
              change.rows ? (
                <LineDiff rows={change.rows} label={t("authoring.history.lines", { file: label })} />
              ) : (
                <p>{t("authoring.history.binary")}</p>
              )
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export default function HistoryPage() {
  const { t, lang, formats } = useTranslation();
  const history = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { courseKey, title, versions, copiedFrom, selected, comparison, problem, confirmRestore, revision, timeZone } = history;
  const historyPath = authorCoursePath(courseKey, "history");
  return (
    <div>
      <AuthorNav courseKey={courseKey} courseTitle={title} current="history" />
      <h1 className="mb-2 text-2xl font-bold">{t("authoring.history.title", { course: title })}</h1>
      {actionData?.stale ? <StaleConflict texts={[]} /> : null}
      {copiedFrom && copiedFrom.version !== null ? (
        <p className="mb-4">
          {t("authoring.history.copiedFrom", { title: copiedFrom.title, version: copiedFrom.version })}{" "}
          {copiedFrom.latest !== null && copiedFrom.latest > copiedFrom.version ? (
            <strong>{t("authoring.history.networkNewer", { latest: copiedFrom.latest })}</strong>
          ) : (
            t("authoring.history.networkSame")
          )}
        </p>
      ) : null}

      {confirmRestore !== null ? (
        <section aria-labelledby="confirm-restore" className="mb-6 rounded border-2 border-amber-700 bg-amber-50 p-4">
          <h2 id="confirm-restore" className="mb-2 text-xl font-semibold">
            {t("authoring.history.confirm.title", { number: confirmRestore })}
          </h2>
          <p className="mb-3">{t("authoring.history.confirm.text", { number: confirmRestore })}</p>
          <div className="flex flex-wrap items-center gap-4">
            <Form method="post" action={historyPath}>
              <input type="hidden" name="revision" value={revision} />
              <input type="hidden" name="version" value={confirmRestore} />
              <SubmitButton>{t("authoring.history.confirm.submit", { number: confirmRestore })}</SubmitButton>
            </Form>
            <Link to={historyPath} className="text-blue-800 underline">
              {t("authoring.history.confirm.cancel")}
            </Link>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="versions" className="mb-6">
        <h2 id="versions" className="mb-2 text-xl font-semibold">
          {t("authoring.history.versions")}
        </h2>
        {versions.length === 0 ? (
          <p>{t("authoring.history.none")}</p>
        ) : (
          <TableScroll label={t("authoring.history.table")}>
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("authoring.history.col.version")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.history.col.when")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.history.col.who")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.history.col.languages")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.history.col.actions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => (
                  <tr key={version.number} className="border-b border-slate-200">
                    <th scope="row" className="p-2 text-left">
                      {t("authoring.history.version", { number: version.number })}
                      {version.sameAsDraft ? (
                        <p className="text-sm font-normal text-slate-700">{t("authoring.history.sameAsDraft")}</p>
                      ) : null}
                    </th>
                    <td className="p-2">{formats.dateTimeWithZone(version.publishedAt, timeZone)}</td>
                    <td className="p-2">{publisherName(t, version.publisher)}</td>
                    <td className="p-2">{languageList(t, lang, version.languages)}</td>
                    <td className="p-2">
                      <Link to={`${historyPath}?restore=${version.number}#confirm-restore`} className="text-blue-800 underline">
                        {t("authoring.history.restore")}
                        <span className="sr-only">: {t("authoring.history.restoreWhich", { number: version.number })}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="compare">
        <h2 id="compare" className="mb-2 text-xl font-semibold">
          {t("authoring.history.compare")}
        </h2>
        {problem ? <FormAlert tone="error">{t(problem)}</FormAlert> : null}
        {versions.length < 2 ? (
          <p>{t("authoring.history.compare.needTwo")}</p>
        ) : (
          <Form method="get" action={historyPath} className="mb-4 flex flex-wrap items-end gap-4">
            <SelectField name="from" label={t("authoring.history.compare.from")} defaultValue={String(selected.from)}>
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t("authoring.history.version", { number: version.number })}
                </option>
              ))}
            </SelectField>
            <SelectField name="to" label={t("authoring.history.compare.to")} defaultValue={String(selected.to)}>
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t("authoring.history.version", { number: version.number })}
                </option>
              ))}
            </SelectField>
            <div className="mb-4">
              <SubmitButton>{t("authoring.history.compare.submit")}</SubmitButton>
            </div>
          </Form>
        )}
        {comparison ? (
          <section aria-labelledby="changes">
            <h3 id="changes" className="mb-2 text-lg font-semibold">
              {t("authoring.history.changes", { from: comparison.from, to: comparison.to })}
            </h3>
            <Changes changes={comparison.changes} lessons={new Map(comparison.lessons)} />
          </section>
        ) : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.nav.history");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
