import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { languageList } from "~/authoring/language-names.ts";
import { requireRole } from "~/auth/guards.server.ts";
import { listCityCourses, setInNetworkCatalog } from "~/authoring/network-catalog.server.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { parseForm } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { FormAlert } from "~/ui/form.tsx";
import { NetworkNav } from "~/ui/network-nav.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

const schema = z.object({
  intent: z.enum(["publish", "withdraw"], "validation.required"),
  course: z.string("validation.required").trim().min(1, "validation.required").max(200, "validation.required"),
  // A withdrawal is done only once confirmed: the first press shows what it means.
  confirmed: z.literal("1").optional(),
});
const formLimits = { maxFields: 3, maxBytes: 1024 } as const satisfies FormLimits;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "NETWORK_ADMIN");
  return { courses: await listCityCourses(await getLocale(request)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const parsed = parseForm(schema, await readForm(request, formLimits));
  if (!parsed.ok) return data({ problem: "validation.required" as const, confirm: null }, { status: 400 });
  const { intent, course, confirmed } = parsed.data;
  if (intent === "withdraw" && !confirmed) return { problem: null, confirm: course };
  const outcome = await setInNetworkCatalog({ userId: admin.id, cityId: admin.city.id }, course, intent === "publish");
  if (!outcome.ok) return data({ problem: outcome.problem, confirm: null }, { status: 409 });
  return redirect(`/network/courses?done=${intent}&course=${encodeURIComponent(course)}`);
}

const buttonClass = "rounded bg-blue-800 px-3 py-1 font-semibold text-white hover:bg-blue-900";
const secondaryClass = "rounded border-2 border-blue-800 bg-white px-3 py-1 font-semibold text-blue-800";

export default function NetworkCoursesPage() {
  const { t, formats, lang } = useTranslation();
  const { courses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const titleOf = (key: string | null) => courses.find((course) => course.key === key)?.title ?? key ?? "";
  const done = actionData ? null : searchParams.get("done");
  const languages = (list: Locale[]) => languageList(t, lang, list);
  const confirming = actionData?.confirm ? courses.find((course) => course.key === actionData.confirm) : undefined;
  return (
    <div>
      <NetworkNav current="/network/courses" />
      <h1 className="mb-1 text-2xl font-bold">{t("authoring.networkCatalog.title")}</h1>
      <p className="mb-4 max-w-3xl text-slate-700">{t("authoring.networkCatalog.intro")}</p>
      {done === "publish" ? (
        <FormAlert tone="success">
          {t("authoring.networkCatalog.published", { course: titleOf(searchParams.get("course")) })}
        </FormAlert>
      ) : null}
      {done === "withdraw" ? (
        <FormAlert tone="success">
          {t("authoring.networkCatalog.withdrawn", { course: titleOf(searchParams.get("course")) })}
        </FormAlert>
      ) : null}
      {actionData?.problem ? <FormAlert>{t(actionData.problem)}</FormAlert> : null}
      {confirming ? (
        <div role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="mb-2">{t("authoring.networkCatalog.confirm", { course: confirming.title })}</p>
          <Form method="post" className="flex flex-wrap gap-3">
            <input type="hidden" name="course" value={confirming.key} />
            <input type="hidden" name="confirmed" value="1" />
            <button type="submit" name="intent" value="withdraw" className={buttonClass}>
              {t("authoring.networkCatalog.confirmButton")}
            </button>
            <Link to="/network/courses" className={secondaryClass}>
              {t("authoring.networkCatalog.cancel")}
            </Link>
          </Form>
        </div>
      ) : null}
      {courses.length === 0 ? (
        <p>{t("authoring.networkCatalog.none")}</p>
      ) : (
        <TableScroll label={t("authoring.networkCatalog.title")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("authoring.networkCatalog.col.city")}
                </th>
                <th scope="col" className="p-2">
                  {t("authoring.networkCatalog.col.course")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("authoring.networkCatalog.col.version")}
                </th>
                <th scope="col" className="p-2">
                  {t("authoring.networkCatalog.col.languages")}
                </th>
                <th scope="col" className="p-2">
                  {t("authoring.networkCatalog.col.inCatalog")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("authoring.networkCatalog.col.copies")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("authoring.networkCatalog.col.learners")}
                </th>
                <th scope="col" className="p-2">
                  {t("authoring.networkCatalog.col.action")}
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.key} className="border-b border-slate-200">
                  <td className="p-2">{course.city}</td>
                  <td className="p-2">{course.title}</td>
                  <td className="p-2 text-right">{formats.number(course.version)}</td>
                  <td className="p-2">{languages(course.languages)}</td>
                  <td className="p-2">
                    {course.inNetworkCatalog ? t("authoring.networkCatalog.yes") : t("authoring.networkCatalog.no")}
                  </td>
                  <td className="p-2 text-right">{formats.number(course.copies)}</td>
                  <td className="p-2 text-right">{formats.number(course.learners)}</td>
                  <td className="p-2">
                    <Form method="post">
                      <input type="hidden" name="course" value={course.key} />
                      {course.inNetworkCatalog ? (
                        <button
                          type="submit"
                          name="intent"
                          value="withdraw"
                          className={secondaryClass}
                          aria-label={`${t("authoring.networkCatalog.withdraw")}: ${course.title}`}
                        >
                          {t("authoring.networkCatalog.withdraw")}
                        </button>
                      ) : (
                        <button
                          type="submit"
                          name="intent"
                          value="publish"
                          className={buttonClass}
                          aria-label={`${t("authoring.networkCatalog.publish")}: ${course.title}`}
                        >
                          {t("authoring.networkCatalog.publish")}
                        </button>
                      )}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "authoring.networkCatalog.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
