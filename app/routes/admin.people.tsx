import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { createResetLinkForPerson } from "~/auth/password-reset.server.ts";
import { mayTakeOverAccountOf } from "~/auth/roles.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { parseStaffFilters, rawStaffFilters, staffFiltersSearch, staffStatuses } from "~/people/staff-filters.ts";
import { departmentChoices, listPeople } from "~/people/staff.server.ts";
import { Pager } from "~/reports/list-parts.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";
import { PrivacyActions } from "~/ui/privacy-actions.tsx";

const resetSchema = z.object({ userId: z.string().min(1) });
const formLimits: FormLimits = { maxFields: 3, maxBytes: 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const params = new URL(request.url).searchParams;
  const raw = rawStaffFilters(params);
  const chrome = {
    city: admin.city.name,
    raw,
    search: staffFiltersSearch(raw),
    departments: await departmentChoices(admin.city.id, admin.locale),
  };
  const parsed = parseStaffFilters(params);
  const listed = parsed.ok ? await listPeople(admin.city.id, parsed.filters) : null;
  if (!listed?.ok) {
    const problems = parsed.ok ? [{ field: "department", message: "staff.filter.badDepartment" }] : parsed.problems;
    return data({ chrome, problems, list: null }, { status: 400 });
  }
  const list = {
    ...listed,
    rows: listed.rows.map(({ emailConfirmedAt, ...person }) => ({
      ...person,
      emailConfirmed: emailConfirmedAt !== null,
      canReset: person.active && mayTakeOverAccountOf(admin.roles, person.roles),
    })),
  };
  return { chrome, problems: null, list };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(resetSchema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  // Only people of the admin's own city: anyone else is "not found".
  const reset = await createResetLinkForPerson(admin, parsed.data.userId);
  if (reset.outcome === "not-found") throw new Response(null, { status: 404 });
  if (reset.outcome === "refused") return data({ reset: null, refused: "people.resetRefused" as const }, { status: 403 });
  if (reset.outcome === "inactive") return data({ reset: null, refused: "staff.resetInactive" as const }, { status: 409 });
  return data({ reset: { name: reset.name, link: reset.link }, refused: null });
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { chrome, problems, list } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = Object.fromEntries((problems ?? []).map((problem) => [problem.field, problem.message]));
  return (
    <div>
      <AdminNav current="/admin/people" />
      <h1 className="mb-1 text-2xl font-bold">{t("people.title", { city: chrome.city })}</h1>
      {actionData?.refused ? (
        <FormAlert tone="error">
          <p>{t(actionData.refused)}</p>
        </FormAlert>
      ) : null}
      {actionData?.reset ? (
        <FormAlert tone="success">
          <p>{t("people.resetCreated", { name: actionData.reset.name })}</p>
          <p className="mt-2 break-all font-mono text-sm">{actionData.reset.link}</p>
        </FormAlert>
      ) : null}
      <Form method="get" className="mb-4 rounded border border-slate-300 bg-white p-4">
        <fieldset>
          <legend className="mb-2 text-lg font-semibold">{t("staff.filter.legend")}</legend>
          {problems ? (
            <FormAlert>
              <p>{t("staff.filter.error")}</p>
              {problems
                .filter((problem) => problem.field === "page")
                .map((problem) => (
                  <p key={problem.field}>{translateMaybe(t, problem.message)}</p>
                ))}
            </FormAlert>
          ) : null}
          <div className="grid gap-x-4 sm:grid-cols-3">
            <TextField
              name="q"
              type="search"
              label={t("staff.filter.search")}
              hint={t("staff.filter.searchHint")}
              defaultValue={chrome.raw.q}
              errors={errors}
              required={false}
            />
            <SelectField
              name="department"
              label={t("staff.filter.department")}
              defaultValue={chrome.raw.department ?? ""}
              errors={errors}
              required={false}
            >
              <option value="">{t("staff.filter.anyDepartment")}</option>
              {chrome.departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {`${"\u00a0\u00a0".repeat(department.level - 1)}${department.name}`}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="status"
              label={t("staff.filter.status")}
              defaultValue={chrome.raw.status ?? ""}
              errors={errors}
              required={false}
            >
              <option value="">{t("staff.filter.anyStatus")}</option>
              {staffStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`staff.status.${status}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton>{t("staff.filter.apply")}</SubmitButton>
            <Link to="?" className="text-blue-800 underline">
              {t("staff.filter.clear")}
            </Link>
          </div>
        </fieldset>
      </Form>
      {list ? (
        <>
          <p className="mb-2 font-medium" role="status">
            {t("staff.found", { count: list.total })}
          </p>
          {list.rows.length === 0 ? (
            <p>{t("staff.empty")}</p>
          ) : (
            <TableScroll label={t("staff.table")}>
              <table className="w-full border-collapse bg-white text-left">
                <thead>
                  <tr className="border-b border-slate-400">
                    <th scope="col" className="p-2">
                      {t("people.col.name")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("people.col.email")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("people.col.department")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("people.col.roles")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("staff.col.status")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("people.col.actions")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((person) => (
                    <tr key={person.id} className="border-b border-slate-200">
                      <th scope="row" className="p-2 font-normal">
                        <Link to={`/admin/people/${person.id}`} className="text-blue-800 underline">
                          {person.name}
                        </Link>
                      </th>
                      <td className="p-2 break-all">
                        {person.email}
                        {person.emailConfirmed ? null : (
                          <span className="block text-sm text-slate-700">{t("people.emailNotConfirmed")}</span>
                        )}
                      </td>
                      <td className="p-2">{person.department?.name ?? "—"}</td>
                      <td className="p-2">{["LEARNER" as const, ...person.roles].map((role) => t(`role.${role}`)).join(", ")}</td>
                      <td className="p-2">{t(person.active ? "staff.status.active" : "staff.status.deactivated")}</td>
                      <td className="p-2">
                        <PrivacyActions id={person.id} name={person.name} />
                        {person.canReset ? (
                          <Form method="post">
                            <input type="hidden" name="userId" value={person.id} />
                            <button
                              type="submit"
                              className="text-left text-blue-800 underline"
                              aria-label={`${t("people.resetLink")}: ${person.name}`}
                            >
                              {t("people.resetLink")}
                            </button>
                          </Form>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pager window={list.window} total={list.total} search={chrome.search} />
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.people");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
