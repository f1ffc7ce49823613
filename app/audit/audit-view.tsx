/**
 * An audit log page's body: the filter form (a GET form, so the view lives in the URL and works
 * without JavaScript), the export links, the entries newest first and the pager. Used by
 * /admin/audit and /network/audit.
 */
import { Form, Link } from "@remix-run/react";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ExportLinks } from "~/reports/list-parts.tsx";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { summariseDetails } from "./details.ts";
import type { AuditView } from "./audit-request.server.ts";
import { actionLabel, personLabel, targetLabel, type AuditPerson } from "./labels.ts";

type Person = AuditPerson;

type AuditViewData = AuditView;

function PersonCell({ person }: { person: Person | null }) {
  const { t } = useTranslation();
  if (!person) return <>—</>;
  const label = personLabel(t, person);
  // An erased person's other entries are still one click away, through the pseudonym.
  return person.kind === "erased" ? (
    <Link to={`?actor=${person.ref}`} className="italic text-blue-800 underline">
      {label}
    </Link>
  ) : (
    <>{label}</>
  );
}

function FilterForm({ view }: { view: AuditViewData }) {
  const { t } = useTranslation();
  const problems = view.problems ?? [];
  const errors: FieldErrors = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
  const elsewhere = problems.filter((problem) => problem.field === "after");
  return (
    <Form method="get" className="mb-4 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">{t("audit.filter.legend")}</legend>
        {view.problems ? (
          <FormAlert>
            <p>{t("audit.filter.error")}</p>
            {elsewhere.map((problem) => (
              <p key={problem.field}>{translateMaybe(t, problem.message)}</p>
            ))}
          </FormAlert>
        ) : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="actor"
            type="search"
            label={t("audit.filter.actor")}
            hint={t("audit.filter.actorHint")}
            defaultValue={view.raw.actor}
            errors={errors}
            required={false}
          />
          <SelectField
            name="action"
            label={t("audit.filter.action")}
            defaultValue={view.raw.action}
            errors={errors}
            required={false}
          >
            <option value="">{t("audit.filter.anyAction")}</option>
            {view.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="from"
            type="date"
            label={t("audit.filter.from")}
            hint={t("audit.filter.dateHint")}
            defaultValue={view.raw.from}
            errors={errors}
            required={false}
          />
          <TextField
            name="to"
            type="date"
            label={t("audit.filter.to")}
            hint={t("audit.filter.dateHint")}
            defaultValue={view.raw.to}
            errors={errors}
            required={false}
          />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("audit.filter.apply")}</SubmitButton>
          <Link to="?" className="text-blue-800 underline">
            {t("audit.filter.clear")}
          </Link>
        </div>
      </fieldset>
    </Form>
  );
}

export function AuditLogView({ view, tableLabel, exportBase }: { view: AuditViewData; tableLabel: string; exportBase: string }) {
  const { t, formats } = useTranslation();
  const nextLink = view.next ? `${view.search ? `${view.search}&` : "?"}after=${encodeURIComponent(view.next)}` : null;
  return (
    <>
      <FilterForm view={view} />
      {view.problems ? null : (
        <>
          <ExportLinks list="audit" search={view.search} basePath={exportBase} />
          {view.noActor ? (
            <p className="mb-4" role="status">
              {t("audit.noActor", { actor: view.raw.actor })}
            </p>
          ) : view.rows.length === 0 ? (
            <p className="mb-4" role="status">
              {t("audit.empty")}
            </p>
          ) : (
            <TableScroll label={tableLabel}>
              <table className="w-full border-collapse bg-white text-left">
                <thead>
                  <tr className="border-b border-slate-400">
                    {(["date", "actor", "action", "subject", "target", "details"] as const).map((column) => (
                      <th key={column} scope="col" className="p-2">
                        {t(`audit.col.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row) => (
                    <tr key={row.id} className="border-b border-slate-200 align-top">
                      <td className="p-2">{formats.dateTimeWithZone(row.createdAt, view.timeZone)}</td>
                      <td className="p-2">
                        <PersonCell person={row.actor} />
                      </td>
                      <td className="p-2">{actionLabel(t, row.action)}</td>
                      <td className="p-2">
                        <PersonCell person={row.subject} />
                      </td>
                      <td className="p-2 break-all">{targetLabel(row) || "—"}</td>
                      <td className="p-2 break-words">{summariseDetails(row.details) || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <nav aria-label={t("audit.page.nav")} className="mt-4 flex flex-wrap items-center gap-4">
            {view.firstPage ? null : (
              <Link to={view.search || "?"} className="text-blue-800 underline">
                {t("audit.page.first")}
              </Link>
            )}
            {nextLink ? (
              <Link to={nextLink} className="text-blue-800 underline">
                {t("audit.page.next")}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
