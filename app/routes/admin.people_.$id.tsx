import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { grantableRoles } from "~/auth/roles.ts";
import { startSession } from "~/auth/session.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { authorityOf } from "~/people/staff-rules.ts";
import {
  departmentChoices,
  findStaffPerson,
  grantStaffRole,
  moveStaffPerson,
  revokeStaffRole,
  setStaffActive,
  type StaffOutcome,
} from "~/people/staff.server.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { ErrorSummary, FormAlert, SelectField, SubmitButton } from "~/ui/form.tsx";

const role = z.enum(grantableRoles, { message: "staff.problem.unknownRole" });
const departmentOrNone = z
  .string()
  .max(64, "staff.problem.department")
  .optional()
  .transform((value) => value || null);

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("grant"), role, hrDepartment: departmentOrNone }),
  z.object({ intent: z.literal("revoke"), role }),
  z.object({ intent: z.literal("move"), department: departmentOrNone }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
]);
const formLimits: FormLimits = { maxFields: 4, maxBytes: 1024 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const person = await findStaffPerson(admin.city.id, params.id ?? "");
  if (!person) throw notFound();
  const authority = authorityOf(admin.roles);
  return {
    person,
    isSelf: person.id === admin.id,
    grantable: grantableRoles.filter((grantable) => authority.has(grantable) && !person.roles.includes(grantable)),
    departments: await departmentChoices(admin.city.id, admin.locale),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(actionSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ done: null, refused: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const form = parsed.data;
  const userId = params.id ?? "";
  let outcome: StaffOutcome;
  if (form.intent === "grant")
    outcome = await grantStaffRole(admin, { userId, role: form.role, departmentId: form.hrDepartment });
  else if (form.intent === "revoke") outcome = await revokeStaffRole(admin, { userId, role: form.role });
  else if (form.intent === "move") outcome = await moveStaffPerson(admin, { userId, departmentId: form.department });
  else outcome = await setStaffActive(admin, { userId, active: form.intent === "reactivate" });
  if (!outcome.ok) {
    // Another city's person, or none: not found, never "forbidden" (nothing leaks).
    if (outcome.problem === "staff.problem.notFound") throw notFound();
    return data({ done: null, refused: outcome.problem, fieldErrors: {} }, { status: 409 });
  }
  if (outcome.actorSignedOut) {
    // Admins who stepped down from a role get a new session with the roles they keep.
    const headers = { "Set-Cookie": await startSession(admin.id, request) };
    const stillAdmin = !(form.intent === "revoke" && form.role === "CITY_ADMIN");
    throw redirect(stillAdmin ? `/admin/people/${userId}` : "/", { headers });
  }
  const role = "role" in form ? form.role : null;
  const done = outcome.changed ? (`staff.done.${form.intent}` as const) : ("staff.done.unchanged" as const);
  return { done, role, refused: null, fieldErrors: {} };
}

export default function AdminPersonPage() {
  const { t } = useTranslation();
  const { person, isSelf, grantable, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const departmentOptions = departments.map((department) => (
    <option key={department.id} value={department.id}>
      {`${"\u00a0\u00a0".repeat(department.level - 1)}${department.name}`}
    </option>
  ));
  return (
    <div className="max-w-3xl">
      <AdminNav current="/admin/people" />
      <p className="mb-2">
        <Link to="/admin/people" className="text-blue-800 underline">
          {t("staff.person.back")}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold">{person.name}</h1>
      {actionData?.done ? (
        <FormAlert tone="success">
          <p>{t(actionData.done, { role: actionData.role ? t(`role.${actionData.role}`) : "" })}</p>
        </FormAlert>
      ) : null}
      {actionData?.refused ? (
        <FormAlert>
          <p>{t("staff.refused")}</p>
          <p>{t(actionData.refused)}</p>
        </FormAlert>
      ) : null}
      <ErrorSummary errors={actionData?.fieldErrors} />

      <section aria-labelledby="facts" className="mb-6">
        <h2 id="facts" className="mb-2 text-xl font-semibold">
          {t("staff.person.facts")}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("staff.person.email")}</dt>
          <dd className="break-all">{person.email}</dd>
          <dt className="font-medium">{t("staff.person.department")}</dt>
          <dd>{person.department?.name ?? t("staff.person.noDepartment")}</dd>
          <dt className="font-medium">{t("staff.person.status")}</dt>
          <dd>{t(person.active ? "staff.status.active" : "staff.status.deactivated")}</dd>
        </dl>
      </section>

      <section aria-labelledby="roles" className="mb-6">
        <h2 id="roles" className="mb-2 text-xl font-semibold">
          {t("staff.roles.heading")}
        </h2>
        <p className="mb-2 text-slate-700">{t("staff.roles.signOutNote")}</p>
        {person.roles.length === 0 ? (
          <p className="mb-4">{t("staff.roles.onlyLearner")}</p>
        ) : (
          <ul className="mb-4 space-y-2">
            {person.roles.map((held) => (
              <li key={held} className="flex flex-wrap items-center gap-x-4">
                <span>
                  {t(`role.${held}`)}
                  {held === "HR"
                    ? ` (${person.hrDepartment ? t("staff.roles.hrLimited", { department: person.hrDepartment.name }) : t("staff.roles.hrCityWide")})`
                    : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="role" value={held} />
                  <button type="submit" className="text-blue-800 underline">
                    {t("staff.roles.revoke", { role: t(`role.${held}`) })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {!isSelf && grantable.length > 0 ? (
          <Form method="post" className="rounded border border-slate-300 bg-white p-4">
            <fieldset>
              <legend className="mb-2 text-lg font-semibold">{t("staff.grant.legend")}</legend>
              <input type="hidden" name="intent" value="grant" />
              <SelectField name="role" label={t("staff.grant.role")} errors={actionData?.fieldErrors}>
                {grantable.map((option) => (
                  <option key={option} value={option}>
                    {t(`role.${option}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                name="hrDepartment"
                label={t("staff.grant.hrDepartment")}
                hint={t("staff.grant.hrDepartmentHint")}
                errors={actionData?.fieldErrors}
                required={false}
                defaultValue=""
              >
                <option value="">{t("staff.grant.cityWide")}</option>
                {departmentOptions}
              </SelectField>
              <SubmitButton>{t("staff.grant.submit")}</SubmitButton>
            </fieldset>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="move" className="mb-6">
        <h2 id="move" className="mb-2 text-xl font-semibold">
          {t("staff.move.legend")}
        </h2>
        <Form method="post" className="rounded border border-slate-300 bg-white p-4">
          <input type="hidden" name="intent" value="move" />
          <SelectField
            name="department"
            label={t("staff.move.department")}
            hint={t("staff.move.hint")}
            errors={actionData?.fieldErrors}
            required={false}
            defaultValue={person.department?.id ?? ""}
          >
            <option value="">{t("staff.person.noDepartment")}</option>
            {departmentOptions}
          </SelectField>
          <SubmitButton>{t("staff.move.submit")}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="access" className="mb-6">
        <h2 id="access" className="mb-2 text-xl font-semibold">
          {t("staff.access.heading")}
        </h2>
        <p className="mb-2">{t(person.active ? "staff.access.active" : "staff.access.deactivated")}</p>
        {person.active && isSelf ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value={person.active ? "deactivate" : "reactivate"} />
            {person.active ? <p className="mb-2 text-slate-700">{t("staff.access.deactivateHint")}</p> : null}
            <SubmitButton>{t(person.active ? "staff.access.deactivate" : "staff.access.reactivate")}</SubmitButton>
          </Form>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  loaded ? pageTitle(matches, "staff.person.pageTitle", { name: loaded.person.name }) : pageTitle(matches, "nav.people");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
