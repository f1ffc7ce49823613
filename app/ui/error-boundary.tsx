/** The one error boundary: a friendly page per status, in the user's language, never a stack trace. */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { isRefusalData, refusalKey } from "~/http/refusals.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";

const pages: Record<number, [MessageKey, MessageKey]> = {
  400: ["error.badRequest.title", "error.badRequest.text"],
  403: ["error.forbidden.title", "error.forbidden.text"],
  404: ["error.notFound.title", "error.notFound.text"],
  405: ["error.badRequest.title", "error.badRequest.text"],
  413: ["error.tooLarge.title", "error.tooLarge.text"],
};

export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

/**
 * Every route with an action also exports this as its own `ErrorBoundary`: a refusal the action
 * throws (400, 403, 404) is then shown inside the page shell, in the person's language. Caught at
 * the root instead, the root loader would not run after the action, so the page would lose the
 * language and the signed-in user.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const [title, pageText] = pages[errorStatus(error)] ?? ["error.server.title", "error.server.text"];
  // A form refused while it was read says why (too large, too many fields, a file not accepted).
  const text = isRouteErrorResponse(error) && isRefusalData(error.data) ? refusalKey(error.data.refusal) : pageText;
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-8">
      <h1 id="error-title" className="text-2xl font-bold">
        {t(title)}
      </h1>
      <p className="mt-3">{t(text)}</p>
      <p className="mt-6">
        <Link to="/" className="text-blue-800 underline">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
