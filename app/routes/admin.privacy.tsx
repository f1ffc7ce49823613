/** The city's privacy settings: how long inactive accounts are kept, and the open erasure requests. */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { listErasureRequests } from "~/privacy/erasure.server.ts";
import { MAX_RETENTION_MONTHS } from "~/privacy/retention.ts";
import { privacySettings, setRetention } from "~/privacy/retention.server.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { ErrorSummary, FormAlert, SubmitButton, TextField } from "~/ui/form.tsx";

const settingsSchema = z.object({
  retentionMonths: z
    .string()
    .trim()
    .refine(
      (value) => value === "" || (/^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_RETENTION_MONTHS),
      "rights.settings.retentionError",
    ),
});
const formLimits: FormLimits = { maxFields: 2, maxBytes: 256 };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const [settings, requests] = await Promise.all([privacySettings(admin.city.id), listErasureRequests(admin.city.id)]);
  return { ...settings, requests: requests.length };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(settingsSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const months = parsed.data.retentionMonths;
  await setRetention({ id: admin.id, cityId: admin.city.id }, months === "" ? null : Number(months));
  throw redirect("/admin/privacy?saved=1");
}

export default function PrivacySettingsPage() {
  const { t } = useTranslation();
  const settings = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const labels = { retentionMonths: t("rights.settings.retention") };
  return (
    <div className="max-w-2xl">
      <AdminNav current="/admin/privacy" />
      <h1 className="mb-4 text-2xl font-bold">{t("rights.settings.title", { city: settings.name })}</h1>
      {searchParams.get("saved") === "1" && !actionData ? (
        <FormAlert tone="success">{t("rights.settings.saved")}</FormAlert>
      ) : null}
      <p className="mb-4">
        {settings.dataProtectionContact
          ? t("rights.settings.contact", { contact: settings.dataProtectionContact })
          : t("rights.settings.noContact")}
      </p>
      <Form method="post" noValidate className="mb-6">
        <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
        <TextField
          name="retentionMonths"
          label={labels.retentionMonths}
          hint={t("rights.settings.retentionHint")}
          type="text"
          required={false}
          defaultValue={actionData?.values.retentionMonths ?? settings.retentionMonths?.toString() ?? ""}
          errors={actionData?.fieldErrors}
        />
        <SubmitButton>{t("rights.settings.save")}</SubmitButton>
      </Form>
      <p>
        {t("rights.settings.requests", { count: settings.requests })}{" "}
        <Link to="/admin/erasure" className="text-blue-800 underline">
          {t("rights.settings.requestsLink")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rights.nav.privacy");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
