import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signUp } from "~/auth/accounts.server.ts";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { findUsableInvitation } from "~/auth/invitations.server.ts";
import { roleLabelKey } from "~/auth/roles.ts";
import { invitedSignupSchema, signupSchema } from "~/auth/validation.ts";
import { listCitiesWithDepartments, listDepartments } from "~/cities/cities.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { formValues, parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { privacyNotice } from "~/privacy/retention.server.ts";
import { CityPrivacyList } from "~/ui/privacy-notice.tsx";
import { CheckboxField, FormAlert, SelectField, SubmitButton, TextField, LanguageOptions, ErrorSummary } from "~/ui/form.tsx";

async function invitationOffer(token: string | null) {
  if (!token) return null;
  const invitation = await findUsableInvitation(token);
  if (!invitation) return { usable: false as const };
  const departments = invitation.department ? [] : await listDepartments(invitation.cityId);
  return {
    usable: true as const,
    token,
    cityName: invitation.city.name,
    roleLabel: roleLabelKey(invitation.role ?? "LEARNER"),
    email: invitation.email,
    departmentName: invitation.department?.name ?? null,
    departments,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const token = new URL(request.url).searchParams.get("invitation");
  const [cities, invitation, locale, privacyTerms] = await Promise.all([
    listCitiesWithDepartments(),
    invitationOffer(token),
    getLocale(request),
    privacyNotice(),
  ]);
  return { cities, invitation, locale, privacyTerms };
}

const formLimits: FormLimits = { maxFields: 12, maxBytes: 16 * 1024 };

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, formLimits);
  const invited = typeof formData.get("invitation") === "string" && formData.get("invitation") !== "";
  const parsed = invited ? parseForm(invitedSignupSchema, formData) : parseForm(signupSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null, values: parsed.values }, { status: 400 });
  const result = await signUp(parsed.data, clientIp(context));
  if (!result.ok) {
    return data(
      { fieldErrors: result.fieldErrors, formError: result.formError ?? null, values: formValues(formData) },
      { status: 400 },
    );
  }
  // The same page whether or not the address has an account: its owner learns by email.
  throw redirect("/confirm-email");
}

export default function SignupPage() {
  const { t } = useTranslation();
  const { cities, invitation, locale, privacyTerms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  const values = actionData?.values ?? {};
  const offer = invitation?.usable ? invitation : null;
  const labels = {
    name: t("field.name"),
    email: t("field.email"),
    city: t("field.city"),
    department: t("field.department"),
    locale: t("field.language"),
    privacy: t("field.privacy"),
  };

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">{t("signup.title")}</h1>
      {invitation && !invitation.usable ? <FormAlert>{t("invitation.invalid")}</FormAlert> : null}
      {offer ? (
        <FormAlert tone="success">{t("signup.invited", { city: offer.cityName, role: t(offer.roleLabel) })}</FormAlert>
      ) : (
        <p className="mb-4 text-slate-700">{t("signup.intro")}</p>
      )}
      {actionData?.formError ? <FormAlert>{t(actionData.formError.key, actionData.formError.params)}</FormAlert> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate>
        {offer ? <input type="hidden" name="invitation" value={offer.token} /> : null}
        <TextField name="name" label={labels.name} autoComplete="name" errors={errors} defaultValue={values.name} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="email"
          errors={errors}
          defaultValue={values.email ?? offer?.email ?? undefined}
        />
        {offer ? (
          offer.departments.length > 0 ? (
            <SelectField
              name="department"
              label={labels.department}
              errors={errors}
              defaultValue={values.department ?? ""}
              required={false}
            >
              <option value="">{t("field.chooseDepartment")}</option>
              {offer.departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </SelectField>
          ) : null
        ) : (
          <>
            <SelectField name="city" label={labels.city} errors={errors} defaultValue={values.city ?? ""}>
              <option value="">{t("field.chooseCity")}</option>
              {cities.map((city) => (
                <option key={city.slug} value={city.slug}>
                  {city.name}
                </option>
              ))}
            </SelectField>
            <SelectField name="department" label={labels.department} errors={errors} defaultValue={values.department ?? ""}>
              <option value="">{t("field.chooseDepartment")}</option>
              {cities.map((city) => (
                <optgroup key={city.slug} label={city.name}>
                  {city.departments.map((department) => (
                    <option key={department.id} value={department.id}>
                      {department.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          </>
        )}
        <SelectField name="locale" label={labels.locale} errors={errors} defaultValue={values.locale ?? locale}>
          <LanguageOptions />
        </SelectField>
        <section aria-labelledby="privacy-title" className="mb-4 rounded border border-slate-300 bg-white p-3">
          <h2 id="privacy-title" className="font-semibold">
            {t("signup.privacyTitle")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("signup.privacyText")}</p>
          <div className="mt-2">
            <CityPrivacyList cities={offer ? privacyTerms.filter((city) => city.name === offer.cityName) : privacyTerms} />
          </div>
        </section>
        <CheckboxField name="privacy" label={labels.privacy} errors={errors} />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </Form>
      <p className="mt-6">
        <Link to="/login" className="text-blue-800 underline">
          {t("signup.haveAccount")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signup.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
