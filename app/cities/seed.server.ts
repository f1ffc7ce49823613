/**
 * Loads the signatory cities and, in demo mode, demo accounts. Idempotent: it only adds
 * what is missing and never changes what a city has edited. Shared by `npm start`,
 * `npm run db:seed` and the tests.
 */
import { db } from "~/db.server.ts";
import { ensureDepartmentChain } from "./departments.server.ts";
import { hashPassword } from "~/auth/password.server.ts";
import { demoDepartmentChains } from "./demo-activity.server.ts";
import type { GrantableRole } from "~/auth/roles.ts";
import type { Locale } from "~/i18n/locales.ts";
import { defaultEmblemSvg, demoEmailDomain, signatoryCities } from "./signatory-cities.ts";
import { personSearchText } from "~/people/search-text.ts";
import { storeSvgLogo } from "./logos.server.ts";

export const DEMO_PASSWORD = "aula-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  citySlug: string;
  department: string | null;
  locale: Locale;
  roles: GrantableRole[];
  /** HR limited to this department's subtree (names from the root down). */
  hrDepartment?: string[];
}

export const demoAccounts: DemoAccount[] = [
  {
    email: "ana.garcia@madrid.example",
    name: "Ana García Ruiz",
    citySlug: "madrid",
    department: "Servicios Sociales",
    locale: "es",
    roles: [],
  },
  {
    email: "tomas.formador@madrid.example",
    name: "Tomás Ibáñez",
    citySlug: "madrid",
    department: "Contratación",
    locale: "es",
    roles: ["TRAINER"],
  },
  { email: "rrhh@madrid.example", name: "Lucía Fernández", citySlug: "madrid", department: null, locale: "es", roles: ["HR"] },
  {
    email: "rrhh.sociales@madrid.example",
    name: "Marta Delgado Ruiz",
    citySlug: "madrid",
    department: "Servicios Sociales",
    locale: "es",
    roles: ["HR"],
    hrDepartment: ["Servicios Sociales"],
  },
  {
    email: "admin@madrid.example",
    name: "Javier Moreno",
    citySlug: "madrid",
    department: null,
    locale: "es",
    roles: ["CITY_ADMIN"],
  },
  {
    email: "red@madrid.example",
    name: "Elena Ortiz (UCCI)",
    citySlug: "madrid",
    department: null,
    locale: "es",
    roles: ["NETWORK_ADMIN"],
  },
  {
    email: "joao.silva@sao-paulo.example",
    name: "João da Silva",
    citySlug: "sao-paulo",
    department: "Central 156",
    locale: "pt",
    roles: [],
  },
  {
    email: "formadora@sao-paulo.example",
    name: "Mariana Conceição",
    citySlug: "sao-paulo",
    department: "Saúde",
    locale: "pt",
    roles: ["TRAINER"],
  },
  { email: "rh@sao-paulo.example", name: "Paulo Araújo", citySlug: "sao-paulo", department: null, locale: "pt", roles: ["HR"] },
  {
    email: "rh.saude@sao-paulo.example",
    name: "Renata Monteiro",
    citySlug: "sao-paulo",
    department: "Saúde",
    locale: "pt",
    roles: ["HR"],
    hrDepartment: ["Saúde"],
  },
  {
    email: "admin@sao-paulo.example",
    name: "Beatriz Lima",
    citySlug: "sao-paulo",
    department: null,
    locale: "pt",
    roles: ["CITY_ADMIN"],
  },
  {
    email: "camilo.rojas@bogota.example",
    name: "Camilo Rojas",
    citySlug: "bogota",
    department: "Secretaría de Movilidad",
    locale: "es",
    roles: [],
  },
  {
    email: "admin@bogota.example",
    name: "Natalia Pérez",
    citySlug: "bogota",
    department: null,
    locale: "es",
    roles: ["CITY_ADMIN", "HR"],
  },
];

/**
 * Creates each signatory city that does not exist yet, with its departments and email domains in
 * the same transaction (in demo mode, the demo cities' deeper trees too: demo-activity.server.ts).
 * An existing city is left alone, so a start never undoes an admin's edits.
 */
