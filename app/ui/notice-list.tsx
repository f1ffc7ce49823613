/** The learner's unread reminder notices on the dashboard, each with a link to its course and a "mark as read" button. */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation.ts";

export interface NoticeItem {
  id: string;
  kind: "assigned" | "window-opened" | "due-soon" | "overdue";
  courseKey: string;
  course: string;
  dueAt: string;
}

export function NoticeList({ notices, timeZone }: { notices: readonly NoticeItem[]; timeZone: string }) {
  const { t, lang } = useTranslation();
  if (notices.length === 0) return null;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone });
  return (
    <section aria-labelledby="notices-title" className="mt-8">
      <h2 id="notices-title" className="text-xl font-semibold">
        {t("reminders.notices.title")}
      </h2>
      <ul className="mt-3 space-y-3">
        {notices.map((notice) => (
          <li
            key={notice.id}
            className={`rounded border bg-white p-4 ${notice.kind === "overdue" ? "border-2 border-red-700" : "border-slate-300"}`}
          >
            <p>{t(`reminders.notice.${notice.kind}`, { course: notice.course, date: date.format(new Date(notice.dueAt)) })}</p>
            <div className="mt-2 flex flex-wrap items-center gap-4">
              <Link to={`/courses/${notice.courseKey}`} className="text-blue-800 underline">
                {t("reminders.notices.open", { course: notice.course })}
              </Link>
              <Form method="post" action="/notices">
                <input type="hidden" name="noticeId" value={notice.id} />
                <button
                  type="submit"
                  className="rounded border border-blue-800 px-3 py-1 font-semibold text-blue-800"
                  aria-label={t("reminders.notices.markReadLabel", { course: notice.course })}
                >
                  {t("reminders.notices.markRead")}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
