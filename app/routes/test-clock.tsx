import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setClockOffset } from "~/clock.server.ts";
import { env } from "~/env.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";

const schema = z.object({ offsetMinutes: z.coerce.number().int().min(0).max(525_600) });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 256 };

/** End-to-end tests move time forward here instead of sleeping. Absent unless TEST_CLOCK=true. */
export async function loader() {
  throw new Response(null, { status: 404 });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!env().TEST_CLOCK) throw new Response(null, { status: 404 });
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) throw new Response(null, { status: 400 });
  setClockOffset(parsed.data.offsetMinutes * 60_000);
  return Response.json({ offsetMinutes: parsed.data.offsetMinutes });
}
