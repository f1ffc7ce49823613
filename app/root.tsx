import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getSessionState } from "~/auth/guards.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { GeneralErrorBoundary } from "~/ui/error-boundary.tsx";
import { useNonce } from "~/ui/nonce.tsx";
import { Shell } from "~/ui/shell.tsx";
import stylesheet from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getSessionState(request);
  const locale = await getLocale(request);
  const shellUser = user
    ? { name: user.name, roles: user.roles, city: { name: user.city.name, logoHash: user.city.logoHash ?? null } }
    : null;
  // The stylesheet URL changes with the colours, so it can be cached for ever.
  const theme = user
    ? `/themes/${user.city.slug}?v=${encodeURIComponent(`${user.city.primaryColor}${user.city.accentColor}`.replace(/#/g, ""))}`
    : null;
  return data({ locale, user: shellUser, theme }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// The language and the user only change after a form submission (login, language, profile).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod !== "GET" ? defaultShouldRevalidate : false;

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const { lang } = useTranslation();
  const nonce = useNonce();
  const theme = rootData?.theme;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {theme ? <link rel="stylesheet" href={theme} /> : null}
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell user={rootData?.user ?? null}>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  const rootData = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell user={rootData?.user ?? null}>
      <GeneralErrorBoundary />
    </Shell>
  );
}
