/** Item analysis of a city course's quiz: how each question of a published version performs on first attempts. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { histogramGeometry } from "~/analysis/histogram.ts";
import { analysisCourse, versionAnalysis, type AnalysedQuestion } from "~/analysis/item-analysis.server.ts";
import { easyAbove, hardBelow, minimumLearners, type HistogramBin, type ItemFlag } from "~/analysis/item-analysis.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { readLocalized } from "~/courses/localized.ts";
import { isLocale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { optionLabel } from "~/quiz/question-views.tsx";
import { AuthorNav, authorCoursePath } from "~/ui/author-nav.tsx";
import { SelectField, SubmitButton } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "analysis.nav");

const versionQuery = z.coerce.number().int().positive().max(1_000_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const locale = isLocale(user.locale) ? user.locale : "es";
  const course = await analysisCourse(scope, params.course ?? "");
  if (!course) throw new Response(null, { status: 404 });
  const search = new URL(request.url).searchParams;
  const wanted = versionQuery.safeParse(search.get("version"));
  const chosen = wanted.success ? course.versions.find((version) => version.number === wanted.data) : undefined;
  const selected = chosen ?? course.versions[0] ?? null;
  const newest = course.versions[0];
  return {
    courseKey: course.courseKey,
    title: newest ? readLocalized(newest.title, locale, course.sourceLocale, z.string()) : course.courseKey,
    timeZone: user.city.timeZone,
    versions: course.versions.map((version) => ({ number: version.number, publishedAt: version.publishedAt.toISOString() })),
    selected: selected?.number ?? null,
    unknownVersion: search.has("version") && !chosen,
    analysis: selected ? await versionAnalysis(selected.id, locale, course.sourceLocale) : null,
  };
}

function ScoreHistogram({ bins }: { bins: readonly HistogramBin[] }) {
  const { t, formats } = useTranslation();
  const chart = histogramGeometry(bins);
  return (
    <svg
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby="histogram-title histogram-desc"
      className="h-auto w-full max-w-2xl"
    >
      <title id="histogram-title">{t("analysis.histogram.title")}</title>
      <desc id="histogram-desc">{t("analysis.histogram.desc")}</desc>
      {chart.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} stroke="#d1d5db" />
          <text x={chart.plot.left - 8} y={tick.y + 4} textAnchor="end" fontSize="12" fill="#374151">
            {formats.number(tick.value)}
          </text>
        </g>
      ))}
      {chart.bars.map((bar) => (
        <g key={bar.from}>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#1e40af" />
          <text x={bar.x + bar.width / 2} y={chart.plot.bottom + 16} textAnchor="middle" fontSize="11" fill="#374151">
            {formats.number(bar.from)}
          </text>
        </g>
      ))}
      <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.plot.bottom} y2={chart.plot.bottom} stroke="#374151" />
      <text x={(chart.plot.left + chart.plot.right) / 2} y={chart.height - 4} textAnchor="middle" fontSize="12" fill="#374151">
        {t("analysis.histogram.range")}
      </text>
    </svg>
  );
}

function HistogramTable({ bins }: { bins: readonly HistogramBin[] }) {
  const { t, formats } = useTranslation();
  return (
    <TableScroll label={t("analysis.histogram.table")}>
      <table className="mt-2 border-collapse text-sm">
        <caption className="mb-1 text-left font-medium">{t("analysis.histogram.table")}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b p-2 text-left">
              {t("analysis.histogram.range")}
            </th>
            <th scope="col" className="border-b p-2 text-right">
              {t("analysis.histogram.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin) => (
            <tr key={bin.from}>
              <th scope="row" className="border-b p-2 text-left font-normal">
                {t("analysis.histogram.rangeValue", { from: formats.percent(bin.from), to: formats.percent(bin.to) })}
              </th>
              <td className="border-b p-2 text-right">{formats.number(bin.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function flagText(t: Translate, percent: (value: number) => string, flag: ItemFlag): string {
  if (flag === "easy") return t("analysis.flag.easy", { limit: percent(easyAbove * 100) });
  if (flag === "hard") return t("analysis.flag.hard", { limit: percent(hardBelow * 100) });
  return t("analysis.flag.negative");
}

function QuestionAnalysis({ question, number }: { question: AnalysedQuestion; number: number }) {
  const { t, formats } = useTranslation();
  const { statistics } = question;
  const id = `question-${number}`;
  const share = (count: number) => formats.percent(statistics.seen === 0 ? 0 : Math.round((count * 100) / statistics.seen));
  return (
    <section aria-labelledby={id} className="mb-6 border-t pt-4">
      <h3 id={id} className="mb-2 text-lg font-semibold">
        {t("analysis.question.heading", { number, text: question.text })}
      </h3>
      <dl className="mb-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("analysis.question.seen")}</dt>
        <dd>{t("analysis.question.seenValue", { count: statistics.seen })}</dd>
        {statistics.enoughData ? (
          <>
            <dt className="font-medium">{t("analysis.question.facility")}</dt>
            <dd>{statistics.facility === null ? "—" : formats.percent(Math.round(statistics.facility * 100))}</dd>
            <dt className="font-medium">{t("analysis.question.discrimination")}</dt>
            <dd>
              {statistics.discrimination === null
                ? t("analysis.question.undefined")
                : formats.correlation(statistics.discrimination)}
              <span className="block text-sm text-gray-700">{t("analysis.question.discriminationHint")}</span>
            </dd>
            <dt className="font-medium">{t("analysis.question.flags")}</dt>
            <dd>
              {statistics.flags.length === 0 ? (
                t("analysis.question.noFlags")
              ) : (
                <ul className="list-disc pl-5">
                  {statistics.flags.map((flag) => (
                    <li key={flag} className="font-semibold text-red-800">
                      {flagText(t, formats.percent, flag)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {statistics.enoughData ? (
        <TableScroll label={t("analysis.options.table", { number })}>
          <table className="border-collapse text-sm">
            <caption className="sr-only">{t("analysis.options.table", { number })}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b p-2 text-left">
                  {t("analysis.options.option")}
                </th>
                <th scope="col" className="border-b p-2 text-right">
                  {t("analysis.options.count")}
                </th>
                <th scope="col" className="border-b p-2 text-right">
                  {t("analysis.options.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {question.options.map((option) => (
                <tr key={option.key}>
                  <th scope="row" className="border-b p-2 text-left font-normal">
                    {optionLabel(t, option)} {option.correct ? <strong>{t("analysis.options.correct")}</strong> : null}
                  </th>
                  <td className="border-b p-2 text-right">{formats.number(option.count)}</td>
                  <td className="border-b p-2 text-right">{share(option.count)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="border-b p-2 text-left font-normal">
                  {t("analysis.options.none")}
                </th>
                <td className="border-b p-2 text-right">{formats.number(statistics.none)}</td>
                <td className="border-b p-2 text-right">{share(statistics.none)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("analysis.notEnough.question", { minimum: minimumLearners })}</p>
      )}
    </section>
  );
}

export default function QuizAnalysis() {
  const { courseKey, title, timeZone, versions, selected, unknownVersion, analysis } = useLoaderData<typeof loader>();
  const { t, formats } = useTranslation();
  const path = `${authorCoursePath(courseKey, "analysis")}`;
  return (
    <div>
      <AuthorNav courseKey={courseKey} courseTitle={title} current="analysis" />
      <h1 className="mb-2 text-2xl font-bold">{t("analysis.title", { course: title })}</h1>
      <p className="mb-4">{t("analysis.intro")}</p>
      {versions.length === 0 || !analysis ? (
        <p>{t("analysis.version.none")}</p>
      ) : (
        <>
          {unknownVersion ? (
            <p role="status" className="mb-4">
              {t("analysis.version.unknown")}
            </p>
          ) : null}
          <Form method="get" action={path} className="mb-4 flex flex-wrap items-end gap-4">
            <SelectField name="version" label={t("analysis.version.label")} defaultValue={String(selected)}>
              {versions.map((version) => (
                <option key={version.number} value={version.number}>
                  {t("analysis.version.option", { number: version.number, date: formats.day(version.publishedAt, timeZone) })}
                </option>
              ))}
            </SelectField>
            <div className="mb-4">
              <SubmitButton>{t("analysis.version.submit")}</SubmitButton>
            </div>
          </Form>
          <p className="mb-4">{t("analysis.learners", { count: analysis.learners })}</p>
          {analysis.enoughData ? (
            <>
              <section aria-labelledby="histogram" className="mb-6">
                <h2 id="histogram" className="mb-2 text-xl font-semibold">
                  {t("analysis.histogram.title")}
                </h2>
                <ScoreHistogram bins={analysis.histogram} />
                <HistogramTable bins={analysis.histogram} />
              </section>
              <section aria-labelledby="questions">
                <h2 id="questions" className="mb-2 text-xl font-semibold">
                  {t("analysis.questions.title")}
                </h2>
                {analysis.questions.map((question, index) => (
                  <QuestionAnalysis key={question.key} question={question} number={index + 1} />
                ))}
              </section>
            </>
          ) : (
            <section aria-labelledby="not-enough" className="rounded border border-gray-400 p-4">
              <h2 id="not-enough" className="mb-2 text-xl font-semibold">
                {t("analysis.notEnough.title")}
              </h2>
              <p>{t("analysis.notEnough.body", { minimum: minimumLearners })}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
