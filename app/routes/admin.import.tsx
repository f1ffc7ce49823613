import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { listDepartments } from "~/cities/departments.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, uploadedFile, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import type { MessageKey, Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { applyImport, dryRunUpload, type ImportCounts } from "~/people/staff-import.server.ts";
import {
  columnLabelKey,
  departmentPaths,
  examplePath,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importColumns,
  planSummary,
  sampleHeaders,
  type FileProblem,
  type PlanSummary,
} from "~/people/staff-import.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { ErrorSummary, FileField, FormAlert, SubmitButton } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const dryRunSchema = z.object({ intent: z.literal("dry-run", "validation.required"), file: uploadedFile() });
const applySchema = z.object({
  intent: z.literal("apply", "validation.required"),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "validation.required"),
  digest: z.string().regex(/^[0-9a-f]{64}$/, "validation.required"),
});
const formLimits = {
  maxFields: 4,
  maxBytes: IMPORT_MAX_BYTES + 64 * 1024,
  files: { file: { maxBytes: IMPORT_MAX_BYTES, types: ["csv"] } },
} as const satisfies FormLimits;

type Problem = FileProblem | { reason: "staffImport.file.gone" | "staffImport.file.changed" | "staffImport.partial" };
type ActionResult =
  | { kind: "errors"; fieldErrors: FieldErrors }
  | { kind: "problem"; problem: Problem; counts?: ImportCounts }
  | { kind: "plan"; summary: PlanSummary; hash: string; digest: string; applyRefused: boolean }
  | { kind: "applied"; counts: ImportCounts };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const paths = [...departmentPaths(await listDepartments(admin.city.id)).keys()];
  return { city: admin.city.name, example: examplePath(paths) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const form = await readForm(request, formLimits);
  if (form.get("intent") === "apply") {
    const parsed = parseForm(applySchema, form);
    if (!parsed.ok) return data<ActionResult>({ kind: "errors", fieldErrors: parsed.fieldErrors }, 400);
    const result = await applyImport(admin, parsed.data.hash, parsed.data.digest);
    if (result.outcome === "applied") return data<ActionResult>({ kind: "applied", counts: result.counts });
    if (result.outcome === "refused")
      return data<ActionResult>(
        { kind: "plan", summary: planSummary(result.plan), hash: result.hash, digest: result.digest, applyRefused: true },
        409,
      );
    if (result.outcome === "changed")
      return data<ActionResult>({ kind: "problem", problem: { reason: "staffImport.file.changed" } }, 409);
    if (result.outcome === "partial")
      return data<ActionResult>({ kind: "problem", problem: { reason: "staffImport.partial" }, counts: result.counts }, 409);
    return data<ActionResult>({ kind: "problem", problem: result.problem }, 400);
  }
  const parsed = parseForm(dryRunSchema, form);
  if (!parsed.ok) {
    // The form path refuses a file that is not UTF-8 text as "not a CSV": say what to do about it.
    const fieldErrors = { ...parsed.fieldErrors };
    if (fieldErrors.file === "validation.fileType") fieldErrors.file = "staffImport.file.notCsv";
    return data<ActionResult>({ kind: "errors", fieldErrors }, 400);
  }
  const outcome = await dryRunUpload(admin, parsed.data.file);
  if (!outcome.ok) return data<ActionResult>({ kind: "problem", problem: outcome.problem }, 400);
  return data<ActionResult>({
    kind: "plan",
    summary: planSummary(outcome.plan),
    hash: outcome.hash,
    digest: outcome.digest,
    applyRefused: false,
  });
}

function problemText(t: Translate, problem: Problem): string {
  if ("column" in problem) return t(problem.reason, { column: t(columnLabelKey(problem.column)) });
  if ("line" in problem) return t(problem.reason, { line: problem.line });
  if ("header" in problem) return t(problem.reason, { header: problem.header });
  if ("max" in problem) return t(problem.reason, { max: problem.max });
  return t(problem.reason);
}

function countsText(t: Translate, counts: ImportCounts): string {
  return [
    t("staffImport.count.create", { count: counts.created }),
    t("staffImport.count.update", { count: counts.updated }),
    t("staffImport.count.deactivate", { count: counts.deactivated }),
    t("staffImport.count.unchanged", { count: counts.unchanged }),
  ].join(", ");
}