export async function seedCities({ demo }: { demo: boolean }): Promise<void> {
  for (const city of signatoryCities) {
    const { emailDomains, departments, ...fields } = city;
    if (await db().city.findUnique({ where: { slug: city.slug }, select: { id: true } })) continue;
    const domains = demo ? [...emailDomains, demoEmailDomain(city.slug)] : emailDomains;
    await db().$transaction(async (tx) => {
      const logoHash = await storeSvgLogo(defaultEmblemSvg(city), tx);
      const row = await tx.city.create({ data: { ...fields, logoHash }, select: { id: true } });
      for (const domain of domains) await tx.cityEmailDomain.create({ data: { domain, cityId: row.id } });
      for (const name of departments) await ensureDepartmentChain(tx, row.id, [name]);
      if (demo) for (const chain of demoDepartmentChains[city.slug] ?? []) await ensureDepartmentChain(tx, row.id, chain);
    });
  }
}

/** Demo accounts go only into an empty database, so a later start never resurrects them. */
export async function seedDemoAccounts(): Promise<boolean> {
  if ((await db().user.count()) > 0) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    const city = await db().city.findUniqueOrThrow({ where: { slug: account.citySlug }, select: { id: true } });
    const department = account.department
      ? await db().department.findFirst({
          where: { cityId: city.id, parentId: null, name: account.department },
          select: { id: true },
        })
      : null;
    const hrDepartmentId = account.hrDepartment
      ? await db().$transaction((tx) => ensureDepartmentChain(tx, city.id, account.hrDepartment!))
      : null;
    await db().user.create({
      data: {
        email: account.email,
        name: account.name,
        searchText: personSearchText(account),
        locale: account.locale,
        cityId: city.id,
        departmentId: department?.id ?? null,
        emailConfirmedAt: new Date(),
        password: { create: { hash } },
        roleGrants: {
          create: account.roles.map((role) => ({ role, cityId: city.id, departmentId: role === "HR" ? hrDepartmentId : null })),
        },
      },
    });
  }
  return true;
}

/**
 * Demo learning data: each demo city assigns a programme course to the whole city, one of them
 * already overdue, and the demo accounts of that city get their person-assignments. Each was
 * assigned 90 days before its due date (the generated people of demo-activity.server.ts worked on
 * it since then).
 */
export async function seedDemoLearning(): Promise<void> {
  const courses = await db().course.findMany({ where: { currentVersionId: { not: null } }, select: { id: true, key: true } });
  const byKey = new Map(courses.map((course) => [course.key, course.id]));
  const plan = [
    { city: "madrid", course: "ai-fundamentals", dueInDays: 30 },
    { city: "madrid", course: "personal-data-and-privacy", dueInDays: -7 },
    { city: "sao-paulo", course: "personal-data-and-privacy", dueInDays: 45 },
    { city: "bogota", course: "ai-fundamentals", dueInDays: 20 },
  ];
  const day = 86_400_000;
  for (const item of plan) {
    const courseId = byKey.get(item.course);
    if (!courseId) continue;
    const city = await db().city.findUniqueOrThrow({ where: { slug: item.city }, select: { id: true } });
    if (await db().assignment.findFirst({ where: { cityId: city.id, courseId }, select: { id: true } })) continue;
    const dueAt = new Date(Date.now() + item.dueInDays * day);
    const assignedAt = new Date(dueAt.getTime() - 90 * day);
    const learners = await db().user.findMany({
      where: { cityId: city.id, email: { in: demoAccounts.map((account) => account.email) } },
      select: { id: true },
    });
    await db().$transaction(async (tx) => {
      const assignment = await tx.assignment.create({
        data: { cityId: city.id, courseId, dueAt, validityMonths: 24, createdAt: assignedAt, targets: { create: [{}] } },
        select: { id: true },
      });
      for (const learner of learners) {
        await tx.personAssignment.create({
          data: { assignmentId: assignment.id, userId: learner.id, cityId: city.id, courseId, assignedAt, dueAt },
        });
      }
    });
  }
}
