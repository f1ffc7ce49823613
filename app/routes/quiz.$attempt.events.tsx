import type { ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { sendAttemptEvents } from "~/quiz/attempts.server.ts";
import { quizFormLimits, readQuizPost } from "~/quiz/form-events.ts";

export async function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}

/** The same quiz posts as the page's forms, answered with JSON for the page's script. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = readQuizPost(await readForm(request, quizFormLimits));
  if (!read) return Response.json({ status: "refused" }, { status: 400 });
  const outcome = await sendAttemptEvents(user, params.attempt ?? "", read.post.step, read.events);
  if (outcome.status === "not-found") return Response.json({ status: outcome.status }, { status: 404 });
  return Response.json(outcome, { status: outcome.status === "accepted" ? 200 : 409 });
}
