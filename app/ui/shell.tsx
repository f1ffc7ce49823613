/** The page shell: skip link, city header, navigation by role, language switcher, footer. */
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { hasRole, type GrantableRole } from "~/auth/roles.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { LanguageOptions } from "./form.tsx";

export interface ShellUser {
  name: string;
  roles: GrantableRole[];
  city: { name: string; logoHash?: string | null };
}

interface NavItem {
  to: string;
  label: MessageKey;
  visible: (roles: GrantableRole[]) => boolean;
}

const navItems: NavItem[] = [
  { to: "/", label: "nav.home", visible: () => true },
  { to: "/courses", label: "nav.catalog", visible: () => true },
  { to: "/certificates", label: "nav.certificates", visible: () => true },
  { to: "/admin/people", label: "nav.people", visible: (roles) => hasRole(roles, "CITY_ADMIN") },
  { to: "/admin/invitations", label: "nav.invitations", visible: (roles) => hasRole(roles, "CITY_ADMIN") },
  { to: "/admin/certificates", label: "nav.adminCertificates", visible: (roles) => hasRole(roles, "CITY_ADMIN") },
  { to: "/author", label: "authoring.nav", visible: (roles) => hasRole(roles, "TRAINER") || hasRole(roles, "CITY_ADMIN") },
  { to: "/hr", label: "reports.nav", visible: (roles) => hasRole(roles, "HR") || hasRole(roles, "CITY_ADMIN") },
  { to: "/network", label: "network.nav", visible: (roles) => hasRole(roles, "NETWORK_ADMIN") },
  { to: "/profile", label: "nav.profile", visible: () => true },
];

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-white underline-offset-4 hover:underline ${isActive ? "underline decoration-2" : "no-underline"}`;

function LanguageSwitcher() {
  const { t, locale } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="flex items-center gap-2">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-switcher" className="text-sm text-white">
        {t("shell.language")}
      </label>
      {/* Keyed by the page's language: after a client-side navigation that changes it (logging in to an
          account in another language) the select starts again from it instead of keeping the old choice. */}
      <select
        key={locale}
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        className="rounded border border-white bg-white px-1 py-1 text-sm text-slate-900"
      >
        <LanguageOptions />
      </select>
      <button type="submit" className="rounded border border-white px-2 py-1 text-sm text-white">
        {t("shell.changeLanguage")}
      </button>
    </Form>
  );
}

export function Shell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 focus:text-blue-900"
      >
        {t("shell.skipToContent")}
      </a>
      <header className="city-header text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link to="/" className="flex items-center gap-2 text-lg font-bold text-white no-underline">
            {/* The city's name follows in text, so the logo adds nothing for a screen reader. */}
            {user?.city.logoHash ? <img src={`/files/${user.city.logoHash}`} alt="" className="h-10 w-auto" /> : null}
            <span>
              {t("app.name")}
              {user ? <span className="font-normal"> · {user.city.name}</span> : null}
            </span>
          </Link>
          <LanguageSwitcher />
        </div>
        <nav aria-label={t("shell.mainNav")} className="mx-auto max-w-5xl px-4 pb-3">
          <ul className="flex flex-wrap items-center gap-x-3 gap-y-2">
            {user ? (
              <>
                {navItems
                  .filter((item) => item.visible(user.roles))
                  .map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === "/"} className={navLinkClass}>
                        {t(item.label)}
                      </NavLink>
                    </li>
                  ))}
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="rounded px-2 py-1 text-white underline underline-offset-4">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/courses" className={navLinkClass}>
                    {t("nav.catalog")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/login" className={navLinkClass}>
                    {t("nav.login")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/signup" className={navLinkClass}>
                    {t("nav.signup")}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-300 bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-2 px-4 py-4 text-sm text-slate-700">
          <p>{t("shell.footer")}</p>
          <Link to="/privacy" className="text-blue-800 underline">
            {t("shell.privacy")}
          </Link>
        </div>
      </footer>
    </>
  );
}
