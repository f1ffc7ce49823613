/**
 * The network catalog: a network admin puts a published city course in every city's catalog, or
 * withdraws it. Which courses a learner sees is app/courses/visibility.ts (the one rule).
 */
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { db } from "~/db.server.ts";

export type NetworkCatalogOutcome = { ok: true } | { ok: false; problem: "authoring.problem.notNetworkPublishable" };

export async function setInNetworkCatalog(
  actor: { userId: string; cityId: string },
  courseKey: string,
  inCatalog: boolean,
): Promise<NetworkCatalogOutcome> {
  return db().$transaction(async (tx) => {
    const course = await tx.course.findFirst({
      where: { key: courseKey, source: "CITY", currentVersionId: { not: null } },
      select: { id: true, ownerCityId: true, networkPublishedAt: true },
    });
    if (!course) return { ok: false, problem: "authoring.problem.notNetworkPublishable" } as const;
    // Idempotent: publishing a course already in the catalog keeps its first date.
    if (inCatalog === (course.networkPublishedAt !== null)) return { ok: true } as const;
    await tx.course.update({ where: { id: course.id }, data: { networkPublishedAt: inCatalog ? now() : null } });
    await audit(
      {
        cityId: course.ownerCityId,
        actorId: actor.userId,
        action: inCatalog ? "course.networkPublished" : "course.networkWithdrawn",
        targetType: "course",
        targetId: courseKey,
      },
      tx,
    );
    return { ok: true } as const;
  });
}
