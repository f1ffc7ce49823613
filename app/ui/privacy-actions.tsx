/** A person's data-rights link on a city admin's people row: the page to export their data or erase them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";

export function PrivacyActions({ id, name: stored }: { id: string; name: string }) {
  const { t } = useTranslation();
  const name = stored || t("rights.erased");
  return (
    <Link
      to={`/admin/erasure/${id}`}
      className="mb-1 block text-blue-800 underline"
      aria-label={`${t("rights.admin.dataRights")}: ${name}`}
    >
      {t("rights.admin.dataRights")}
    </Link>
  );
}
