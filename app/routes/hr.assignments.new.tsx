import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { assignFromForm, assignmentFormOptions } from "~/assignments/assign.server.ts";
import { assignmentFormLimits, assignmentFormSchema } from "~/assignments/assignment-input.ts";
import { parseForm, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { requireHr } from "~/reports/scope.server.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";

const EMAIL_FIELDS = 5;
// The tree's levels (at most 6), as classes: the page's security policy refuses inline styles.
const indent = ["pl-0", "pl-5", "pl-10", "pl-14", "pl-20", "pl-24"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireHr(request);
  return { city: scope.cityName, options: await assignmentFormOptions(scope, await getLocale(request)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireHr(request);
  const parsed = parseForm(assignmentFormSchema, await readForm(request, assignmentFormLimits));
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, lists: parsed.lists, emails: "" }, { status: 400 });
  const outcome = await assignFromForm(user, scope, parsed.data);
  if (!outcome.ok) {
    const { departments, subdepartments, emails } = parsed.data;
    const values = Object.fromEntries(
      Object.entries(parsed.data).flatMap(([name, value]) =>
        typeof value === "string" || typeof value === "number" ? [[name, String(value)]] : [],
      ),
    );
    return data(
      {
        fieldErrors: outcome.fieldErrors as FieldErrors,
        values,
        lists: { departments, subdepartments, emails },
        emails: "params" in outcome ? (outcome.params?.emails ?? "") : "",
      },
      { status: 400 },
    );
  }
  throw redirect(`/hr/assignments?created=${outcome.people}`);
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  ) : null;
}

