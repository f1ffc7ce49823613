import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { requireRole } from "~/auth/guards.server.ts";
import { brandingSchema, MAX_EMAIL_DOMAINS, type ColourRefusal } from "~/cities/branding.ts";
import { checkLogo, colourErrors, loadBranding, saveBranding, type BrandingFieldErrors } from "~/cities/branding.server.ts";
import { cityContrastFailures, isHexColour, minimumRatio } from "~/cities/contrast.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, uploadedFile } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { isMessageKey, translatorFor, type MessageKey } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { SVG_MAX_BYTES } from "~/security/svg-limits.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { CertificatePreview, HeaderPreview, type PreviewBranding } from "~/ui/branding-preview.tsx";
import { CheckboxField, ErrorSummary, FileField, FormAlert, LanguageOptions, SelectField, TextField } from "~/ui/form.tsx";

const schema = brandingSchema.extend({ logo: uploadedFile().optional() });
const formLimits = {
  maxFields: 16,
  maxBytes: SVG_MAX_BYTES + 16 * 1024,
  files: { logo: { maxBytes: SVG_MAX_BYTES, types: ["png", "svg"] } },
} as const satisfies FormLimits;

const fileUrl = (hash: string | null) => (hash ? `/files/${hash}` : null);

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const settings = await loadBranding(admin.city.id);
  return { settings, logoUrl: fileUrl(settings.logoHash) };
}

/** The refusals in the admin's language: a contrast refusal says the ratio it measured and the nearest colour that passes. */
function messages(locale: Awaited<ReturnType<typeof getLocale>>, errors: BrandingFieldErrors, colours: ColourRefusal[]) {
  const t = translatorFor(locale);
  const { contrastRatio } = formatsFor(locale);
  const out: Record<string, string> = {};
  for (const [field, error] of Object.entries(errors))
    if (error) out[field] = t(error.key, { count: MAX_EMAIL_DOMAINS, ...error.params });
  for (const refusal of colours) {
    const key: MessageKey = !refusal.nearest
      ? "branding.error.contrastNoNearest"
      : refusal.field === "primaryColor"
        ? "branding.error.contrastPrimary"
        : "branding.error.contrastAccent";
    out[refusal.field] = t(key, {
      ratio: contrastRatio(refusal.ratio),
      required: contrastRatio(refusal.required),
      nearest: refusal.nearest ?? "",
    });
  }
  return out;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const locale = await getLocale(request);
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) {
    const keys = Object.entries(parsed.fieldErrors).flatMap(([field, key]) =>
      isMessageKey(key) ? [[field, { key }] as const] : [],
    );
    return data(
      { fieldErrors: messages(locale, Object.fromEntries(keys), []), values: parsed.values, preview: null },
      { status: 400 },
    );
  }
  const { logo: file, intent, ...input } = parsed.data;
  const logo = file ? await checkLogo(file) : null;
  const values = {
    ...input,
    emailDomains: input.emailDomains.join("\n"),
    requireCourseReview: input.requireCourseReview ? "on" : "",
  };
  if (intent === "preview") {
    const colours = colourErrors(input);
    const errors: BrandingFieldErrors = logo && !logo.ok ? { logo: { key: logo.error } } : {};
    const logoUrl = logo?.ok ? `data:${logo.contentType};base64,${Buffer.from(logo.bytes).toString("base64")}` : null;
    return { fieldErrors: messages(locale, errors, colours), values, preview: { logoUrl } };
  }
  const saved = await saveBranding(admin, input, logo);
  if (!saved.ok)
    return data({ fieldErrors: messages(locale, saved.fieldErrors, saved.colours), values, preview: null }, { status: 400 });
  return redirect("/admin/branding?saved=1");
}

type Draft = Record<"primaryColor" | "accentColor" | "signatoryName" | "signatoryTitle" | "certificatePrefix", string>;

/** The proposed colours only where they pass (as the theme does): the preview never shows text that fails. */
function previewColours(draft: Draft, saved: Draft): Pick<Draft, "primaryColor" | "accentColor"> {
  const proposed = { primaryColor: draft.primaryColor.trim().toLowerCase(), accentColor: draft.accentColor.trim().toLowerCase() };
  const valid = isHexColour(proposed.primaryColor) && isHexColour(proposed.accentColor);
  return valid && cityContrastFailures(proposed).length === 0
    ? proposed
    : { primaryColor: saved.primaryColor, accentColor: saved.accentColor };
}

