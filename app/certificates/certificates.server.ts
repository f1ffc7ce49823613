/** Issuing, listing, verifying and revoking certificates. */
import { z } from "zod";
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { now } from "~/clock.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db, Prisma } from "~/db.server.ts";
import { isLocale } from "~/i18n/locales.ts";
import { countAttempt, throttleRules, type ThrottleState } from "~/security/throttle.server.ts";
import { newCertificateCode, normaliseCode } from "./codes.ts";

export const citySnapshotSchema = z.object({
  name: z.string(),
  primaryColor: z.string(),
  accentColor: z.string(),
  logoSvg: z.string().nullable(),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
});
export type CitySnapshot = z.infer<typeof citySnapshotSchema>;

/**
 * Issues the enrolment's certificate exactly once: the unique index on `enrollmentId`
 * makes a concurrent second insert fail, and the existing certificate is returned.
 */
export async function issueCertificate(enrollmentId: string): Promise<{ code: string }> {
  const existing = await db().certificate.findUnique({ where: { enrollmentId }, select: { code: true } });
  if (existing) return existing;
  const enrollment = await db().enrollment.findUniqueOrThrow({
    where: { id: enrollmentId },
    select: {
      userId: true,
      assignment: { select: { certificateValidityMonths: true } },
      user: {
        select: {
          name: true,
          locale: true,
          city: {
            select: {
              id: true,
              name: true,
              primaryColor: true,
              accentColor: true,
              logoSvg: true,
              signatoryName: true,
              signatoryTitle: true,
              certificatePrefix: true,
            },
          },
        },
      },
      course: { select: { sourceLocale: true } },
      attempts: {
        where: { passed: true },
        orderBy: { submittedAt: "asc" },
        take: 1,
        select: { score: true, version: { select: { number: true, title: true, languages: true } } },
      },
    },
  });
  const passing = enrollment.attempts[0];
  if (!passing) throw new Error("issueCertificate: the enrolment has no passed quiz");
  const { city } = enrollment.user;
  const locale = isLocale(enrollment.user.locale) ? enrollment.user.locale : "es";
  const titleLocale = pickLocale(parseLocales(passing.version.languages), enrollment.course.sourceLocale, locale);
  const issuedAt = now();
  const validity = enrollment.assignment?.certificateValidityMonths;
  const expiresAt = validity
    ? new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth() + validity, issuedAt.getUTCDate()))
    : null;
  const snapshot: CitySnapshot = {
    name: city.name,
    primaryColor: city.primaryColor,
    accentColor: city.accentColor,
    logoSvg: city.logoSvg,
    signatoryName: city.signatoryName,
    signatoryTitle: city.signatoryTitle,
  };
  for (let tries = 0; tries < 5; tries += 1) {
    try {
      return await db().certificate.create({
        data: {
          code: newCertificateCode(city.certificatePrefix),
          enrollmentId,
          userId: enrollment.userId,
          cityId: city.id,
          holderName: enrollment.user.name,
          courseTitle: readLocalized(passing.version.title, titleLocale, titleLocale, z.string()),
          courseVersion: passing.version.number,
          score: passing.score ?? 0,
          locale,
          citySnapshot: JSON.stringify(snapshot),
          issuedAt,
          expiresAt,
        },
        select: { code: true },
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      const issued = await db().certificate.findUnique({ where: { enrollmentId }, select: { code: true } });
      if (issued) return issued;
      // Otherwise the random code collided: draw another.
    }
  }
  throw new Error("issueCertificate: could not draw a unique code");
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
