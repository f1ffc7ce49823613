/**
 * Creates a city's first admin or the first network admin, and prints a one-time link to
 * set the password (no password ever passes through the command line).
 *
 *   npm run admin:create -- --city madrid --email ana@madrid.es --name "Ana Pérez" [--role NETWORK_ADMIN]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "../app/db.server.ts";
import { appUrl } from "../app/env.server.ts";
import { grantRole } from "../app/auth/role-grants.server.ts";
import { audit } from "../app/audit/audit.server.ts";
import { emailField, nameField } from "../app/auth/validation.ts";
import { hashToken, newToken } from "../app/auth/tokens.server.ts";
import { locales } from "../app/i18n/locales.ts";
import { personSearchText } from "../app/people/search-text.ts";

const { values } = parseArgs({
  options: {
    city: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "CITY_ADMIN" },
    locale: { type: "string" },
  },
});

const input = z
  .object({
    city: z.string().min(1),
    email: emailField,
    name: nameField,
    role: z.enum(["CITY_ADMIN", "NETWORK_ADMIN"]),
    locale: z.enum(locales).optional(),
  })
  .safeParse(values);
if (!input.success) {
  console.error(
    'Usage: npm run admin:create -- --city <slug> --email <email> --name "<name>" [--role CITY_ADMIN|NETWORK_ADMIN] [--locale es|pt|en]',
  );
  process.exit(2);
}
const { city: slug, email, name, role, locale } = input.data;

const city = await db().city.findUnique({ where: { slug }, select: { id: true, defaultLocale: true } });
if (!city) {
  const known = await db().city.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  console.error(
    `Unknown city "${slug}". Known cities: ${known.map((row) => row.slug).join(", ")} (run npm start or npm run db:seed first).`,
  );
  process.exit(1);
}

const { token } = newToken();
const user = await db().$transaction(async (tx) => {
  const person = await tx.user.upsert({
    where: { email },
    create: {
      email,
      name,
      searchText: personSearchText({ name, email }),
      locale: locale ?? city.defaultLocale,
      cityId: city.id,
      emailConfirmedAt: new Date(),
    },
    update: {},
    select: { id: true, cityId: true },
  });
  if (person.cityId !== city.id) throw new Error(`${email} already belongs to another city.`);
  // An existing person who gains the role is signed out everywhere.
  await grantRole(tx, { userId: person.id, cityId: city.id, role });
  await tx.passwordReset.create({
    data: { tokenHash: hashToken(token), userId: person.id, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  await audit({ cityId: city.id, actorId: null, action: "admin.create", subjectId: person.id, details: { role } }, tx);
  return person;
});

console.log(`${role} ready for ${email} (user ${user.id}).`);
console.log(`Set the password within 7 days at: ${appUrl()}/reset-password/${token}`);
await db().$disconnect();
