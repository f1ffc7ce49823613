/** The people of one city, for its admins. Always filtered by the admin's city. */
import { db } from "~/db.server.ts";

export async function listPeople(cityId: string) {
  const people = await db().user.findMany({
    where: { cityId },
    orderBy: { name: "asc" },
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      emailConfirmedAt: true,
      department: { select: { name: true } },
      roleGrants: { select: { role: true } },
    },
  });
  return people.map(({ roleGrants, ...person }) => ({ ...person, roles: roleGrants.map((grant) => grant.role) }));
}
