import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ImportForm, ImportReport } from "~/sharing/import-form.tsx";
import { importUpload } from "~/sharing/import-upload.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sharing.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAuthor(request);
  return { city: user.city.name };
}

export async function action({ request }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  return importUpload(request, scope, await getLocale(request));
}

export default function ImportCoursePage() {
  const { t } = useTranslation();
  const { city } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link to="/author" className="text-blue-800 underline">
          {t("authoring.nav.allCourses")}
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t("sharing.import.title")}</h1>
      <div className="mb-4 max-w-3xl space-y-2 text-slate-700">
        <p>{t("sharing.import.intro")}</p>
        <p>{t("sharing.import.newNote", { city })}</p>
      </div>
      <ImportReport report={refused?.report ?? null} stale={refused?.stale ?? false} />
      <ImportForm errors={refused?.fieldErrors ?? undefined} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
