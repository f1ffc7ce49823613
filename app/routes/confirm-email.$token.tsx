import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { confirmEmail, isConfirmationTokenUsable } from "~/auth/email-confirmation.server.ts";
import { startSession } from "~/auth/session.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { FormAlert, SubmitButton } from "~/ui/form.tsx";
import { buttonOnlyLimits } from "~/forms/limits.ts";
import { readForm } from "~/forms/read-form.server.ts";

/** Opening the link only shows a button: mail scanners that fetch links must not use it up. */
export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isConfirmationTokenUsable(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request, buttonOnlyLimits);
  const userId = await confirmEmail(params.token ?? "");
  if (!userId) return data({ invalid: true }, { status: 400 });
  const cookie = await startSession(userId, request);
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}

export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">{t("confirm.title")}</h1>
      {!usable || actionData?.invalid ? (
        <>
          <FormAlert>{t("confirm.invalid")}</FormAlert>
          <Link to="/login" className="text-blue-800 underline">
            {t("nav.login")}
          </Link>
        </>
      ) : (
        <Form method="post">
          <p className="mb-4">{t("confirm.intro")}</p>
          <SubmitButton>{t("confirm.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.title");
