import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/meta.ts";
import { GeneralErrorBoundary } from "~/ui/error-boundary.tsx";

// Any unknown URL: a 404 rendered by the shared error boundary, in the user's language.
export async function loader() {
  throw new Response(null, { status: 404 });
}

export async function action() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "error.notFound.title");
