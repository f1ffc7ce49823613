import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { LESSON_BODY_MAX_BYTES, lessonLocale, lessonTextSchema } from "~/authoring/lesson-editor.ts";
import { lessonForEditing, lessonPreviewHtml } from "~/authoring/lesson-editor.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { badRequest, notFound } from "~/http/responses.server.ts";

/** The live preview's posts: a language and a body of at most the editor's limit (percent-encoded up to three times as long). */
const formLimits = { maxFields: 4, maxBytes: 3 * LESSON_BODY_MAX_BYTES + 1024 } as const satisfies FormLimits;
const schema = z.object({ lang: lessonLocale, body: lessonTextSchema.shape.body });

/** Only posts: the editor's live preview. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthor(request);
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}

/**
 * The lesson editor's live preview (with JavaScript): the posted Markdown rendered by the learner
 * pages' pipeline, with the draft's images; the answer is the sanitised HTML only, and nothing is written.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const editing = await lessonForEditing(scope, params.course ?? "", params.lesson ?? "");
  if (!editing) throw notFound();
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) throw badRequest();
  return new Response(lessonPreviewHtml(editing.draft.files, editing.folder, parsed.data.body, parsed.data.lang), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-store" },
  });
}
