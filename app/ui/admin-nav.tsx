/** The links between a city admin's pages, shown at the top of each of them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";

// Each admin page adds its entry here, in the order an admin meets them.
const adminPages: Array<{ to: string; label: MessageKey }> = [
  { to: "/admin/people", label: "nav.people" },
  { to: "/admin/invitations", label: "nav.invitations" },
  { to: "/admin/import", label: "staffImport.nav" },
  { to: "/admin/certificates", label: "nav.adminCertificates" },
  { to: "/admin/branding", label: "branding.nav" },
  { to: "/admin/departments", label: "departments.nav" },
  { to: "/admin/audit", label: "nav.audit" },
  { to: "/admin/privacy", label: "rights.nav.privacy" },
  { to: "/admin/erasure", label: "rights.nav.erasure" },
];

export function AdminNav({ current }: { current: string }) {
  const { t } = useTranslation();
  return <SubNav pages={adminPages} current={current} label={t("adminNav.label")} />;
}

/** A row of links between related pages, the current one marked (the admin's, the network admin's). */
export function SubNav({
  pages,
  current,
  label,
}: {
  pages: Array<{ to: string; label: MessageKey }>;
  current: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {pages.map((page) => (
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
