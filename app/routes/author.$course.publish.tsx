import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { languageList, languageName } from "~/authoring/language-names.ts";
import { readDraft } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import type { ProblemFile } from "~/authoring/problem-files.ts";
import { publishPage, type ReviewEntry, type ShownProblems } from "~/authoring/publish-page.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { decideReview, submitForReview } from "~/authoring/reviews.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { MessageKey, Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { FormAlert } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const revision = z.coerce.number("validation.required").int("validation.required").nonnegative("validation.required");
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish"), revision }),
  z.object({ intent: z.literal("submit"), revision }),
  z.object({
    intent: z.literal("approve"),
    revision,
    comment: z.string().trim().max(2000, "authoring.review.commentTooLong").default(""),
  }),
  z.object({
    intent: z.literal("return"),
    revision,
    comment: z
      .string("authoring.review.commentRequired")
      .trim()
      .min(1, "authoring.review.commentRequired")
      .max(2000, "authoring.review.commentTooLong"),
  }),
]);
const formLimits = { maxFields: 3, maxBytes: 16 * 1024 } as const satisfies FormLimits;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const page = await publishPage(scope, params.course ?? "", await getLocale(request));
  if (!page) throw notFound();
  return { page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const courseKey = params.course ?? "";
  if (!(await readDraft(scope, courseKey))) throw notFound();
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok)
    return data({ problem: null, fieldErrors: parsed.fieldErrors, comment: parsed.values.comment ?? "" }, { status: 400 });
  const form = parsed.data;
  const back = `${authorCoursePath(courseKey, "publish")}?done=`;
  const outcome =
    form.intent === "publish"
      ? await publishDraft(scope, courseKey, form.revision)
      : form.intent === "submit"
        ? await submitForReview(scope, courseKey, form.revision)
        : await decideReview(scope, courseKey, form.revision, form.intent === "approve" ? "APPROVED" : "RETURNED", form.comment);
  if (outcome.ok) return redirect("version" in outcome ? `${back}published&version=${outcome.version}` : `${back}${form.intent}`);
  if (outcome.problem === "authoring.problem.notFound") throw notFound();
  const comment = "comment" in form ? form.comment : "";
  // Nothing was written: the page shows why, with the checker's problems listed below as the loader reads them.
  return data(
    { problem: outcome.problem as MessageKey, fieldErrors: {}, comment },
    { status: outcome.problem === "authoring.problem.invalid" ? 422 : 409 },
  );
}

function fileName(
  t: Translate,
  file: ProblemFile,
  titles: Record<string, Partial<Record<Locale, string>>>,
  sourceLocale: Locale,
): string {
  const language = languageName(t, file.locale);
  const lessonTitle = (key: string | null) => (key ? (titles[key]?.[file.locale] ?? titles[key]?.[sourceLocale] ?? key) : "");
  switch (file.part) {
    case "course":
      return t("authoring.publish.file.course", { language });
    case "quiz":
      return t("authoring.publish.file.quiz", { language });
    case "lesson":
      return t("authoring.publish.file.lesson", { language, title: lessonTitle(file.lessonKey) });
    case "activities":
      return t("authoring.publish.file.activities", { language, title: lessonTitle(file.lessonKey) });
    default:
      return t("authoring.publish.file.other", { path: file.path });
  }
}

