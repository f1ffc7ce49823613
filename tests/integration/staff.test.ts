/** City admins manage their people: the list, roles, the last-admin rule, moves and deactivation (decision 025). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment } from "~/assignments/assign.server.ts";
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { logIn, signUp } from "~/auth/accounts.server.ts";
import { getCurrentUser, type CurrentUser } from "~/auth/guards.server.ts";
import { createInvitation } from "~/auth/invitations.server.ts";
import { createResetLinkForPerson, requestPasswordReset, resetPassword } from "~/auth/password-reset.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import { backgroundWorkDone } from "~/http/after-response.server.ts";
import {
  grantStaffRole,
  listPeople,
  moveStaffPerson,
  revokeStaffRole,
  setStaffActive,
  type StaffOutcome,
} from "~/people/staff.server.ts";
import { hrScopeOf } from "~/reports/scope.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD, type TestUser } from "../support/factories.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let madridAdmin: CurrentUser;
let madridId: string;
beforeAll(async () => {
  server = await startTestServer();
  madridAdmin = await signedIn(await createUser({ roles: ["CITY_ADMIN"] }));
  madridId = madridAdmin.city.id;
});
afterAll(async () => {
  await server.close();
});

async function signedIn(user: TestUser): Promise<CurrentUser> {
  const request = new Request("http://localhost/", { headers: { Cookie: await sessionCookie(user.id) } });
  return (await getCurrentUser(request))!;
}

const department = (cityId: string, ...names: string[]) => db().$transaction((tx) => ensureDepartmentChain(tx, cityId, names));

let cities = 0;
/** A city of its own, so that its admins are the only ones. */
async function newCity(): Promise<string> {
  cities += 1;
  const slug = `prueba-${cities}-${Date.now()}`;
  await db().city.create({
    data: {
      slug,
      name: `Ciudad de prueba ${cities}`,
      defaultLocale: "es",
      timeZone: "Europe/Madrid",
      primaryColor: "#1d4ed8",
      accentColor: "#b91c1c",
      certificatePrefix: `T${cities}${Date.now().toString(36).toUpperCase()}`,
    },
  });
  return slug;
}

const auditCount = async (action: string, subjectId: string) =>
  db().auditLog.count({ where: { action, subjectRef: await pseudonymFor(subjectId) } });
const sessionsOf = (userId: string) => db().session.count({ where: { userId } });
const rolesOf = async (userId: string) =>
  (await db().roleGrant.findMany({ where: { userId }, select: { role: true }, orderBy: { role: "asc" } })).map(
    (grant) => grant.role,
  );

describe("the people list", () => {
  it("finds people ignoring accents and case, by department subtree and by status, a page at a time", async () => {
    const parent = await department(madridId, "Cultura Lista");
    const child = await department(madridId, "Cultura Lista", "Bibliotecas Lista");
    const inChild = await createUser({ name: "Begoña Núñez Lista", department: ["Cultura Lista", "Bibliotecas Lista"] });
    const inParent = await createUser({ name: "Íñigo Pérez Lista", department: "Cultura Lista" });
    await createUser({ city: "sao-paulo", name: "Begona Nunez Lista" });

    const found = await listPeople(madridId, { search: "BEGONA nunez", page: 1 });
    expect(found).toMatchObject({ ok: true, total: 1, rows: [{ id: inChild.id, active: true, roles: [] }] });
    const subtree = await listPeople(madridId, { departmentId: parent, page: 1 });
    expect(subtree.ok && subtree.rows.map((row) => row.id).sort()).toEqual([inChild.id, inParent.id].sort());
    const only = await listPeople(madridId, { departmentId: child, page: 1 });
    expect(only.ok && only.rows.map((row) => row.id)).toEqual([inChild.id]);

    await setStaffActive(madridAdmin, { userId: inParent.id, active: false });
    const deactivated = await listPeople(madridId, { departmentId: parent, status: "deactivated", page: 1 });
    expect(deactivated.ok && deactivated.rows.map((row) => row.id)).toEqual([inParent.id]);
    const active = await listPeople(madridId, { departmentId: parent, status: "active", page: 1 });
    expect(active.ok && active.rows.map((row) => row.id)).toEqual([inChild.id]);
    // Another city's department is no filter of this city.
    const foreign = await department((await db().city.findUniqueOrThrow({ where: { slug: "sao-paulo" } })).id, "Estrangeira");
    expect(await listPeople(madridId, { departmentId: foreign, page: 1 })).toEqual({ ok: false });
  });

  it("pages by 50 and shows roles, HR's department included", async () => {
    const slug = await newCity();
    const scope = await department((await db().city.findUniqueOrThrow({ where: { slug } })).id, "Área Paginada");
    for (let index = 0; index < 51; index += 1) await createUser({ city: slug, department: "Área Paginada" });
    const hrPerson = await createUser({ city: slug, roles: ["HR"], hrDepartment: "Área Paginada", name: "Zoe Última" });
    const cityId = hrPerson.cityId;
    const second = await listPeople(cityId, { page: 2 });
    expect(second).toMatchObject({ ok: true, total: 52, window: { page: 2, pageCount: 2, firstRow: 51, lastRow: 52 } });
    expect(second.ok && second.rows.at(-1)).toMatchObject({ id: hrPerson.id, roles: ["HR"], hrDepartment: { id: scope } });
  });
});

