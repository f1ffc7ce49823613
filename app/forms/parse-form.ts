/**
 * The one form pattern: a zod schema whose messages are i18n keys, parsed from FormData.
 * Errors come back per field (first message each) so the page can show them next to
 * the field and keep what the person typed.
 */
import type { z } from "zod";
import type { MessageKey } from "~/i18n/translate.ts";

export type FieldErrors = Partial<Record<string, MessageKey | string>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    // Passwords are never echoed back to the page.
    if (typeof value === "string" && !/password/i.test(name)) values[name] = value;
  }
  return values;
}

export function parseForm<Schema extends z.ZodType>(schema: Schema, formData: FormData): FormResult<z.infer<Schema>> {
  const raw: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === "string") raw[name] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors, values: formValues(formData) };
}

/** The posted form, or a 400 when the body is not a form at all. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(null, { status: 400 });
  }
}
