import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { changeDepartmentAs, departmentPage } from "~/cities/department-admin.server.ts";
import { departmentActionSchema, doneOf, problemField } from "~/cities/department-input.ts";
import { archiveBlockerKinds, type ArchiveBlockers } from "~/cities/department-tree.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { ErrorSummary, FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";

const formLimits: FormLimits = { maxFields: 3, maxBytes: 2 * 1024 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const page = await departmentPage(admin.city.id, params.id ?? "", await getLocale(request));
  if (!page) throw notFound();
  return { done: doneOf(new URL(request.url).searchParams), ...page };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(departmentActionSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, refusal: null, plan: null }, { status: 400 });
  const departmentId = params.id ?? "";
  const outcome = await changeDepartmentAs(admin, departmentId, parsed.data);
  if (!outcome.ok) {
    if (outcome.problem === "department.notFound") throw notFound();
    const field = problemField(parsed.data.intent, outcome.problem);
    const fieldErrors: FieldErrors = field ? { [field]: outcome.problem } : {};
    return data({ fieldErrors, refusal: { ...outcome, field }, plan: null }, { status: 400 });
  }
  if (outcome.done === "mergePreview") return { fieldErrors: {}, refusal: null, plan: outcome.plan };
  throw redirect(`/admin/departments/${outcome.id}?done=${outcome.done}`);
}

function Blockers({ blockers }: { blockers: ArchiveBlockers }) {
  const { t } = useTranslation();
  const shown = archiveBlockerKinds.filter((kind) => blockers[kind] > 0);
  return (
    <ul className="mt-2 list-disc pl-5">
      {shown.map((key) => (
        <li key={key}>{t(`departments.blocker.${key}`, { count: blockers[key] })}</li>
      ))}
    </ul>
  );
}

const fieldsetClass = "mb-6 rounded border border-slate-300 bg-white p-4";
const legendClass = "px-1 text-lg font-semibold";

export default function DepartmentPage() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { department } = page;
  const refusal = actionData?.refusal;
  // A name clash names the clashing sub-departments, next to the target field and in the summary.
  const errors: FieldErrors | undefined =
    refusal?.problem === "department.mergeNameClash"
      ? { targetId: t("department.mergeNameClash", { names: refusal.names?.join(", ") ?? "" }) }
      : actionData?.fieldErrors;
  const plan = actionData?.plan;
  const labels = {
    name: t("departments.rename.field"),
    parentId: t("departments.move.field"),
    targetId: t("departments.merge.field"),
  };
  return (
    <div className="max-w-3xl">
      <AdminNav current="/admin/departments" />
      <p className="mb-2">
        <Link to="/admin/departments" className="text-blue-800 underline">
          {t("departments.back")}
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold break-words">{t("departments.page.title", { name: department.name })}</h1>
      <p className="text-slate-700 break-words">
        {department.parentId ? t("departments.page.where", { label: department.label }) : t("departments.page.atTop")}
      </p>
      <p className="mb-4 text-slate-700">
        {t("departments.people", { count: page.people })} · {t("departments.peopleInSubtree", { count: page.peopleInSubtree })} ·{" "}
        {t("departments.page.subdepartments", { count: page.subdepartments })}
      </p>
      {department.archived ? (
        <p className="mb-4 rounded border-l-4 border-slate-600 bg-slate-100 p-3">{t("departments.page.archived")}</p>
      ) : null}
      {page.done && !actionData ? (
        <FormAlert tone="success">
          <p>{t(`departments.done.${page.done}`)}</p>
        </FormAlert>
      ) : null}
      {refusal && !refusal.field ? (
        <FormAlert>
          <p>{translateMaybe(t, refusal.problem)}</p>
          {refusal.blockers ? <Blockers blockers={refusal.blockers} /> : null}
        </FormAlert>
      ) : (
        <ErrorSummary errors={errors} labels={labels} />
      )}

      {plan ? (
        <section aria-labelledby="confirm-heading" className="mb-6 rounded border-2 border-amber-700 bg-amber-50 p-4">
          <h2 id="confirm-heading" className="mb-2 text-xl font-semibold">
            {t("departments.merge.confirmTitle")}
          </h2>
          <p>{t("departments.merge.confirmIntro", { source: plan.source.name, target: plan.target.name })}</p>
          <ul className="my-2 list-disc pl-5">
            <li>{t("departments.merge.people", { count: plan.people, target: plan.target.name })}</li>
            <li>{t("departments.merge.subdepartments", { count: plan.subdepartments, target: plan.target.name })}</li>
            <li>
              {t("departments.merge.assignments", {
                count: plan.assignments,
                source: plan.source.name,
                target: plan.target.name,
              })}
            </li>
            <li>
              {t("departments.merge.hrGrants", { count: plan.hrGrants, source: plan.source.name, target: plan.target.name })}
            </li>
            <li>{t("departments.merge.invitations", { count: plan.invitations, target: plan.target.name })}</li>
          </ul>
          <p className="mb-3">{t("departments.merge.archiveNote", { source: plan.source.name })}</p>
          <Form method="post" className="flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="merge" />
            <input type="hidden" name="targetId" value={plan.target.id} />
            <SubmitButton>{t("departments.merge.confirm")}</SubmitButton>
            <Link to={`/admin/departments/${department.id}`} className="text-blue-800 underline">
              {t("departments.merge.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      <Form method="post" noValidate>
        <fieldset className={fieldsetClass}>
          <legend className={legendClass}>{t("departments.rename.legend")}</legend>
          <input type="hidden" name="intent" value="rename" />
          <TextField name="name" label={labels.name} errors={errors} defaultValue={department.name} />
          <SubmitButton>{t("departments.rename.submit")}</SubmitButton>
        </fieldset>
      </Form>

      {department.archived ? (
        <Form method="post">
          <fieldset className={fieldsetClass}>
            <legend className={legendClass}>{t("departments.unarchive.legend")}</legend>
            <input type="hidden" name="intent" value="unarchive" />
            <p className="mb-3 text-slate-700">{t("departments.unarchive.hint")}</p>
            <SubmitButton>{t("departments.unarchive.submit")}</SubmitButton>
          </fieldset>
        </Form>
      ) : (
        <>
          <Form method="post">
            <fieldset className={fieldsetClass}>
              <legend className={legendClass}>{t("departments.move.legend")}</legend>
              <input type="hidden" name="intent" value="move" />
              <SelectField
                name="parentId"
                label={labels.parentId}
                hint={t("departments.move.hint")}
                errors={errors}
                defaultValue=""
                required={false}
              >
                {department.parentId ? <option value="">{t("departments.topLevel")}</option> : null}
                {page.moveChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </SelectField>
              <SubmitButton>{t("departments.move.submit")}</SubmitButton>
            </fieldset>
          </Form>

          <Form method="post">
            <fieldset className={fieldsetClass}>
              <legend className={legendClass}>{t("departments.merge.legend")}</legend>
              <input type="hidden" name="intent" value="mergePreview" />
              <SelectField name="targetId" label={labels.targetId} hint={t("departments.merge.hint")} errors={errors}>
                {page.mergeChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                  </option>
                ))}
              </SelectField>
              <SubmitButton>{t("departments.merge.review")}</SubmitButton>
            </fieldset>
          </Form>

          <Form method="post">
            <fieldset className={fieldsetClass}>
              <legend className={legendClass}>{t("departments.archive.legend")}</legend>
              <input type="hidden" name="intent" value="archive" />
              <p className="mb-3 text-slate-700">{t("departments.archive.hint")}</p>
              <SubmitButton>{t("departments.archive.submit")}</SubmitButton>
            </fieldset>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "departments.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
