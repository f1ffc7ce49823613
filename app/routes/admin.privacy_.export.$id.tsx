/** A city admin downloads the data of a person of their city (audited). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { exportPersonalData, personalDataResponse } from "~/privacy/export.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  // Only a person of the admin's own city: anyone else is "not found".
  const exported = await exportPersonalData({ cityId: admin.city.id, actorId: admin.id, userId: params.id ?? "" });
  if (!exported) throw notFound();
  return personalDataResponse(exported);
}
