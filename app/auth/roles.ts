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
