import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { findAssignment, listAssignments, withdrawAssignment } from "~/assignments/assign.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { requireHr } from "~/reports/scope.server.ts";
import { FormAlert } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const confirmSchema = z.object({ confirm: z.string().max(64).optional(), created: z.coerce.number().int().min(0).optional() });
const withdrawSchema = z.object({ assignmentId: z.string().min(1).max(64) });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireHr(request);
  const locale = await getLocale(request);
  const search = confirmSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const confirmId = search.success ? search.data.confirm : undefined;
  return {
    scopeName: scope.subtree?.name ?? scope.cityName,
    timeZone: scope.timeZone,
    assignments: await listAssignments(scope, locale),
    confirming: confirmId ? await findAssignment(scope, confirmId, locale) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireHr(request);
  const parsed = parseForm(withdrawSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ withdrawn: null, problem: "assignments.error.notFound" as const }, { status: 400 });
  const outcome = await withdrawAssignment(user, scope, parsed.data.assignmentId);
  if (!outcome.ok)
    return data(
      { withdrawn: null, problem: outcome.problem },
      { status: outcome.problem === "assignments.error.notFound" ? 404 : 403 },
    );
  return { withdrawn: outcome.rows, problem: null };
}

export default function AssignmentsPage() {
  const { t, formats, lang } = useTranslation();
  const { scopeName, timeZone, assignments, confirming } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const created = Number(searchParams.get("created") ?? "NaN");
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone });
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{t("assignments.title")}</h1>
      <p className="mb-4 text-slate-700">{t("assignments.intro", { scope: scopeName })}</p>
      {Number.isInteger(created) && created >= 0 && !actionData ? (
        <FormAlert tone="success">
          <p>{t("assignments.created", { count: created })}</p>
        </FormAlert>
      ) : null}
      {actionData?.problem ? (
        <FormAlert>
          <p>{t(actionData.problem)}</p>
        </FormAlert>
      ) : null}
      {actionData?.withdrawn !== null && actionData?.withdrawn !== undefined ? (
        <FormAlert tone="success">
          <p>{t("assignments.withdrawn", { count: actionData.withdrawn })}</p>
        </FormAlert>
      ) : null}
      {confirming && confirming.canWithdraw && !actionData ? (
        <section aria-labelledby="confirm-title" className="mb-6 rounded border-2 border-red-700 bg-white p-4">
          <h2 id="confirm-title" className="text-lg font-semibold">
            {t("assignments.confirmTitle", { course: confirming.course })}
          </h2>
          <p className="mt-2">{t("assignments.confirmText")}</p>
          <Form method="post" action="/hr/assignments" className="mt-3 flex flex-wrap gap-3">
            <input type="hidden" name="assignmentId" value={confirming.id} />
            <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white">
              {t("assignments.confirm")}
            </button>
            <Link
              to="/hr/assignments"
              className="rounded border border-blue-800 px-4 py-2 font-semibold text-blue-800 no-underline"
            >
              {t("assignments.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}
      <p className="mb-4">
        <Link
          to="/hr/assignments/new"
          className="inline-block rounded bg-blue-800 px-4 py-2 font-semibold text-white no-underline"
        >
          {t("assignments.new")}
        </Link>
      </p>
      <p className="mb-2 text-slate-700">{t("assignments.count", { count: assignments.length })}</p>
      {assignments.length === 0 ? (
        <p>{t("assignments.none")}</p>
      ) : (
        <TableScroll label={t("assignments.title")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                {(["course", "whom", "due", "validity", "people", "created", "status"] as const).map((column) => (
                  <th key={column} scope="col" className="p-2">
                    {t(`assignments.col.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {assignments.map((assignment) => (
                <tr key={assignment.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">{assignment.course}</td>
                  <td className="p-2">
                    <ul>
                      {assignment.wholeCity ? <li>{t("assignments.wholeCity")}</li> : null}
                      {assignment.departments.map((department) => (
                        <li key={department.name}>
                          {t(department.includeSubdepartments ? "assignments.withSub" : "assignments.withoutSub", {
                            name: department.name,
                          })}
                        </li>
                      ))}
                      {assignment.namedPeople > 0 ? (
                        <li>{t("assignments.namedPeople", { count: assignment.namedPeople })}</li>
                      ) : null}
                    </ul>
                  </td>
                  <td className="p-2">
                    {assignment.dueAt
                      ? t("assignments.dueFixed", { date: formats.dateTimeWithZone(assignment.dueAt, timeZone) })
                      : t("assignments.dueDays", { count: assignment.dueDays ?? 0 })}
                  </td>
                  <td className="p-2">
                    {assignment.validityMonths
                      ? [
                          t("assignments.validity", { count: assignment.validityMonths }),
                          assignment.windowDays ? t("assignments.window", { count: assignment.windowDays }) : null,
                        ]
                          .filter(Boolean)
                          .join(", ")
                      : t("assignments.noValidity")}
                  </td>
                  <td className="p-2">{t("people.count", { count: assignment.people })}</td>
                  <td className="p-2">
                    {assignment.createdBy
                      ? t("assignments.createdBy", {
                          date: day.format(new Date(assignment.createdAt)),
                          name: assignment.createdBy,
                        })
                      : day.format(new Date(assignment.createdAt))}
                  </td>
                  <td className="p-2">
                    {assignment.withdrawnAt ? (
                      t("assignments.withdrawnOn", { date: day.format(new Date(assignment.withdrawnAt)) })
                    ) : (
                      <>
                        <span className="block">{t("assignments.active")}</span>
                        {assignment.canWithdraw ? (
                          <Link
                            to={`/hr/assignments?confirm=${assignment.id}`}
                            className="text-blue-800 underline"
                            aria-label={t("assignments.withdrawLabel", { course: assignment.course })}
                          >
                            {t("assignments.withdraw")}
                          </Link>
                        ) : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assignments.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
