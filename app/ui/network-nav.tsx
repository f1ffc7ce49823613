/** The links between the network admin's pages, shown at the top of each of them. */
import { useTranslation } from "~/i18n/use-translation.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { SubNav } from "./admin-nav.tsx";

const networkPages: Array<{ to: string; label: MessageKey }> = [
  { to: "/network", label: "network.nav" },
  { to: "/network/cities", label: "networkCities.nav" },
  { to: "/network/audit", label: "audit.networkNav" },
  { to: "/network/courses", label: "authoring.networkCatalog.nav" },
];

export function NetworkNav({ current }: { current: string }) {
  const { t } = useTranslation();
  return <SubNav pages={networkPages} current={current} label={t("networkCities.navLabel")} />;
}
