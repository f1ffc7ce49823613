/**
 * Previews of a city's header and certificate with proposed colours, logo and signature, drawn as
 * SVG: colours are presentation attributes, so the page's strict style policy still holds. The
 * layout follows app/ui/shell.tsx (header) and app/certificates/pdf.server.ts (certificate).
 */
import { useTranslation } from "~/i18n/use-translation.ts";

export interface PreviewBranding {
  cityName: string;
  primaryColor: string;
  accentColor: string;
  signatoryName: string;
  signatoryTitle: string;
  certificatePrefix: string;
  /** A /files/<hash> address or a data: URI of the proposed logo. */
  logoUrl: string | null;
}

const WHITE = "#ffffff";
const INK = "#1a1a26";

export function HeaderPreview({ branding }: { branding: PreviewBranding }) {
  const { t } = useTranslation();
  const label = t("branding.previewHeaderLabel", { city: branding.cityName });
  const textX = branding.logoUrl ? 76 : 16;
  return (
    <svg viewBox="0 0 640 76" role="img" aria-label={label} className="block h-auto w-full max-w-2xl border border-slate-300">
      <rect x="0" y="0" width="640" height="72" fill={branding.primaryColor} />
      <rect x="0" y="72" width="640" height="4" fill={branding.accentColor} />
      {branding.logoUrl ? (
        <image href={branding.logoUrl} x="12" y="10" width="52" height="52" preserveAspectRatio="xMidYMid meet" />
      ) : null}
      <text x={textX} y="44" fill={WHITE} fontFamily="sans-serif" fontSize="20" fontWeight="bold">
        {`${t("app.name")} · ${branding.cityName}`}
      </text>
    </svg>
  );
}

export function CertificatePreview({ branding }: { branding: PreviewBranding }) {
  const { t } = useTranslation();
  const label = t("branding.previewCertificateLabel", { city: branding.cityName });
  const nameX = branding.logoUrl ? 110 : 40;
  return (
    <svg viewBox="0 0 842 595" role="img" aria-label={label} className="block h-auto w-full max-w-2xl border border-slate-300">
      <rect x="0" y="0" width="842" height="595" fill={WHITE} />
      <rect x="0" y="0" width="842" height="90" fill={branding.primaryColor} />
      <rect x="0" y="90" width="842" height="6" fill={branding.accentColor} />
      {branding.logoUrl ? (
        <image href={branding.logoUrl} x="30" y="10" width="70" height="70" preserveAspectRatio="xMidYMid meet" />
      ) : null}
      <text x={nameX} y="58" fill={WHITE} fontFamily="sans-serif" fontSize="26" fontWeight="bold">
        {branding.cityName}
      </text>
      <text x="802" y="54" fill={WHITE} fontFamily="sans-serif" fontSize="16" fontWeight="bold" textAnchor="end">
        Aula IA
      </text>
      <rect x="24" y="116" width="794" height="455" fill="none" stroke={branding.accentColor} strokeWidth="2" />
      <g fontFamily="sans-serif" textAnchor="middle">
        <text x="421" y="160" fill={branding.primaryColor} fontSize="30" fontWeight="bold">
          {t("certificate.pdf.title").toUpperCase()}
        </text>
        <text x="421" y="200" fill={INK} fontSize="14">
          {t("certificate.pdf.certifies", { city: branding.cityName })}
        </text>
        <text x="421" y="245" fill={INK} fontSize="28" fontWeight="bold">
          {t("branding.previewHolder")}
        </text>
        <text x="421" y="285" fill={INK} fontSize="14">
          {t("certificate.pdf.completed")}
        </text>
        <text x="421" y="320" fill={branding.primaryColor} fontSize="20" fontWeight="bold">
          {t("branding.previewCourse")}
        </text>
      </g>
      <line x1="80" y1="475" x2="330" y2="475" stroke="#4d4d4d" strokeWidth="1" />
      <g fontFamily="sans-serif" fill={INK}>
        <text x="80" y="493" fontSize="12" fontWeight="bold">
          {branding.signatoryName}
        </text>
        <text x="80" y="509" fontSize="10">
          {branding.signatoryTitle}
        </text>
        <text x="422" y="503" fontSize="11" fontWeight="bold">
          {`${t("certificate.pdf.code")}: ${branding.certificatePrefix}-7K3Q-9XRT-M4PZ`}
        </text>
      </g>
    </svg>
  );
}