describe("roles", () => {
  it("grants HR limited to a department, audited, and signs the person out", async () => {
    const person = await createUser();
    await sessionCookie(person.id);
    const scope = await department(madridId, "Servicios Sociales");
    expect(await grantStaffRole(madridAdmin, { userId: person.id, role: "HR", departmentId: scope })).toEqual({
      ok: true,
      changed: true,
      actorSignedOut: false,
    });
    const grant = await db().roleGrant.findUniqueOrThrow({ where: { userId_role: { userId: person.id, role: "HR" } } });
    expect(grant).toMatchObject({ cityId: madridId, departmentId: scope });
    expect(await sessionsOf(person.id)).toBe(0);
    expect(await auditCount("role.grant", person.id)).toBe(1);
    const signedInAgain = await signedIn(person);
    expect((await hrScopeOf(signedInAgain)).subtree?.id).toBe(scope);

    await sessionCookie(person.id);
    expect(await revokeStaffRole(madridAdmin, { userId: person.id, role: "HR" })).toMatchObject({ ok: true });
    expect(await rolesOf(person.id)).toEqual([]);
    expect(await sessionsOf(person.id)).toBe(0);
    expect(await auditCount("role.revoke", person.id)).toBe(1);
  });

  it("refuses, writing nothing: a role the admin lacks, another city's person or department, a scope for a non-HR role", async () => {
    const person = await createUser();
    await sessionCookie(person.id);
    const paulista = await createUser({ city: "sao-paulo" });
    const foreign = await department(paulista.cityId, "Área Ajena");
    const attempts: Array<[Promise<StaffOutcome>, string]> = [
      [
        grantStaffRole(madridAdmin, { userId: person.id, role: "NETWORK_ADMIN", departmentId: null }),
        "staff.problem.notYourRole",
      ],
      [grantStaffRole(madridAdmin, { userId: paulista.id, role: "TRAINER", departmentId: null }), "staff.problem.notFound"],
      [grantStaffRole(madridAdmin, { userId: person.id, role: "HR", departmentId: foreign }), "staff.problem.department"],
      [
        grantStaffRole(madridAdmin, { userId: person.id, role: "TRAINER", departmentId: await department(madridId, "Hacienda") }),
        "staff.problem.hrOnlyScope",
      ],
      [grantStaffRole(madridAdmin, { userId: madridAdmin.id, role: "TRAINER", departmentId: null }), "staff.problem.selfGrant"],
      [revokeStaffRole(madridAdmin, { userId: person.id, role: "TRAINER" }), "staff.problem.notHeld"],
      [moveStaffPerson(madridAdmin, { userId: person.id, departmentId: foreign }), "staff.problem.department"],
      [moveStaffPerson(madridAdmin, { userId: paulista.id, departmentId: null }), "staff.problem.notFound"],
      [setStaffActive(madridAdmin, { userId: paulista.id, active: false }), "staff.problem.notFound"],
      [setStaffActive(madridAdmin, { userId: madridAdmin.id, active: false }), "staff.problem.selfDeactivate"],
    ];
    for (const [attempt, problem] of attempts) expect(await attempt).toEqual({ ok: false, problem });
    expect(await rolesOf(person.id)).toEqual([]);
    expect(await rolesOf(paulista.id)).toEqual([]);
    expect(await sessionsOf(person.id)).toBe(1);
    expect(await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { departmentId: true, active: true } })).toEqual(
      {
        departmentId: person.cityId === madridId ? expect.any(String) : null,
        active: true,
      },
    );
    expect(
      await db().auditLog.count({
        where: { subjectRef: { in: [await pseudonymFor(person.id), await pseudonymFor(paulista.id)] } },
      }),
    ).toBe(0);
  });

  it("lets only a network admin touch the network role or its holder", async () => {
    const networkPerson = await createUser({ roles: ["NETWORK_ADMIN"] });
    expect(await revokeStaffRole(madridAdmin, { userId: networkPerson.id, role: "NETWORK_ADMIN" })).toEqual({
      ok: false,
      problem: "staff.problem.notYourRole",
    });
    expect(await setStaffActive(madridAdmin, { userId: networkPerson.id, active: false })).toEqual({
      ok: false,
      problem: "staff.problem.outranks",
    });
    const network = await signedIn(await createUser({ roles: ["CITY_ADMIN", "NETWORK_ADMIN"] }));
    const person = await createUser();
    expect(await grantStaffRole(network, { userId: person.id, role: "NETWORK_ADMIN", departmentId: null })).toMatchObject({
      ok: true,
    });
    expect(await rolesOf(person.id)).toEqual(["NETWORK_ADMIN"]);
  });

  it("keeps the last active city admin: no demotion, no deactivation; a deactivated admin does not count", async () => {
    const slug = await newCity();
    const first = await signedIn(await createUser({ city: slug, roles: ["CITY_ADMIN"] }));
    expect(await revokeStaffRole(first, { userId: first.id, role: "CITY_ADMIN" })).toEqual({
      ok: false,
      problem: "staff.problem.lastCityAdmin",
    });
    const second = await signedIn(await createUser({ city: slug, roles: ["CITY_ADMIN"] }));
    expect(await setStaffActive(second, { userId: first.id, active: false })).toMatchObject({ ok: true, changed: true });
    // The only active admin now is `second`: stepping down is refused, and nothing was written.
    expect(await revokeStaffRole(second, { userId: second.id, role: "CITY_ADMIN" })).toEqual({
      ok: false,
      problem: "staff.problem.lastCityAdmin",
    });
    expect(await rolesOf(second.id)).toEqual(["CITY_ADMIN"]);
    expect(await auditCount("role.revoke", second.id)).toBe(0);
    // With another active admin, an admin may step down (and their own sessions end too).
    expect(await setStaffActive(second, { userId: first.id, active: true })).toMatchObject({ ok: true });
    expect(await revokeStaffRole(second, { userId: second.id, role: "CITY_ADMIN" })).toEqual({
      ok: true,
      changed: true,
      actorSignedOut: true,
    });
    expect(await sessionsOf(second.id)).toBe(0);
  });

  it("lets only one of two simultaneous demotions of the last two admins succeed", async () => {
    for (let round = 0; round < 4; round += 1) {
      const slug = await newCity();
      const a = await signedIn(await createUser({ city: slug, roles: ["CITY_ADMIN"] }));
      const b = await signedIn(await createUser({ city: slug, roles: ["CITY_ADMIN"] }));
      // Round 3 mixes a demotion with a deactivation: the same rule holds.
      const outcomes = await Promise.all([
        revokeStaffRole(a, { userId: b.id, role: "CITY_ADMIN" }),
        round === 3
          ? setStaffActive(b, { userId: a.id, active: false })
          : revokeStaffRole(b, { userId: a.id, role: "CITY_ADMIN" }),
      ]);
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, problem: "staff.problem.lastCityAdmin" }]);
      const activeAdmins = await db().roleGrant.count({ where: { role: "CITY_ADMIN", city: { slug }, user: { active: true } } });
      expect(activeAdmins).toBe(1);
    }
  });
});

