/**
 * Reading and saving a city's branding and settings (/admin/branding). A proposal is checked
 * whole (the form's schema, the contrast rule, the logo's content, the prefix and domains against
 * the other cities) and then written in one transaction with its audit entry, or not at all.
 */
import { readFile } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { db, Prisma } from "~/db.server.ts";
import type { UploadedFileInfo } from "~/forms/limits.ts";
import { isLocale } from "~/i18n/locales.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { sanitiseSvg, type SvgRefusal } from "~/security/svg-sanitiser.server.ts";
import { changedFields, colourRefusals, type BrandingInput, type BrandingSettings, type ColourRefusal } from "./branding.ts";
import { PNG_TYPE, SVG_TYPE } from "./logos.server.ts";
import { putFile } from "./stored-files.server.ts";

export async function loadBranding(cityId: string): Promise<BrandingSettings> {
  const city = await db().city.findUniqueOrThrow({
    where: { id: cityId },
    select: {
      name: true,
      primaryColor: true,
      accentColor: true,
      signatoryName: true,
      signatoryTitle: true,
      certificatePrefix: true,
      defaultLocale: true,
      timeZone: true,
      dataProtectionContact: true,
      logoHash: true,
      requireCourseReview: true,
      emailDomains: { select: { domain: true }, orderBy: { domain: "asc" } },
    },
  });
  const { emailDomains, defaultLocale, ...rest } = city;
  return {
    ...rest,
    defaultLocale: isLocale(defaultLocale) ? defaultLocale : "es",
    emailDomains: emailDomains.map((row) => row.domain),
  };
}

/** The proposal without the form's intent. */
export type BrandingValues = Omit<BrandingInput, "intent">;

/** A logo read and checked by its content: the bytes to store, or why it is refused. */
export type LogoCheck = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; error: MessageKey };

/** Why an SVG was refused, in words (the branding page's and the lesson images'). */
export const svgErrors: Record<SvgRefusal, MessageKey> = {
  tooLarge: "branding.error.svgTooLarge",
  declaration: "branding.error.svgDeclaration",
  notXml: "branding.error.svgNotXml",
  notSvg: "branding.error.svgNotSvg",
  empty: "branding.error.svgEmpty",
};

/**
 * The upload path already matched the file's first bytes (PNG) or its text (SVG) to the kind;
 * here a PNG must also be one by `file-type`'s reading, and an SVG must pass the sanitiser, which
 * gives the bytes that are stored.
 */
export async function checkLogo(file: UploadedFileInfo): Promise<LogoCheck> {
  const bytes = new Uint8Array(await readFile(file.path));
  if (file.kind === "png") {
    const type = await fileTypeFromBuffer(bytes);
    return type?.mime === PNG_TYPE ? { ok: true, bytes, contentType: PNG_TYPE } : { ok: false, error: "branding.error.logoType" };
  }
  if (file.kind === "svg") {
    const result = sanitiseSvg(bytes);
    return result.ok
      ? { ok: true, bytes: new TextEncoder().encode(result.svg), contentType: SVG_TYPE }
      : { ok: false, error: svgErrors[result.reason] };
  }
  return { ok: false, error: "branding.error.logoType" };
}

export type BrandingFieldErrors = Partial<Record<string, { key: MessageKey; params?: Record<string, string | number> }>>;

export type SaveOutcome =
  { ok: true; changed: string[] } | { ok: false; fieldErrors: BrandingFieldErrors; colours: ColourRefusal[] };

/** The refusals that need no database: contrast. Shown for a preview too. */
export function colourErrors(input: Pick<BrandingInput, "primaryColor" | "accentColor">): ColourRefusal[] {
  return colourRefusals(input);
}

/** Which of the proposed prefix and domains another city holds already. */
async function takenByOthers(cityId: string, input: BrandingValues): Promise<BrandingFieldErrors> {
  const errors: BrandingFieldErrors = {};
  const prefix = await db().city.findFirst({
    where: { certificatePrefix: input.certificatePrefix, id: { not: cityId } },
    select: { id: true },
  });
  if (prefix) errors.certificatePrefix = { key: "branding.error.prefixTaken" };
  const domain = await db().cityEmailDomain.findFirst({
    where: { domain: { in: input.emailDomains }, cityId: { not: cityId } },
    select: { domain: true },
  });
  if (domain) errors.emailDomains = { key: "branding.error.domainTaken", params: { domain: domain.domain } };
  return errors;
}

/**
 * Saves the admin's city's branding: everything or nothing, audited as "city.branding.update"
 * with the names of the fields that changed (never their values: a signatory is a person).
 */
export async function saveBranding(admin: CurrentUser, input: BrandingValues, logo: LogoCheck | null): Promise<SaveOutcome> {
  const cityId = admin.city.id;
  const colours = colourErrors(input);
  const fieldErrors: BrandingFieldErrors = { ...(await takenByOthers(cityId, input)) };
  if (logo && !logo.ok) fieldErrors.logo = { key: logo.error };
  if (colours.length > 0 || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, colours };
  const before = await loadBranding(cityId);
  try {
    return await db().$transaction(async (tx) => {
      const logoHash = logo?.ok ? await putFile(logo.bytes, logo.contentType, tx) : before.logoHash;
      const after: BrandingSettings = { ...before, ...input, logoHash };
      const changed = changedFields(before, after);
      if (changed.length === 0) return { ok: true as const, changed };
      await tx.city.update({
        where: { id: cityId },
        data: {
          primaryColor: input.primaryColor,
          accentColor: input.accentColor,
          signatoryName: input.signatoryName,
          signatoryTitle: input.signatoryTitle,
          certificatePrefix: input.certificatePrefix,
          defaultLocale: input.defaultLocale,
          timeZone: input.timeZone,
          dataProtectionContact: input.dataProtectionContact,
          logoHash,
          requireCourseReview: input.requireCourseReview,
        },
      });
      if (changed.includes("emailDomains")) {
        await tx.cityEmailDomain.deleteMany({ where: { cityId, domain: { notIn: input.emailDomains } } });
        for (const domain of input.emailDomains)
          await tx.cityEmailDomain.upsert({ where: { domain }, create: { domain, cityId }, update: {} });
      }
      await audit(
        { cityId, actorId: admin.id, action: "city.branding.update", targetType: "City", targetId: cityId, details: { changed } },
        tx,
      );
      return { ok: true as const, changed };
    });
  } catch (error) {
    // Another city took the prefix or a domain between the check and the write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await takenByOthers(cityId, input);
      return {
        ok: false,
        fieldErrors: Object.keys(again).length > 0 ? again : { certificatePrefix: { key: "branding.error.prefixTaken" } },
        colours: [],
      };
    }
    throw error;
  }
}
