/** Test data: people with roles and sessions, created through the same code the app uses. */
import { hashPassword } from "~/auth/password.server.ts";
import { createSession } from "~/auth/session.server.ts";
import type { GrantableRole } from "~/auth/roles.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import { personSearchText } from "~/people/search-text.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let hashed: Promise<string> | undefined;
let counter = 0;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  cityId: string;
  citySlug: string;
}

/** 1 → "a", 26 → "z", 27 → "aa": a distinct, digit-free tag per user. */
function lettersFor(count: number): string {
  let letters = "";
  for (let rest = count; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return letters;
}

export async function createUser(
  options: {
    city?: string;
    roles?: GrantableRole[];
    email?: string;
    name?: string;
    locale?: string;
    /** The person's department, by its names from the root down (default: the city's first department). */
    department?: string | string[];
    /** With the HR role: limit the grant to this department's subtree (names from the root down). */
    hrDepartment?: string | string[];
  } = {},
): Promise<TestUser> {
  const citySlug = options.city ?? "madrid";
  counter += 1;
  const email = options.email ?? `person${counter}.${Date.now()}@${citySlug}.example`;
  // Names hold letters only (the name rule refuses digits): the counter is spelt in letters.
  const name = options.name ?? `Persona ${lettersFor(counter)} ${citySlug}`;
  hashed ??= hashPassword(TEST_PASSWORD);
  const city = await db().city.findUniqueOrThrow({
    where: { slug: citySlug },
    select: { id: true, departments: { select: { id: true }, take: 1 } },
  });
  const chain = (names: string | string[]) =>
    db().$transaction((tx) => ensureDepartmentChain(tx, city.id, typeof names === "string" ? [names] : names));
  const departmentId = options.department ? await chain(options.department) : (city.departments[0]?.id ?? null);
  const hrDepartmentId = options.hrDepartment ? await chain(options.hrDepartment) : null;
  const user = await db().user.create({
    data: {
      email,
      name,
      searchText: personSearchText({ name, email }),
      locale: options.locale ?? "es",
      cityId: city.id,
      departmentId,
      emailConfirmedAt: new Date(),
      password: { create: { hash: await hashed } },
      roleGrants: {
        create: (options.roles ?? []).map((role) => ({
          role,
          cityId: city.id,
          departmentId: role === "HR" ? hrDepartmentId : null,
        })),
      },
    },
    select: { id: true },
  });
  return { id: user.id, email, name, cityId: city.id, citySlug };
}

export async function sessionCookie(userId: string): Promise<string> {
  return `aula_session=${(await createSession(userId)).token}`;
}
