/** A person's own data as a JSON file (access and portability; audited). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { exportPersonalData, personalDataResponse } from "~/privacy/export.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const exported = await exportPersonalData({ cityId: user.city.id, actorId: user.id, userId: user.id });
  if (!exported) throw notFound();
  return personalDataResponse(exported);
}
