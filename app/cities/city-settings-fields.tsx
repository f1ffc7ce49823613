/** The fields of a city's settings, shared by the network admin's "new city" and "edit city" forms. */
import type { FieldErrors } from "~/forms/parse-form.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { LanguageOptions, SelectField, TextField } from "~/ui/form.tsx";

export type SettingsValues = Partial<
  Record<"name" | "defaultLocale" | "timeZone" | "certificatePrefix" | "emailDomains", string>
>;

export function settingsLabels(t: ReturnType<typeof useTranslation>["t"]) {
  return {
    name: t("networkCities.field.name"),
    defaultLocale: t("networkCities.field.locale"),
    timeZone: t("networkCities.field.timeZone"),
    certificatePrefix: t("networkCities.field.prefix"),
    emailDomains: t("networkCities.field.domains"),
  };
}

export function CitySettingsFields({ values, errors }: { values: SettingsValues; errors?: FieldErrors }) {
  const { t } = useTranslation();
  const labels = settingsLabels(t);
  return (
    <>
      <TextField name="name" label={labels.name} defaultValue={values.name} errors={errors} />
      <SelectField name="defaultLocale" label={labels.defaultLocale} defaultValue={values.defaultLocale ?? "es"} errors={errors}>
        <LanguageOptions />
      </SelectField>
      <TextField
        name="timeZone"
        label={labels.timeZone}
        hint={t("networkCities.hint.timeZone")}
        defaultValue={values.timeZone}
        errors={errors}
      />
      <TextField
        name="certificatePrefix"
        label={labels.certificatePrefix}
        hint={t("networkCities.hint.prefix")}
        defaultValue={values.certificatePrefix}
        errors={errors}
      />
      <TextField
        name="emailDomains"
        label={labels.emailDomains}
        hint={t("networkCities.hint.domains")}
        defaultValue={values.emailDomains}
        errors={errors}
      />
    </>
  );
}