export default function NewAssignmentPage() {
  const { t } = useTranslation();
  const { city, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors;
  const values: Record<string, string> = actionData?.values ?? {};
  const lists: Record<string, string[]> = actionData?.lists ?? {};
  const error = (name: string) => (errors?.[name] ? translateMaybe(t, errors[name]) : undefined);
  const ticked = new Set(lists.departments ?? []);
  const withSub = actionData
    ? new Set(lists.subdepartments ?? [])
    : new Set(options.departments.map((department) => department.id));
  const emails = lists.emails ?? [];
  const emailSlots = Math.max(EMAIL_FIELDS, emails.length + 1);
  const dueKind = values.dueKind ?? "date";
  const targetsError = error("targets");
  const departmentsError = error("departments") ?? targetsError;
  const emailsError =
    errors?.emails === "assignments.error.person"
      ? t("assignments.error.person", { emails: actionData?.emails ?? "" })
      : error("emails");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link to="/hr/assignments" className="text-blue-800 underline">
          {t("assignments.backToList")}
        </Link>
      </p>
      <h1 className="mb-2 text-2xl font-bold">{t("assignments.newTitle")}</h1>
      <p className="mb-4 text-slate-700">{t("assignments.newIntro")}</p>
      <ErrorSummary errors={errors} />
      {targetsError ? <p className="mb-4 font-medium text-red-700">{targetsError}</p> : null}
      <Form method="post" noValidate className="rounded border border-slate-300 bg-white p-4">
        <SelectField name="course" label={t("assignments.field.course")} errors={errors} defaultValue={values.course ?? ""}>
          <option value="">{t("assignments.field.chooseCourse")}</option>
          {options.courses.map((course) => (
            <option key={course.id} value={course.id}>
              {course.title}
            </option>
          ))}
        </SelectField>

        <fieldset className="mb-4" aria-describedby={`departments-hint${departmentsError ? " departments-error" : ""}`}>
          <legend className="font-medium">{t("assignments.field.departments")}</legend>
          <p id="departments-hint" className="mt-1 text-sm text-slate-600">
            {t("assignments.field.departmentsHint")}
          </p>
          {options.wholeCityAllowed ? (
            <div className="mt-2 flex items-start gap-2">
              <input
                id="wholeCity"
                name="wholeCity"
                type="checkbox"
                defaultChecked={values.wholeCity === "on"}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor="wholeCity" className="font-medium">
                {t("assignments.field.wholeCity", { city })}
              </label>
            </div>
          ) : null}
          <ul className="mt-2">
            {options.departments.map((department) => (
              <li
                key={department.id}
                className={`mt-1 flex flex-wrap items-start gap-x-4 gap-y-1 ${indent[Math.min(department.level, indent.length - 1)]}`}
              >
                <span className="flex items-start gap-2">
                  <input
                    id={`department-${department.id}`}
                    name="departments"
                    type="checkbox"
                    value={department.id}
                    defaultChecked={ticked.has(department.id)}
                    className="mt-1 h-5 w-5"
                  />
                  <label htmlFor={`department-${department.id}`}>{department.name}</label>
                </span>
                <span className="flex items-start gap-2 text-sm">
                  <input
                    id={`sub-${department.id}`}
                    name="subdepartments"
                    type="checkbox"
                    value={department.id}
                    defaultChecked={withSub.has(department.id)}
                    aria-label={t("assignments.field.includeSubLabel", { name: department.name })}
                    className="mt-0.5 h-5 w-5"
                  />
                  <label htmlFor={`sub-${department.id}`}>{t("assignments.field.includeSub")}</label>
                </span>
              </li>
            ))}
          </ul>
          <FieldError id="departments-error" message={departmentsError ?? error("wholeCity")} />
        </fieldset>

        <fieldset className="mb-4" aria-describedby={`emails-hint${emailsError ? " emails-error" : ""}`}>
          <legend className="font-medium">{t("assignments.field.emails")}</legend>
          <p id="emails-hint" className="mt-1 text-sm text-slate-600">
            {t("assignments.field.emailsHint")}
          </p>
          {Array.from({ length: emailSlots }, (_, index) => (
            <div key={index} className="mt-2">
              <label htmlFor={`emails-${index}`} className="block text-sm">
                {t("assignments.field.email", { count: index + 1 })}
              </label>
              <input
                id={`emails-${index}`}
                name="emails"
                type="email"
                autoComplete="off"
                defaultValue={emails[index] ?? ""}
                aria-invalid={emailsError ? true : undefined}
                className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base"
              />
            </div>
          ))}
          <FieldError id="emails-error" message={emailsError} />
        </fieldset>

        <fieldset className="mb-4" aria-describedby={error("dueKind") ? "dueKind-error" : undefined}>
          <legend className="font-medium">{t("assignments.field.dueKind")}</legend>
          {(["date", "days"] as const).map((kind) => (
            <div key={kind} className="mt-1 flex items-start gap-2">
              <input
                id={`dueKind-${kind}`}
                name="dueKind"
                type="radio"
                value={kind}
                defaultChecked={dueKind === kind}
                className="mt-1 h-5 w-5"
              />
              <label htmlFor={`dueKind-${kind}`}>
                {t(kind === "date" ? "assignments.field.dueKindDate" : "assignments.field.dueKindDays")}
              </label>
            </div>
          ))}
          <FieldError id="dueKind-error" message={error("dueKind")} />
        </fieldset>
        <TextField
          name="dueDate"
          type="date"
          label={t("assignments.field.dueDate", { city })}
          errors={errors}
          defaultValue={values.dueDate}
          required={false}
        />
        <TextField
          name="dueDays"
          type="number"
          label={t("assignments.field.dueDays")}
          errors={errors}
          defaultValue={values.dueDays}
          required={false}
        />
        <TextField
          name="validityMonths"
          type="number"
          label={t("assignments.field.validity")}
          errors={errors}
          defaultValue={values.validityMonths}
          required={false}
        />
        <TextField
          name="windowDays"
          type="number"
          label={t("assignments.field.window")}
          errors={errors}
          defaultValue={values.windowDays}
          required={false}
        />
        <SubmitButton>{t("assignments.submit")}</SubmitButton>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assignments.newTitle");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
