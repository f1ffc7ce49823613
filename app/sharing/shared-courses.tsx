/** The network view's section of the courses shared to the network: where each came from and how many cities use it. */
import { useTranslation } from "~/i18n/use-translation.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";
import type { SharedCourse } from "./network-use.server.ts";

export function SharedCoursesSection({
  courses,
  timeZone,
}: {
  courses: Array<Omit<SharedCourse, "sharedAt"> & { sharedAt: Date | string }>;
  timeZone: string;
}) {
  const { t, formats } = useTranslation();
  return (
    <section aria-labelledby="shared-courses" className="mb-6">
      <h2 id="shared-courses" className="mb-1 text-xl font-semibold">
        {t("sharing.network.heading")}
      </h2>
      <p className="mb-2 max-w-3xl text-slate-700">{t("sharing.network.intro")}</p>
      {courses.length === 0 ? (
        <p>{t("sharing.network.none")}</p>
      ) : (
        <TableScroll label={t("sharing.network.heading")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("sharing.network.col.course")}
                </th>
                <th scope="col" className="p-2">
                  {t("sharing.network.col.city")}
                </th>
                <th scope="col" className="p-2">
                  {t("sharing.network.col.since")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("sharing.network.col.cities")}
                </th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.key} className="border-b border-slate-200">
                  <th scope="row" className="p-2 font-normal">
                    {course.title}
                  </th>
                  <td className="p-2">{course.city}</td>
                  <td className="p-2">{formats.day(course.sharedAt, timeZone)}</td>
                  <td className="p-2 text-right">{formats.number(course.cities)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
