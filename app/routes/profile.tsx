import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { changePassword, updateProfile } from "~/auth/accounts.server.ts";
import { requireUser } from "~/auth/guards.server.ts";
import { startSession } from "~/auth/session.server.ts";
import { changePasswordSchema, profileSchema } from "~/auth/validation.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { erasureRequestedAt } from "~/privacy/erasure.server.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { FormAlert, SelectField, SubmitButton, TextField, LanguageOptions, ErrorSummary } from "~/ui/form.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    locale: user.locale,
    city: user.city.name,
    department: user.department?.name ?? null,
    timeZone: user.city.timeZone,
    erasureRequestedAt: (await erasureRequestedAt(user.id))?.toISOString() ?? null,
  };
}

const formLimits: FormLimits = { maxFields: 8, maxBytes: 16 * 1024 };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request, formLimits);
  if (formData.get("intent") === "password") {
    const parsed = parseForm(changePasswordSchema, formData);
    if (!parsed.ok) return data({ form: "password" as const, fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
    const result = await changePassword(user.id, parsed.data, clientIp(context));
    if (!result.ok)
      return data(
        { form: "password" as const, fieldErrors: result.fieldErrors, formError: result.formError ?? null },
        { status: result.formError ? 429 : 400 },
      );
    // Every session ended with the change; this device gets a fresh one.
    const cookie = await startSession(user.id, request);
    throw redirect("/profile?saved=password", { headers: { "Set-Cookie": cookie } });
  }
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return data({ form: "profile" as const, fieldErrors: parsed.fieldErrors, formError: null }, { status: 400 });
  await updateProfile(user.id, parsed.data);
  throw redirect("/profile?saved=profile");
}

export default function ProfilePage() {
  const { t, formats } = useTranslation();
  const profile = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const profileErrors = actionData?.form === "profile" ? actionData.fieldErrors : undefined;
  const passwordErrors = actionData?.form === "password" ? actionData.fieldErrors : undefined;
  const profileLabels = { name: t("field.name"), locale: t("field.language") };
  const passwordLabels = {
    currentPassword: t("field.currentPassword"),
    password: t("field.newPassword"),
    confirm: t("field.passwordConfirm"),
  };
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">{t("profile.title")}</h1>
      {saved === "profile" ? <FormAlert tone="success">{t("profile.saved")}</FormAlert> : null}
      {saved === "password" ? <FormAlert tone="success">{t("profile.passwordSaved")}</FormAlert> : null}
      {saved === "erasure" ? <FormAlert tone="success">{t("rights.request.done")}</FormAlert> : null}
      <section aria-labelledby="details-title" className="mb-8">
        <h2 id="details-title" className="mb-3 text-xl font-semibold">
          {t("profile.details")}
        </h2>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("field.email")}</dt>
          <dd>{profile.email}</dd>
          <dt className="font-medium">{t("profile.city")}</dt>
          <dd>{profile.city}</dd>
          <dt className="font-medium">{t("field.department")}</dt>
          <dd>{profile.department ?? t("dashboard.noDepartment")}</dd>
        </dl>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <ErrorSummary errors={profileErrors} labels={profileLabels} />
          <TextField
            name="name"
            label={profileLabels.name}
            autoComplete="name"
            defaultValue={profile.name}
            errors={profileErrors}
          />
          <SelectField name="locale" label={profileLabels.locale} defaultValue={profile.locale} errors={profileErrors}>
            <LanguageOptions />
          </SelectField>
          <SubmitButton>{t("profile.save")}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="password-title">
        <h2 id="password-title" className="mb-3 text-xl font-semibold">
          {t("profile.passwordTitle")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          {actionData?.form === "password" && actionData.formError ? (
            <FormAlert>{t(actionData.formError.key, actionData.formError.params)}</FormAlert>
          ) : null}
          <ErrorSummary errors={passwordErrors} labels={passwordLabels} />
          <TextField
            name="currentPassword"
            type="password"
            label={passwordLabels.currentPassword}
            autoComplete="current-password"
            errors={passwordErrors}
          />
          <TextField
            name="password"
            type="password"
            label={passwordLabels.password}
            hint={t("field.passwordHint")}
            autoComplete="new-password"
            errors={passwordErrors}
          />
          <TextField
            name="confirm"
            type="password"
            label={passwordLabels.confirm}
            autoComplete="new-password"
            errors={passwordErrors}
          />
          <SubmitButton>{t("profile.passwordSave")}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="data-title" className="mt-8">
        <h2 id="data-title" className="mb-3 text-xl font-semibold">
          {t("rights.profile.title")}
        </h2>
        <p className="mb-3">{t("rights.profile.intro")}</p>
        <p className="mb-3">
          <a href="/profile/data" download className="text-blue-800 underline">
            {t("rights.profile.download")}
          </a>
        </p>
        {profile.erasureRequestedAt ? (
          <p>{t("rights.profile.requested", { date: formats.day(profile.erasureRequestedAt, profile.timeZone) })}</p>
        ) : (
          <p>
            <Link to="/profile/erasure" className="text-blue-800 underline">
              {t("rights.profile.erasure")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "profile.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
