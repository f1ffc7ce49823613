import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isResetTokenUsable, resetPassword } from "~/auth/password-reset.server.ts";
import { newPasswordFormLimits, newPasswordSchema } from "~/auth/validation.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, NewPasswordFields, SubmitButton, newPasswordLabels } from "~/ui/form.tsx";

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetTokenUsable(params.token ?? "") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordSchema, await readForm(request, newPasswordFormLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, invalid: false, throttledMinutes: null }, { status: 400 });
  const result = await resetPassword(params.token ?? "", parsed.data.password, clientIp(context));
  if (result.outcome === "invalid") return data({ fieldErrors: {}, invalid: true, throttledMinutes: null }, { status: 400 });
  if (result.outcome === "throttled")
    return data({ fieldErrors: {}, invalid: false, throttledMinutes: result.minutes }, { status: 429 });
  throw redirect("/login?reset=done");
}

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invalid = !usable || actionData?.invalid;
  const labels = newPasswordLabels(t, t("field.newPassword"));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">{t("reset.title")}</h1>
      {invalid ? (
        <>
          <FormAlert>{t("reset.invalid")}</FormAlert>
          <Link to="/forgot-password" className="text-blue-800 underline">
            {t("reset.requestNew")}
          </Link>
        </>
      ) : (
        <Form method="post" noValidate>
          {actionData?.throttledMinutes ? (
            <FormAlert>{t("auth.throttled", { count: actionData.throttledMinutes })}</FormAlert>
          ) : null}
          <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
          <NewPasswordFields labels={labels} errors={actionData?.fieldErrors} />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
