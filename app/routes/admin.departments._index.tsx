import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { createDepartmentAs, departmentTreePage, type TreeEntry } from "~/cities/department-admin.server.ts";
import { createDepartmentSchema, doneOf, problemField } from "~/cities/department-input.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { ErrorSummary, FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";

const formLimits: FormLimits = { maxFields: 3, maxBytes: 2 * 1024 };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const page = await departmentTreePage(admin.city.id, await getLocale(request));
  return { city: admin.city.name, done: doneOf(new URL(request.url).searchParams), ...page };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = parseForm(createDepartmentSchema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const outcome = await createDepartmentAs(admin, parsed.data);
  if (!outcome.ok) {
    const field = problemField("create", outcome.problem) ?? "name";
    return data(
      { fieldErrors: { [field]: outcome.problem }, values: { name: parsed.data.name, parentId: parsed.data.parentId ?? "" } },
      { status: 400 },
    );
  }
  throw redirect("/admin/departments?done=created");
}

function Tree({ entries }: { entries: readonly TreeEntry[] }) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-2 border-slate-300 pl-3">
          <Link to={`/admin/departments/${entry.id}`} className="font-medium text-blue-800 underline">
            {entry.name}
          </Link>
          {entry.archived ? (
            <span className="ml-2 rounded bg-slate-200 px-1 text-sm text-slate-800">{t("departments.archivedMark")}</span>
          ) : null}
          <span className="block text-sm text-slate-700">
            {t("departments.people", { count: entry.people })}
            {entry.children.length > 0 ? ` · ${t("departments.peopleInSubtree", { count: entry.peopleInSubtree })}` : null}
          </span>
          {entry.children.length > 0 ? (
            <div className="mt-2">
              <Tree entries={entry.children} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { city, done, tree, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const labels = { name: t("departments.field.name"), parentId: t("departments.field.parent") };
  return (
    <div className="max-w-3xl">
      <AdminNav current="/admin/departments" />
      <h1 className="mb-2 text-2xl font-bold">{t("departments.title", { city })}</h1>
      <p className="mb-4 text-slate-700">{t("departments.intro")}</p>
      {done && !actionData ? (
        <FormAlert tone="success">
          <p>{t(`departments.done.${done}`)}</p>
        </FormAlert>
      ) : null}
      <ErrorSummary errors={actionData?.fieldErrors} labels={labels} />
      <section aria-labelledby="tree-heading" className="mb-8">
        <h2 id="tree-heading" className="mb-2 text-xl font-semibold">
          {t("departments.treeLabel")}
        </h2>
        {tree.length > 0 ? <Tree entries={tree} /> : <p>{t("departments.empty")}</p>}
      </section>
      <Form method="post" noValidate className="rounded border border-slate-300 bg-white p-4">
        <fieldset>
          <legend className="mb-2 text-xl font-semibold">{t("departments.create.legend")}</legend>
          <TextField
            name="name"
            label={labels.name}
            errors={actionData?.fieldErrors}
            defaultValue={actionData?.values?.name ?? ""}
          />
          <SelectField
            name="parentId"
            label={labels.parentId}
            errors={actionData?.fieldErrors}
            defaultValue={actionData?.values?.parentId ?? ""}
            required={false}
          >
            <option value="">{t("departments.topLevel")}</option>
            {parents.map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.label}
              </option>
            ))}
          </SelectField>
          <SubmitButton>{t("departments.create.submit")}</SubmitButton>
        </fieldset>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "departments.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
