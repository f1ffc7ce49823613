/** Issuing, listing, verifying and revoking certificates. */
import { certificateExpiry } from "~/assignments/cycle-dates.ts";
import { validityOf } from "~/assignments/enrollment-link.server.ts";
import { z } from "zod";
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { now } from "~/clock.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db, Prisma } from "~/db.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { countAttempt, throttleRules, type ThrottleState } from "~/security/throttle.server.ts";
import { newCertificateCode, normaliseCode } from "./codes.ts";

/** The city's branding as a certificate keeps it: the logo by its hash in the file store, never its bytes. */
export const citySnapshotSchema = z.object({
  name: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  logoHash: z.string().nullable().default(null),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
});
export type CitySnapshot = z.infer<typeof citySnapshotSchema>;

/** The columns of City a snapshot is made of. */
export const citySnapshotSelect = {
  name: true,
  primaryColor: true,
  accentColor: true,
  logoHash: true,
  signatoryName: true,
  signatoryTitle: true,
} as const;

/** The one way a city's branding becomes a certificate's snapshot (issuing, the demo generator). */
export function citySnapshotOf(city: CitySnapshot): CitySnapshot {
  const { name, primaryColor, accentColor, logoHash, signatoryName, signatoryTitle } = city;
  return { name, primaryColor, accentColor, logoHash, signatoryName, signatoryTitle };
}

/** Who a certificate is for and the city's branding now: read before the transaction that issues it. */
export interface CertificateHolder {
  enrollmentId: string;
  userId: string;
  holderName: string;
  locale: Locale;
  courseSourceLocale: string;
  validityMonths: number | null;
  city: { id: string; certificatePrefix: string; timeZone: string; snapshot: CitySnapshot };
}

/** The attempt a certificate records: its score and the course version it was taken on. */
export interface PassingAttempt {
  score: number;
  version: { number: number; title: string; languages: string };
}

export const passingVersionSelect = { number: true, title: true, languages: true } as const;

export async function certificateHolder(enrollmentId: string): Promise<CertificateHolder> {
  const enrollment = await db().enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      userId: true,
      assignedAs: { where: { withdrawnAt: null }, select: { assignment: { select: { validityMonths: true } } } },
      user: {
        select: {
          name: true,
          locale: true,
          city: {
            select: { id: true, certificatePrefix: true, timeZone: true, ...citySnapshotSelect },
          },
        },
      },
      course: { select: { sourceLocale: true } },
    },
  });
  const { city } = enrollment.user;
  return {
    enrollmentId,
    userId: enrollment.userId,
    holderName: enrollment.user.name,
    locale: isLocale(enrollment.user.locale) ? enrollment.user.locale : "es",
    courseSourceLocale: enrollment.course.sourceLocale,
    validityMonths: validityOf(enrollment.assignedAs),
    city: {
      id: city.id,
      certificatePrefix: city.certificatePrefix,
      timeZone: city.timeZone,
      snapshot: citySnapshotOf(city),
    },
  };
}

/**
 * Issues the enrolment's certificate exactly once, inside the caller's transaction (the one
 * that records completion): an existing certificate is returned as it is, and the unique index
 * on `enrollmentId` makes a concurrent second insert fail, which fails that whole transaction
 * (see `commitProgress` in app/learning/enrollments.server.ts, which runs it again).
 */
export async function issueCertificate(
  tx: Prisma.TransactionClient,
  holder: CertificateHolder,
  passing: PassingAttempt,
): Promise<{ code: string }> {
  const existing = await tx.certificate.findUnique({ where: { enrollmentId: holder.enrollmentId }, select: { code: true } });
  if (existing) return existing;
  const titleLocale = pickLocale(parseLocales(passing.version.languages), holder.courseSourceLocale, holder.locale);
  const issuedAt = now();
  const validity = holder.validityMonths;
  const expiresAt = validity ? certificateExpiry(issuedAt, validity, holder.city.timeZone) : null;
  return tx.certificate.create({
    data: {
      code: newCertificateCode(holder.city.certificatePrefix),
      enrollmentId: holder.enrollmentId,
      userId: holder.userId,
      cityId: holder.city.id,
      holderName: holder.holderName,
      courseTitle: readLocalized(passing.version.title, titleLocale, titleLocale, z.string()),
      courseVersion: passing.version.number,
      score: passing.score,
      locale: holder.locale,
      citySnapshot: JSON.stringify(holder.city.snapshot),
      issuedAt,
      expiresAt,
    },
    select: { code: true },
  });
}

