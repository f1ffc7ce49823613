import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { hasRole } from "~/auth/roles.ts";
import { listCitiesWithDepartments } from "~/cities/cities.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang } from "~/i18n/locales.ts";
import { learnerDashboard } from "~/learning/enrollments.server.ts";
import { reconcileLearnerAssignments } from "~/assignments/cycles.server.ts";
import { positionHref } from "~/learning/progress.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { unreadNotices } from "~/assignments/notices.server.ts";
import { NoticeList } from "~/ui/notice-list.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!user) {
    const cities = await listCitiesWithDepartments();
    return { kind: "welcome" as const, cities: cities.map((city) => city.name) };
  }
  // The one repair a GET makes: recertification cycles whose window has opened (decision 019).
  await reconcileLearnerAssignments(user.id);
  return {
    kind: "dashboard" as const,
    name: user.name,
    city: user.city.name,
    department: user.department?.name ?? null,
    roles: user.roles,
    timeZone: user.city.timeZone,
    courses: await learnerDashboard(user, await getLocale(request)),
    // Reminders (app/assignments/): the learner's unread notices.
    notices: await unreadNotices(user.id),
  };
}

type DashboardItem = Awaited<ReturnType<typeof learnerDashboard>>["assigned"][number];

function CourseList({ items, timeZone }: { items: DashboardItem[]; timeZone: string }) {
  const { t, formats } = useTranslation();
  if (items.length === 0) return <p className="mt-2 text-slate-700">{t("dashboard.none")}</p>;
  return (
    <ul className="mt-3 space-y-3">
      {items.map((item) => (
        <li
          key={item.key}
          className={`rounded border bg-white p-4 ${item.overdue ? "border-2 border-red-700" : "border-slate-300"}`}
        >
          <h3 className="font-semibold" lang={htmlLang[item.shownLocale]}>
            <Link to={`/courses/${item.courseKey}`} className="text-blue-800 underline">
              {item.title}
            </Link>
          </h3>
          {item.dueAt && !item.completedAt ? (
            <p className={`mt-1 text-sm ${item.overdue ? "font-semibold text-red-800" : "text-slate-700"}`}>
              {item.overdue
                ? t("dashboard.overdue", { date: formats.dateTimeWithZone(item.dueAt, timeZone) })
                : t("dashboard.due", { date: formats.dateTimeWithZone(item.dueAt, timeZone) })}
            </p>
          ) : null}
          {item.completedAt ? (
            item.certificate ? (
              <p className="mt-2">
                <Link to="/certificates" className="text-blue-800 underline">
                  {t("dashboard.certificate", { code: item.certificate.code })}
                </Link>
              </p>
            ) : null
          ) : !item.started ? (
            <p className="mt-2">
              <Link
                to={`/courses/${item.courseKey}`}
                className="inline-block rounded bg-blue-800 px-3 py-1 font-semibold text-white no-underline"
                aria-label={t("assignments.dashboard.start", { course: item.title })}
              >
                {t("course.start")}
              </Link>
            </p>
          ) : (
            <>
              <progress
                className="mt-2 h-3 w-full"
                max={100}
                value={item.percent}
                aria-label={t("dashboard.progressLabel", { course: item.title })}
              />
              <p className="mt-1 text-sm text-slate-700">{t("course.progress", { percent: formats.percent(item.percent) })}</p>
              <p className="mt-2">
                <Link
                  to={positionHref(item.courseKey, item.continueAt)}
                  className="inline-block rounded bg-blue-800 px-3 py-1 font-semibold text-white no-underline"
                  aria-label={t("dashboard.continue", { course: item.title })}
                >
                  {t("course.continue")}
                </Link>
              </p>
            </>
          )}
        </li>
      ))}
    </ul>
  );
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
      <NoticeList notices={data.notices} timeZone={data.timeZone} />
      <section aria-labelledby="assigned-title" className="mt-8">
        <h2 id="assigned-title" className="text-xl font-semibold">
          {t("dashboard.assigned")}
        </h2>
        <CourseList items={data.courses.assigned} timeZone={data.timeZone} />
      </section>
      <section aria-labelledby="progress-title" className="mt-8">
        <h2 id="progress-title" className="text-xl font-semibold">
          {t("dashboard.inProgress")}
        </h2>
        <CourseList items={data.courses.inProgress} timeZone={data.timeZone} />
      </section>
      <section aria-labelledby="completed-title" className="mt-8">
        <h2 id="completed-title" className="text-xl font-semibold">
          {t("dashboard.completed")}
        </h2>
        <CourseList items={data.courses.completed} timeZone={data.timeZone} />
      </section>
      <h2 className="mt-8 text-xl font-semibold">{t("dashboard.nextSteps")}</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <Link to="/courses" className="text-blue-800 underline">
            {t("dashboard.browseCatalog")}
          </Link>
        </li>
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
