/** Erasing one person of the city: the page says exactly what will happen; the admin confirms. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { erasePerson, erasurePreview } from "~/privacy/erasure.server.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { CheckboxField, ErrorSummary, FormAlert, SubmitButton } from "~/ui/form.tsx";

const eraseSchema = z.object({ confirm: z.literal("on", { message: "rights.erase.mustConfirm" }) });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 256 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  // Only a person of the admin's own city: anyone else is "not found".
  const preview = await erasurePreview(admin.city.id, params.id ?? "");
  if (!preview) throw notFound();
  return {
    person: { ...preview, requestedAt: preview.requestedAt?.toISOString() ?? null },
    timeZone: admin.city.timeZone,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(eraseSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, refused: null }, { status: 400 });
  const outcome = await erasePerson({ cityId: admin.city.id, actorId: admin.id, userId: params.id ?? "", via: "admin" });
  if (!outcome.ok && outcome.reason === "not-found") throw notFound();
  if (!outcome.ok) return data({ fieldErrors: undefined, refused: outcome.reason }, { status: 409 });
  throw redirect("/admin/erasure?erased=1");
}

export default function ErasePersonPage() {
  const { t, formats } = useTranslation();
  const { person, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = person.erased ? t("rights.erased") : person.name;
  const labels = { confirm: t("rights.erase.confirmLabel") };
  return (
    <div className="max-w-2xl">
      <AdminNav current="/admin/erasure" />
      <h1 className="mb-4 text-2xl font-bold">{t("rights.erase.title", { name })}</h1>
      {actionData?.refused === "last-admin" ? <FormAlert>{t("rights.erase.lastAdmin")}</FormAlert> : null}
      {actionData?.refused === "outranks" ? <FormAlert>{t("rights.erase.outranks")}</FormAlert> : null}
      {person.erased || actionData?.refused === "already-erased" ? (
        <FormAlert tone="success">{t("rights.erase.already")}</FormAlert>
      ) : (
        <>
          {person.requestedAt ? (
            <p className="mb-3">{t("rights.erase.requested", { date: formats.day(person.requestedAt, timeZone) })}</p>
          ) : null}
          {person.lastAdmin && !actionData?.refused ? <FormAlert>{t("rights.erase.lastAdmin")}</FormAlert> : null}
          <p className="mb-3">
            <a href={`/admin/privacy/export/${person.id}`} download className="text-blue-800 underline">
              {t("rights.erase.export")}
            </a>
          </p>
          <p className="mb-2">{t("rights.erase.what")}</p>
          <ul className="mb-4 list-disc pl-6">
            <li className="break-words">{t("rights.erase.identity", { email: person.email })}</li>
            <li>{t("rights.erase.certificates", { count: person.certificates })}</li>
            <li>{t("rights.erase.invitations", { count: person.invitations })}</li>
            <li>{t("rights.erase.sessions", { count: person.sessions })}</li>
            <li>{t("rights.erase.audit")}</li>
            <li>{t("rights.erase.figures")}</li>
          </ul>
          <p className="mb-4 font-semibold">{t("rights.erase.irreversible")}</p>
          <Form method="post" noValidate>
            <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
            <CheckboxField name="confirm" label={labels.confirm} errors={actionData?.fieldErrors} />
            <SubmitButton>{t("rights.erase.confirm")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6">
        <Link to="/admin/erasure" className="text-blue-800 underline">
          {t("rights.erase.cancel")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rights.nav.erasure");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
