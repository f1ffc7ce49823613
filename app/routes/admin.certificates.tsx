import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { listCityCertificates, revokeCertificate } from "~/certificates/certificates.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert } from "~/ui/form.tsx";

const revokeSchema = z.object({
  code: z.string("validation.required").min(1, "validation.required").max(40),
  reason: z.string("validation.reason").trim().min(3, "validation.reason").max(500, "validation.reason"),
});
const formLimits: FormLimits = { maxFields: 4, maxBytes: 8 * 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  return { city: admin.city.name, timeZone: admin.city.timeZone, certificates: await listCityCertificates(admin.city.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(revokeSchema, await readForm(request, formLimits));
  if (!parsed.ok)
    return data({ revoked: null, fieldErrors: parsed.fieldErrors, code: parsed.values.code ?? null }, { status: 400 });
  // Another city's certificate is "not found", never revocable.
  if (!(await revokeCertificate(admin, parsed.data.code, parsed.data.reason))) throw notFound();
  return { revoked: parsed.data.code, fieldErrors: {}, code: null };
}

export default function AdminCertificatesPage() {
  const { t, lang } = useTranslation();
  const { city, timeZone, certificates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone });
  return (
    <div>
      <AdminNav current="/admin/certificates" />
      <h1 className="text-2xl font-bold">{t("adminCertificates.title", { city })}</h1>
      {actionData?.revoked ? (
        <FormAlert tone="success">{t("adminCertificates.revokedDone", { code: actionData.revoked })}</FormAlert>
      ) : null}
      <ErrorSummary errors={actionData?.fieldErrors} />
      {certificates.length === 0 ? <p className="mt-4">{t("adminCertificates.none")}</p> : null}
      <ul className="mt-4 space-y-3">
        {certificates.map((certificate) => {
          const errors = actionData?.code === certificate.code ? actionData.fieldErrors : undefined;
          const reasonId = `reason-${certificate.code}`;
          return (
            <li key={certificate.code} className="rounded border border-slate-300 bg-white p-3">
              <p className="font-mono text-sm">{certificate.code}</p>
              <p className="font-medium">{certificate.holderName}</p>
              <p className="text-sm text-slate-700">
                {certificate.courseTitle} · {t("certificates.issued", { date: date.format(new Date(certificate.issuedAt)) })}
              </p>
              {certificate.revokedAt ? (
                <p className="mt-1 font-semibold text-red-800">
                  {t("certificates.revoked", { date: date.format(new Date(certificate.revokedAt)) })}: {certificate.revokedReason}
                </p>
              ) : (
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="code" value={certificate.code} />
                  <div>
                    <label htmlFor={reasonId} className="block text-sm font-medium">
                      {t("adminCertificates.reason")}
                    </label>
                    <input
                      id={reasonId}
                      name="reason"
                      required
                      minLength={3}
                      maxLength={500}
                      className="mt-1 rounded border border-slate-500 px-2 py-1"
                      aria-describedby={errors?.reason ? `${reasonId}-error` : undefined}
                    />
                    {errors?.reason ? (
                      <p id={`${reasonId}-error`} className="text-sm text-red-700">
                        {t("validation.reason")}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="rounded border border-red-800 px-3 py-1 text-red-800">
                    {t("adminCertificates.revoke", { code: certificate.code })}
                  </button>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.adminCertificates");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
