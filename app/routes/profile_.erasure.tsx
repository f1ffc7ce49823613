/** A person asks for their data to be erased, after reading what will happen. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { badRequest } from "~/http/responses.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { erasureRequestedAt, requestErasure } from "~/privacy/erasure.server.ts";
import { FormAlert, SubmitButton } from "~/ui/form.tsx";

const requestSchema = z.object({ intent: z.literal("request") });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 256 };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const requestedAt = await erasureRequestedAt(user.id);
  return { requestedAt: requestedAt?.toISOString() ?? null, timeZone: user.city.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(requestSchema, await readForm(request, formLimits));
  if (!parsed.ok) throw badRequest();
  await requestErasure({ id: user.id, cityId: user.city.id });
  throw redirect("/profile?saved=erasure");
}

export default function ErasureRequestPage() {
  const { t, formats } = useTranslation();
  const { requestedAt, timeZone } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-2xl font-bold">{t("rights.request.title")}</h1>
      {requestedAt ? (
        <FormAlert tone="success">{t("rights.profile.requested", { date: formats.day(requestedAt, timeZone) })}</FormAlert>
      ) : (
        <>
          <p className="mb-2">{t("rights.request.what")}</p>
          <ul className="mb-4 list-disc pl-6">
            <li>{t("rights.request.name")}</li>
            <li>{t("rights.request.sessions")}</li>
            <li>{t("rights.request.certificates")}</li>
            <li>{t("rights.request.figures")}</li>
            <li className="font-semibold">{t("rights.request.irreversible")}</li>
          </ul>
          <p className="mb-4">
            <a href="/profile/data" download className="text-blue-800 underline">
              {t("rights.request.download")}
            </a>
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="request" />
            <SubmitButton>{t("rights.request.confirm")}</SubmitButton>
          </Form>
        </>
      )}
      <p className="mt-6">
        <Link to="/profile" className="text-blue-800 underline">
          {t("rights.request.cancel")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rights.request.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
