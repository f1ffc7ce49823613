/** The links between a city admin's pages, shown at the top of each of them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";

// Each admin page adds its entry here, in the order an admin meets them.
const adminPages: Array<{ to: string; label: MessageKey }> = [
  { to: "/admin/people", label: "nav.people" },
  { to: "/admin/invitations", label: "nav.invitations" },
  { to: "/admin/certificates", label: "nav.adminCertificates" },
  { to: "/admin/privacy", label: "rights.nav.privacy" },
  { to: "/admin/erasure", label: "rights.nav.erasure" },
];

export function AdminNav({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("adminNav.label")} className="mb-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {adminPages.map((page) => (
          <li key={page.to}>
            <Link
              to={page.to}
              aria-current={page.to === current ? "page" : undefined}
              className="text-blue-800 underline aria-[current=page]:font-bold aria-[current=page]:no-underline"
            >
              {t(page.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
