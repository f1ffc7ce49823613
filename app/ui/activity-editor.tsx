/**
 * The form of one practice activity in one language (the activities editor): every field of its
 * kind, each with the form's refusal and the checker's problems next to it, and in a translation
 * the source language's text beside it, read-only. Keys travel in hidden fields: never typed.
 */
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { languageName } from "~/authoring/language-names.ts";
import { field, type EditorView, type ShownProblem } from "~/authoring/activity-fields.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { SubmitButton } from "./form.tsx";
import { ProblemNotes } from "./checker-notes.tsx";

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

interface Context {
  errors: FieldErrors;
  problems: ShownProblem[];
  values: Record<string, string>;
  source: Record<string, string> | null;
  sourceLocale: Locale;
}

/** The problems (refusal first, then the checker's) of one field, as ids for aria-describedby. */
function FieldNotes({ name, context }: { name: string; context: Context }) {
  const { t } = useTranslation();
  const error = context.errors[name];
  const problems = context.problems.filter((problem) => problem.field === name);
  const sourceText = context.source?.[name];
  return (
    <>
      {context.source ? (
        <p id={`${name}-source`} className="mt-1 rounded bg-slate-100 p-2 text-sm">
          <span className="font-semibold">
            {t("authoring.activities.sourceText", { language: languageName(t, context.sourceLocale) })}
          </span>{" "}
          <span lang={htmlLang[context.sourceLocale]}>{sourceText ? sourceText : t("authoring.activities.noSourceText")}</span>
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {translateMaybe(t, error)}
        </p>
      ) : null}
      <ProblemNotes id={`${name}-problems`} problems={problems} />
    </>
  );
}

