import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

/** Where sign-up leads: the account waits for the link sent to the address. */
export default function ConfirmationSentPage() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-bold">{t("confirm.sentTitle")}</h1>
      <p role="status">{t("confirm.sentText")}</p>
      <p className="mt-6">
        <Link to="/login" className="text-blue-800 underline">
          {t("nav.login")}
        </Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "confirm.sentTitle");