describe("deactivation", () => {
  it("ends the person's sessions at once and blocks login, reset links and invitations; reactivation lets them back", async () => {
    const person = await createUser({ name: "Desactivada Prueba" });
    const cookie = await sessionCookie(person.id);
    expect((await server.request("/profile", { cookie })).status).toBe(200);
    const oldLink = await createResetLinkForPerson(madridAdmin, person.id);
    if (oldLink.outcome !== "created") throw new Error("no link");

    expect(await setStaffActive(madridAdmin, { userId: person.id, active: false })).toEqual({
      ok: true,
      changed: true,
      actorSignedOut: false,
    });
    expect(await sessionsOf(person.id)).toBe(0);
    expect((await server.request("/profile", { cookie })).status).toBe(302);
    expect(await auditCount("person.deactivate", person.id)).toBe(1);
    // Again: nothing to change, nothing audited twice.
    expect(await setStaffActive(madridAdmin, { userId: person.id, active: false })).toMatchObject({ ok: true, changed: false });
    expect(await auditCount("person.deactivate", person.id)).toBe(1);

    expect(await logIn({ email: person.email, password: TEST_PASSWORD }, "10.9.0.1")).toMatchObject({ ok: false });
    const token = oldLink.link.split("/reset-password/")[1]!;
    expect(await resetPassword(token, "una frase nueva y larga", "10.9.0.1")).toEqual({ outcome: "invalid" });
    expect(await createResetLinkForPerson(madridAdmin, person.id)).toEqual({ outcome: "inactive" });
    const links = await db().passwordReset.count({ where: { userId: person.id } });
    await requestPasswordReset(person.email, "10.9.0.2");
    await backgroundWorkDone();
    expect(await db().passwordReset.count({ where: { userId: person.id } })).toBe(links);

    // An invitation for their address does not open or change their account.
    const invited = await createInvitation(madridAdmin, { role: "TRAINER", department: "", email: person.email });
    if (!invited.ok) throw new Error("no invitation");
    const invitation = new URL(invited.link).searchParams.get("invitation")!;
    await signUp({ name: person.name, email: person.email, locale: "es", privacy: "on", invitation }, "10.9.0.3");
    await backgroundWorkDone();
    expect(await rolesOf(person.id)).toEqual([]);
    expect(await db().invitation.count({ where: { acceptedById: person.id } })).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { active: true } })).toEqual({ active: false });

    expect(await setStaffActive(madridAdmin, { userId: person.id, active: true })).toMatchObject({ ok: true, changed: true });
    expect(await auditCount("person.reactivate", person.id)).toBe(1);
    expect(await logIn({ email: person.email, password: TEST_PASSWORD }, "10.9.0.4")).toMatchObject({ ok: true });
  });
});

