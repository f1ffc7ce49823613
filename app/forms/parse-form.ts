/**
 * The one form pattern: a zod schema whose messages are i18n keys, parsed from a posted form
 * (what `readForm` read on the server, or the browser's FormData). A field the schema wants
 * as an array (`z.array(...)`) gets every value sent under its name; any other field gets the
 * last one. Errors come back per field (first message each) so the page can show them next to
 * the field and keep what the person typed.
 */
import { z } from "zod";
import type { MessageKey } from "~/i18n/translate.ts";
import { isUploadedFile, type UploadedFileInfo } from "./limits.ts";

export type FieldErrors = Partial<Record<string, MessageKey | string>>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string>; lists: Record<string, string[]> };

/** A posted form: FormData, or what `readForm` read (which may carry errors about refused files). */
export interface FormEntries {
  entries(): Iterable<[string, unknown]>;
  readonly fileErrors?: FieldErrors;
}

type Value = string | UploadedFileInfo;

function isValue(value: unknown): value is Value {
  return typeof value === "string" || isUploadedFile(value);
}

/** An uploaded file field; its size and kind were already checked against the route's limits. */
export function uploadedFile(message: MessageKey = "validation.fileRequired") {
  return z.custom<UploadedFileInfo>(isUploadedFile, message);
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return unwrap(schema.unwrap());
  if (schema instanceof z.ZodPipe) return unwrap(schema.in);
  return schema;
}

/** The names of the fields a schema wants as arrays. */
export function arrayFields(schema: z.core.$ZodType): Set<string> {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return new Set();
  const shape: Record<string, z.core.$ZodType> = object.shape;
  return new Set(Object.keys(shape).filter((name) => unwrap(shape[name]!) instanceof z.ZodArray));
}

/** What was typed, one value per field (the last), to fill the form again. */
export function formValues(form: FormEntries): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (isEchoed(name, value)) values[name] = value;
  return values;
}

/** Every value typed in the fields a schema wants as arrays (checkboxes to tick again). */
export function formLists(form: FormEntries, arrays: Set<string>): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) if (arrays.has(name) && isEchoed(name, value)) (lists[name] ??= []).push(value);
  return lists;
}

// Passwords are never echoed back to the page (nor files, which an input cannot be given).
function isEchoed(name: string, value: unknown): value is string {
  return typeof value === "string" && !/password/i.test(name);
}

export function parseForm<Schema extends z.ZodType>(schema: Schema, form: FormEntries): FormResult<z.infer<Schema>> {
  const arrays = arrayFields(schema);
  const raw: Record<string, Value | Value[]> = {};
  for (const name of arrays) raw[name] = [];
  for (const [name, value] of form.entries()) {
    if (!isValue(value)) continue;
    const list = raw[name];
    if (arrays.has(name) && Array.isArray(list)) list.push(value);
    else raw[name] = value;
  }
  const result = schema.safeParse(raw);
  // A file refused while it streamed in (too large, wrong kind) is absent from the form: its own
  // message says more than "required" would.
  const fieldErrors: FieldErrors = { ...form.fileErrors };
  if (result.success && Object.keys(fieldErrors).length === 0) return { ok: true, data: result.data };
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: formValues(form), lists: formLists(form, arrays) };
}
