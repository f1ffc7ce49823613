import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { now } from "~/clock.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { learnerRecord } from "~/people/learner-record.server.ts";
import { requireHr } from "~/reports/scope.server.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";

const paramsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireHr(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  // Outside the viewer's city or subtree, or no such person: the same 404, revealing nothing.
  const record = await learnerRecord(scope, parsed.data.id, now(), await getLocale(request));
  if (!record) throw notFound();
  return { record, timeZone: scope.timeZone };
}

type LoadedCycle = ReturnType<typeof useLoaderData<typeof loader>>["record"]["cycles"][number];

function AccommodationText({ kind, amount }: { kind: string; amount: number }) {
  const { t, formats } = useTranslation();
  if (kind === "EXTRA_ATTEMPTS") return <>{t("hrPeople.accommodation.EXTRA_ATTEMPTS", { count: amount })}</>;
  if (kind === "LATER_DUE") return <>{t("hrPeople.accommodation.LATER_DUE", { count: amount })}</>;
  if (kind === "EXTRA_TIME") return <>{t("hrPeople.accommodation.EXTRA_TIME", { percent: formats.percent(amount) })}</>;
  return <>{t("hrPeople.accommodation.other", { kind })}</>;
}

function CycleSection({ cycle, timeZone }: { cycle: LoadedCycle; timeZone: string }) {
  const { t, formats } = useTranslation();
  const headingId = `cycle-${cycle.key.replace(/[^A-Za-z0-9-]/g, "-")}`;
  const certificate = cycle.certificate;
  return (
    <section aria-labelledby={headingId} className="mb-6 rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {t("hrPeople.learner.cycleHeading", { course: cycle.course, cycle: cycle.cycle })}
      </h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("hrPeople.col.state")}</dt>
        <dd>
          {t(`hrPeople.status.${cycle.state}`)} ({t(cycle.assigned ? "hrPeople.learner.assigned" : "hrPeople.learner.voluntary")})
        </dd>
        {cycle.dueAt ? (
          <>
            <dt className="font-medium">{t("hrPeople.col.dueDate")}</dt>
            <dd>{formats.day(cycle.dueAt, timeZone)}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("hrPeople.col.lessons")}</dt>
        <dd>{t("hrPeople.learner.lessonsDone", { done: cycle.lessonsDone, total: cycle.lessonsTotal })}</dd>
        <dt className="font-medium">{t("hrPeople.col.certificate")}</dt>
        <dd>
          {certificate ? (
            <>
              <span className="font-mono text-sm">{certificate.code}</span>
              {" — "}
              {t("hrPeople.col.issued")} {formats.day(certificate.issuedAt, timeZone)}
              {" — "}
              {certificate.expiresAt
                ? `${t("hrPeople.col.expires")} ${formats.day(certificate.expiresAt, timeZone)}`
                : t("hrPeople.learner.noExpiry")}
              {" — "}
              {certificate.revokedAt
                ? t("hrPeople.learner.certificateRevoked", { date: formats.day(certificate.revokedAt, timeZone) })
                : t(certificate.valid ? "hrPeople.learner.certificateValid" : "hrPeople.learner.certificateExpired")}
            </>
          ) : (
            t("hrPeople.learner.noCertificates")
          )}
        </dd>
      </dl>
      <h4 className="mt-3 font-semibold">{t("hrPeople.learner.attempts")}</h4>
      {cycle.attempts.length === 0 ? (
        <p>{t("hrPeople.learner.noAttempts")}</p>
      ) : (
        <TableScroll label={`${t("hrPeople.learner.attempts")}: ${cycle.course}, ${cycle.cycle}`}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("hrPeople.col.attempt")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.started")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.submitted")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.score")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.result")}
                </th>
              </tr>
            </thead>
            <tbody>
              {cycle.attempts.map((attempt) => {
                const result: MessageKey =
                  attempt.passed === null
                    ? "hrPeople.learner.ungraded"
                    : attempt.passed
                      ? "hrPeople.learner.passed"
                      : "hrPeople.learner.failed";
                return (
                  <tr key={attempt.number} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-normal">
                      {t("hrPeople.number", { value: attempt.number })}
                    </th>
                    <td className="p-2">{formats.dateTimeWithZone(attempt.startedAt, timeZone)}</td>
                    <td className="p-2">{attempt.submittedAt ? formats.dateTimeWithZone(attempt.submittedAt, timeZone) : "—"}</td>
                    <td className="p-2">{attempt.score === null ? "—" : formats.percent(attempt.score)}</td>
                    <td className="p-2">{t(result)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export default function HrLearnerPage() {
  const { t, formats } = useTranslation();
  const { record, timeZone } = useLoaderData<typeof loader>();
  return (
    <div>
      <p className="mb-2">
        <Link to="/hr/people" className="text-blue-800 underline">
          {t("hrPeople.learner.back")}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-bold">{record.name}</h1>
      <p className="mb-1 break-all">{record.email}</p>
      <p className="mb-4 text-slate-700">
        {record.department ?? t("hrPeople.noDepartment")}
        {record.active ? null : ` — ${t("hrPeople.learner.inactive")}`}
      </p>
      <h2 className="mb-2 text-xl font-semibold">{t("hrPeople.learner.cycles")}</h2>
      {record.cycles.length === 0 ? <p className="mb-4">{t("hrPeople.learner.noCycles")}</p> : null}
      {record.cycles.map((cycle) => (
        <CycleSection key={cycle.key} cycle={cycle} timeZone={timeZone} />
      ))}
      <h2 className="mb-2 text-xl font-semibold">{t("hrPeople.learner.accommodations")}</h2>
      {record.accommodations.length === 0 ? (
        <p className="mb-2">{t("hrPeople.learner.noAccommodations")}</p>
      ) : (
        <TableScroll label={t("hrPeople.learner.accommodations")}>
          <table className="mb-2 w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("hrPeople.col.kind")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.course")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.reason")}
                </th>
                <th scope="col" className="p-2">
                  {t("hrPeople.col.granted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {record.accommodations.map((row) => (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <AccommodationText kind={row.kind} amount={row.amount} />
                  </td>
                  <td className="p-2">{row.course ?? t("hrPeople.learner.allCourses")}</td>
                  <td className="p-2">{row.reason || "—"}</td>
                  <td className="p-2">{formats.day(row.createdAt, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <Link to={`/hr/people/${record.id}/accommodations`} className="text-blue-800 underline">
          {t("hrPeople.learner.manageAccommodations", { name: record.name })}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data
    ? pageTitle(matches, "hrPeople.learner.pageTitle", { name: data.record.name })
    : pageTitle(matches, "hrPeople.people.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
