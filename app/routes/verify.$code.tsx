import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { verifyCertificate } from "~/certificates/certificates.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

/**
 * Public: valid, expired, revoked or unknown, and nothing else about the person. Anyone may
 * cache it for a minute, so the session of whoever looks is never read (cache-policy.ts).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const result = await verifyCertificate(params.code ?? "");
  return data({ code: params.code ?? "", result }, { status: result.status === "unknown" ? 404 : 200 });
}

export default function VerifyPage() {
  const { t, lang } = useTranslation();
  const { code, result } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" });
  if (result.status === "unknown") {
    return (
      <div className="max-w-xl">
        <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
        <p role="status" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3">
          <span className="font-mono">{code}</span>: {t("verify.unknown")}
        </p>
        <p className="mt-4">
          <Link to="/verify" className="text-blue-800 underline">
            {t("verify.submit")}
          </Link>
        </p>
      </div>
    );
  }
  const tone = result.status === "valid" ? "border-green-700 bg-green-50" : "border-red-700 bg-red-50";
  const heading =
    result.status === "valid" ? t("verify.valid") : result.status === "expired" ? t("verify.expired") : t("verify.revoked");
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-bold">{t("verify.title")}</h1>
      <section className={`mt-4 rounded border-l-4 p-4 ${tone}`} aria-labelledby="verify-status">
        <h2 id="verify-status" className="text-xl font-semibold">
          {heading}
        </h2>
        <p className="mt-1 font-mono">{code}</p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {/* An erased person's certificates keep no name (decision 027). */}
          {result.holderName ? (
            <>
              <dt className="font-medium">{t("verify.holder")}</dt>
              <dd>{result.holderName}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("verify.course")}</dt>
          <dd>
            {result.courseTitle} ({t("course.version", { number: result.courseVersion })})
          </dd>
          <dt className="font-medium">{t("verify.city")}</dt>
          <dd>{result.cityName}</dd>
          <dt className="font-medium">{t("verify.issued")}</dt>
          <dd>{date.format(new Date(result.issuedAt))}</dd>
          {result.status === "expired" && result.expiresAt ? (
            <>
              <dt className="font-medium">{t("verify.expiredOn")}</dt>
              <dd>{date.format(new Date(result.expiresAt))}</dd>
            </>
          ) : null}
          {result.status === "revoked" && result.revokedAt ? (
            <>
              <dt className="font-medium">{t("verify.revokedOn")}</dt>
              <dd>{date.format(new Date(result.revokedAt))}</dd>
            </>
          ) : null}
        </dl>
      </section>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "verify.title");
