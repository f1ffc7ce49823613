import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setLocale } from "~/auth/accounts.server.ts";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { safeRedirect } from "~/auth/validation.ts";
import { parseForm, readFormData } from "~/forms/parse-form.ts";
import { localeCookie } from "~/i18n/locale.server.ts";
import { locales } from "~/i18n/locales.ts";

const schema = z.object({ locale: z.enum(locales), redirectTo: z.string().optional() });

export async function loader() {
  throw redirect("/");
}

/** The language switcher: a cookie for everyone, and the setting of a signed-in user. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(schema, await readFormData(request));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  const user = await getCurrentUser(request);
  if (user) await setLocale(user.id, parsed.data.locale);
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": localeCookie(parsed.data.locale, request) } });
}
