import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { logIn } from "~/auth/accounts.server.ts";
import { requireAnonymous } from "~/auth/guards.server.ts";
import { startSession } from "~/auth/session.server.ts";
import { loginSchema, safeRedirect } from "~/auth/validation.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { clientIp } from "~/http/load-context.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FormAlert, SubmitButton, TextField } from "~/ui/form.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

const formLimits: FormLimits = { maxFields: 6, maxBytes: 8 * 1024 };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(loginSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, formError: null, values: parsed.values }, { status: 400 });
  const result = await logIn(parsed.data, clientIp(context));
  if (!result.ok)
    return data(
      { fieldErrors: result.fieldErrors, formError: result.formError ?? null, values: { email: parsed.data.email } },
      { status: 400 },
    );
  const cookie = await startSession(result.userId, request);
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const labels = { email: t("field.email"), password: t("field.password") };
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">{t("login.title")}</h1>
      {searchParams.get("reset") === "done" ? <FormAlert tone="success">{t("reset.done")}</FormAlert> : null}
      {searchParams.get("loggedOut") === "1" ? <FormAlert tone="success">{t("logout.done")}</FormAlert> : null}
      {searchParams.get("expired") === "1" ? <FormAlert>{t("login.expired")}</FormAlert> : null}
      {actionData?.formError ? <FormAlert>{t(actionData.formError.key, actionData.formError.params)}</FormAlert> : null}
      <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          errors={actionData?.fieldErrors}
          defaultValue={actionData?.values.email}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          errors={actionData?.fieldErrors}
        />
        <SubmitButton>{t("login.submit")}</SubmitButton>
      </Form>
      <ul className="mt-6 space-y-2">
        <li>
          <Link to="/forgot-password" className="text-blue-800 underline">
            {t("login.forgot")}
          </Link>
        </li>
        <li>
          <Link to="/signup" className="text-blue-800 underline">
            {t("login.noAccount")}
          </Link>
        </li>
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
