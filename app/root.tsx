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
import { htmlLang } from "~/i18n/locales.ts";
import { GeneralErrorBoundary } from "~/ui/error-boundary.tsx";
import { useNonce } from "~/ui/nonce.tsx";
import { Shell } from "~/ui/shell.tsx";
import stylesheet from "./styles.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getSessionState(request);
  const locale = await getLocale(request);
  const shellUser = user ? { name: user.name, roles: user.roles, city: { name: user.city.name } } : null;
  const colours =
    user && HEX_COLOUR.test(user.city.primaryColor) && HEX_COLOUR.test(user.city.accentColor)
      ? { primary: user.city.primaryColor, accent: user.city.accentColor }
      : null;
  return data({ locale, user: shellUser, colours }, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}

// The language and the user only change after a form submission (login, language, profile).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod !== undefined && formMethod !== "GET" ? defaultShouldRevalidate : false;

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const colours = rootData?.colours;
  return (
    <html lang={htmlLang[rootData?.locale ?? "es"]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {colours ? (
          <style nonce={nonce}>{`:root{--city-primary:${colours.primary};--city-accent:${colours.accent}}`}</style>
        ) : null}
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