describe("moving department", () => {
  it("moves a person, audited, and their assignments follow: the new department's given, the old one's open rows withdrawn", async () => {
    await importSampleCourse();
    const courseId = (await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } })).id;
    const from = await department(madridId, "Origen Traslado");
    const to = await department(madridId, "Destino Traslado");
    const hr = await signedIn(await createUser({ roles: ["HR"] }));
    const base = {
      courseId,
      wholeCity: false,
      emails: [],
      due: { kind: "days" as const, days: 30 },
      validityMonths: null,
      windowDays: null,
    };
    for (const departmentId of [from, to]) {
      const outcome = await createAssignment(hr, await hrScopeOf(hr), {
        ...base,
        departments: [{ departmentId, includeSubdepartments: true }],
      });
      expect(outcome.ok).toBe(true);
    }
    const person = await createUser({ department: "Origen Traslado" });
    await db().$transaction((tx) => assignOnJoinOrMove(tx, person.id));
    const open = () =>
      db().personAssignment.findMany({
        where: { userId: person.id, withdrawnAt: null, assignment: { targets: { some: { departmentId: { in: [from, to] } } } } },
        select: { assignment: { select: { targets: { select: { departmentId: true } } } } },
      });
    expect((await open()).map((row) => row.assignment.targets[0]?.departmentId)).toEqual([from]);

    expect(await moveStaffPerson(madridAdmin, { userId: person.id, departmentId: to })).toEqual({
      ok: true,
      changed: true,
      actorSignedOut: false,
    });
    expect((await open()).map((row) => row.assignment.targets[0]?.departmentId)).toEqual([to]);
    expect(await auditCount("person.move", person.id)).toBe(1);
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: "person.move", subjectRef: await pseudonymFor(person.id) },
    });
    expect(JSON.parse(entry.details)).toEqual({ from, to, added: 1, withdrawn: 1 });
  });
});
