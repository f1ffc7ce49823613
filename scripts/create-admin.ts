/**
 * Creates a city's first admin or the first network admin, and prints a one-time link to
 * set the password (no password ever passes through the command line).
 *
 *   npm run admin:create -- --city madrid --email ana@madrid.es --name "Ana Pérez" [--role NETWORK_ADMIN]
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "../app/db.server.ts";
import { createFirstAdmin, FIRST_ADMIN_LINK_DAYS } from "../app/cities/city-admin.server.ts";
import { emailField, nameField } from "../app/auth/validation.ts";
import { locales } from "../app/i18n/locales.ts";

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

const created = await db().$transaction((tx) =>
  createFirstAdmin(tx, { cityId: city.id, email, name, role, locale: locale ?? city.defaultLocale, actorId: null }),
);
if (!created.ok) {
  console.error(`${email} already belongs to another city.`);
  process.exit(1);
}

console.log(`${role} ready for ${email} (user ${created.userId}).`);
console.log(`Set the password within ${FIRST_ADMIN_LINK_DAYS} days at: ${created.link}`);
await db().$disconnect();
