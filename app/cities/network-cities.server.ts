/**
 * The network admin's cities: the list, a new city with its first city admin, a city's settings,
 * and deactivation (its people cannot sign in — auth/session-store.server.ts and
 * auth/accounts.server.ts read `City.deactivatedAt` — and its data is kept). Every write is
 * audited as a `network.*` action in the same transaction; bad input writes nothing.
 */
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { db, Prisma } from "~/db.server.ts";
import { createFirstAdmin } from "./city-admin.server.ts";
import type { CitySettings, NewCity } from "./city-settings.ts";
import { cityContrastFailures } from "./contrast.ts";

export interface CityListRow {
  id: string;
  slug: string;
  name: string;
  people: number;
  deactivatedAt: Date | null;
}

/** Every city with how many people it has (a count only: network admins see no city's people). */
export async function listNetworkCities(): Promise<CityListRow[]> {
  const cities = await db().city.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, deactivatedAt: true, _count: { select: { users: true } } },
  });
  return cities.map(({ _count, ...city }) => ({ ...city, people: _count.users }));
}

export interface CityDetail extends CitySettings {
  id: string;
  slug: string;
  deactivatedAt: Date | null;
}

export async function findNetworkCity(slug: string): Promise<CityDetail | null> {
  const city = await db().city.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      defaultLocale: true,
      timeZone: true,
      certificatePrefix: true,
      deactivatedAt: true,
      emailDomains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  if (!city) return null;
  const { emailDomains, defaultLocale, ...rest } = city;
  return {
    ...rest,
    defaultLocale: defaultLocale as CitySettings["defaultLocale"],
    emailDomains: emailDomains.map((row) => row.domain),
  };
}

/** A refusal: which field, the message key and its parameters. */
export interface CityProblem {
  field: string;
  message: string;
  params?: Record<string, string | number>;
}

export type CityWriteResult<T> = { ok: true; value: T } | { ok: false; problems: CityProblem[] };

class Refused extends Error {
  constructor(readonly problems: CityProblem[]) {
    super("refused");
  }
}

/** Slug, prefix and domains already used by another city, as problems (empty when all are free). */
async function takenProblems(
  tx: Prisma.TransactionClient,
  input: { slug?: string; certificatePrefix: string; emailDomains: string[] },
  cityId: string | null,
): Promise<CityProblem[]> {
  const other = cityId ? { NOT: { id: cityId } } : {};
  const problems: CityProblem[] = [];
  if (input.slug && (await tx.city.findFirst({ where: { slug: input.slug, ...other }, select: { id: true } })))
    problems.push({ field: "slug", message: "networkCities.error.slugTaken", params: { slug: input.slug } });
  const prefixOwner = await tx.city.findFirst({
    where: { certificatePrefix: input.certificatePrefix, ...other },
    select: { name: true },
  });
  if (prefixOwner)
    problems.push({
      field: "certificatePrefix",
      message: "networkCities.error.prefixTaken",
      params: { prefix: input.certificatePrefix, city: prefixOwner.name },
    });
  const domains = await tx.cityEmailDomain.findMany({
    where: { domain: { in: input.emailDomains }, ...(cityId ? { NOT: { cityId } } : {}) },
    select: { domain: true, city: { select: { name: true } } },
    orderBy: { domain: "asc" },
  });
  for (const row of domains)
    problems.push({
      field: "emailDomains",
      message: "networkCities.error.domainTaken",
      params: { domain: row.domain, city: row.city.name },
    });
  return problems;
}

