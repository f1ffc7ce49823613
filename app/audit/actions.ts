/**
 * The audit log's action keys, each with its label in the catalogue ("audit.action.<key>").
 * Code that writes a new kind of audit entry adds its key here (the log page offers these in
 * its action filter, and a unit test checks every `action:` written in app/ and scripts/ is listed).
 */
export const auditActions = [
  "accommodation.granted",
  "admin.create",
  "assignment.create",
  "assignment.withdraw",
  "certificate.revoke",
  "hr.export.started",
  "hr.export.finished",
  "hr.export.aborted",
  "invitation.create",
  "password-reset.create",
  "network.city.create",
  "network.city.update",
  "network.city.deactivate",
  "network.city.reactivate",
  "city.branding.update",
  "department.create",
  "department.rename",
  "department.move",
  "department.merge",
  "department.archive",
  "department.unarchive",
  "staff.import.started",
  "staff.import",
  "role.grant",
  "role.revoke",
  "person.move",
  "person.deactivate",
  "person.reactivate",
  "summary.subscribed",
  "summary.unsubscribed",
  "privacy.export",
  "privacy.erasure",
  "privacy.retention",
  "privacy.erasureRequested",
  "course.created",
  "course.copied",
  "course.published",
  "course.restored",
  "course.reviewSubmitted",
  "course.reviewApproved",
  "course.reviewReturned",
  "course.networkPublished",
  "course.networkWithdrawn",
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

/** The actions the network's own view shows: the network's own, whatever city they touched. */
export const NETWORK_ACTION_PREFIX = "network.";
