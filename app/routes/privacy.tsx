import type { MetaFunction } from "@remix-run/node";
import { useTranslation } from "~/i18n/use-translation.ts";
import { pageTitle } from "~/i18n/meta.ts";

export default function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t("privacy.title")}</h1>
      <p>{t("signup.privacyText")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");