/** A unique-constraint race lost to another request: the same answer as the check before it. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function refusing<T>(write: () => Promise<T>, onRace: () => Promise<CityProblem[]>): Promise<CityWriteResult<T>> {
  try {
    return { ok: true, value: await write() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    if (isUniqueViolation(error)) return { ok: false, problems: await onRace() };
    throw error;
  }
}

export function contrastProblems(colours: { primaryColor: string; accentColor: string }): CityProblem[] {
  const failures = cityContrastFailures(colours);
  const worst = [...failures].sort((a, b) => a.ratio - b.ratio)[0];
  if (!worst) return [];
  return [
    {
      field: "primaryColor",
      message: "networkCities.error.contrast",
      params: { ratio: Math.round(worst.ratio * 100) / 100, required: worst.required },
    },
  ];
}

/** Creates a city (no departments: its admin builds the tree) and its first admin's one-time link. */
export async function createCity(actorId: string, input: NewCity): Promise<CityWriteResult<{ slug: string; link: string }>> {
  const contrast = contrastProblems(input);
  if (contrast.length > 0) return { ok: false, problems: contrast };
  const check = (tx: Prisma.TransactionClient) => takenProblems(tx, input, null);
  return refusing(
    () =>
      db().$transaction(async (tx) => {
        const taken = await check(tx);
        if (taken.length > 0) throw new Refused(taken);
        const city = await tx.city.create({
          data: {
            slug: input.slug,
            name: input.name,
            defaultLocale: input.defaultLocale,
            timeZone: input.timeZone,
            primaryColor: input.primaryColor,
            accentColor: input.accentColor,
            certificatePrefix: input.certificatePrefix,
            emailDomains: { create: input.emailDomains.map((domain) => ({ domain })) },
          },
          select: { id: true, slug: true },
        });
        const admin = await createFirstAdmin(tx, {
          cityId: city.id,
          email: input.adminEmail,
          name: input.adminName,
          locale: input.defaultLocale,
          role: "CITY_ADMIN",
          actorId,
        });
        if (!admin.ok) throw new Refused([{ field: "adminEmail", message: "networkCities.error.emailTaken" }]);
        await audit(
          {
            cityId: city.id,
            actorId,
            action: "network.city.create",
            targetType: "City",
            targetId: city.slug,
            details: {
              slug: city.slug,
              defaultLocale: input.defaultLocale,
              timeZone: input.timeZone,
              certificatePrefix: input.certificatePrefix,
              emailDomains: input.emailDomains,
            },
          },
          tx,
        );
        return { slug: city.slug, link: admin.link };
      }),
    () => db().$transaction(check),
  );
}

/** Changes a city's settings; the domains are replaced by the given list. */
export async function updateCity(
  actorId: string,
  slug: string,
  input: CitySettings,
): Promise<CityWriteResult<null> | { ok: false; notFound: true }> {
  const city = await db().city.findUnique({ where: { slug }, select: { id: true } });
  if (!city) return { ok: false, notFound: true };
  const check = (tx: Prisma.TransactionClient) => takenProblems(tx, input, city.id);
  return refusing(
    () =>
      db().$transaction(async (tx) => {
        const taken = await check(tx);
        if (taken.length > 0) throw new Refused(taken);
        await tx.city.update({
          where: { id: city.id },
          data: {
            name: input.name,
            defaultLocale: input.defaultLocale,
            timeZone: input.timeZone,
            certificatePrefix: input.certificatePrefix,
          },
        });
        await tx.cityEmailDomain.deleteMany({ where: { cityId: city.id, domain: { notIn: input.emailDomains } } });
        const kept = await tx.cityEmailDomain.findMany({ where: { cityId: city.id }, select: { domain: true } });
        const fresh = input.emailDomains.filter((domain) => !kept.some((row) => row.domain === domain));
        if (fresh.length > 0) await tx.cityEmailDomain.createMany({ data: fresh.map((domain) => ({ domain, cityId: city.id })) });
        await audit(
          {
            cityId: city.id,
            actorId,
            action: "network.city.update",
            targetType: "City",
            targetId: slug,
            details: { ...input },
          },
          tx,
        );
        return null;
      }),
    () => db().$transaction(check),
  );
}

export type ActivationResult = "done" | "unchanged" | "not-found" | "own-city";

/**
 * Deactivates or reactivates a city. Idempotent (a second click changes nothing and writes no
 * audit entry); a network admin cannot deactivate their own city, which would lock them out.
 */
export async function setCityActive(
  actor: { id: string; cityId: string },
  slug: string,
  active: boolean,
): Promise<ActivationResult> {
  return db().$transaction(async (tx) => {
    const city = await tx.city.findUnique({ where: { slug }, select: { id: true } });
    if (!city) return "not-found";
    if (!active && city.id === actor.cityId) return "own-city";
    const changed = await tx.city.updateMany({
      where: { id: city.id, deactivatedAt: active ? { not: null } : null },
      data: { deactivatedAt: active ? null : now() },
    });
    if (changed.count === 0) return "unchanged";
    await audit(
      {
        cityId: city.id,
        actorId: actor.id,
        action: active ? "network.city.reactivate" : "network.city.deactivate",
        targetType: "City",
        targetId: slug,
      },
      tx,
    );
    return "done";
  });
}