export default function BrandingPage() {
  const { t, formats } = useTranslation();
  const { settings, logoUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values = actionData?.values;
  const errors = actionData?.fieldErrors;
  const initial: Draft = {
    primaryColor: values?.primaryColor ?? settings.primaryColor,
    accentColor: values?.accentColor ?? settings.accentColor,
    signatoryName: values?.signatoryName ?? settings.signatoryName,
    signatoryTitle: values?.signatoryTitle ?? settings.signatoryTitle,
    certificatePrefix: values?.certificatePrefix ?? settings.certificatePrefix,
  };
  // With JavaScript the preview follows what is typed; without it, the "Preview" button posts the form.
  const [draft, setDraft] = useState<{ source: typeof actionData; fields: Draft }>({ source: actionData, fields: initial });
  const fields = draft.source === actionData ? draft.fields : initial;
  if (draft.source !== actionData) setDraft({ source: actionData, fields: initial });
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.name in fields)
      setDraft({ source: actionData, fields: { ...fields, [target.name]: target.value } });
  };
  const branding: PreviewBranding = {
    cityName: settings.name,
    ...fields,
    ...previewColours(fields, settings),
    logoUrl: actionData?.preview?.logoUrl ?? logoUrl,
  };
  const labels = {
    logo: t("branding.field.logo"),
    primaryColor: t("branding.field.primaryColor"),
    accentColor: t("branding.field.accentColor"),
    signatoryName: t("branding.field.signatoryName"),
    signatoryTitle: t("branding.field.signatoryTitle"),
    certificatePrefix: t("branding.field.certificatePrefix"),
    emailDomains: t("branding.field.emailDomains"),
    defaultLocale: t("branding.field.defaultLocale"),
    timeZone: t("branding.field.timeZone"),
    dataProtectionContact: t("branding.field.dataProtectionContact"),
  };
  const fieldsetClass = "mb-6 rounded border border-slate-300 bg-white p-4";
  const legendClass = "px-1 text-lg font-semibold";
  const domainsError = errors?.emailDomains;
  return (
    <div>
      <AdminNav current="/admin/branding" />
      <h1 className="mb-2 text-2xl font-bold">{t("branding.title", { city: settings.name })}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("branding.intro")}</p>
      {searchParams.get("saved") === "1" && !actionData ? <FormAlert tone="success">{t("branding.saved")}</FormAlert> : null}
      {actionData?.preview ? (
        <FormAlert tone="success">
          <p>{t("branding.previewShown")}</p>
          {actionData.preview.logoUrl ? <p className="mt-1">{t("branding.previewNewLogo")}</p> : null}
        </FormAlert>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Form method="post" encType="multipart/form-data" noValidate onChange={onChange} className="min-w-0">
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("branding.section.logo")}</legend>
            <p className="mb-2 font-medium">{t("branding.currentLogo")}</p>
            {logoUrl ? (
              <img src={logoUrl} alt={t("certificate.pdf.logoAlt", { city: settings.name })} className="mb-3 h-16 w-auto" />
            ) : (
              <p className="mb-3">{t("branding.noLogo")}</p>
            )}
            <FileField name="logo" label={labels.logo} rule={formLimits.files.logo} errors={errors} required={false} />
          </fieldset>
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("branding.section.colours")}</legend>
            <TextField
              name="primaryColor"
              label={labels.primaryColor}
              hint={t("branding.field.primaryHint", { ratio: formats.contrastRatio(minimumRatio.text) })}
              errors={errors}
              defaultValue={initial.primaryColor}
            />
            <TextField
              name="accentColor"
              label={labels.accentColor}
              hint={t("branding.field.accentHint")}
              errors={errors}
              defaultValue={initial.accentColor}
            />
          </fieldset>
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("branding.section.certificate")}</legend>
            <TextField
              name="signatoryName"
              label={labels.signatoryName}
              errors={errors}
              defaultValue={initial.signatoryName}
              required={false}
            />
            <TextField
              name="signatoryTitle"
              label={labels.signatoryTitle}
              errors={errors}
              defaultValue={initial.signatoryTitle}
            />
            <TextField
              name="certificatePrefix"
              label={labels.certificatePrefix}
              hint={t("branding.field.prefixHint")}
              errors={errors}
              defaultValue={initial.certificatePrefix}
            />
          </fieldset>
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("branding.section.signup")}</legend>
            <div className="mb-4">
              <label htmlFor="emailDomains" className="block font-medium">
                {labels.emailDomains}
              </label>
              <textarea
                id="emailDomains"
                name="emailDomains"
                rows={3}
                defaultValue={values?.emailDomains ?? settings.emailDomains.join("\n")}
                aria-invalid={domainsError ? true : undefined}
                aria-describedby={domainsError ? "emailDomains-hint emailDomains-error" : "emailDomains-hint"}
                className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base"
              />
              <p id="emailDomains-hint" className="mt-1 text-sm text-slate-600">
                {t("branding.field.emailDomainsHint")}
              </p>
              {domainsError ? (
                <p id="emailDomains-error" className="mt-1 text-sm font-medium text-red-700">
                  {domainsError}
                </p>
              ) : null}
            </div>
            <SelectField
              name="defaultLocale"
              label={labels.defaultLocale}
              errors={errors}
              defaultValue={values?.defaultLocale ?? settings.defaultLocale}
            >
              <LanguageOptions />
            </SelectField>
            <TextField
              name="timeZone"
              label={labels.timeZone}
              hint={t("branding.field.timeZoneHint")}
              errors={errors}
              defaultValue={values?.timeZone ?? settings.timeZone}
            />
          </fieldset>
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("branding.section.privacy")}</legend>
            <TextField
              name="dataProtectionContact"
              label={labels.dataProtectionContact}
              hint={t("branding.field.dataProtectionHint")}
              errors={errors}
              defaultValue={values?.dataProtectionContact ?? settings.dataProtectionContact}
              required={false}
            />
          </fieldset>
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("authoring.review.settingSection")}</legend>
            <CheckboxField
              name="requireCourseReview"
              label={t("authoring.review.setting")}
              errors={errors}
              defaultChecked={values ? values.requireCourseReview === "on" : settings.requireCourseReview}
            />
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="intent"
              value="preview"
              className="rounded border-2 border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800"
            >
              {t("branding.preview")}
            </button>
            <button
              type="submit"
              name="intent"
              value="save"
              className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900"
            >
              {t("branding.save")}
            </button>
          </div>
        </Form>
        <section aria-labelledby="preview-title" className="min-w-0">
          <h2 id="preview-title" className="mb-2 text-xl font-semibold">
            {t("branding.previewTitle")}
          </h2>
          <h3 className="mb-1 font-medium">{t("branding.previewHeader")}</h3>
          <HeaderPreview branding={branding} />
          <h3 className="mb-1 mt-4 font-medium">{t("branding.previewCertificate")}</h3>
          <CertificatePreview branding={branding} />
        </section>
      </div>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "branding.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
