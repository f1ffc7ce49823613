import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { dataProtectionContactOf } from "~/cities/branding.server.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { pageTitle } from "~/i18n/meta.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const protection = user ? await dataProtectionContactOf(user.city.id) : null;
  return { protection: protection?.contact ? protection : null };
}

export default function PrivacyPage() {
  const { t } = useTranslation();
  const { protection } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t("privacy.title")}</h1>
      <p>{t("signup.privacyText")}</p>
      {protection ? <p className="mt-4">{t("branding.privacyContact", protection)}</p> : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");
