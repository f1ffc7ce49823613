import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { CitySettingsFields, settingsLabels } from "~/cities/city-settings-fields.tsx";
import { problemErrors } from "~/cities/city-problems.server.ts";
import { newCitySchema } from "~/cities/city-settings.ts";
import { createCity } from "~/cities/network-cities.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { formValues, parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, SubmitButton, TextField } from "~/ui/form.tsx";
import { NetworkNav } from "~/ui/network-nav.tsx";

const formLimits: FormLimits = { maxFields: 12, maxBytes: 8 * 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "NETWORK_ADMIN");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const form = await readForm(request, formLimits);
  const parsed = parseForm(newCitySchema, form);
  if (!parsed.ok) return data({ created: null, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await createCity(admin.id, parsed.data);
  if (!result.ok) {
    const fieldErrors = problemErrors(result.problems, await getLocale(request));
    return data({ created: null, fieldErrors, values: formValues(form) }, { status: 400 });
  }
  return { created: { slug: result.value.slug, name: parsed.data.name, admin: parsed.data.adminName, link: result.value.link } };
}

export default function NewCityPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const labels = {
    ...settingsLabels(t),
    slug: t("networkCities.field.slug"),
    primaryColor: t("networkCities.field.primary"),
    accentColor: t("networkCities.field.accent"),
    adminName: t("networkCities.field.adminName"),
    adminEmail: t("networkCities.field.adminEmail"),
  };
  const created = actionData?.created;
  if (created)
    return (
      <div>
        <NetworkNav current="/network/cities" />
        <h1 className="mb-4 text-2xl font-bold">{t("networkCities.created.title", { city: created.name })}</h1>
        <FormAlert tone="success">
          <p>{t("networkCities.created.link", { name: created.admin })}</p>
          <p className="mt-2 break-all font-mono text-sm" data-testid="first-admin-link">
            {created.link}
          </p>
        </FormAlert>
        <p className="mb-4">{t("networkCities.created.noDepartments")}</p>
        <p>
          <Link to={`/network/cities/${created.slug}`} className="text-blue-800 underline">
            {t("networkCities.created.settings")}
          </Link>
        </p>
      </div>
    );
  const values = actionData?.values ?? {};
  const errors = actionData?.fieldErrors;
  return (
    <div className="max-w-2xl">
      <NetworkNav current="/network/cities" />
      <h1 className="mb-2 text-2xl font-bold">{t("networkCities.new.title")}</h1>
      <p className="mb-4 text-slate-700">{t("networkCities.new.intro")}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate>
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t("networkCities.new.cityLegend")}</legend>
          <TextField
            name="slug"
            label={labels.slug}
            hint={t("networkCities.hint.slug")}
            defaultValue={values.slug}
            errors={errors}
          />
          <CitySettingsFields values={values} errors={errors} />
          <TextField
            name="primaryColor"
            label={labels.primaryColor}
            hint={t("networkCities.hint.colour")}
            defaultValue={values.primaryColor ?? "#1d4ed8"}
            errors={errors}
          />
          <TextField
            name="accentColor"
            label={labels.accentColor}
            hint={t("networkCities.hint.colour")}
            defaultValue={values.accentColor ?? "#f59e0b"}
            errors={errors}
          />
        </fieldset>
        <fieldset className="mb-4">
          <legend className="mb-2 text-lg font-semibold">{t("networkCities.new.adminLegend")}</legend>
          <TextField
            name="adminName"
            label={labels.adminName}
            defaultValue={values.adminName}
            errors={errors}
            autoComplete="off"
          />
          <TextField
            name="adminEmail"
            type="email"
            label={labels.adminEmail}
            defaultValue={values.adminEmail}
            errors={errors}
            autoComplete="off"
          />
        </fieldset>
        <p className="mb-4 text-slate-700">{t("networkCities.created.noDepartments")}</p>
        <SubmitButton>{t("networkCities.new.submit")}</SubmitButton>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkCities.new.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
