/**
 * The guard of every /author route: a city's trainers and city admins edit that city's courses
 * (a city admin holds the trainer's powers, app/people/staff-rules.ts).
 */
import { requireRole, type CurrentUser } from "~/auth/guards.server.ts";
import type { AuthorScope } from "./drafts.server.ts";

export async function requireAuthor(request: Request): Promise<{ user: CurrentUser; scope: AuthorScope }> {
  const user = await requireRole(request, "TRAINER", "CITY_ADMIN");
  return { user, scope: { cityId: user.city.id, citySlug: user.city.slug, userId: user.id } };
}
