import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { normaliseCode } from "~/certificates/codes.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { SubmitButton, TextField } from "~/ui/form.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code?.trim()) throw redirect(`/verify/${encodeURIComponent(normaliseCode(code))}`);
  return null;
}

export default function VerifyFormPage() {
  const { t } = useTranslation();
  return (
    <div className="max-w-md">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <p className="mt-2 text-slate-700">{t("verify.intro")}</p>
      <Form method="get" className="mt-4">
        <TextField name="code" label={t("verify.code")} autoComplete="off" />
        <SubmitButton>{t("verify.submit")}</SubmitButton>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");
