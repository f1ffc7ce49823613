import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { scopeLabel, setSummarySubscription, summaryPage } from "~/assignments/summaries.server.ts";
import { now } from "~/clock.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getTranslator } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { requireHr } from "~/reports/scope.server.ts";
import { FormAlert, SubmitButton } from "~/ui/form.tsx";

const schema = z.object({ subscribe: z.enum(["yes", "no"]) });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 512 };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireHr(request);
  const t = await getTranslator(request);
  return { ...(await summaryPage(user, scope, now())), scope: scopeLabel(t, scope), city: scope.cityName };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireHr(request);
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ refused: true }, { status: 400 });
  await setSummarySubscription(user, scope, parsed.data.subscribe === "yes");
  throw redirect(`/hr/summary?saved=${parsed.data.subscribe === "yes" ? "on" : "off"}`);
}

export default function SummaryPage() {
  const { t, lang } = useTranslation();
  const count = new Intl.NumberFormat(lang);
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused;
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const { figures } = page;
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">{t("reminders.summary.title")}</h1>
      {refused ? (
        <FormAlert tone="error">
          <p>{t("error.badRequest.text")}</p>
        </FormAlert>
      ) : null}
      {saved === "on" ? <FormAlert tone="success">{t("reminders.summary.savedOn")}</FormAlert> : null}
      {saved === "off" ? <FormAlert tone="success">{t("reminders.summary.savedOff")}</FormAlert> : null}
      <p className="mt-4">{t("reminders.summary.intro", { city: page.city, scope: page.scope })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>{t("reminders.summary.holds.overdue")}</li>
        <li>{t("reminders.summary.holds.expiring", { days: figures.expiringDays })}</li>
        <li>{t("reminders.summary.holds.completed")}</li>
      </ul>
      <p className="mt-4 font-medium">
        {page.subscribed ? t("reminders.summary.subscribed", { email: page.email }) : t("reminders.summary.notSubscribed")}
      </p>
      <Form method="post" className="mt-3">
        <input type="hidden" name="subscribe" value={page.subscribed ? "no" : "yes"} />
        <SubmitButton>{page.subscribed ? t("reminders.summary.unsubscribe") : t("reminders.summary.subscribe")}</SubmitButton>
      </Form>
      <section aria-labelledby="today-title" className="mt-8">
        <h2 id="today-title" className="text-xl font-semibold">
          {t("reminders.summary.today")}
        </h2>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          <dt>{t("reminders.summary.figure.overdue")}</dt>
          <dd className="text-right font-semibold">{count.format(figures.overdue)}</dd>
          <dt>{t("reminders.summary.figure.expiring", { days: figures.expiringDays })}</dt>
          <dd className="text-right font-semibold">{count.format(figures.expiring)}</dd>
          <dt>{t("reminders.summary.figure.completed")}</dt>
          <dd className="text-right font-semibold">{count.format(figures.completedLastWeek)}</dd>
        </dl>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reminders.summary.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
