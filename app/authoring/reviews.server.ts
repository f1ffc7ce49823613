/**
 * Review before publishing, when the city requires it (City.requireCourseReview): a trainer submits
 * one revision of a draft; another trainer or a city admin approves it or returns it with a comment.
 * An approval belongs to that revision only: any later save needs a new one.
 */
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { readDraft, type AuthorScope } from "./drafts.server.ts";

export type ReviewState = "SUBMITTED" | "APPROVED" | "RETURNED";

export interface ReviewRow {
  id: string;
  revision: number;
  state: ReviewState;
  submittedById: string | null;
  submittedAt: Date;
  decidedById: string | null;
  decidedAt: Date | null;
  comment: string;
}

const reviewSelect = {
  id: true,
  revision: true,
  state: true,
  submittedById: true,
  submittedAt: true,
  decidedById: true,
  decidedAt: true,
  comment: true,
} as const;

/** The draft's reviews, the latest first. */
export async function reviewsOf(draftId: string): Promise<ReviewRow[]> {
  const rows = await db().draftReview.findMany({
    where: { draftId },
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    select: reviewSelect,
  });
  return rows.map((row) => ({ ...row, state: row.state as ReviewState }));
}

/** Whether this revision of the draft has been approved. */
export async function reviewAllowsPublish(draftId: string, revision: number): Promise<boolean> {
  return (await db().draftReview.count({ where: { draftId, revision, state: "APPROVED" } })) > 0;
}

export type ReviewOutcome =
  | { ok: true }
  | {
      ok: false;
      problem:
        | "authoring.problem.notFound"
        | "authoring.problem.stale"
        | "authoring.problem.alreadySubmitted"
        | "authoring.problem.ownReview"
        | "authoring.problem.notSubmitted";
    };

/** Submits the revision the author saw. Idempotent: submitting the same revision again changes nothing. */
export async function submitForReview(scope: AuthorScope, courseKey: string, revision: number): Promise<ReviewOutcome> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return { ok: false, problem: "authoring.problem.notFound" };
  if (draft.revision !== revision) return { ok: false, problem: "authoring.problem.stale" };
  return db().$transaction(async (tx) => {
    const open = await tx.draftReview.findFirst({
      where: { draftId: draft.id, revision, state: { in: ["SUBMITTED", "APPROVED"] } },
      select: { id: true },
    });
    if (open) return { ok: false, problem: "authoring.problem.alreadySubmitted" } as const;
    await tx.draftReview.create({
      data: { draftId: draft.id, revision, state: "SUBMITTED", submittedById: scope.userId, submittedAt: now() },
    });
    await audit(
      {
        cityId: scope.cityId,
        actorId: scope.userId,
        action: "course.reviewSubmitted",
        targetType: "course",
        targetId: courseKey,
        details: { revision },
      },
      tx,
    );
    return { ok: true } as const;
  });
}

/** Approves or returns a submitted revision; nobody decides on their own submission. */
export async function decideReview(
  scope: AuthorScope,
  courseKey: string,
  revision: number,
  decision: "APPROVED" | "RETURNED",
  comment: string,
): Promise<ReviewOutcome> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return { ok: false, problem: "authoring.problem.notFound" };
  return db().$transaction(async (tx) => {
    const review = await tx.draftReview.findFirst({
      where: { draftId: draft.id, revision, state: "SUBMITTED" },
      select: { id: true, submittedById: true },
    });
    if (!review) return { ok: false, problem: "authoring.problem.notSubmitted" } as const;
    if (review.submittedById === scope.userId) return { ok: false, problem: "authoring.problem.ownReview" } as const;
    // Conditional on the state, so two reviewers deciding at once cannot both win.
    const decided = await tx.draftReview.updateMany({
      where: { id: review.id, state: "SUBMITTED" },
      data: { state: decision, decidedById: scope.userId, decidedAt: now(), comment },
    });
    if (decided.count === 0) return { ok: false, problem: "authoring.problem.notSubmitted" } as const;
    await audit(
      {
        cityId: scope.cityId,
        actorId: scope.userId,
        action: decision === "APPROVED" ? "course.reviewApproved" : "course.reviewReturned",
        targetType: "course",
        targetId: courseKey,
        details: { revision },
      },
      tx,
    );
    return { ok: true } as const;
  });
}
