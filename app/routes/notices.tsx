import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { markNoticeRead } from "~/assignments/notices.server.ts";
import { requireUser } from "~/auth/guards.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { badRequest } from "~/http/responses.server.ts";

const schema = z.object({ noticeId: z.string().min(1).max(100) });
const formLimits: FormLimits = { maxFields: 2, maxBytes: 512 };

/** Only the dashboard's "mark as read" buttons post here. */
export async function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

/** Marks one of the learner's notices read (someone else's changes nothing) and goes back to the dashboard. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) throw badRequest();
  await markNoticeRead(user.id, parsed.data.noticeId);
  throw redirect("/#notices-title");
}
