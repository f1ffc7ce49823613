import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { createResetLinkForPerson } from "~/auth/password-reset.server.ts";
import { mayTakeOverAccountOf } from "~/auth/roles.ts";
import { listPeople } from "~/cities/people.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { FormAlert } from "~/ui/form.tsx";
import { PrivacyActions } from "~/ui/privacy-actions.tsx";

const resetSchema = z.object({ userId: z.string().min(1) });
const formLimits: FormLimits = { maxFields: 3, maxBytes: 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const people = await listPeople(admin.city.id);
  return {
    city: admin.city.name,
    people: people.map(({ emailConfirmedAt, ...person }) => ({
      ...person,
      emailConfirmed: emailConfirmedAt !== null,
      canReset: mayTakeOverAccountOf(admin.roles, person.roles),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(resetSchema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  // Only people of the admin's own city: anyone else is "not found".
  const reset = await createResetLinkForPerson(admin, parsed.data.userId);
  if (reset.outcome === "not-found") throw new Response(null, { status: 404 });
  if (reset.outcome === "refused") return data({ reset: null, refused: true }, { status: 403 });
  return data({ reset: { name: reset.name, link: reset.link }, refused: false });
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { city, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <AdminNav current="/admin/people" />
      <h1 className="mb-1 text-2xl font-bold">{t("people.title", { city })}</h1>
      <p className="mb-4 text-slate-700">{t("people.count", { count: people.length })}</p>
      {actionData?.refused ? (
        <FormAlert tone="error">
          <p>{t("people.resetRefused")}</p>
        </FormAlert>
      ) : null}
      {actionData?.reset ? (
        <FormAlert tone="success">
          <p>{t("people.resetCreated", { name: actionData.reset.name })}</p>
          <p className="mt-2 break-all font-mono text-sm">{actionData.reset.link}</p>
        </FormAlert>
      ) : null}
      <TableScroll label={t("people.title", { city })}>
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
                {t("people.col.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id} className="border-b border-slate-200">
                <td className="p-2">{person.name}</td>
                <td className="p-2 break-all">
                  {person.email}
                  {person.emailConfirmed ? null : (
                    <span className="block text-sm text-slate-700">{t("people.emailNotConfirmed")}</span>
                  )}
                </td>
                <td className="p-2">{person.department?.name ?? "—"}</td>
                <td className="p-2">{["LEARNER" as const, ...person.roles].map((role) => t(`role.${role}`)).join(", ")}</td>
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
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.people");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
