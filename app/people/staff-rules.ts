/**
 * Who may change whose roles and whether they may deactivate them (decision 025). Pure: the
 * database half of the last-admin rule is one conditional write (app/auth/role-grants.server.ts).
 */
import type { GrantableRole } from "~/auth/roles.ts";

export type StaffProblem =
  | "staff.problem.notYourRole"
  | "staff.problem.outranks"
  | "staff.problem.selfGrant"
  | "staff.problem.selfDeactivate"
  | "staff.problem.alreadyHeld"
  | "staff.problem.notHeld"
  | "staff.problem.hrOnlyScope"
  | "staff.problem.lastCityAdmin"
  | "staff.problem.department";

/**
 * The roles whose powers a person's grants carry: a city admin runs the whole city, its HR pages
 * and its trainers included (as every /hr guard already lets them), so they "hold" HR and TRAINER
 * too; the network admin role is held only when granted.
 */
export function authorityOf(roles: readonly GrantableRole[]): Set<GrantableRole> {
  const held = new Set(roles);
  if (held.has("CITY_ADMIN")) {
    held.add("HR");
    held.add("TRAINER");
  }
  return held;
}

/** Whether the actor may grant or take away this role: only a role they hold themselves. */
export function mayManageRole(actorRoles: readonly GrantableRole[], role: GrantableRole): boolean {
  return authorityOf(actorRoles).has(role);
}

/** Whether the actor may change a person at all: never someone holding a role beyond the actor's. */
export function mayManagePerson(actorRoles: readonly GrantableRole[], personRoles: readonly GrantableRole[]): boolean {
  const authority = authorityOf(actorRoles);
  return personRoles.every((role) => authority.has(role));
}

interface Party {
  id: string;
  roles: readonly GrantableRole[];
}

/**
 * Why a role change is refused, or null. Nobody gives themselves a role (they would only hold
 * what they already hold); an admin may step down, and the last city admin is kept by the write.
 */
export function roleChangeProblem(
  change: { kind: "grant" | "revoke"; role: GrantableRole; limitedToDepartment: boolean },
  actor: Party,
  person: Party,
): StaffProblem | null {
  if (!mayManageRole(actor.roles, change.role)) return "staff.problem.notYourRole";
  if (actor.id !== person.id && !mayManagePerson(actor.roles, person.roles)) return "staff.problem.outranks";
  if (change.kind === "grant") {
    if (actor.id === person.id) return "staff.problem.selfGrant";
    if (change.limitedToDepartment && change.role !== "HR") return "staff.problem.hrOnlyScope";
    if (person.roles.includes(change.role)) return "staff.problem.alreadyHeld";
    return null;
  }
  return person.roles.includes(change.role) ? null : "staff.problem.notHeld";
}

/** Why (de)activating a person is refused, or null. Nobody locks themselves out. */
export function activationProblem(actor: Party, person: Party, active: boolean): StaffProblem | null {
  if (!active && actor.id === person.id) return "staff.problem.selfDeactivate";
  if (!mayManagePerson(actor.roles, person.roles)) return "staff.problem.outranks";
  return null;
}
