/** Roles. Every user is a learner; the others are granted per user within their city. */
export const grantableRoles = ["TRAINER", "HR", "CITY_ADMIN", "NETWORK_ADMIN"] as const;
export type GrantableRole = (typeof grantableRoles)[number];
export type AnyRole = "LEARNER" | GrantableRole;

export function hasRole(roles: readonly GrantableRole[], wanted: AnyRole): boolean {
  return wanted === "LEARNER" || roles.includes(wanted);
}

export function hasAnyRole(roles: readonly GrantableRole[], wanted: readonly AnyRole[]): boolean {
  return wanted.some((role) => hasRole(roles, role));
}

/** The message key naming a role. */
export function roleLabelKey(role: AnyRole) {
  return `role.${role}` as const;
}

/**
 * Whether someone with `actorRoles` may take over the account of someone with `targetRoles`
 * (e.g. by generating a password-reset link): never an administrator, and never someone
 * who holds a role the actor lacks, so a reset link cannot be used to gain privileges.
 */
export function mayTakeOverAccountOf(actorRoles: readonly GrantableRole[], targetRoles: readonly GrantableRole[]): boolean {
  return targetRoles.every((role) => role !== "CITY_ADMIN" && role !== "NETWORK_ADMIN" && actorRoles.includes(role));
}