function describedBy(name: string, context: Context): string | undefined {
  const ids = [
    context.source ? `${name}-source` : null,
    context.errors[name] ? `${name}-error` : null,
    context.problems.some((problem) => problem.field === name) ? `${name}-problems` : null,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

const invalid = (name: string, context: Context) =>
  context.errors[name] || context.problems.some((problem) => problem.field === name && problem.severity === "error")
    ? true
    : undefined;

function TextInput({
  name,
  label,
  context,
  long = false,
  lang,
}: {
  name: string;
  label: string;
  context: Context;
  long?: boolean;
  lang: string;
}) {
  const common = {
    id: name,
    name,
    lang,
    defaultValue: context.values[name] ?? "",
    "aria-invalid": invalid(name, context),
    "aria-describedby": describedBy(name, context),
    className: inputClass,
  };
  return (
    <div className="mb-3">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {long ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      <FieldNotes name={name} context={context} />
    </div>
  );
}

function Checkbox({ name, label, context }: { name: string; label: string; context: Context }) {
  return (
    <div className="mb-3 flex items-start gap-2">
      <input id={name} name={name} type="checkbox" defaultChecked={context.values[name] === "on"} className="mt-1 h-5 w-5" />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}

/** A group of fields whose list-level problems (counts, no correct option...) show under its legend. */
function Group({ name, legend, context, children }: { name: string; legend: string; context: Context; children: ReactNode }) {
  return (
    <fieldset
      className="mb-4 rounded border border-slate-300 p-3"
      aria-describedby={describedBy(name, { ...context, source: null })}
    >
      <legend className="px-1 font-semibold">{legend}</legend>
      <FieldNotes name={name} context={{ ...context, source: null }} />
      {children}
    </fieldset>
  );
}

export function ActivityEditorForm({
  view,
  revision,
  locale,
  sourceLocale,
  errors,
  problems,
}: {
  view: EditorView;
  revision: number;
  locale: Locale;
  sourceLocale: Locale;
  errors: FieldErrors;
  problems: ShownProblem[];
}) {
  const { t } = useTranslation();
  const inSource = locale === sourceLocale;
  const context: Context = { errors, problems, values: view.values, source: view.source, sourceLocale };
  const lang = htmlLang[locale];
  const kind = view.kind;
  const flagLabel = kind === "choice" ? "authoring.activities.field.correct" : "authoring.activities.field.problem";
  const partLabel = `authoring.activities.part.${kind}` as const;
  const categoryOptions = Array.from({ length: view.categoryCount }, (_, index) => index);
  const flagged = (index: number) => view.values[field.part(index, "flag")] === "on";
  return (
    <Form method="post" className="rounded border border-slate-300 bg-white p-4" noValidate>
      <input type="hidden" name="revision" value={revision} />
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="lang" value={locale} />
      {view.key ? <input type="hidden" name="key" value={view.key} /> : null}
      <FieldNotes name="activity" context={{ ...context, source: null }} />
      <TextInput name="prompt" label={t("authoring.activities.field.prompt")} context={context} long lang={lang} />
      {kind === "choice" && inSource ? (
        <Checkbox name="multiple" label={t("authoring.activities.field.multiple")} context={context} />
      ) : null}
      {kind === "sort" ? (
        <Group name="categories" legend={t("authoring.activities.field.categories")} context={context}>
          {categoryOptions.map((index) => (
            <div key={index}>
              <input type="hidden" name={field.category(index, "key")} value={view.values[field.category(index, "key")] ?? ""} />
              <TextInput
                name={field.category(index, "text")}
                label={t("authoring.activities.field.category", { number: index + 1 })}
                context={context}
                lang={lang}
              />
            </div>
          ))}
        </Group>
      ) : null}
      <Group name="parts" legend={t(`authoring.activities.parts.${kind}`)} context={context}>
        {inSource ? <p className="mb-2 text-sm text-slate-700">{t(`authoring.activities.partsHint.${kind}`)}</p> : null}
        {Array.from({ length: view.partCount }, (_, index) => (
          <fieldset key={index} className="mb-3 border-t border-slate-200 pt-2">
            <legend className="font-medium">{t(partLabel, { number: index + 1 })}</legend>
            <input type="hidden" name={field.part(index, "key")} value={view.values[field.part(index, "key")] ?? ""} />
            <TextInput
              name={field.part(index, "text")}
              label={t("authoring.activities.field.text")}
              context={context}
              lang={lang}
            />
            {kind !== "order" ? (
              <TextInput
                name={field.part(index, "feedback")}
                label={t("authoring.activities.field.feedback")}
                context={context}
                long
                lang={lang}
              />
            ) : null}
            {kind === "choice" || kind === "spot" ? (
              inSource ? (
                <Checkbox name={field.part(index, "flag")} label={t(flagLabel)} context={context} />
              ) : (
                <p className="text-sm">
                  {t(flagged(index) ? `authoring.activities.flagged.${kind}` : `authoring.activities.unflagged.${kind}`)}
                </p>
              )
            ) : null}
            {kind === "sort" && inSource ? (
              <div className="mb-3">
                <label htmlFor={field.part(index, "category")} className="block font-medium">
                  {t("authoring.activities.field.itemCategory")}
                </label>
                <select
                  id={field.part(index, "category")}
                  name={field.part(index, "category")}
                  defaultValue={view.values[field.part(index, "category")] ?? ""}
                  aria-invalid={invalid(field.part(index, "category"), context)}
                  aria-describedby={describedBy(field.part(index, "category"), { ...context, source: null })}
                  className={inputClass}
                >
                  <option value="">{t("authoring.activities.field.noCategory")}</option>
                  {categoryOptions.map((category) => (
                    <option key={category} value={String(category)}>
                      {view.values[field.category(category, "text")] ||
                        t("authoring.activities.field.category", { number: category + 1 })}
                    </option>
                  ))}
                </select>
                <FieldNotes name={field.part(index, "category")} context={{ ...context, source: null }} />
              </div>
            ) : null}
          </fieldset>
        ))}
      </Group>
      <TextInput name="explanation" label={t("authoring.activities.field.explanation")} context={context} long lang={lang} />
      <SubmitButton>{t(view.key ? "authoring.activities.save" : "authoring.activities.create")}</SubmitButton>
    </Form>
  );
}
