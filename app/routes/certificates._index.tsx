import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server.ts";
import { listMyCertificates } from "~/certificates/certificates.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { certificates: await listMyCertificates(user.id), timeZone: user.city.timeZone };
}

export default function MyCertificatesPage() {
  const { t, lang } = useTranslation();
  const { certificates, timeZone } = useLoaderData<typeof loader>();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone });
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{t("certificates.title")}</h1>
      {certificates.length === 0 ? <p className="mt-4">{t("certificates.none")}</p> : null}
      <ul className="mt-4 space-y-4">
        {certificates.map((certificate) => (
          <li key={certificate.code} className="rounded border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-semibold">{certificate.courseTitle}</h2>
            <p className="mt-1 font-mono text-sm">{certificate.code}</p>
            <p className="mt-1 text-sm text-slate-700">
              {t("certificates.issued", { date: date.format(new Date(certificate.issuedAt)) })}
              {certificate.expiresAt
                ? ` · ${t("certificates.expires", { date: date.format(new Date(certificate.expiresAt)) })}`
                : ""}
            </p>
            {certificate.revokedAt ? (
              <p className="mt-1 font-semibold text-red-800">
                {t("certificates.revoked", { date: date.format(new Date(certificate.revokedAt)) })}
              </p>
            ) : null}
            <p className="mt-3 flex flex-wrap gap-4">
              {certificate.revokedAt ? null : (
                <a href={`/certificates/${certificate.code}/pdf`} className="text-blue-800 underline" download>
                  {t("certificates.download", { course: certificate.courseTitle })}
                </a>
              )}
              <Link to={`/verify/${certificate.code}`} className="text-blue-800 underline">
                {t("certificates.verifyLink")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "certificates.title");
