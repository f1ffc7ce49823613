/** The import pages' form and, after a refused import, its whole report (every problem, with file and line). */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ErrorSummary, FileField, FormAlert, SubmitButton } from "~/ui/form.tsx";
import type { ReportLine } from "./import-report.ts";
import { courseZipRule } from "./zip-limits.ts";

export function ImportReport({ report, stale }: { report: ReportLine[] | null; stale: boolean }) {
  const { t } = useTranslation();
  if (stale)
    return (
      <FormAlert>
        <p>{t("sharing.import.stale")}</p>
      </FormAlert>
    );
  if (!report) return null;
  return (
    <FormAlert>
      <h2 className="text-lg font-semibold">{t("sharing.import.refused", { count: report.length })}</h2>
      <ul className="my-2 list-disc space-y-1 pl-5">
        {report.map((line, index) => (
          <li key={index}>
            {line.file ? (
              <span className="font-medium">{`${t("sharing.import.at", { file: line.file, line: line.line ?? 1 })}: `}</span>
            ) : null}
            {line.text}
          </li>
        ))}
      </ul>
      <p>{t("sharing.import.fix")}</p>
    </FormAlert>
  );
}

export function ImportForm({
  errors,
  revision,
  children,
}: {
  errors: FieldErrors | undefined;
  /** For a new draft: the revision of the draft it replaces. */
  revision?: number;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = t("sharing.import.file");
  return (
    <>
      <ErrorSummary errors={errors} labels={{ zip: label }} />
      <Form
        method="post"
        encType="multipart/form-data"
        className="max-w-2xl rounded border border-slate-300 bg-white p-4"
        noValidate
      >
        {children}
        {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
        <FileField name="zip" label={label} rule={courseZipRule} errors={errors} />
        <SubmitButton>{t("sharing.import.submit")}</SubmitButton>
      </Form>
    </>
  );
}