function PeopleTable({
  kind,
  rows,
  total,
}: {
  kind: "create" | "update" | "deactivate";
  rows: ReadonlyArray<{ row: number; name: string; email: string; fields?: readonly string[] }>;
  total: number;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const title = t(`staffImport.kind.${kind}`);
  const withChanges = kind !== "create";
  return (
    <div className="mb-6">
      <h3 id={`import-${kind}`} className="text-lg font-semibold">
        {title}
      </h3>
      {total > rows.length ? <p className="text-slate-700">{t("staffImport.firstRows", { count: rows.length })}</p> : null}
      <TableScroll label={title}>
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("staffImport.col.row")}
              </th>
              <th scope="col" className="p-2">
                {t("staffImport.col.name")}
              </th>
              <th scope="col" className="p-2">
                {t("staffImport.col.email")}
              </th>
              {withChanges ? (
                <th scope="col" className="p-2">
                  {t("staffImport.col.changes")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} className="border-b border-slate-200">
                <td className="p-2">{row.row}</td>
                <td className="p-2">{row.name}</td>
                <td className="p-2 break-all">{row.email}</td>
                {withChanges ? (
                  <td className="p-2">
                    {(row.fields ?? []).map((field) => t(`staffImport.field.${field}` as MessageKey)).join(", ")}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function PlanResult({
  summary,
  hash,
  digest,
  applyRefused,
}: {
  summary: PlanSummary;
  hash: string;
  digest: string;
  applyRefused: boolean;
}) {
  const { t } = useTranslation();
  const { counts } = summary;
  const writes = counts.create + counts.update + counts.deactivate;
  return (
    <section aria-labelledby="import-plan" className="mt-8">
      <h2 id="import-plan" className="mb-2 text-xl font-bold">
        {t("staffImport.plan.title")}
      </h2>
      {counts.refused > 0 ? (
        <FormAlert tone="error">
          <p>{t(applyRefused ? "staffImport.file.refused" : "staffImport.plan.refusedNotice")}</p>
        </FormAlert>
      ) : (
        <FormAlert tone="success">
          <p>{t(writes > 0 ? "staffImport.plan.ready" : "staffImport.plan.nothingToDo")}</p>
        </FormAlert>
      )}
      <p className="mb-2 text-slate-700">{t("staffImport.plan.nothingWritten")}</p>
      <ul className="mb-6 list-disc pl-6">
        <li>{t("staffImport.count.create", { count: counts.create })}</li>
        <li>{t("staffImport.count.update", { count: counts.update })}</li>
        <li>{t("staffImport.count.deactivate", { count: counts.deactivate })}</li>
        <li>{t("staffImport.count.unchanged", { count: counts.unchanged })}</li>
        <li>{t("staffImport.count.refused", { count: counts.refused })}</li>
      </ul>
      {summary.refused.length > 0 ? (
        <div className="mb-6">
          <h3 id="import-refused" className="text-lg font-semibold">
            {t("staffImport.kind.refused")}
          </h3>
          <TableScroll label={t("staffImport.kind.refused")}>
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="p-2">
                    {t("staffImport.col.row")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("staffImport.col.column")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("staffImport.col.reason")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.refused.map((refusal) => (
                  <tr key={refusal.row} className="border-b border-slate-200">
                    <td className="p-2">{refusal.row}</td>
                    <td className="p-2">{t(columnLabelKey(refusal.column))}</td>
                    <td className="p-2 break-words">{t(refusal.reason, refusal.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {summary.moreRefused > 0 ? (
            <p>
              {t("staffImport.moreRefused", { count: summary.moreRefused })}{" "}
              <a href={`/admin/import/refused.csv?file=${hash}`} className="text-blue-800 underline" download>
                {t("staffImport.allRefused")}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <PeopleTable kind="create" rows={summary.create} total={counts.create} />
      <PeopleTable kind="update" rows={summary.update} total={counts.update} />
      <PeopleTable kind="deactivate" rows={summary.deactivate} total={counts.deactivate} />
      {counts.refused === 0 && writes > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="hash" value={hash} />
          <input type="hidden" name="digest" value={digest} />
          <SubmitButton>{t("staffImport.apply")}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

export default function ImportPage() {
  const { t, formats } = useTranslation();
  const { city, example } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors = result?.kind === "errors" ? result.fieldErrors : undefined;
  return (
    <div>
      <AdminNav current="/admin/import" />
      <h1 className="mb-2 text-2xl font-bold">{t("staffImport.title", { city })}</h1>
      <p className="mb-4 max-w-prose">{t("staffImport.intro")}</p>
      {result?.kind === "applied" ? (
        <FormAlert tone="success">
          <p>{t("staffImport.done", { summary: countsText(t, result.counts) })}</p>
        </FormAlert>
      ) : null}
      {result?.kind === "problem" ? (
        <FormAlert tone="error">
          <p>{problemText(t, result.problem)}</p>
          {result.counts ? <p>{countsText(t, result.counts)}</p> : null}
        </FormAlert>
      ) : null}
      <section aria-labelledby="import-format" className="mb-6 max-w-prose">
        <h2 id="import-format" className="mb-2 text-xl font-bold">
          {t("staffImport.format.title")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("staffImport.format.encoding")}</li>
          <li>
            {t("staffImport.format.header")}
            <ul className="list-[circle] pl-6">
              {importColumns.map((column) => (
                <li key={column}>
                  {t(columnLabelKey(column))}:{" "}
                  <code>
                    {[...new Set([sampleHeaders.es[column], sampleHeaders.pt[column], sampleHeaders.en[column]])].join(", ")}
                  </code>
                </li>
              ))}
            </ul>
          </li>
          <li>{t("staffImport.format.department", { example })}</li>
          <li>{t("staffImport.format.roles")}</li>
          <li>{t("staffImport.format.language")}</li>
          <li>{t("staffImport.format.employeeId")}</li>
          <li>{t("staffImport.format.status")}</li>
          <li>{t("staffImport.format.limits", { rows: IMPORT_MAX_ROWS, size: formats.fileSize(IMPORT_MAX_BYTES) })}</li>
        </ul>
        <p className="mt-2">
          <a href="/admin/import/sample.csv" download className="text-blue-800 underline">
            {t("staffImport.sample")}
          </a>
        </p>
      </section>
      <Form method="post" encType="multipart/form-data" noValidate className="max-w-prose">
        <ErrorSummary errors={fieldErrors} labels={{ file: t("staffImport.file") }} />
        <input type="hidden" name="intent" value="dry-run" />
        <FileField name="file" label={t("staffImport.file")} rule={formLimits.files.file} errors={fieldErrors} />
        <SubmitButton>{t("staffImport.dryRun")}</SubmitButton>
      </Form>
      {result?.kind === "plan" ? (
        <PlanResult summary={result.summary} hash={result.hash} digest={result.digest} applyRefused={result.applyRefused} />
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staffImport.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
