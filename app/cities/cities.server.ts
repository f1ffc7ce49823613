/** Cities (tenants) and their departments. */
import { db } from "~/db.server.ts";
import { activeDepartmentsWhere } from "./departments.server.ts";

export interface CityOption {
  slug: string;
  name: string;
  departments: Array<{ id: string; name: string }>;
}

/** Cities with their departments, for sign-up and the home page. */
export async function listCitiesWithDepartments(): Promise<CityOption[]> {
  return db().city.findMany({
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      departments: { where: activeDepartmentsWhere(), select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
}

export async function listDepartments(cityId: string): Promise<Array<{ id: string; name: string }>> {
  return db().department.findMany({
    where: activeDepartmentsWhere(cityId),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
