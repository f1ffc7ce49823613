/** Form fields that show their error next to them, linked for screen readers. */
import { useEffect, useRef, type MouseEvent, type ReactNode, type RefObject } from "react";
import { acceptAttribute, kindLabels, type FileRule } from "~/forms/limits.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { htmlLang, localeNames, locales } from "~/i18n/locales.ts";
import { translateMaybe, type Translate } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

interface FieldProps {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
}

function useFieldError(name: string, errors?: FieldErrors): string | undefined {
  const { t } = useTranslation();
  const error = errors?.[name];
  return error ? translateMaybe(t, error) : undefined;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

const inputClass =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

/** What a field's frame gives its control: the ids and states that tie it to its label, hint and error. */
interface ControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

/** A field's frame: its label above the control, its hint and error below, tied together by ids. */
function FieldFrame({ name, label, errors, hint, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const error = useFieldError(name, errors);
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {children({
        id: name,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy(name, hint, error),
        className: inputClass,
      })}
      <FieldMessages name={name} hint={hint} error={error} />
    </div>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  required = true,
  ...frame
}: FieldProps & { type?: string; defaultValue?: string; autoComplete?: string; required?: boolean }) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input {...control} type={type} defaultValue={defaultValue} autoComplete={autoComplete} required={required} />
      )}
    </FieldFrame>
  );
}

/** A multi-line text field (a summary, one objective per line), with its error next to it. */
export function TextAreaField({
  defaultValue,
  rows = 4,
  required = true,
  lang,
  ...frame
}: FieldProps & { defaultValue?: string; rows?: number; required?: boolean; lang?: string }) {
  return (
    <FieldFrame {...frame}>
      {(control) => <textarea {...control} defaultValue={defaultValue} rows={rows} required={required} lang={lang} />}
    </FieldFrame>
  );
}

export function SelectField({
  defaultValue,
  children,
  required = true,
  ...frame
}: FieldProps & { defaultValue?: string; children: ReactNode; required?: boolean }) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <select {...control} defaultValue={defaultValue} required={required}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  errors,
  value,
  defaultChecked,
}: FieldProps & { value?: string; defaultChecked?: boolean }) {
  const error = useFieldError(name, errors);
  return (
    <div className="mb-4">
      <div className="flex items-start gap-2">
        <input
          id={name}
          name={name}
          type="checkbox"
          // Only when given: React gives a checkbox with a `value` prop, even undefined, the value "" (not "on").
          {...(value === undefined ? {} : { value })}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, undefined, error)}
          className="mt-1 h-5 w-5"
        />
        <label htmlFor={name}>{label}</label>
      </div>
      <FieldMessages name={name} error={error} />
    </div>
  );
}

/**
 * A file input, with a hint saying which kinds and sizes the route accepts (from the same rule
 * the server enforces). Its form needs `encType="multipart/form-data"`.
 */
export function FileField({ name, label, errors, rule, required = true }: FieldProps & { rule: FileRule; required?: boolean }) {
  const { t, formats } = useTranslation();
  const error = useFieldError(name, errors);
  const maxFiles = rule.maxFiles ?? 1;
  const params = { types: kindLabels(rule), size: formats.fileSize(rule.maxBytes), count: maxFiles };
  const hint = maxFiles > 1 ? t("form.fileHintMany", params) : t("form.fileHint", params);
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="file"
        accept={acceptAttribute(rule)}
        multiple={maxFiles > 1}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="mt-1 block w-full text-base"
      />
      <FieldMessages name={name} hint={hint} error={error} />
    </div>
  );
}

/** A repeated field as checkboxes (roles, departments, correct options): every ticked value is sent. */
export function CheckboxGroup({
  name,
  label,
  errors,
  hint,
  options,
  defaultValues = [],
}: FieldProps & { options: readonly { value: string; label: string }[]; defaultValues?: readonly string[] }) {
  const error = useFieldError(name, errors);
  return (
    <fieldset className="mb-4" aria-describedby={describedBy(name, hint, error)}>
      <legend className="font-medium">{label}</legend>
      {options.map((option) => (
        <div key={option.value} className="mt-1 flex items-start gap-2">
          <input
            id={`${name}-${option.value}`}
            name={name}
            type="checkbox"
            value={option.value}
            defaultChecked={defaultValues.includes(option.value)}
            className="mt-1 h-5 w-5"
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      <FieldMessages name={name} hint={hint} error={error} />
    </fieldset>
  );
}

/** A message for the whole form, announced when it appears; with `focusRef`, a place the focus can be moved to. */
export function FormAlert({
  children,
  tone = "error",
  focusRef,
}: {
  children: ReactNode;
  tone?: "error" | "success";
  focusRef?: RefObject<HTMLDivElement>;
}) {
  const colours = tone === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900";
  return (
    <div
      ref={focusRef}
      tabIndex={focusRef ? -1 : undefined}
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded border-l-4 p-3 ${colours}`}
    >
      {children}
    </div>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
      {children}
    </button>
  );
}

/** The three languages as options, each named in itself (and marked with its language). */
export function LanguageOptions() {
  return (
    <>
      {locales.map((code) => (
        <option key={code} value={code} lang={htmlLang[code]}>
          {localeNames[code]}
        </option>
      ))}
    </>
  );
}

/** With JavaScript, a link of the error summary moves the focus to its field (and keeps the errors on the page). */
function focusField(name: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(name);
    if (!field) return;
    event.preventDefault();
    field.focus({ preventScroll: true });
    field.parentElement?.scrollIntoView({ block: "center" });
  };
}

/**
 * Above a form that came back with errors: an alert that says so and lists every error, each a
 * link to its field when `labels` names it (the form's fields in their order, their ids their names). Without JavaScript it
 * is at the top of the page that comes back; with JavaScript the focus moves to it after each
 * refused submit, so a screen reader reads every error at once.
 */
export function ErrorSummary({ errors, labels = {} }: { errors?: FieldErrors; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors && Object.keys(errors).length > 0) summary.current?.focus();
  }, [errors]);
  const failed = Object.keys(errors ?? {}).filter((name) => errors?.[name]);
  if (failed.length === 0) return null;
  const ordered = [...Object.keys(labels).filter((name) => failed.includes(name)), ...failed.filter((name) => !(name in labels))];
  return (
    <FormAlert focusRef={summary}>
      <p className="font-semibold">{t("form.errorSummary")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {ordered.map((name) => {
          const message = translateMaybe(t, errors?.[name] ?? "");
          const label = labels[name];
          return (
            <li key={name}>
              {label ? (
                <a href={`#${name}`} onClick={focusField(name)} className="inline-block min-h-6 underline">
                  {t("form.errorItem", { field: label, message })}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </FormAlert>
  );
}

/** The labels of the new-password fields, for them and for the error summary above them. */
export function newPasswordLabels(t: Translate, passwordLabel: string): { password: string; confirm: string } {
  return { password: passwordLabel, confirm: t("field.passwordConfirm") };
}

/** The new password and its repetition (email confirmation and password reset), with their errors. */
export function NewPasswordFields({ labels, errors }: { labels: { password: string; confirm: string }; errors?: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={labels.password}
        hint={t("field.passwordHint")}
        autoComplete="new-password"
        errors={errors}
      />
      <TextField name="confirm" type="password" label={labels.confirm} autoComplete="new-password" errors={errors} />
    </>
  );
}
