import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  extraAttemptsSchema,
  extraTimeSchema,
  isAccommodationKind,
  laterDueSchema,
  type AccommodationGrant,
  type AccommodationKind,
} from "~/assignments/accommodations.ts";
import { accommodationsOf, grantAccommodation } from "~/assignments/accommodations.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors, type FormEntries } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { requireHr } from "~/reports/scope.server.ts";
import { ErrorSummary, FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const formLimits: FormLimits = { maxFields: 6, maxBytes: 4 * 1024 };
const noValues: Record<string, string> = {};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireHr(request);
  const page = await accommodationsOf(scope, params.id ?? "", await getLocale(request));
  if (!page) throw notFound();
  const saved = new URL(request.url).searchParams.get("saved") ?? "";
  return { ...page, timeZone: scope.timeZone, saved: isAccommodationKind(saved) ? saved : null };
}

/** The posted form as a grant of its kind, or the errors to show next to its fields. */
function readGrant(
  kind: AccommodationKind,
  form: FormEntries,
): { grant: AccommodationGrant } | { fieldErrors: FieldErrors; values: Record<string, string> } {
  if (kind === "EXTRA_ATTEMPTS") {
    const parsed = parseForm(extraAttemptsSchema, form);
    if (!parsed.ok) return parsed;
    return {
      grant: { kind, courseId: parsed.data.attemptsCourse, amount: parsed.data.attempts, reason: parsed.data.attemptsReason },
    };
  }
  if (kind === "EXTRA_TIME") {
    const parsed = parseForm(extraTimeSchema, form);
    if (!parsed.ok) return parsed;
    return { grant: { kind, amount: parsed.data.extraTime, reason: parsed.data.timeReason } };
  }
  const parsed = parseForm(laterDueSchema, form);
  if (!parsed.ok) return parsed;
  return {
    grant: { kind, personAssignmentId: parsed.data.laterRow, amount: parsed.data.laterDays, reason: parsed.data.laterReason },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireHr(request);
  const form = await readForm(request, formLimits);
  const intent = String(form.get("intent") ?? "");
  if (!isAccommodationKind(intent)) return data({ kind: null, fieldErrors: {}, values: noValues }, { status: 400 });
  const read = readGrant(intent, form);
  if ("fieldErrors" in read) return data({ kind: intent, fieldErrors: read.fieldErrors, values: read.values }, { status: 400 });
  const outcome = await grantAccommodation(user, scope, params.id ?? "", read.grant);
  if (!outcome.ok && outcome.status === "not-found") throw notFound();
  if (!outcome.ok) return data({ kind: intent, fieldErrors: outcome.fieldErrors, values: noValues }, { status: 400 });
  throw redirect(`/hr/people/${encodeURIComponent(params.id ?? "")}/accommodations?saved=${outcome.kind}`);
}

function useAmountText() {
  const { t, formats } = useTranslation();
  return (kind: string, amount: number) => {
    if (kind === "EXTRA_ATTEMPTS") return t("reminders.accommodations.amount.attempts", { count: amount });
    if (kind === "EXTRA_TIME") return t("reminders.accommodations.amount.time", { percent: formats.percent(amount) });
    return t("reminders.accommodations.amount.days", { count: amount });
  };
}

function kindLabel(kind: string): `reminders.accommodations.kind.${AccommodationKind}` | null {
  return isAccommodationKind(kind) ? `reminders.accommodations.kind.${kind}` : null;
}

/** What came back from a refused post, for the form of its kind only. */
interface PostedForm {
  errorsFor: (kind: AccommodationKind) => FieldErrors | undefined;
  valueOf: (kind: AccommodationKind, name: string) => string | undefined;
}

/** One grant form: its kind's fields, then the reason every grant needs, then the button. */
function GrantSection({
  kind,
  title,
  submit,
  reasonName,
  empty,
  form,
  children,
}: {
  kind: AccommodationKind;
  title: string;
  submit: string;
  reasonName: string;
  empty: string | null;
  form: PostedForm;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = `${kind.toLowerCase()}-title`;
  return (
    <section aria-labelledby={titleId} className="mt-8">
      <h2 id={titleId} className="mb-3 text-xl font-semibold">
        {title}
      </h2>
      {empty ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value={kind} />
          <ErrorSummary errors={form.errorsFor(kind)} />
          {children}
          <TextField
            name={reasonName}
            label={t("reminders.accommodations.reason")}
            hint={t("reminders.accommodations.reasonHint")}
            defaultValue={form.valueOf(kind, reasonName)}
            errors={form.errorsFor(kind)}
          />
          <SubmitButton>{submit}</SubmitButton>
        </Form>
      )}
    </section>
  );
}

export default function AccommodationsPage() {
  const { t, lang } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const amountText = useAmountText();
  const day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: page.timeZone });
  const form: PostedForm = {
    errorsFor: (kind) => (actionData?.kind === kind ? actionData.fieldErrors : undefined),
    valueOf: (kind, name) => (actionData?.kind === kind ? actionData.values[name] : undefined),
  };
  const savedKind = page.saved ? kindLabel(page.saved) : null;
  return (
    <div className="max-w-3xl">
      <p className="text-sm">
        <Link to={`/hr/people/${page.person.id}`} className="text-blue-800 underline">
          {t("reminders.accommodations.back", { name: page.person.name })}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("reminders.accommodations.title", { name: page.person.name })}</h1>
      <p className="mt-2 text-slate-700">{t("reminders.accommodations.intro")}</p>
      {savedKind ? (
        <div className="mt-4">
          <FormAlert tone="success">{t("reminders.accommodations.saved", { kind: t(savedKind) })}</FormAlert>
        </div>
      ) : null}

      {/* Not a named section: the table's scroll region already carries this name. */}
      <section className="mt-6">
        <h2 className="text-xl font-semibold">{t("reminders.accommodations.granted")}</h2>
        {page.granted.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("reminders.accommodations.none")}</p>
        ) : (
          <TableScroll label={t("reminders.accommodations.granted")}>
            <table className="mt-2 w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.kind")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.amount")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.about")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.reason")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.grantedBy")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("reminders.accommodations.col.date")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.granted.map((row) => {
                  const label = kindLabel(row.kind);
                  return (
                    <tr key={row.id} className="border-b border-slate-200">
                      <td className="p-2">{label ? t(label) : row.kind}</td>
                      <td className="p-2">{amountText(row.kind, row.amount)}</td>
                      <td className="p-2">
                        {row.row
                          ? t("reminders.accommodations.about.row", { course: row.row.course, cycle: row.row.cycle })
                          : (row.course ?? t("reminders.accommodations.about.allTimed"))}
                      </td>
                      <td className="p-2 break-words">{row.reason}</td>
                      <td className="p-2">{row.grantedBy ?? "—"}</td>
                      <td className="p-2">{day.format(new Date(row.createdAt))}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <GrantSection
        kind="EXTRA_ATTEMPTS"
        title={t("reminders.accommodations.attemptsTitle")}
        submit={t("reminders.accommodations.attemptsSubmit")}
        reasonName="attemptsReason"
        empty={page.courses.length === 0 ? t("reminders.accommodations.noLimitedCourses") : null}
        form={form}
      >
        <SelectField
          name="attemptsCourse"
          label={t("reminders.accommodations.attemptsCourse")}
          defaultValue={form.valueOf("EXTRA_ATTEMPTS", "attemptsCourse") ?? ""}
          errors={form.errorsFor("EXTRA_ATTEMPTS")}
        >
          <option value="">{t("reminders.accommodations.chooseCourse")}</option>
          {page.courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
            </option>
          ))}
        </SelectField>
        <TextField
          name="attempts"
          type="number"
          label={t("reminders.accommodations.attemptsAmount")}
          hint={t("reminders.accommodations.attemptsHint")}
          defaultValue={form.valueOf("EXTRA_ATTEMPTS", "attempts")}
          errors={form.errorsFor("EXTRA_ATTEMPTS")}
        />
      </GrantSection>
      <GrantSection
        kind="EXTRA_TIME"
        title={t("reminders.accommodations.timeTitle")}
        submit={t("reminders.accommodations.timeSubmit")}
        reasonName="timeReason"
        empty={null}
        form={form}
      >
        <TextField
          name="extraTime"
          type="number"
          label={t("reminders.accommodations.timeAmount")}
          hint={t("reminders.accommodations.timeHint")}
          defaultValue={form.valueOf("EXTRA_TIME", "extraTime")}
          errors={form.errorsFor("EXTRA_TIME")}
        />
      </GrantSection>
      <GrantSection
        kind="LATER_DUE"
        title={t("reminders.accommodations.laterTitle")}
        submit={t("reminders.accommodations.laterSubmit")}
        reasonName="laterReason"
        empty={page.openRows.length === 0 ? t("reminders.accommodations.noOpenRows") : null}
        form={form}
      >
        <SelectField
          name="laterRow"
          label={t("reminders.accommodations.laterRow")}
          defaultValue={form.valueOf("LATER_DUE", "laterRow") ?? ""}
          errors={form.errorsFor("LATER_DUE")}
        >
          <option value="">{t("reminders.accommodations.chooseRow")}</option>
          {page.openRows.map((row) => (
            <option key={row.id} value={row.id}>
              {t("reminders.accommodations.laterRowOption", {
                course: row.course,
                cycle: row.cycle,
                date: day.format(new Date(row.dueAt)),
              })}
            </option>
          ))}
        </SelectField>
        <TextField
          name="laterDays"
          type="number"
          label={t("reminders.accommodations.laterDays")}
          defaultValue={form.valueOf("LATER_DUE", "laterDays")}
          errors={form.errorsFor("LATER_DUE")}
        />
      </GrantSection>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, "reminders.accommodations.title", { name: loaded?.person.name ?? "" });

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
