/** A person's data-rights links on a city admin's people row: download their data, erase them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";

export function PrivacyActions({ id, name: stored }: { id: string; name: string }) {
  const { t } = useTranslation();
  const name = stored || t("rights.erased");
  return (
    <span className="mb-1 flex flex-wrap gap-x-3">
      <a
        href={`/admin/privacy/export/${id}`}
        download
        className="text-blue-800 underline"
        aria-label={`${t("rights.admin.export")}: ${name}`}
      >
        {t("rights.admin.export")}
      </a>
      <Link to={`/admin/erasure/${id}`} className="text-blue-800 underline" aria-label={`${t("rights.admin.erase")}: ${name}`}>
        {t("rights.admin.erase")}
      </Link>
    </span>
  );
}
