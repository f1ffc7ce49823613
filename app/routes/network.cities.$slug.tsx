import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { CitySettingsFields, settingsLabels } from "~/cities/city-settings-fields.tsx";
import { problemErrors } from "~/cities/city-problems.server.ts";
import { citySettingsSchema } from "~/cities/city-settings.ts";
import { findNetworkCity, setCityActive, updateCity } from "~/cities/network-cities.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { formValues, parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, SubmitButton } from "~/ui/form.tsx";
import { NetworkNav } from "~/ui/network-nav.tsx";

const formLimits: FormLimits = { maxFields: 8, maxBytes: 8 * 1024 };
const intentSchema = z.object({ intent: z.enum(["settings", "deactivate", "reactivate"]) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "NETWORK_ADMIN");
  const city = await findNetworkCity(params.slug ?? "");
  if (!city) throw notFound();
  return { city: { ...city, emailDomains: city.emailDomains.join(", ") } };
}

type Outcome = "saved" | "deactivated" | "reactivated" | "unchanged" | "ownCity";

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const slug = params.slug ?? "";
  const form = await readForm(request, formLimits);
  const intent = parseForm(intentSchema, form);
  if (!intent.ok) return data({ outcome: null, fieldErrors: intent.fieldErrors, values: null }, { status: 400 });
  if (intent.data.intent !== "settings") {
    const active = intent.data.intent === "reactivate";
    const result = await setCityActive({ id: admin.id, cityId: admin.city.id }, slug, active);
    if (result === "not-found") throw notFound();
    const outcome: Outcome =
      result === "own-city" ? "ownCity" : result === "unchanged" ? "unchanged" : active ? "reactivated" : "deactivated";
    return data({ outcome, fieldErrors: null, values: null }, { status: result === "own-city" ? 409 : 200 });
  }
  const parsed = parseForm(citySettingsSchema, form);
  if (!parsed.ok) return data({ outcome: null, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await updateCity(admin.id, slug, parsed.data);
  if (!result.ok && "notFound" in result) throw notFound();
  if (!result.ok)
    return data(
      { outcome: null, fieldErrors: problemErrors(result.problems, await getLocale(request)), values: formValues(form) },
      { status: 400 },
    );
  return data({ outcome: "saved" as Outcome, fieldErrors: null, values: null });
}

export default function CitySettingsPage() {
  const { t, formats } = useTranslation();
  const { city } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? undefined;
  const outcome = actionData?.outcome;
  return (
    <div className="max-w-2xl">
      <NetworkNav current="/network/cities" />
      <h1 className="mb-2 text-2xl font-bold">{t("networkCities.edit.title", { city: city.name })}</h1>
      <p className="mb-4 text-slate-700">
        {city.deactivatedAt
          ? t("networkCities.status.deactivated", { date: formats.day(city.deactivatedAt, "UTC") })
          : t("networkCities.status.active")}
      </p>
      {outcome === "ownCity" ? (
        <FormAlert>
          <p>{t("networkCities.edit.ownCity")}</p>
        </FormAlert>
      ) : outcome ? (
        <FormAlert tone="success">
          <p>{t(`networkCities.edit.${outcome}`)}</p>
        </FormAlert>
      ) : null}
      <ErrorSummary errors={errors} labels={settingsLabels(t)} />
      <Form method="post" noValidate className="mb-8">
        <input type="hidden" name="intent" value="settings" />
        <CitySettingsFields values={actionData?.values ?? city} errors={errors} />
        <SubmitButton>{t("networkCities.edit.save")}</SubmitButton>
      </Form>
      <section aria-labelledby="activation" className="rounded border border-slate-300 bg-white p-4">
        <h2 id="activation" className="mb-2 text-lg font-semibold">
          {t("networkCities.edit.activationTitle")}
        </h2>
        <p className="mb-4">
          {city.deactivatedAt ? t("networkCities.edit.reactivateHelp") : t("networkCities.edit.deactivateHelp")}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value={city.deactivatedAt ? "reactivate" : "deactivate"} />
          <SubmitButton>
            {city.deactivatedAt ? t("networkCities.edit.reactivate") : t("networkCities.edit.deactivate")}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches, data: loaded }) =>
  pageTitle(matches, "networkCities.edit.title", { city: (loaded as { city?: { name: string } } | undefined)?.city?.name ?? "" });

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
