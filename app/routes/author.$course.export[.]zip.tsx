/** The zip of a course's draft (`?from=draft`) or of one of its published versions (`?from=<number>`). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { courseExport, zipResponse } from "~/sharing/course-export.server.ts";

const fromSchema = z.union([
  z.literal("draft").transform(() => ({ kind: "draft" }) as const),
  z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .transform((number) => ({ kind: "version", number: Number(number) }) as const),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireAuthor(request);
  const from = fromSchema.safeParse(new URL(request.url).searchParams.get("from"));
  if (!from.success) throw notFound();
  const exported = await courseExport(scope, params.course ?? "", from.data);
  if (!exported) throw notFound();
  return zipResponse(exported);
}
