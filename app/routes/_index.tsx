import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { hasRole } from "~/auth/roles.ts";
import { listCitiesWithDepartments } from "~/cities/cities.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) {
    const cities = await listCitiesWithDepartments();
    return { kind: "welcome" as const, cities: cities.map((city) => city.name) };
  }
  return {
    kind: "dashboard" as const,
    name: user.name,
    city: user.city.name,
    department: user.department?.name ?? null,
    roles: user.roles,
  };
}

function Welcome({ cities }: { cities: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("home.title")}</h1>
      <p className="mt-4 text-lg text-slate-700">{t("home.intro")}</p>
      <p className="mt-6 flex flex-wrap gap-3">
        <Link to="/signup" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white no-underline hover:bg-blue-900">
          {t("home.start")}
        </Link>
        <Link to="/login" className="rounded border border-blue-800 px-4 py-2 font-semibold text-blue-800 no-underline">
          {t("home.haveAccount")}
        </Link>
      </p>
      <h2 className="mt-10 text-xl font-semibold">{t("home.cities")}</h2>
      <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {cities.map((city) => (
          <li key={city} className="rounded border border-slate-300 bg-white px-3 py-2">
            {city}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function IndexPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  if (data.kind === "welcome") return <Welcome cities={data.cities} />;
  const isCityAdmin = hasRole(data.roles, "CITY_ADMIN");
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{t("dashboard.title", { name: data.name })}</h1>
      <p className="mt-2 text-slate-700">{t("dashboard.intro", { city: data.city })}</p>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("dashboard.department")}</dt>
        <dd>{data.department ?? t("dashboard.noDepartment")}</dd>
        <dt className="font-medium">{t("dashboard.yourRoles")}</dt>
        <dd>{["LEARNER" as const, ...data.roles].map((role) => t(`role.${role}`)).join(", ")}</dd>
      </dl>
      <h2 className="mt-8 text-xl font-semibold">{t("dashboard.nextSteps")}</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <Link to="/profile" className="text-blue-800 underline">
            {t("dashboard.editProfile")}
          </Link>
        </li>
        {isCityAdmin ? (
          <>
            <li>
              <Link to="/admin/invitations" className="text-blue-800 underline">
                {t("dashboard.manageInvitations")}
              </Link>
            </li>
            <li>
              <Link to="/admin/people" className="text-blue-800 underline">
                {t("dashboard.managePeople")}
              </Link>
            </li>
          </>
        ) : null}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "app.tagline");
