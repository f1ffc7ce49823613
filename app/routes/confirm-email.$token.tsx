import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmEmail, isConfirmationTokenUsable } from "~/auth/email-confirmation.server.ts";
import { startSession } from "~/auth/session.server.ts";
import { newPasswordFormLimits, newPasswordSchema } from "~/auth/validation.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { clientIp } from "~/http/load-context.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, NewPasswordFields, SubmitButton, newPasswordLabels } from "~/ui/form.tsx";
import { readForm } from "~/forms/read-form.server.ts";

/** Opening the link only shows the form: mail scanners that fetch links must not use it up. */
export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isConfirmationTokenUsable(params.token ?? "") };
}

/** The owner of the address chooses the password here, which confirms it and signs them in. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordSchema, await readForm(request, newPasswordFormLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, invalid: false, throttledMinutes: null }, { status: 400 });
  const result = await confirmEmail(params.token ?? "", parsed.data.password, clientIp(context));
  if (result.outcome === "invalid") return data({ fieldErrors: {}, invalid: true, throttledMinutes: null }, { status: 400 });
  if (result.outcome === "refused")
    return data({ fieldErrors: result.fieldErrors, invalid: false, throttledMinutes: null }, { status: 400 });
  if (result.outcome === "throttled")
    return data({ fieldErrors: {}, invalid: false, throttledMinutes: result.minutes }, { status: 429 });
  const cookie = await startSession(result.userId, request);
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labels = newPasswordLabels(t, t("field.password"));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">{t("confirm.title")}</h1>
      {!usable || actionData?.invalid ? (
        <>
          <FormAlert>{t("confirm.invalid")}</FormAlert>
          <Link to="/signup" className="text-blue-800 underline">
            {t("nav.signup")}
          </Link>
        </>
      ) : (
        <Form method="post" noValidate>
          <p className="mb-4">{t("confirm.intro")}</p>
          {actionData?.throttledMinutes ? (
            <FormAlert>{t("auth.throttled", { count: actionData.throttledMinutes })}</FormAlert>
          ) : null}
          <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
          <NewPasswordFields labels={labels} errors={actionData?.fieldErrors} />
          <SubmitButton>{t("confirm.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
