import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { createInvitation, listInvitations } from "~/auth/invitations.server.ts";
import { assignableRoles, invitationSchema } from "~/auth/validation.ts";
import { listDepartments } from "~/cities/cities.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { FormAlert, SelectField, SubmitButton, TextField, ErrorSummary } from "~/ui/form.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const [invitations, departments] = await Promise.all([listInvitations(admin.city.id), listDepartments(admin.city.id)]);
  return { city: admin.city.name, timeZone: admin.city.timeZone, invitations, departments };
}

const formLimits: FormLimits = { maxFields: 5, maxBytes: 4 * 1024 };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(invitationSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, link: null }, { status: 400 });
  const result = await createInvitation(admin, parsed.data);
  if (!result.ok) return data({ fieldErrors: { department: "validation.department" }, link: null }, { status: 400 });
  return { fieldErrors: {}, link: result.link };
}

export default function InvitationsPage() {
  const { t, lang } = useTranslation();
  const { city, timeZone, invitations, departments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone });
  const labels = {
    role: t("field.role"),
    department: `${t("field.department")} ${t("field.optional")}`,
    email: `${t("field.email")} ${t("field.optional")}`,
  };
  return (
    <div className="max-w-3xl">
      <AdminNav current="/admin/invitations" />
      <h1 className="mb-2 text-2xl font-bold">{t("invitations.title")}</h1>
      <p className="mb-4 text-slate-700">{t("invitations.intro", { city })}</p>
      {actionData?.link ? (
        <FormAlert tone="success">
          <p>{t("invitations.created")}</p>
          <p className="mt-2 break-all font-mono text-sm">{actionData.link}</p>
        </FormAlert>
      ) : null}
      <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
      <Form method="post" noValidate className="mb-8 rounded border border-slate-300 bg-white p-4">
        <SelectField name="role" label={labels.role} errors={actionData?.fieldErrors} defaultValue="LEARNER">
          {assignableRoles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="department"
          label={labels.department}
          errors={actionData?.fieldErrors}
          defaultValue=""
          required={false}
        >
          <option value="">{t("field.chooseDepartment")}</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="email"
          type="email"
          label={labels.email}
          hint={t("invitations.emailHint")}
          errors={actionData?.fieldErrors}
          required={false}
        />
        <SubmitButton>{t("invitations.create")}</SubmitButton>
      </Form>
      <h2 className="mb-3 text-xl font-semibold">{t("invitations.recent")}</h2>
      {invitations.length === 0 ? (
        <p>{t("invitations.none")}</p>
      ) : (
        <TableScroll label={t("invitations.recent")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("invitations.col.created")}
                </th>
                <th scope="col" className="p-2">
                  {t("invitations.col.for")}
                </th>
                <th scope="col" className="p-2">
                  {t("field.role")}
                </th>
                <th scope="col" className="p-2">
                  {t("invitations.col.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id} className="border-b border-slate-200">
                  <td className="p-2">{date.format(new Date(invitation.createdAt))}</td>
                  <td className="p-2">
                    {invitation.email ?? t("invitations.anyone")}
                    {invitation.department ? ` · ${invitation.department.name}` : ""}
                  </td>
                  <td className="p-2">{t(`role.${invitation.role ?? "LEARNER"}`)}</td>
                  <td className="p-2">{t(`invitations.status.${invitation.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "invitations.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
