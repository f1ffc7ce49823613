import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { requestPasswordReset } from "~/auth/password-reset.server.ts";
import { forgotPasswordSchema } from "~/auth/validation.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, SubmitButton, TextField } from "~/ui/form.tsx";

const formLimits: FormLimits = { maxFields: 3, maxBytes: 4 * 1024 };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotPasswordSchema, await readForm(request, formLimits));
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, sent: false, throttledMinutes: null, values: parsed.values }, { status: 400 });
  const { throttledMinutes } = await requestPasswordReset(parsed.data.email, clientIp(context));
  return { fieldErrors: {}, sent: throttledMinutes === null, throttledMinutes, values: { email: parsed.data.email } };
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const labels = { email: t("field.email") };
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{t("forgot.title")}</h1>
      <p className="mb-4 text-slate-700">{t("forgot.intro")}</p>
      {actionData?.sent ? <FormAlert tone="success">{t("forgot.sent")}</FormAlert> : null}
      {actionData?.throttledMinutes ? <FormAlert>{t("auth.throttled", { count: actionData.throttledMinutes })}</FormAlert> : null}
      <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
      <Form method="post" noValidate>
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="email"
          errors={actionData?.fieldErrors}
          defaultValue={actionData?.values.email}
        />
        <SubmitButton>{t("forgot.submit")}</SubmitButton>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
