import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { privacyNotice } from "~/privacy/retention.server.ts";
import { CityPrivacyList } from "~/ui/privacy-notice.tsx";

/** Public: the notice, with each city's retention of inactive accounts and data-protection contact. */
export async function loader() {
  return { cities: await privacyNotice() };
}

export default function PrivacyPage() {
  const { t } = useTranslation();
  const { cities } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t("privacy.title")}</h1>
      <p>{t("signup.privacyText")}</p>
      <p className="mt-3">{t("rights.notice.rights")}</p>
      <h2 className="mb-2 mt-6 text-xl font-semibold">{t("rights.notice.cities")}</h2>
      <CityPrivacyList cities={cities} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");
