import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setLocale } from "~/auth/accounts.server.ts";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { safeRedirect } from "~/auth/validation.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { localeCookie } from "~/i18n/locale.server.ts";
import { locales } from "~/i18n/locales.ts";

const schema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });
const formLimits: FormLimits = { maxFields: 4, maxBytes: 4 * 1024 };

export async function loader() {
  throw redirect("/");
}

/** The language switcher: a cookie for everyone, and the setting of a signed-in user. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  const user = await getCurrentUser(request);
  if (user) await setLocale(user.id, parsed.data.locale);
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": localeCookie(parsed.data.locale, request) } });
}