export type VerifyResult =
  | { status: "unknown" }
  | {
      status: "valid" | "expired" | "revoked";
      holderName: string;
      courseTitle: string;
      courseVersion: number;
      cityName: string;
      issuedAt: Date;
      expiresAt: Date | null;
      revokedAt: Date | null;
    };

/** One indexed lookup by code; says nothing about the person beyond the certificate. */
export async function verifyCertificate(rawCode: string): Promise<VerifyResult> {
  const certificate = await db().certificate.findUnique({
    where: { code: normaliseCode(rawCode) },
    select: {
      holderName: true,
      courseTitle: true,
      courseVersion: true,
      citySnapshot: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  if (!certificate) return { status: "unknown" };
  const city = citySnapshotSchema.parse(JSON.parse(certificate.citySnapshot));
  const status = certificate.revokedAt
    ? "revoked"
    : certificate.expiresAt && certificate.expiresAt <= now()
      ? "expired"
      : "valid";
  return {
    status,
    holderName: certificate.holderName,
    courseTitle: certificate.courseTitle,
    courseVersion: certificate.courseVersion,
    cityName: city.name,
    issuedAt: certificate.issuedAt,
    expiresAt: certificate.expiresAt,
    revokedAt: certificate.revokedAt,
  };
}

export async function listMyCertificates(userId: string) {
  return db().certificate.findMany({
    where: { userId },
    orderBy: { issuedAt: "desc" },
    select: {
      code: true,
      courseTitle: true,
      courseVersion: true,
      score: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
      enrollment: { select: { course: { select: { key: true } } } },
    },
  });
}

/** Rendering a PDF costs tens of milliseconds of CPU: each rendering counts per holder and per address. */
export function countPdfRendering(userId: string, ip: string): Promise<ThrottleState> {
  return countAttempt([
    [`pdf:account:${userId}`, throttleRules.pdfAccount],
    [`pdf:ip:${ip}`, throttleRules.pdfIp],
  ]);
}

/** The certificate for the PDF: only its holder may download it. */
export async function certificateForDownload(userId: string, code: string) {
  return db().certificate.findFirst({
    where: { code: normaliseCode(code), userId },
    select: {
      code: true,
      holderName: true,
      courseTitle: true,
      courseVersion: true,
      score: true,
      locale: true,
      citySnapshot: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
}

export async function listCityCertificates(cityId: string) {
  return db().certificate.findMany({
    where: { cityId },
    orderBy: { issuedAt: "desc" },
    take: 200,
    select: {
      code: true,
      holderName: true,
      courseTitle: true,
      issuedAt: true,
      expiresAt: true,
      revokedAt: true,
      revokedReason: true,
    },
  });
}

/** A city admin revokes a certificate of their own city, with a reason (audited). */
export async function revokeCertificate(admin: CurrentUser, code: string, reason: string): Promise<boolean> {
  const at = now();
  // The revocation and its audit entry are written together, or neither is.
  return db().$transaction(async (tx) => {
    const updated = await tx.certificate.updateMany({
      where: { code: normaliseCode(code), cityId: admin.city.id, revokedAt: null },
      data: { revokedAt: at, revokedReason: reason, revokedById: admin.id },
    });
    if (updated.count !== 1) return false;
    await audit(
      {
        cityId: admin.city.id,
        actorId: admin.id,
        action: "certificate.revoke",
        targetType: "Certificate",
        targetId: normaliseCode(code),
        details: { reason },
      },
      tx,
    );
    return true;
  });
}
