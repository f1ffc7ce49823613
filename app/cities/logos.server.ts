/**
 * City logos in the file store: an SVG is always stored sanitised (app/security/svg-sanitiser.server.ts),
 * a PNG as uploaded. Used by the branding form, the seed and the migration of the old `City.logoSvg`.
 */
import { db, type Prisma } from "~/db.server.ts";
import { sanitiseSvg } from "~/security/svg-sanitiser.server.ts";
import { putFile } from "./stored-files.server.ts";

type Client = Pick<Prisma.TransactionClient, "storedFile">;

export const SVG_TYPE = "image/svg+xml";
export const PNG_TYPE = "image/png";

/** Sanitises and stores an SVG logo; its hash, or null when the sanitiser refuses it. */
export async function storeSvgLogo(svg: string | Uint8Array, client: Client = db()): Promise<string | null> {
  const result = sanitiseSvg(svg);
  return result.ok ? putFile(new TextEncoder().encode(result.svg), SVG_TYPE, client) : null;
}

const LEGACY_PREFIX = "legacy-logo:";
const BATCH = 200;

/**
 * The data step after migration 20261201145421_logo_in_file_store, run by `scripts/db.ts deploy`
 * (so by `npm start` and the test setups). Idempotent: it only touches what is still in the old form.
 *  - a city's logo parked under "legacy-logo:<city id>" is sanitised, stored by its hash, and the
 *    city points at that (or at nothing, if the sanitiser refuses it); the parked row goes;
 *  - a certificate snapshot that still embeds `logoSvg` keeps the same logo by its hash instead.
 */
export async function migrateLegacyLogos(): Promise<{ cities: number; certificates: number }> {
  let cities = 0;
  const parked = await db().storedFile.findMany({
    where: { hash: { startsWith: LEGACY_PREFIX } },
    select: { hash: true, bytes: true },
  });
  for (const file of parked) {
    await db().$transaction(async (tx) => {
      const logoHash = await storeSvgLogo(new Uint8Array(file.bytes), tx);
      await tx.city.updateMany({ where: { logoHash: file.hash }, data: { logoHash } });
      await tx.storedFile.delete({ where: { hash: file.hash } });
    });
    cities += 1;
  }
  let certificates = 0;
  let cursor: string | undefined;
  for (;;) {
    const rows = await db().certificate.findMany({
      where: { citySnapshot: { contains: '"logoSvg"' }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, citySnapshot: true },
    });
    if (rows.length === 0) break;
    cursor = rows.at(-1)!.id;
    await db().$transaction(async (tx) => {
      for (const row of rows) {
        const { logoSvg, ...snapshot } = JSON.parse(row.citySnapshot) as Record<string, unknown>;
        if (logoSvg === undefined) continue;
        const logoHash = typeof logoSvg === "string" ? await storeSvgLogo(logoSvg, tx) : null;
        // Only the row as read: a concurrent change would have dropped `logoSvg` already.
        const updated = await tx.certificate.updateMany({
          where: { id: row.id, citySnapshot: row.citySnapshot },
          data: { citySnapshot: JSON.stringify({ ...snapshot, logoHash }) },
        });
        certificates += updated.count;
      }
    });
  }
  return { cities, certificates };
}
