import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { listNetworkCities } from "~/cities/network-cities.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { NetworkNav } from "~/ui/network-nav.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "NETWORK_ADMIN");
  return { cities: await listNetworkCities() };
}

export default function NetworkCitiesPage() {
  const { t, formats } = useTranslation();
  const { cities } = useLoaderData<typeof loader>();
  return (
    <div>
      <NetworkNav current="/network/cities" />
      <h1 className="mb-1 text-2xl font-bold">{t("networkCities.title")}</h1>
      <p className="mb-4 text-slate-700">{t("networkCities.intro")}</p>
      <p className="mb-4">
        <Link to="/network/cities/new" className="text-blue-800 underline">
          {t("networkCities.createLink")}
        </Link>
      </p>
      <TableScroll label={t("networkCities.title")}>
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("networkCities.col.name")}
              </th>
              <th scope="col" className="p-2">
                {t("networkCities.col.slug")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("networkCities.col.people")}
              </th>
              <th scope="col" className="p-2">
                {t("networkCities.col.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cities.map((city) => (
              <tr key={city.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link to={`/network/cities/${city.slug}`} className="text-blue-800 underline">
                    {city.name}
                  </Link>
                </td>
                <td className="p-2 font-mono">{city.slug}</td>
                <td className="p-2 text-right">{formats.number(city.people)}</td>
                <td className="p-2">
                  {city.deactivatedAt
                    ? t("networkCities.status.deactivated", { date: formats.day(city.deactivatedAt, "UTC") })
                    : t("networkCities.status.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkCities.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