function ProblemList({
  groups,
  titles,
  sourceLocale,
  tone,
}: {
  groups: ShownProblems[];
  titles: Record<string, Partial<Record<Locale, string>>>;
  sourceLocale: Locale;
  tone: "error" | "warning";
}) {
  const { t } = useTranslation();
  const border = tone === "error" ? "border-red-700" : "border-amber-600";
  return (
    <ul className="space-y-3">
      {groups.map((group) => (
        <li key={`${group.file.path}-${group.file.locale}`} className={`rounded border-l-4 ${border} bg-white p-3`}>
          <h4 className="font-semibold">
            {fileName(t, group.file, titles, sourceLocale)}{" "}
            <Link to={group.file.href} className="font-normal text-blue-800 underline">
              {t("authoring.publish.problems.edit")}
            </Link>
          </h4>
          <ul className="mt-1 list-disc pl-6">
            {group.problems.map((problem, index) => (
              <li key={index}>
                <span className="font-medium">{t("authoring.publish.problems.line", { line: problem.line })}</span>:{" "}
                {problem.text}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function reviewer(t: Translate, name: string | null): string {
  return name ?? t("authoring.review.erased");
}

function ReviewState({ review, timeZone }: { review: ReviewEntry | null; timeZone: string }) {
  const { t, formats } = useTranslation();
  if (!review) return <p>{t("authoring.review.state.none")}</p>;
  if (review.state === "SUBMITTED")
    return (
      <p>
        {t("authoring.review.state.SUBMITTED", {
          name: reviewer(t, review.submittedBy),
          date: formats.day(review.submittedAt, timeZone),
        })}
      </p>
    );
  const params = {
    name: reviewer(t, review.decidedBy),
    date: formats.day(review.decidedAt ?? review.submittedAt, timeZone),
    comment: review.comment,
  };
  return <p>{t(review.state === "APPROVED" ? "authoring.review.state.APPROVED" : "authoring.review.state.RETURNED", params)}</p>;
}

const buttonClass = "rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900";
const secondaryClass = "rounded border-2 border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800";
const sectionClass = "mb-6 rounded border border-slate-300 bg-white p-4";

export default function PublishPage() {
  const { t, formats, lang } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = actionData ? null : searchParams.get("done");
  const list = (locales: Locale[]) => languageList(t, lang, locales);
  const unitName = (unit: string, lessonKey: string | null) => {
    const title = lessonKey ? (page.lessonTitles[lessonKey]?.[page.sourceLocale] ?? lessonKey) : "";
    if (unit === "course") return t("authoring.publish.unit.course");
    if (unit === "quiz") return t("authoring.publish.unit.quiz");
    return t(unit.startsWith("lesson:") ? "authoring.publish.unit.lesson" : "authoring.publish.unit.activities", { title });
  };
  const commentError =
    actionData?.fieldErrors && "comment" in actionData.fieldErrors ? actionData.fieldErrors.comment : undefined;
  const notices: Record<string, string> = {
    published: t("authoring.publish.published", { number: searchParams.get("version") ?? "" }),
    submit: t("authoring.review.submitted"),
    approve: t("authoring.review.approved"),
    return: t("authoring.review.returned"),
  };
  const mayPublish = page.problems.errors.length === 0;
  return (
    <div>
      <AuthorNav courseKey={page.courseKey} courseTitle={page.courseTitle} current="publish" />
      <h1 className="mb-4 text-2xl font-bold">{t("authoring.publish.title", { course: page.courseTitle })}</h1>
      {done && notices[done] ? <FormAlert tone="success">{notices[done]}</FormAlert> : null}
      {actionData?.problem ? <FormAlert>{t(actionData.problem)}</FormAlert> : null}

      <section aria-labelledby="status-heading" className={sectionClass}>
        <h2 id="status-heading" className="mb-2 text-xl font-semibold">
          {t("authoring.publish.status.heading")}
        </h2>
        <p className="mb-1">{t(`authoring.publish.status.${page.status}`)}</p>
        <p>
          {page.currentVersion
            ? t("authoring.publish.currentVersion", {
                number: page.currentVersion.number,
                date: formats.day(page.currentVersion.publishedAt, page.timeZone),
              })
            : t("authoring.publish.noVersion")}
        </p>
      </section>

      <section aria-labelledby="languages-heading" className={sectionClass}>
        <h2 id="languages-heading" className="mb-2 text-xl font-semibold">
          {t("authoring.publish.languages.heading")}
        </h2>
        <p>{t("authoring.publish.languages.included", { languages: list(page.languages) })}</p>
        {page.leftOut.map((entry) => (
          <div key={entry.locale} className="mt-3">
            <p>{t("authoring.publish.languages.leftOut", { language: languageName(t, entry.locale) })}</p>
            <ul className="list-disc pl-6">
              {entry.units.map((unit) => (
                <li key={unit.unit}>
                  {t(`authoring.publish.unitState.${unit.state}`, { unit: unitName(unit.unit, unit.lessonKey) })}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {page.leftOut.length > 0 ? (
          <>
            <p className="mt-3 text-slate-700">{t("authoring.publish.languages.leftOutNote")}</p>
            <p className="mt-2">
              <Link to={authorCoursePath(page.courseKey, "translations")} className="text-blue-800 underline">
                {t("authoring.publish.languages.link")}
              </Link>
            </p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="problems-heading" className={sectionClass}>
        <h2 id="problems-heading" className="mb-2 text-xl font-semibold">
          {t("authoring.publish.problems.heading")}
        </h2>
        {page.problems.errors.length === 0 ? (
          <p>{t("authoring.publish.problems.none")}</p>
        ) : (
          <>
            <h3 className="mb-2 text-lg font-semibold text-red-800">{t("authoring.publish.problems.errors")}</h3>
            <ProblemList groups={page.problems.errors} titles={page.lessonTitles} sourceLocale={page.sourceLocale} tone="error" />
          </>
        )}
        {page.problems.warnings.length > 0 ? (
          <>
            <h3 className="mb-2 mt-4 text-lg font-semibold">{t("authoring.publish.problems.warnings")}</h3>
            <ProblemList
              groups={page.problems.warnings}
              titles={page.lessonTitles}
              sourceLocale={page.sourceLocale}
              tone="warning"
            />
          </>
        ) : null}
      </section>

      {page.requireReview ? (
        <section aria-labelledby="review-heading" className={sectionClass}>
          <h2 id="review-heading" className="mb-2 text-xl font-semibold">
            {t("authoring.review.heading")}
          </h2>
          <p className="mb-2 text-slate-700">{t("authoring.review.required")}</p>
          <p className="mb-1">{t("authoring.review.revision", { revision: page.revision })}</p>
          <ReviewState review={page.currentReview} timeZone={page.timeZone} />
          {!page.currentReview || page.currentReview.state === "RETURNED" ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="revision" value={page.revision} />
              <button type="submit" name="intent" value="submit" className={secondaryClass}>
                {t("authoring.review.submit")}
              </button>
            </Form>
          ) : null}
          {page.currentReview?.state === "SUBMITTED" && !page.mayDecide ? (
            <p className="mt-2 text-slate-700">{t("authoring.review.ownSubmission")}</p>
          ) : null}
          {page.mayDecide ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="revision" value={page.revision} />
              <div className="mb-3">
                <label htmlFor="comment" className="block font-medium">
                  {t("authoring.review.comment")}
                </label>
                <textarea
                  id="comment"
                  name="comment"
                  rows={3}
                  defaultValue={actionData?.comment ?? ""}
                  aria-invalid={commentError ? true : undefined}
                  aria-describedby={commentError ? "comment-error" : undefined}
                  className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base"
                />
                {commentError ? (
                  <p id="comment-error" className="mt-1 text-sm font-medium text-red-700">
                    {t(commentError as MessageKey)}
                  </p>
                ) : null}
              </div>
              <div className="flex flex-wrap gap-3">
                <button type="submit" name="intent" value="approve" className={buttonClass}>
                  {t("authoring.review.approve")}
                </button>
                <button type="submit" name="intent" value="return" className={secondaryClass}>
                  {t("authoring.review.return")}
                </button>
              </div>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="publish-heading" className={sectionClass}>
        <h2 id="publish-heading" className="mb-2 text-xl font-semibold">
          {t("authoring.publish.action.heading")}
        </h2>
        <p className="mb-3">{t("authoring.publish.action.hint")}</p>
        {mayPublish ? null : <p className="mb-3 font-medium text-red-800">{t("authoring.problem.invalid")}</p>}
        <Form method="post">
          <input type="hidden" name="revision" value={page.revision} />
          <button type="submit" name="intent" value="publish" className={buttonClass}>
            {t("authoring.publish.action.button")}
          </button>
        </Form>
      </section>

      {page.reviews.length > 0 ? (
        <section className="mb-6">
          {/* Not a named region: its table already is one, with the same name. */}
          <h2 className="mb-2 text-xl font-semibold">{t("authoring.review.history")}</h2>
          <TableScroll label={t("authoring.review.history")}>
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("authoring.review.col.revision")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.review.col.submitted")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.review.col.decision")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("authoring.review.col.comment")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.reviews.map((review) => (
                  <tr key={review.id} className="border-b border-slate-200">
                    <td className="p-2">{formats.number(review.revision)}</td>
                    <td className="p-2">
                      {t("authoring.review.who", {
                        name: reviewer(t, review.submittedBy),
                        date: formats.day(review.submittedAt, page.timeZone),
                      })}
                    </td>
                    <td className="p-2">
                      {t(`authoring.review.decision.${review.state}`)}
                      {review.decidedAt
                        ? ` — ${t("authoring.review.who", { name: reviewer(t, review.decidedBy), date: formats.day(review.decidedAt, page.timeZone) })}`
                        : null}
                    </td>
                    <td className="p-2">{review.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.nav.publish");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
