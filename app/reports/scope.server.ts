/**
 * Who HR sees: the one owner of the rule. City admins and city-wide HR see their whole city;
 * HR limited to a department sees that department and its sub-departments only. Every HR query,
 * figure and export takes an `HrScope` and filters through `peopleInScopeWhere`.
 */
import { requireRole, type CurrentUser } from "~/auth/guards.server.ts";
import { hasRole } from "~/auth/roles.ts";
import { db } from "~/db.server.ts";
import { forbidden } from "~/http/responses.server.ts";
import { isInSubtree } from "~/cities/department-tree.ts";
import { peopleInScopeWhere } from "~/cities/departments.server.ts";

export interface HrScope {
  cityId: string;
  cityName: string;
  timeZone: string;
  /** null: the whole city. */
  subtree: { id: string; path: string; name: string } | null;
}

export async function hrScopeOf(user: CurrentUser): Promise<HrScope> {
  const city = { cityId: user.city.id, cityName: user.city.name, timeZone: user.city.timeZone };
  // A city admin sees the whole city even when also holding a department-limited HR grant.
  if (hasRole(user.roles, "CITY_ADMIN") || !user.hrDepartmentId) return { ...city, subtree: null };
  const department = await db().department.findFirst({
    where: { id: user.hrDepartmentId, cityId: user.city.id },
    select: { id: true, path: true, name: true },
  });
  // A grant whose department is not in the person's city opens nothing.
  if (!department) throw forbidden();
  return { ...city, subtree: department };
}

/** The guard of every /hr route: HR or city admin, and the scope they see. */
export async function requireHr(request: Request): Promise<{ user: CurrentUser; scope: HrScope }> {
  const user = await requireRole(request, "HR", "CITY_ADMIN");
  return { user, scope: await hrScopeOf(user) };
}

/** Whether a department (its path) lies inside the scope: filter values are checked with it. */
export function departmentInScope(scope: HrScope, department: { path: string }): boolean {
  return scope.subtree === null || isInSubtree(department.path, scope.subtree.path);
}

export function scopedPeopleWhere(scope: HrScope) {
  return peopleInScopeWhere({ cityId: scope.cityId, subtree: scope.subtree });
}
