/** Each city's retention of inactive accounts and data-protection contact, as the privacy notice states them. */
import { useTranslation } from "~/i18n/use-translation.ts";

export interface CityPrivacyTerms {
  slug: string;
  name: string;
  retentionMonths: number | null;
  dataProtectionContact: string;
}

export function CityPrivacyList({ cities }: { cities: readonly CityPrivacyTerms[] }) {
  const { t } = useTranslation();
  return (
    <ul className="space-y-2">
      {cities.map((city) => (
        <li key={city.slug} id={`city-${city.slug}`}>
          <span className="font-semibold">{city.name}</span>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt>{t("rights.notice.col.retention")}</dt>
            <dd>
              {city.retentionMonths === null
                ? t("rights.notice.noRetention")
                : t("rights.notice.retention", { count: city.retentionMonths })}
            </dd>
            <dt>{t("rights.notice.col.contact")}</dt>
            <dd className="break-words">{city.dataProtectionContact || t("rights.notice.noContact")}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
