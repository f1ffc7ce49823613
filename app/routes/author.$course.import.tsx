import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readDraft } from "~/authoring/drafts.server.ts";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { draftTitle } from "~/authoring/history.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { metaMessage } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ImportForm, ImportReport } from "~/sharing/import-form.tsx";
import { importUpload } from "~/sharing/import-upload.server.ts";
import { AuthorNav } from "~/ui/author-nav.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => [
  { title: `${page?.title ?? ""} · ${metaMessage(matches, "sharing.import.draftTitle")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const draft = await readDraft(scope, params.course ?? "");
  if (!draft) throw notFound();
  return { key: draft.courseKey, title: draftTitle(draft, await getLocale(request)), revision: draft.revision };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const draft = await readDraft(scope, params.course ?? "");
  if (!draft) throw notFound();
  return importUpload(request, scope, await getLocale(request), draft.courseKey);
}

export default function ImportDraftPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <div>
      <AuthorNav courseKey={page.key} courseTitle={page.title} current="share" />
      <h1 className="mb-2 text-2xl font-bold">{t("sharing.import.draftHeading", { course: page.title })}</h1>
      <div className="mb-4 max-w-3xl space-y-2 text-slate-700">
        <p>{t("sharing.import.intro")}</p>
        <p className="font-medium text-amber-900">{t("sharing.import.draftNote")}</p>
      </div>
      <ImportReport report={refused?.report ?? null} stale={refused?.stale ?? false} />
      <ImportForm errors={refused?.fieldErrors ?? undefined} revision={page.revision} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
