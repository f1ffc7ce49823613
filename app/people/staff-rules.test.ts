import { describe, expect, it } from "vitest";
import { activationProblem, authorityOf, mayManagePerson, mayManageRole, roleChangeProblem } from "./staff-rules.ts";

const admin = { id: "admin", roles: ["CITY_ADMIN"] as const };
const network = { id: "network", roles: ["CITY_ADMIN", "NETWORK_ADMIN"] as const };
const learner = { id: "learner", roles: [] as const };
const grant = (role: "TRAINER" | "HR" | "CITY_ADMIN" | "NETWORK_ADMIN", limitedToDepartment = false) =>
  ({ kind: "grant", role, limitedToDepartment }) as const;
const revoke = (role: "TRAINER" | "HR" | "CITY_ADMIN" | "NETWORK_ADMIN") =>
  ({ kind: "revoke", role, limitedToDepartment: false }) as const;

describe("staff rules", () => {
  it("counts HR and trainer powers as held by a city admin, never the network role", () => {
    expect([...authorityOf(["CITY_ADMIN"])].sort()).toEqual(["CITY_ADMIN", "HR", "TRAINER"]);
    expect([...authorityOf(["HR"])]).toEqual(["HR"]);
    expect(mayManageRole(["CITY_ADMIN"], "NETWORK_ADMIN")).toBe(false);
    expect(mayManageRole(["CITY_ADMIN", "NETWORK_ADMIN"], "NETWORK_ADMIN")).toBe(true);
  });

  it("lets a city admin grant the roles they hold, HR limited to a department too", () => {
    for (const role of ["TRAINER", "HR", "CITY_ADMIN"] as const)
      expect(roleChangeProblem(grant(role), admin, learner)).toBeNull();
    expect(roleChangeProblem(grant("HR", true), admin, learner)).toBeNull();
  });

  it("refuses a role the admin does not hold, and only a network admin grants the network role", () => {
    expect(roleChangeProblem(grant("NETWORK_ADMIN"), admin, learner)).toBe("staff.problem.notYourRole");
    expect(roleChangeProblem(revoke("NETWORK_ADMIN"), admin, { id: "n", roles: ["NETWORK_ADMIN"] })).toBe(
      "staff.problem.notYourRole",
    );
    expect(roleChangeProblem(grant("NETWORK_ADMIN"), network, learner)).toBeNull();
  });

  it("refuses to touch someone who holds a role beyond the admin's", () => {
    const networkPerson = { id: "n", roles: ["NETWORK_ADMIN"] as const };
    expect(roleChangeProblem(grant("TRAINER"), admin, networkPerson)).toBe("staff.problem.outranks");
    expect(mayManagePerson(["CITY_ADMIN"], ["HR", "TRAINER", "CITY_ADMIN"])).toBe(true);
    expect(activationProblem(admin, networkPerson, false)).toBe("staff.problem.outranks");
  });

  it("limits only HR to a department, refuses a role held twice or revoking one not held", () => {
    expect(roleChangeProblem(grant("TRAINER", true), admin, learner)).toBe("staff.problem.hrOnlyScope");
    expect(roleChangeProblem(grant("HR"), admin, { id: "h", roles: ["HR"] })).toBe("staff.problem.alreadyHeld");
    expect(roleChangeProblem(revoke("HR"), admin, learner)).toBe("staff.problem.notHeld");
    expect(roleChangeProblem(revoke("HR"), admin, { id: "h", roles: ["HR"] })).toBeNull();
  });

  it("lets nobody give themselves a role or deactivate themselves; an admin may step down", () => {
    expect(roleChangeProblem(grant("HR"), admin, admin)).toBe("staff.problem.selfGrant");
    expect(roleChangeProblem(revoke("CITY_ADMIN"), admin, admin)).toBeNull();
    expect(activationProblem(admin, admin, false)).toBe("staff.problem.selfDeactivate");
    expect(activationProblem(admin, learner, false)).toBeNull();
    expect(activationProblem(admin, { id: "other", roles: ["CITY_ADMIN"] }, false)).toBeNull();
  });
});
